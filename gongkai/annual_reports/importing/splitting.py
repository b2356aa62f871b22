"""Splitting runs of glued digits into cells: a small constraint problem per table.

A scraped page that lost its cell separators prints a row of seven counts as one run
(``3900020041``), or keeps some separators and loses others (``41 0 0 2 0 043``).
Each run must give exactly its row's number of cells, and a separator that survived
always ends a cell.  Among the cuts that give that many cells:

1. *relations* decide first: the six applicant columns add up to 总计 in every row;
   the leaf rows add up to (七)总计 in every column; 一 + 二 = 三(七) + 四 in every
   column; each appeal group's 总计 is the sum of its four outcomes;
2. then *continuity* with the same organ's previous-year report (section 二: last
   year's 现行有效 + this year's 制发 − 废止 = this year's 现行有效);
3. then *plausibility*: no leading zero in a multi-digit cell (a hard rule unless no
   cut is left), smaller counts are likelier (probability ∝ Π 1/(1+v)), 废止 ≤ 现行有效 and
   制发 ≤ 现行有效 (a stock holds at least this year's new documents).

The search is exhaustive but bounded (``NODE_LIMIT`` cuts per run, ``COMBO_LIMIT``
combinations per table): beyond the bounds the decision falls back to plausibility
and says so.  The module is pure: runs in, :class:`Decision` out.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]  # [start, end) into the run
Split = tuple[Span, ...]
Values = tuple[int, ...]
PrefixCheck = Callable[[str, list[Span]], bool]

NODE_LIMIT = 200_000  # cuts tried per run
COMBO_LIMIT = 20_000  # combinations of ambiguous rows tried per table
MAX_CELL_DIGITS = 9
_GROUPS = re.compile(r"\d+")

# How a row's cells were decided.
SEPARATED = "separated"  # every cell had its own separator: nothing inferred
UNIQUE = "unique"  # only one cut gives the row's number of cells
RELATION = "relation"
CONTINUITY = "continuity"
PLAUSIBILITY = "plausibility"
NONE = "none"  # no cut gives the row's number of cells

METHOD_NAMES = {
    UNIQUE: "只有一种拆法",
    RELATION: "勾稽关系",
    CONTINUITY: "与上年报告的连续性",
    PLAUSIBILITY: "合理性（无前导零、数值较小者优先）",
    NONE: "无法拆分",
}


# The confidence an auditor sees, banded by how the cut was decided.
HIGH, MEDIUM, LOW = "high", "medium", "low"
BANDS = {
    SEPARATED: HIGH,
    UNIQUE: HIGH,
    RELATION: HIGH,
    CONTINUITY: MEDIUM,
    PLAUSIBILITY: LOW,
    NONE: LOW,
}


class TooMany(Exception):
    """The bounded search gave up."""


class _Enough(Exception):
    """As many cuts as asked for were found."""


@dataclass(frozen=True)
class Decision:
    run: str
    values: Values | None  # the chosen cells (None: no cut fits)
    spans: Split | None
    method: str
    confidence: float  # 0..1
    alternatives: tuple[Values, ...] = ()  # other cuts still possible
    broken: bool = False  # the relations hold for no cut: numbers kept as printed
    bounded: bool = False  # the search hit its bound

    @property
    def inferred(self) -> bool:
        return self.method != SEPARATED

    @property
    def band(self) -> str:
        """高/中/低 for the auditor: decided by the relations (or the only cut) is
        high, by continuity with last year medium, by plausibility alone low; a cut
        for which the relations do not hold, or a bounded search, is low."""
        if self.broken or self.bounded:
            return LOW
        return BANDS[self.method]

    def data(self, paths: Sequence[str]) -> dict[str, object]:
        """The decision as a finding's data: ``paths`` name the cells of the run
        in order (``values`` and each alternative give one value per path)."""
        return {
            "run": self.run,
            "paths": list(paths),
            "values": list(self.values or ()),
            "alternatives": [list(v) for v in self.alternatives],
            "method": self.method,
            "confidence": self.confidence,
            "band": self.band,
        }


def values_of(run: str, split: Split) -> Values:
    return tuple(int(run[s:e]) for s, e in split)


def cuts(
    run: str,
    n: int,
    *,
    check: PrefixCheck | None = None,
    leading_zeros: bool = False,
    limit: int = NODE_LIMIT,
    most: int = 0,
) -> list[Split]:
    """Every way to cut ``run`` (digits, single spaces where separators survived) into
    ``n`` cells; ``check(run, cells_so_far)`` prunes partial cuts; ``most``: stop
    after that many (0: all).  Raises TooMany."""
    groups = [m.span() for m in _GROUPS.finditer(run)]
    if not groups or n < len(groups):
        return []
    after = [0] * (len(groups) + 1)  # digits in groups[g:]
    for g in range(len(groups) - 1, -1, -1):
        after[g] = after[g + 1] + groups[g][1] - groups[g][0]
    if n > after[0]:
        return []
    out: list[Split] = []
    cells: list[Span] = []
    nodes = 0

    def rec(g: int, pos: int, left: int) -> None:
        nonlocal nodes
        end_g = groups[g][1]
        groups_after = len(groups) - g - 1
        if left < groups_after + 1 or left > end_g - pos + after[g + 1]:
            return
        for end in range(pos + 1, min(end_g, pos + MAX_CELL_DIGITS) + 1):
            nodes += 1
            if nodes > limit:
                raise TooMany
            if not leading_zeros and end - pos > 1 and run[pos] == "0":
                break  # a longer cell starting with 0 has a leading zero too
            if end < end_g and left - 1 < groups_after + 1:
                continue  # the rest of this group would need a cell
            cells.append((pos, end))
            if check is None or check(run, cells):
                if end == end_g:
                    if g + 1 == len(groups):
                        if left == 1:
                            out.append(tuple(cells))
                            if most and len(out) >= most:
                                raise _Enough
                    else:
                        rec(g + 1, groups[g + 1][0], left - 1)
                elif left > 1:
                    rec(g, end, left - 1)
            cells.pop()

    with contextlib.suppress(_Enough):
        rec(0, groups[0][0], n)
    return out


def candidates(
    run: str, n: int, check: PrefixCheck | None = None
) -> tuple[list[Split], bool, bool]:
    """(cuts, relations hold, bounded): the cuts that satisfy ``check`` without
    leading zeros; failing that, any cut (the relations then do not hold)."""
    bounded = False
    for leading_zeros in (False, True):
        try:
            found = cuts(run, n, check=check, leading_zeros=leading_zeros)
        except TooMany:
            bounded, found = True, []
        if found:
            return found, True, bounded
    if check is None:
        return [], False, bounded
    for leading_zeros in (False, True):
        try:
            found = cuts(run, n, leading_zeros=leading_zeros)
        except TooMany:
            bounded, found = True, []
        if found:
            return found, False, bounded
    return [], False, bounded


def weight(values: Sequence[int]) -> float:
    """Plausibility weight of a cut: smaller counts are likelier (∝ Π 1/(1+v))."""
    return -sum(math.log1p(v) for v in values)


def _share(best: float, all_weights: Sequence[float]) -> float:
    top = max(all_weights)
    total = sum(math.exp(w - top) for w in all_weights)
    return math.exp(best - top) / total


def separated(run: str, n: int) -> bool:
    return len(run.split(" ")) == n and all(g.isdigit() for g in run.split(" "))


def _decide_one(
    run: str,
    splits: list[Split],
    *,
    holds: bool,
    bounded: bool,
    n: int,
    score: Callable[[Values], float] = weight,
    method: str | None = None,
    all_count: int | None = None,
) -> Decision:
    if not splits:
        return Decision(run, None, None, NONE, 0.0, bounded=bounded)
    if separated(run, n):
        split = splits[0]
        return Decision(run, values_of(run, split), split, SEPARATED, 1.0)
    vals = [values_of(run, s) for s in splits]
    if len(splits) == 1:
        chosen = method or (
            RELATION if all_count is not None and all_count > 1 else UNIQUE
        )
        return Decision(
            run,
            vals[0],
            splits[0],
            chosen,
            0.99 if holds else 0.5,
            broken=not holds,
            bounded=bounded,
        )
    weights = [score(v) for v in vals]
    best = max(range(len(vals)), key=lambda i: (weights[i], -i))
    others = tuple(v for i, v in enumerate(vals) if i != best)[:5]
    return Decision(
        run,
        vals[best],
        splits[best],
        PLAUSIBILITY,
        round(min(0.95, _share(weights[best], weights)), 3),
        others,
        broken=not holds,
        bounded=bounded,
    )


def _row_check(total_at: int) -> PrefixCheck:
    def check(run: str, cells: list[Span]) -> bool:
        if len(cells) == total_at + 1:
            parts = sum(int(run[s:e]) for s, e in cells[:total_at])
            s, e = cells[total_at]
            return parts == int(run[s:e])
        return True

    return check


_APPLICANT_CHECK = _row_check(6)


# ---------------------------------------------------------------------------
# Section 三: 27 rows of 7 cells
# ---------------------------------------------------------------------------
def solve_applications(
    runs: Sequence[str | None],
    *,
    leaves: Sequence[int],
    total: int,
    new: int,
    carried_over: int,
    carried_forward: int,
) -> list[Decision | None]:
    """One decision per row (None: the row was not found)."""
    options: list[list[Split]] = []
    holds: list[bool] = []
    bounded: list[bool] = []
    all_counts: list[int] = []
    for run in runs:
        if run is None:
            options.append([])
            holds.append(True)
            bounded.append(False)
            all_counts.append(0)
            continue
        found, ok, bnd = candidates(run, 7, _APPLICANT_CHECK)
        options.append(found)
        holds.append(ok)
        bounded.append(bnd)
        all_counts.append(_count_all(run, 7))
    decisions: list[Decision | None] = [
        None
        if run is None
        else _decide_one(
            run,
            options[i],
            holds=holds[i],
            bounded=bounded[i],
            n=7,
            all_count=all_counts[i],
        )
        for i, run in enumerate(runs)
    ]
    ambiguous = [i for i, o in enumerate(options) if len(o) > 1]
    if not ambiguous:
        return decisions
    size = math.prod(len(options[i]) for i in ambiguous)
    if size > COMBO_LIMIT:
        return [
            d if d is None or i not in ambiguous else _with(d, bounded=True)
            for i, d in enumerate(decisions)
        ]
    vals: list[list[Values]] = [
        [values_of(runs[i] or "", s) for s in o] for i, o in enumerate(options)
    ]
    fixed: dict[int, Values] = {
        i: v[0] for i, v in enumerate(vals) if len(v) == 1 and i not in ambiguous
    }
    have_leaves = all(len(vals[i]) >= 1 for i in (*leaves, total))
    have_ends = all(len(vals[i]) >= 1 for i in (new, carried_over, carried_forward))
    if not have_leaves and not have_ends:
        return decisions
    consistent: list[tuple[int, ...]] = []
    for combo in itertools.product(*(range(len(vals[i])) for i in ambiguous)):
        row = dict(fixed)
        for i, k in zip(ambiguous, combo, strict=True):
            row[i] = vals[i][k]
        if have_leaves and any(
            sum(row[i][c] for i in leaves) != row[total][c] for c in range(7)
        ):
            continue
        if (
            have_ends
            and total in row
            and any(
                row[new][c] + row[carried_over][c]
                != row[total][c] + row[carried_forward][c]
                for c in range(7)
            )
        ):
            continue
        consistent.append(combo)
    if not consistent:
        return [
            d if d is None or i not in ambiguous else _with(d, broken=True)
            for i, d in enumerate(decisions)
        ]
    best_combo = max(
        consistent,
        key=lambda combo: sum(
            weight(vals[i][k]) for i, k in zip(ambiguous, combo, strict=True)
        ),
    )
    for pos, i in enumerate(ambiguous):
        possible = sorted({combo[pos] for combo in consistent})
        chosen = best_combo[pos]
        run = runs[i] or ""
        others = tuple(vals[i][k] for k in possible if k != chosen)[:5]
        if len(possible) == 1:
            decisions[i] = Decision(
                run, vals[i][chosen], options[i][chosen], RELATION, 0.99
            )
        else:
            weights = [weight(vals[i][k]) for k in possible]
            decisions[i] = Decision(
                run,
                vals[i][chosen],
                options[i][chosen],
                PLAUSIBILITY,
                round(min(0.95, _share(weight(vals[i][chosen]), weights)), 3),
                others,
            )
    return decisions


def _with(d: Decision, *, broken: bool = False, bounded: bool = False) -> Decision:
    return Decision(
        d.run,
        d.values,
        d.spans,
        d.method,
        min(d.confidence, 0.5),
        d.alternatives,
        broken=d.broken or broken,
        bounded=d.bounded or bounded,
    )


def _count_all(run: str, n: int) -> int:
    """How many cuts there are without the relations, counted up to 2 (enough to
    tell a cut the relations chose from the only possible one)."""
    try:
        return len(cuts(run, n, limit=NODE_LIMIT // 10, most=2))
    except TooMany:
        return NODE_LIMIT


# ---------------------------------------------------------------------------
# Section 四: one run of 15 cells, three groups of five
# ---------------------------------------------------------------------------
def _appeals_check(run: str, cells: list[Span]) -> bool:
    if len(cells) % 5 == 0:
        group = [int(run[s:e]) for s, e in cells[-5:]]
        return sum(group[:4]) == group[4]
    return True


def solve_appeals(run: str) -> Decision:
    found, ok, bnd = candidates(run, 15, _appeals_check)
    return _decide_one(
        run, found, holds=ok, bounded=bnd, n=15, all_count=_count_all(run, 15)
    )


# ---------------------------------------------------------------------------
# Section 二: 制发, 废止, 现行有效
# ---------------------------------------------------------------------------
def _active_weight(values: Values) -> float:
    issued, repealed, current = values
    penalty = (3.0 if repealed > current else 0.0) + (2.0 if issued > current else 0.0)
    return weight(values) - penalty


def solve_active_row(run: str, previous_current: int | None = None) -> Decision:
    found, _ok, bnd = candidates(run, 3)
    if not found or separated(run, 3):
        return _decide_one(run, found, holds=True, bounded=bnd, n=3)
    if previous_current is not None and len(found) > 1:
        vals = [values_of(run, s) for s in found]
        kept = [
            s
            for s, v in zip(found, vals, strict=True)
            if previous_current + v[0] - v[1] == v[2]
        ]
        if len(kept) == 1:
            others = tuple(v for s, v in zip(found, vals, strict=True) if s != kept[0])
            return Decision(
                run, values_of(run, kept[0]), kept[0], CONTINUITY, 0.9, others[:5]
            )
        if kept:
            found = kept
    return _decide_one(run, found, holds=True, bounded=bnd, n=3, score=_active_weight)


# ---------------------------------------------------------------------------
# Section 二 of the 2019 trial format: counts, signed changes and amounts
# ---------------------------------------------------------------------------
COUNT, SIGNED, AMOUNT = "count", "signed", "amount"
_MAX_FRACTION = 4


@dataclass(frozen=True)
class ColumnDecision:
    """How a run of a 2019 section 二 row was cut: ``spans`` into the run, one per
    column (None: no cut fits); the texts of other possible cuts."""

    run: str
    spans: Split | None
    method: str
    confidence: float
    alternatives: tuple[tuple[str, ...], ...] = ()
    bounded: bool = False

    @property
    def inferred(self) -> bool:
        return self.method != SEPARATED

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(self.run[s:e] for s, e in self.spans or ())


def column_cuts(
    run: str, kinds: Sequence[str], *, leading_zeros: bool = False
) -> list[Split]:
    """Every cut of ``run`` into one cell per column of ``kinds``.  A space or a
    sign always starts a new cell; a ``-`` only in a SIGNED column; a decimal point
    only inside an AMOUNT cell.  Raises TooMany."""
    n = len(kinds)
    out: list[Split] = []
    cells: list[Span] = []
    nodes = 0

    def rec(pos: int, c: int) -> None:
        nonlocal nodes
        if c == n:
            if pos == len(run):
                out.append(tuple(cells))
            return
        if pos >= len(run):
            return
        start = pos
        if run[pos] in "+-":
            if run[pos] == "-" and kinds[c] != SIGNED:
                return
            pos += 1
        digits_end = pos
        while digits_end < len(run) and run[digits_end].isdigit():
            digits_end += 1
        for end in range(pos + 1, min(digits_end, pos + MAX_CELL_DIGITS) + 1):
            nodes += 1
            if nodes > NODE_LIMIT:
                raise TooMany
            if not leading_zeros and end - pos > 1 and run[pos] == "0":
                break
            ends = [end]
            if kinds[c] == AMOUNT and end == digits_end and run[end : end + 1] == ".":
                frac = end + 1
                while (
                    frac < len(run)
                    and run[frac].isdigit()
                    and frac - end <= _MAX_FRACTION
                ):
                    frac += 1
                    ends.append(frac)
            for cell_end in ends:
                nxt = cell_end
                if run[nxt : nxt + 1] == ".":
                    continue  # a decimal point cannot start a cell
                if nxt < len(run) and run[nxt] == " ":
                    nxt += 1
                cells.append((start, cell_end))
                rec(nxt, c + 1)
                cells.pop()

    rec(0, 0)
    return out


def _column_weight(texts: Sequence[str]) -> float:
    total = 0.0
    for text in texts:
        with contextlib.suppress(ValueError):
            total -= math.log1p(abs(float(text)))
    return total


def solve_columns(
    run: str,
    kinds: Sequence[str],
    *,
    at_least: tuple[int, int] | None = None,
) -> ColumnDecision:
    """Cut a 2019 row's run (no relation holds between its columns): the only cut,
    else the most plausible (no leading zero, smaller magnitudes; ``at_least``
    ``(i, j)``: cell i is a stock that holds cell j, e.g. 对外公开总数量 ≥
    本年新公开数量, and a cut where it is smaller is unlikely)."""
    found: list[Split] = []
    bounded = False
    for leading_zeros in (False, True):
        try:
            found = column_cuts(run, kinds, leading_zeros=leading_zeros)
        except TooMany:
            bounded, found = True, []
        if found:
            break
    if not found:
        return ColumnDecision(run, None, NONE, 0.0, bounded=bounded)
    texts = [tuple(run[s:e] for s, e in split) for split in found]
    if len(found) == 1:
        pieces = run.replace("+", " +").replace("-", " -").split()
        method = SEPARATED if len(pieces) == len(kinds) else UNIQUE
        return ColumnDecision(run, found[0], method, 0.99, bounded=bounded)
    weights = [_column_weight(t) - _stock_penalty(t, at_least) for t in texts]
    best = max(range(len(found)), key=lambda i: (weights[i], -i))
    others = tuple(t for i, t in enumerate(texts) if i != best)[:5]
    return ColumnDecision(
        run,
        found[best],
        PLAUSIBILITY,
        round(min(0.95, _share(weights[best], weights)), 3),
        others,
        bounded=bounded,
    )


def _stock_penalty(texts: Sequence[str], at_least: tuple[int, int] | None) -> float:
    if at_least is None:
        return 0.0
    stock, part = at_least
    try:
        return 3.0 if float(texts[stock]) < float(texts[part]) else 0.0
    except ValueError:
        return 0.0
