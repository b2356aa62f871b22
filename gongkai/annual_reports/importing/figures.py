"""Numbers written in a report's running text (``全年共受理申请41件``, ``收取费用0元``).

They never become table cells; they are kept apart, each with where it stands, its
value, its unit and a few characters around it, so that later checks can compare
what the narrative says with the tables.  A number counts as a narrative figure when
a unit follows it directly (dates — 年 月 日 号 — are not figures) and it lies
outside every table cell the import read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

_FIGURE = re.compile(
    r"(?<![\d.,０-９])(?P<number>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)"
    r"[ \xa0]?(?P<unit>万元|元|件次|人次|余件|余条|件|个|次|条|项|人|家|户|名|篇|期|场|份|%|％)"
)
_CONTEXT = 12  # characters of context on either side
_MAX_FIGURES = 500


@dataclass(frozen=True)
class NarrativeFigure:
    """One number of the running text, with where it stands in ``ParseResult.text``."""

    value: Decimal
    unit: str
    line: int  # 1-based
    start: int  # [start, end): the number and its unit
    end: int
    text: str  # as written ("41件")
    context: str  # the figure with a few characters either side

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": format(self.value, "f"),
            "unit": self.unit,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "context": self.context,
        }


def narrative_figures(
    text: str, cells: Iterable[tuple[int, int]]
) -> tuple[NarrativeFigure, ...]:
    """The figures of ``text`` outside the ``cells`` ([start, end) of every value
    the tables were read from)."""
    matches = list(_FIGURE.finditer(text))
    if not matches:
        return ()
    spans = sorted(cells)
    starts = [s for s, _ in spans]
    out: list[NarrativeFigure] = []
    for m in matches[:_MAX_FIGURES]:
        start, end = m.start(), m.end()
        i = bisect.bisect_right(starts, m.end("number") - 1) - 1
        if i >= 0 and spans[i][1] > start:
            continue  # a table cell
        digits = m.group("number").translate(_HALF)
        try:
            value = Decimal(digits.replace(",", ""))
        except InvalidOperation:
            continue
        unit = m.group("unit").replace("％", "%")
        before = text[max(0, start - _CONTEXT) : start]
        after = text[end : end + _CONTEXT]
        out.append(
            NarrativeFigure(
                value=value,
                unit=unit,
                line=text.count("\n", 0, start) + 1,
                start=start,
                end=end,
                text=m.group(),
                context=" ".join((before + m.group() + after).split()),
            )
        )
    return tuple(out)


_HALF = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
