"""The actions an AnnualReportEvent records, as named constants (one per state change
of a report).  Stored in ``AnnualReportEvent.action``; never write the strings out."""

from __future__ import annotations

from typing import Final

# -- the office's own reports (annual_reports.services) -----------------------
REPORT_CREATED: Final = "annual_reports.created"
REPORT_UPDATED: Final = "annual_reports.updated"
REPORT_PUBLISHED: Final = "annual_reports.published"
REPORT_UNPUBLISHED: Final = "annual_reports.unpublished"
REPORT_RECHECKED: Final = "annual_reports.rechecked"
#: Sections 三 (and, once appeals exist, 四) computed from the applications.
REPORT_COMPUTED: Final = "annual_reports.computed"

# -- cell overrides (any report) ---------------------------------------------
CELL_OVERRIDDEN: Final = "annual_reports.cell_overridden"
CELL_OVERRIDE_WITHDRAWN: Final = "annual_reports.cell_override_withdrawn"

# -- imported reports (written through the same pipeline by imports) ---------
REPORT_IMPORTED: Final = "imports.imported"
REPORT_REIMPORTED: Final = "imports.reimported"
#: A person names the organ or the year of an imported report.
REPORT_REASSIGNED: Final = "imports.reassigned"
#: A person starts filling in a table the import did not find in the source.
REPORT_TABLE_ADDED: Final = "imports.table_added"
#: A person with publish rights shows an imported report on the public portal/API,
#: or takes it off again.
REPORT_SHOWN_PUBLICLY: Final = "annual_reports.shown_publicly"
REPORT_HIDDEN_PUBLICLY: Final = "annual_reports.hidden_publicly"

#: Actions of the imports app's corrections before they became cell overrides
#: (rewritten by the migration ``imports.0002``).
LEGACY_ACTIONS: Final[dict[str, str]] = {
    "imports.corrected": CELL_OVERRIDDEN,
    "imports.correction_withdrawn": CELL_OVERRIDE_WITHDRAWN,
}

ACTIONS: Final = frozenset(
    {
        REPORT_CREATED,
        REPORT_UPDATED,
        REPORT_PUBLISHED,
        REPORT_UNPUBLISHED,
        REPORT_RECHECKED,
        REPORT_COMPUTED,
        CELL_OVERRIDDEN,
        CELL_OVERRIDE_WITHDRAWN,
        REPORT_IMPORTED,
        REPORT_REIMPORTED,
        REPORT_REASSIGNED,
        REPORT_TABLE_ADDED,
        REPORT_SHOWN_PUBLICLY,
        REPORT_HIDDEN_PUBLICLY,
    }
)
