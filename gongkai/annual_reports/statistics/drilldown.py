"""Drill-down: the records one computed cell of sections 三 and 四 counts.

A cell of section 三 counts applications, a cell of section 四 appeals.  Every such
cell, collected or derived, is a union of the workflow selectors' own cells
(``applications.selectors.application_ids_for_cell``,
``appeals.selectors.appeal_ids_for_cell``), which use the same conditions as the
counts: so the records listed for a cell are exactly as many as the cell says.

- a collected cell (一、二, each leaf row of 三) is one (row, applicant type) pair;
- the 总计 column is the same row over the six applicant types;
- 三（七）总计 is every outcome row;
- 四、结转下年度 is the selector's ``carried_forward`` row (open at 31 December: the
  same number as 一 + 二 − 三（七）, which the derived cell computes);
- section 四's four result columns are one (kind, result) pair, its 总计 the four;
- section 二: a cell of 第二十条第（一）项 lists the documents (``InformationItem``)
  it counts (``publications.selectors.normative_ids_for_cell``); the decision and fee
  cells list the units' entries they sum (``DecisionCount``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final, Literal

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.statistics.outcomes import (
    APPEAL_RESULTS,
    APPLICANT_TYPES,
    OUTCOME_ROWS,
)
from gongkai.annual_reports.statistics.registry import (
    ACTIVE_VECTOR_COLUMNS,
    STATISTIC_OF,
)
from gongkai.appeals.selectors import appeal_ids_for_cell
from gongkai.applications.selectors import application_ids_for_cell
from gongkai.publications.selectors import decision_ids, normative_ids_for_cell

APPLICATIONS: Final = "applications"
APPEALS: Final = "appeals"
DOCUMENTS: Final = "documents"  # publications.InformationItem
DECISIONS: Final = "decisions"  # publications.DecisionCount
Kind = Literal["applications", "appeals", "documents", "decisions"]

_APPLICANTS: Final = tuple(code for code, _ in APPLICANT_TYPES)
_RESULTS: Final = tuple(code for code, _ in APPEAL_RESULTS)
_OUTCOME_OF_ROW: Final[dict[Path, str]] = {row: o for o, row in OUTCOME_ROWS.items()}
#: Rows of section 三 that are not outcomes, by the selector's row code.
_PLAIN_ROWS: Final[dict[Path, tuple[str, ...]]] = {
    ("applications", "new"): ("new",),
    ("applications", "carried_over"): ("carried_over",),
    ("applications", "carried_forward"): ("carried_forward",),
    ("applications", "total"): tuple(OUTCOME_ROWS),
}


@dataclass(frozen=True)
class CellQuery:
    """What one cell counts: the records of ``kind`` in any of ``rows`` (application
    row codes — new, carried_over, carried_forward or an outcome — appeal kinds, or
    a section 二 field) and any of ``columns`` (applicant types, appeal results, or
    issued/repealed/in_force)."""

    statistic: str  # the registry's statistic code of the cell
    kind: Kind
    rows: tuple[str, ...]
    columns: tuple[str, ...]


def cell_query(path: Path) -> CellQuery:
    """The records ``path`` counts.  KeyError for no cell of the format."""
    statistic = STATISTIC_OF[path].code
    table, *rest = path
    if table == "active":
        return _active_query(statistic, path)
    if table == "applications" and rest and isinstance(rest[-1], int):
        row, column = path[:-1], int(path[-1])
        if column == fmt.TOTAL_COLUMN:
            columns = _APPLICANTS
        elif 0 <= column < len(_APPLICANTS):
            columns = (_APPLICANTS[column],)
        else:
            raise KeyError(path)
        if row in _OUTCOME_OF_ROW:
            return CellQuery(statistic, APPLICATIONS, (_OUTCOME_OF_ROW[row],), columns)
        if row in _PLAIN_ROWS:
            return CellQuery(statistic, APPLICATIONS, _PLAIN_ROWS[row], columns)
    if table == "appeals" and len(rest) == 2 and rest[0] in fmt.APPEAL_FIELDS:
        column = int(rest[1])
        if column == len(_RESULTS):  # 总计
            return CellQuery(statistic, APPEALS, (str(rest[0]),), _RESULTS)
        if 0 <= column < len(_RESULTS):
            return CellQuery(statistic, APPEALS, (str(rest[0]),), (_RESULTS[column],))
    raise KeyError(path)


def _active_query(statistic: str, path: Path) -> CellQuery:
    name = str(path[1])
    if name in fmt.ACTIVE_VECTOR_FIELDS and len(path) == 3:
        column = ACTIVE_VECTOR_COLUMNS[int(path[2])]
        return CellQuery(statistic, DOCUMENTS, (name,), (column,))
    if len(path) == 2:
        return CellQuery(statistic, DECISIONS, (name,), ())
    raise KeyError(path)


def cell_is_drillable(path: Path) -> bool:
    try:
        cell_query(path)
    except (KeyError, ValueError):
        return False
    return True


def cell_record_ids(
    query: CellQuery, *, organisation_ids: Collection[int], year: int
) -> list[int]:
    """The ids of the applications (appeals, documents or decision entries) the
    cell counts, ascending."""
    if query.kind == DECISIONS:
        return decision_ids(organisation_ids=organisation_ids, year=year)
    ids: set[int] = set()
    for row in query.rows:
        for column in query.columns:
            if query.kind == DOCUMENTS:
                ids.update(
                    normative_ids_for_cell(
                        organisation_ids=organisation_ids,
                        year=year,
                        row=row,
                        column=ACTIVE_VECTOR_COLUMNS.index(column),
                    )
                )
            elif query.kind == APPLICATIONS:
                ids.update(
                    application_ids_for_cell(
                        organisation_ids=organisation_ids,
                        year=year,
                        row=row,
                        applicant_type=column,
                    )
                )
            else:
                ids.update(
                    appeal_ids_for_cell(
                        organisation_ids=organisation_ids,
                        year=year,
                        kind=row,
                        result=column,
                    )
                )
    return sorted(ids)


__all__ = [
    "APPEALS",
    "APPLICATIONS",
    "DECISIONS",
    "DOCUMENTS",
    "CellQuery",
    "cell_is_drillable",
    "cell_query",
    "cell_record_ids",
]
