"""The actions an ImportEvent records, as named constants.  (An imported report's own
changes are AnnualReportEvents: see ``annual_reports.events``.)"""

from __future__ import annotations

from typing import Final

ORGANISATION_CREATED: Final = "imports.organisation_created"
ORGANISATION_CONFIRMED: Final = "imports.organisation_confirmed"
BATCH_CREATED: Final = "imports.batch_created"
BATCH_RETRIED: Final = "imports.batch_retried"
