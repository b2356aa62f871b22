"""The collector of the appeals workflow: section 四 counted from the appeals.

``annual_reports`` imports the appeals app's selector (never the other way round).
``appeals.selectors.appeal_counts_for_report`` counts by plain codes (kind, result);
``registry`` maps them to the cells of ``appeals:results`` through
``outcomes.appeal_cell``.  Registered when the app registry is ready
(``AnnualReportsConfig.ready``), so that ``report_compute`` fills section 四.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from gongkai.annual_reports.statistics.registry import (
    Counts,
    collectors,
    register_collector,
)
from gongkai.appeals.selectors import appeal_counts_for_report

APPEAL_RESULTS: Final = "appeals:results"


def collect_appeals(*, organisation_ids: Collection[int], year: int) -> Counts:
    """Section 四 of ``year`` for the appeals against the organs' cases."""
    counts = appeal_counts_for_report(organisation_ids=organisation_ids, year=year)
    return {(kind, result): n for (kind, result), n in counts.items()}


def register_appeal_collector() -> None:
    """Register :func:`collect_appeals` (once; a collector registered already, e.g.
    by a test, is kept)."""
    if APPEAL_RESULTS not in collectors():
        register_collector(APPEAL_RESULTS, collect_appeals)
