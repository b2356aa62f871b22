"""Fitting a raw row's cells to the columns of its table.

A row read from text rarely has exactly one cell per column:

* tab-separated text keeps empty fields where merged cells were (001: a label
  spanning two columns leaves an empty field before the numbers, some lines end
  with a tab).  Blank fields at either end beyond the column count are those gaps.
  When the gaps could sit at either end, the split whose totals add up wins, then
  the one with the gaps before the numbers (where merged label cells are).
* a complete line with too few cells lost its first value cells to the label
  (003: ``三、本年度办理结果\t(一) 予以公开\t…\t0`` gives only the 总计 column), so
  it is aligned on its last column.
* a stream of cells that stops early is a truncated table (004's appeals row):
  aligned on its first column, the missing cells are blank.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal

from gongkai.annual_reports import values
from gongkai.annual_reports.importing.doc import Token
from gongkai.annual_reports.importing.labels import BLANK, EMPTY, NUM
from gongkai.annual_reports.importing.scan import RawRow

Check = Callable[[Sequence[Token | None]], bool | None]
MAX_DIGITS = 30  # longer digit runs are not counts (and int() would refuse them)


_NO_NOTES: frozenset[str] = frozenset()


@dataclass(slots=True)
class Fitted:
    cells: list[Token | None]  # one per column; None = no cell at all
    notes: AbstractSet[str] = _NO_NOTES  # extra | short | truncated


def _blank(token: Token) -> bool:
    return token[1].kind in (BLANK, EMPTY)


def fit(
    row: RawRow, n: int, *, check: Check | None = None, short: str = "left"
) -> Fitted:
    """The row's cells, one per column.  ``short`` says how a *line* that has too
    few cells is aligned ("right": on its last column); a stream that has too few
    is always aligned on its first column."""
    cells: list[Token] = [t for t in row.cells if not t[0].gap]
    m = len(cells)
    if m == n:
        return Fitted(cells)  # type: ignore[arg-type]
    line = row.mode == "line"
    if m < n:
        pad: list[Token | None] = [None] * (n - m)
        if line and short == "right":
            return Fitted([*pad, *cells], {"short"})
        return Fitted([*cells, *pad], {"truncated"})
    if line:
        return _fit_line(cells, n, check)
    return _fit_stream(cells, n)


def _fit_line(cells: list[Token], n: int, check: Check | None) -> Fitted:
    m = len(cells)
    extra = m - n
    candidates: list[list[Token]] = []
    for lead in range(extra, -1, -1):
        trail = extra - lead
        if all(map(_blank, cells[:lead])) and all(map(_blank, cells[m - trail :])):
            candidates.append(cells[lead : m - trail])
    if not candidates:
        return _fit_stream(cells, n, prefer_leading=True)
    if check is not None and len(candidates) > 1:
        verdicts = [check(c) for c in candidates]
        for wanted in (True, None):
            for cand, verdict in zip(candidates, verdicts, strict=True):
                if verdict is wanted:
                    return Fitted(list(cand))
    return Fitted(list(candidates[0]))


def _fit_stream(cells: list[Token], n: int, *, prefer_leading: bool = False) -> Fitted:
    cells = list(cells)

    def strip_trailing() -> None:
        while len(cells) > n and _blank(cells[-1]):
            cells.pop()

    def strip_leading() -> None:
        while len(cells) > n and _blank(cells[0]):
            cells.pop(0)

    for strip in (
        (strip_leading, strip_trailing)
        if prefer_leading
        else (strip_trailing, strip_leading)
    ):
        strip()
    if len(cells) > n:
        return Fitted(list(cells[:n]), {"extra"})
    return Fitted(list(cells))


# ---------------------------------------------------------------------------
# Totals used to choose between gap splits
# ---------------------------------------------------------------------------
def _int(token: Token | None) -> int | None:
    if token is None or token[1].kind != NUM:
        return None
    number = token[1].number
    if "." in number or len(number) > MAX_DIGITS:
        return None
    return int(number)


def _groups_hold(
    cells: Sequence[Token | None], groups: Sequence[range], totals: Sequence[int]
) -> bool | None:
    verdict: bool | None = None
    for parts, total in zip(groups, totals, strict=True):
        values = [_int(cells[i]) for i in (*parts, total)]
        if any(v is None for v in values):
            continue
        ok = sum(values[:-1]) == values[-1]  # type: ignore[arg-type]
        if not ok:
            return False
        verdict = True
    return verdict


def applicant_check(cells: Sequence[Token | None]) -> bool | None:
    """总计 = the six applicant columns (when every cell is a number)."""
    return _groups_hold(cells, (range(6),), (6,))


def appeals_check(cells: Sequence[Token | None]) -> bool | None:
    """Each of the three 总计 = its four results."""
    return _groups_hold(cells, (range(4), range(5, 9), range(10, 14)), (4, 9, 14))


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
def count_of(token: Token | None) -> tuple[int | None, str]:
    """A count cell's value and, if it cannot be a count, why ("" when fine)."""
    if token is None or token[1].kind != NUM:
        return None, ""
    number = token[1].number
    if len(number) > MAX_DIGITS:
        return None, f"「{number[:12]}…」位数过多"
    if "." in number:
        whole, _, fraction = number.partition(".")
        if fraction.strip("0"):
            return None, f"「{token[0].text.strip()}」不是整数"
        number = whole
    value = int(number)
    if value > values.MAX_COUNT:  # the bound of annual_reports.values
        return None, f"「{number[:12]}…」超过 {values.MAX_DIGITS} 位，不可能是件数"
    return value, ""


def amount_of(token: Token | None) -> Decimal | None:
    """An amount exactly as written (any number of decimals)."""
    if token is None or token[1].kind != NUM or len(token[1].number) > MAX_DIGITS * 2:
        return None
    return Decimal(token[1].number)
