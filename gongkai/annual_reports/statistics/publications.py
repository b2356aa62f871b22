"""The collectors of the publications workflow: section 二 counted from the
published 规章 and 行政规范性文件 (第二十条第（一）项, as of 31 December) and summed
from the units' entered decision counts and fees (第二十条第（五）、（六）、（八）项).

``annual_reports`` imports the publications app's selectors (never the other way
round).  A collector returns None when the organs keep no such records in gongkai,
so that an organ that types its section 二 keeps what it typed.  Registered when the
app registry is ready (``AnnualReportsConfig.ready``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.statistics.registry import (
    ACTIVE_VECTOR_COLUMNS,
    Collector,
    Counts,
    collectors,
    register_collector,
)
from gongkai.publications.selectors import (
    decision_totals,
    normative_counts,
    normative_in_use,
)


def _normative(row: str) -> Collector:
    def collect(*, organisation_ids: Collection[int], year: int) -> Counts | None:
        if not normative_in_use(organisation_ids=organisation_ids):
            return None
        counts = normative_counts(organisation_ids=organisation_ids, year=year)[row]
        return {(c,): n for c, n in zip(ACTIVE_VECTOR_COLUMNS, counts, strict=True)}

    collect.__name__ = f"collect_active_{row}"
    return collect


def _decisions(field: str) -> Collector:
    def collect(*, organisation_ids: Collection[int], year: int) -> Counts | None:
        totals = decision_totals(organisation_ids=organisation_ids, year=year)
        if totals is None:
            return None
        return {(): getattr(totals, field)}

    collect.__name__ = f"collect_active_{field}"
    return collect


#: Statistic code -> collector.
PUBLICATION_COLLECTORS: Final[dict[str, Collector]] = {
    **{f"active:{row}": _normative(row) for row in fmt.ACTIVE_VECTOR_FIELDS},
    **{
        f"active:{field}": _decisions(field)
        for field in (*fmt.ACTIVE_COUNT_FIELDS, fmt.ACTIVE_FEE_FIELD)
    },
}


def register_publication_collectors() -> None:
    """Register the collectors of section 二 (a code with a collector registered
    already, e.g. by a test, is kept)."""
    registered = collectors()
    for code, fn in PUBLICATION_COLLECTORS.items():
        if code not in registered:
            register_collector(code, fn)
