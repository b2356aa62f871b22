"""The actions an ImportEvent records, as named constants.  (An imported report's own
changes are AnnualReportEvents: see ``annual_reports.events``.)"""

from __future__ import annotations

from typing import Final

ORGANISATION_CREATED: Final = "imports.organisation_created"
ORGANISATION_CONFIRMED: Final = "imports.organisation_confirmed"
BATCH_CREATED: Final = "imports.batch_created"
BATCH_RETRIED: Final = "imports.batch_retried"
#: An auditor's review of an imported report (``imports.services.review``).
SPLIT_ACCEPTED: Final = "imports.split_accepted"
TABLE_ADDED: Final = "imports.table_added"
REPORT_ASSIGNED: Final = "imports.report_assigned"
RECORD_ASSIGNED: Final = "imports.record_assigned"
