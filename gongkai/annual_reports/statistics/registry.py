"""The statistics registry: where each cell of a computed report comes from.

In the spirit of Zulip's ``COUNT_STATS``: every cell of the 2021 format has exactly one
declared origin for a report gongkai computes from its records:

- ``typed``: a person enters it;
- ``derived``: a sum or relation of other cells (every 总计 column, the (七)总计 row,
  四、结转下年度继续办理, each appeal group's 总计), the formula kept as data;
- ``collected``: a workflow counts it.  The workflow registers a collector function
  under the statistic's code (:func:`register_collector`); the collector returns counts
  keyed by plain codes (:mod:`.outcomes`), which this module maps to cells, so that no
  workflow imports ``annual_reports``.  A statistic marked ``typed_fallback``
  (section 二, collected by the publications workflow) stays as typed when its
  collector returns None: the organ keeps no such records in gongkai.

``docs/reference/statistics.md`` lists every statistic; a test keeps it true.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from graphlib import TopologicalSorter
from typing import Final, Protocol

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import (
    CellValue,
    ReportData,
    blank_report,
    iter_cells,
    report_from_dict,
    report_to_dict,
    set_cell,
)
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.statistics import outcomes

Key = tuple[str, ...]
#: A count, or (the fee of section 二) an amount in 万元.
Count = int | Decimal
Counts = Mapping[Key, Count]


class Origin(enum.StrEnum):
    TYPED = "typed"
    DERIVED = "derived"
    COLLECTED = "collected"


#: One term of a linear formula: (coefficient, cell).
Term = tuple[int, Path]


@dataclass(frozen=True)
class Statistic:
    """A set of cells with one origin.

    ``code``: ``<table>:<what>`` (a colon, so that a statistic's code is never taken
    for a finding code or a cell path), e.g. ``applications:outcomes``.

    ``source``: for a collected statistic, the workflow app whose collector fills it;
    for a typed one, the workflow that is planned to collect it ("" if none).
    ``dimensions``: the plain codes a collector's keys are made of, in order.
    ``formulas``: for a derived statistic, each cell's formula (a sum of terms).
    ``typed_fallback``: a collected statistic whose cells keep what a person typed
    when its collector finds no records (returns None).
    """

    code: str
    label: str  # what it counts, in Chinese
    origin: Origin
    cells: tuple[Path, ...]
    source: str = ""
    dimensions: tuple[str, ...] = ()
    locate: Callable[[Key], Path] | None = None
    formulas: Mapping[Path, tuple[Term, ...]] = field(default_factory=dict)
    typed_fallback: bool = False

    @property
    def typed_when_not_collected(self) -> bool:
        """Whether the cells keep typed values when not collected."""
        return self.origin == Origin.TYPED or self.typed_fallback

    def cell_of(self, key: Key) -> Path:
        """The cell a collector's key counts in (KeyError for a key of no cell)."""
        if self.locate is None:
            raise KeyError(key)
        path = self.locate(key)
        if path not in self.cells:
            raise KeyError(key)
        return path


class Collector(Protocol):
    """What a workflow registers: counts for a set of organs (one organ, or a
    government and every unit below it) and a year, keyed by plain codes (a missing
    key counts zero); None when the organs keep no records of the kind."""

    def __call__(
        self, *, organisation_ids: Collection[int], year: int
    ) -> Counts | None: ...


# ---------------------------------------------------------------------------
# Declarations
# ---------------------------------------------------------------------------
_COLUMNS = range(fmt.TOTAL_COLUMN)  # the six applicant columns
_ROWS = {row.path: row for row in fmt.APPLICATION_ROWS}


def _row_cells(row: Path, columns: Iterable[int] = _COLUMNS) -> tuple[Path, ...]:
    return tuple((*row, c) for c in columns)


def _applicant_locator(row: Path) -> Callable[[Key], Path]:
    def locate(key: Key) -> Path:
        (applicant,) = key
        return (*row, outcomes.APPLICANT_COLUMN[applicant])

    return locate


def _outcome_locator(key: Key) -> Path:
    outcome, applicant = key
    return outcomes.outcome_cell(outcome, applicant)


def _appeal_locator(key: Key) -> Path:
    kind, result = key
    return outcomes.appeal_cell(kind, result)


#: Columns of 第二十条第（一）项, by the publications collector's plain codes.
ACTIVE_VECTOR_COLUMNS: Final = ("issued", "repealed", "in_force")


def _vector_locator(name: str) -> Callable[[Key], Path]:
    def locate(key: Key) -> Path:
        (column,) = key
        return ("active", name, ACTIVE_VECTOR_COLUMNS.index(column))

    return locate


def _single_locator(name: str) -> Callable[[Key], Path]:
    def locate(key: Key) -> Path:
        if key != ():
            raise KeyError(key)
        return ("active", name)

    return locate


def _section_two() -> list[Statistic]:
    """Section 二, collected by the publications workflow (typed where an organ
    keeps no such records in gongkai)."""

    def label(name: str) -> str:
        return f"{fmt.ACTIVE_BLOCK_OF[name].heading} {fmt.ACTIVE_ROW_LABELS[name]}"

    stats = [
        Statistic(
            f"active:{name}",
            label(name),
            Origin.COLLECTED,
            tuple(("active", name, c) for c in range(3)),
            source="publications",
            dimensions=("column",),
            locate=_vector_locator(name),
            typed_fallback=True,
        )
        for name in fmt.ACTIVE_VECTOR_FIELDS
    ]
    stats += [
        Statistic(
            f"active:{name}",
            label(name),
            Origin.COLLECTED,
            (("active", name),),
            source="publications",
            locate=_single_locator(name),
            typed_fallback=True,
        )
        for name in (*fmt.ACTIVE_COUNT_FIELDS, fmt.ACTIVE_FEE_FIELD)
    ]
    return stats


def _collected() -> list[Statistic]:
    new, carried = ("applications", "new"), ("applications", "carried_over")
    leaf_cells = tuple(
        cell for row in fmt.OUTCOME_LEAF_ROWS for cell in _row_cells(row.path)
    )
    appeal_cells = tuple(
        ("appeals", kind, c) for kind in fmt.APPEAL_FIELDS for c in range(4)
    )
    return [
        Statistic(
            "applications:received",
            fmt.TOP_NEW,
            Origin.COLLECTED,
            _row_cells(new),
            source="applications",
            dimensions=("applicant",),
            locate=_applicant_locator(new),
        ),
        Statistic(
            "applications:carried_over",
            fmt.TOP_CARRIED_OVER,
            Origin.COLLECTED,
            _row_cells(carried),
            source="applications",
            dimensions=("applicant",),
            locate=_applicant_locator(carried),
        ),
        Statistic(
            "applications:outcomes",
            f"{fmt.TOP_RESULTS}（一）至（六）",
            Origin.COLLECTED,
            leaf_cells,
            source="applications",
            dimensions=("outcome", "applicant"),
            locate=_outcome_locator,
        ),
        Statistic(
            "appeals:results",
            fmt.SECTION_HEADINGS[3],
            Origin.COLLECTED,
            appeal_cells,
            source="appeals",
            dimensions=("appeal", "result"),
            locate=_appeal_locator,
        ),
    ]


def _sum_of(cells: Iterable[Path]) -> tuple[Term, ...]:
    return tuple((1, p) for p in cells)


def _derived() -> list[Statistic]:
    total, forward = ("applications", "total"), ("applications", "carried_forward")
    new, carried = ("applications", "new"), ("applications", "carried_over")
    row_totals: dict[Path, tuple[Term, ...]] = {
        (*row.path, fmt.TOTAL_COLUMN): _sum_of(_row_cells(row.path))
        for row in fmt.APPLICATION_ROWS
    }
    outcome_totals: dict[Path, tuple[Term, ...]] = {
        (*total, c): _sum_of((*row.path, c) for row in fmt.OUTCOME_LEAF_ROWS)
        for c in _COLUMNS
    }
    forwards: dict[Path, tuple[Term, ...]] = {
        (*forward, c): ((1, (*new, c)), (1, (*carried, c)), (-1, (*total, c)))
        for c in _COLUMNS
    }
    appeal_totals: dict[Path, tuple[Term, ...]] = {
        ("appeals", kind, 4): _sum_of(("appeals", kind, c) for c in range(4))
        for kind in fmt.APPEAL_FIELDS
    }
    return [
        Statistic(
            "applications:total_column",
            f"各行「{fmt.TOTAL}」列 = 自然人 + 五类法人或其他组织",
            Origin.DERIVED,
            tuple(row_totals),
            formulas=row_totals,
        ),
        Statistic(
            "applications:outcome_total",
            f"{fmt.OUTCOME_TOTAL_LABEL} = （一）至（六）各末级项之和",
            Origin.DERIVED,
            tuple(outcome_totals),
            formulas=outcome_totals,
        ),
        Statistic(
            "applications:carried_forward",
            f"{fmt.TOP_CARRIED_FORWARD} = 一 + 二 − 三（七）",
            Origin.DERIVED,
            tuple(forwards),
            formulas=forwards,
        ),
        Statistic(
            "appeals:group_total",
            f"{fmt.SECTION_HEADINGS[3]} 各组「{fmt.TOTAL}」 = 四种结果之和",
            Origin.DERIVED,
            tuple(appeal_totals),
            formulas=appeal_totals,
        ),
    ]


#: Every statistic, by code.
STATISTICS: Final[dict[str, Statistic]] = {
    s.code: s for s in (*_section_two(), *_collected(), *_derived())
}
#: Every cell of the 2021 format, in the format's order.
CELLS: Final = tuple(p for p, _ in iter_cells(blank_report(org=None, year=None)))


def _by_cell() -> dict[Path, Statistic]:
    out: dict[Path, Statistic] = {}
    for stat in STATISTICS.values():
        for path in stat.cells:
            if path in out:
                raise AssertionError(
                    f"{path} declared by {out[path].code} and {stat.code}"
                )
            out[path] = stat
    return out


#: Cell -> the statistic that fills it in a computed report.
STATISTIC_OF: Final = _by_cell()
FORMULAS: Final[dict[Path, tuple[Term, ...]]] = {
    path: terms for stat in STATISTICS.values() for path, terms in stat.formulas.items()
}
#: Derived cells in an order where every formula's derived terms come first.
DERIVATION_ORDER: Final = tuple(
    p
    for p in TopologicalSorter(
        {
            path: {q for _, q in terms if q in FORMULAS}
            for path, terms in FORMULAS.items()
        }
    ).static_order()
)


def origin_of(path: Path) -> Origin:
    return STATISTIC_OF[path].origin


# ---------------------------------------------------------------------------
# Collectors
# ---------------------------------------------------------------------------
_COLLECTORS: dict[str, Collector] = {}


def register_collector(code: str, fn: Collector) -> None:
    """Register the collector of a declared collected statistic (once)."""
    stat = STATISTICS.get(code)
    if stat is None or stat.origin != Origin.COLLECTED:
        raise KeyError(f"{code!r} is not a collected statistic")
    if code in _COLLECTORS:
        raise ValueError(f"a collector for {code!r} is already registered")
    _COLLECTORS[code] = fn


def unregister_collector(code: str) -> None:
    _COLLECTORS.pop(code, None)


def collectors() -> dict[str, Collector]:
    """The registered collectors, by statistic code."""
    return dict(_COLLECTORS)


def collect(*, organisation_ids: Collection[int], year: int) -> dict[str, Counts]:
    """Every registered collector's counts for the organs and year (a collector
    that finds no records, None, is left out)."""
    out: dict[str, Counts] = {}
    for code, fn in _COLLECTORS.items():
        counts = fn(organisation_ids=organisation_ids, year=year)
        if counts is not None:
            out[code] = counts
    return out


# ---------------------------------------------------------------------------
# Computation (pure)
# ---------------------------------------------------------------------------
def _evaluate(terms: tuple[Term, ...], cells: Mapping[Path, CellValue]) -> int | None:
    """Σ coefficient × value; blank terms add nothing; blank when all are blank."""
    values = [(k, cells.get(p)) for k, p in terms]
    if all(v is None for _, v in values):
        return None
    return sum(k * int(v) for k, v in values if v is not None)


def derive(cells: Mapping[Path, CellValue]) -> dict[Path, CellValue]:
    """``cells`` with every derived cell computed from the others (what ``cells``
    gives for a derived cell is replaced)."""
    out = dict(cells)
    for path in DERIVATION_ORDER:
        out[path] = _evaluate(FORMULAS[path], out)
    return out


def collected_cells(stat: Statistic, counts: Counts) -> dict[Path, Count]:
    """A collector's counts as the statistic's cells (every cell it fills: a key it
    does not give counts zero).  KeyError for a key of no cell."""
    out: dict[Path, Count] = dict.fromkeys(stat.cells, 0)
    for key, n in counts.items():
        out[stat.cell_of(key)] += n
    return out


def computed_cells(
    *, typed: Mapping[Path, CellValue], collected: Mapping[str, Counts]
) -> dict[Path, CellValue]:
    """Every cell of a computed report: typed cells from ``typed``, collected cells
    from the collectors' counts (blank where no collector is registered, or typed
    for a ``typed_fallback`` statistic), derived cells computed."""
    cells: dict[Path, CellValue] = dict.fromkeys(CELLS)
    for stat in STATISTICS.values():
        if stat.origin == Origin.COLLECTED and stat.code in collected:
            cells.update(collected_cells(stat, collected[stat.code]))
        elif stat.typed_when_not_collected:
            cells.update({p: typed.get(p) for p in stat.cells})
    return derive(cells)


def report_from_cells(
    cells: Mapping[Path, CellValue], *, org: str | None, year: int | None
) -> ReportData:
    """A report with every table present and the given cells set."""
    data = report_to_dict(blank_report(org=org, year=year))
    for path, value in cells.items():
        set_cell(data, path, value)
    return report_from_dict(data).report
