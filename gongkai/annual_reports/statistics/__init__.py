"""Where every cell of a computed report comes from: the statistics registry and the
mapping of legal outcomes to report rows (see ``docs/reference/statistics.md``)."""

from __future__ import annotations

from gongkai.annual_reports.statistics.outcomes import (
    APPEAL_KINDS,
    APPEAL_RESULTS,
    APPLICANT_TYPES,
    OUTCOMES,
    appeal_cell,
    outcome_cell,
)
from gongkai.annual_reports.statistics.registry import (
    CELLS,
    STATISTIC_OF,
    STATISTICS,
    Collector,
    Origin,
    Statistic,
    collect,
    computed_cells,
    derive,
    origin_of,
    register_collector,
    report_from_cells,
    unregister_collector,
)

__all__ = [
    "APPEAL_KINDS",
    "APPEAL_RESULTS",
    "APPLICANT_TYPES",
    "CELLS",
    "OUTCOMES",
    "STATISTICS",
    "STATISTIC_OF",
    "Collector",
    "Origin",
    "Statistic",
    "appeal_cell",
    "collect",
    "computed_cells",
    "derive",
    "origin_of",
    "outcome_cell",
    "register_collector",
    "report_from_cells",
    "unregister_collector",
]
