"""The collectors of the applications workflow: section 三 counted from the cases.

``annual_reports`` imports the applications app's selector (never the other way
round).  One call of ``application_counts_for_report`` (two GROUP BY queries) gives
every statistic; each collector takes its part.  ``report_compute`` uses these unless
other collectors are registered under the same codes (``registry.register_collector``,
e.g. in a test).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from gongkai.annual_reports.statistics.outcomes import OUTCOME_ROWS
from gongkai.annual_reports.statistics.registry import Collector, Counts
from gongkai.applications.selectors import application_counts_for_report

RECEIVED: Final = "applications:received"
CARRIED_OVER: Final = "applications:carried_over"
OUTCOMES: Final = "applications:outcomes"


def application_counts(
    *, organisation_ids: Collection[int], year: int
) -> dict[str, Counts]:
    """Every applications statistic of section 三, by statistic code."""
    counts = application_counts_for_report(organisation_ids=organisation_ids, year=year)
    received: dict[tuple[str, ...], int] = {}
    carried: dict[tuple[str, ...], int] = {}
    outcomes: dict[tuple[str, ...], int] = {}
    for (row, applicant), n in counts.items():
        if row == "new":
            received[(applicant,)] = n
        elif row == "carried_over":
            carried[(applicant,)] = n
        elif row in OUTCOME_ROWS:
            outcomes[(row, applicant)] = n
    return {RECEIVED: received, CARRIED_OVER: carried, OUTCOMES: outcomes}


def _one(code: str) -> Collector:
    def collect(*, organisation_ids: Collection[int], year: int) -> Counts:
        return application_counts(organisation_ids=organisation_ids, year=year)[code]

    collect.__name__ = f"collect_{code.replace(':', '_')}"
    return collect


#: Statistic code -> collector, for ``registry.register_collector``.
APPLICATION_COLLECTORS: Final[dict[str, Collector]] = {
    code: _one(code) for code in (RECEIVED, CARRIED_OVER, OUTCOMES)
}
