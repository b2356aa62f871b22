"""Writes to annual reports.  ``pipeline.report_rebuild`` is the one writer of a
report's statistics; the others are the state changes that use it (or, for
publication, only change the state)."""

from gongkai.annual_reports.services.computed import report_compute
from gongkai.annual_reports.services.overrides import (
    report_cell_override,
    report_cell_override_withdraw,
)
from gongkai.annual_reports.services.pipeline import (
    report_rebuild,
    report_recheck,
    report_recheck_stale,
)
from gongkai.annual_reports.services.reports import (
    may_show_publicly,
    report_publish,
    report_save,
    report_show_publicly,
    report_unpublish,
)

__all__ = [
    "may_show_publicly",
    "report_cell_override",
    "report_cell_override_withdraw",
    "report_compute",
    "report_publish",
    "report_rebuild",
    "report_recheck",
    "report_recheck_stale",
    "report_save",
    "report_show_publicly",
    "report_unpublish",
]
