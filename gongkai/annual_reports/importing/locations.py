"""Where each finding of an import points in the source text.

A finding names cells (``Finding.cells``); the import knows where each value was
read (the provenance).  ``place_findings`` gives every finding that names a cell
read from the text, or a line (``第 N 行``), a :class:`Location`: line, character
column and the offsets ``[start, end)`` into ``ParseResult.text``, so that the
report page can highlight the span beside the finding.

A page that lost its line breaks is one line of thousands of characters, where
「第 1 行」 says nothing: in a line longer than :data:`WIDE_LINE` characters the
message names the character too (第 1 行第 345 字).  A finding that already has a
location (``finding(..., at=...)``) keeps it; one whose location has no column yet
(``column=0``: the builder knew the offsets, not the text) gets it here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from gongkai.annual_reports.importing.context import key_of
from gongkai.annual_reports.importing.result import SourceSpan
from gongkai.annual_reports.validation.findings import CellRef, Finding, Location

#: Lines longer than this name the character in messages, not the line alone.
WIDE_LINE = 120
#: A row's cells on one line are highlighted together up to this many characters.
_ROW_SPAN = 400
_LINE_REF = re.compile(r"第 ?(\d+) ?行")
_CELLS = 8  # when the first and last cells have no span, the next ones tried


def locate(text: str, start: int, end: int | None = None) -> Location:
    """The location of ``text[start:end]`` (1-based line and column)."""
    return _Lines(text).locate(start, end)


def line_is_wide(text: str, location: Location) -> bool:
    line_start = location.start - location.column + 1
    line_end = text.find("\n", line_start)
    return (len(text) if line_end < 0 else line_end) - line_start > WIDE_LINE


def where(text: str, location: Location) -> str:
    """「第 N 行」, or 「第 N 行第 M 字」 in a wide line."""
    if line_is_wide(text, location):
        return location.describe()
    return f"第 {location.line} 行"


class _Lines:
    """Where each line of one text starts: built once per document, when the
    first finding needs it, and searched by bisection (a page that lost its line
    breaks is one line, a PDF's text thousands)."""

    __slots__ = ("_breaks", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None

    @property
    def breaks(self) -> list[int]:
        """The offsets of the text's line breaks."""
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK.finditer(self.text)]
        return self._breaks

    def locate(self, start: int, end: int | None = None) -> Location:
        breaks = self.breaks
        line = bisect_left(breaks, start)  # breaks before ``start``: line - 1
        line_start = breaks[line - 1] + 1 if line else 0
        return Location(
            line + 1, start - line_start + 1, start, start if end is None else end
        )

    def line(self, number: int) -> Location | None:
        """Line ``number`` (1-based) as a whole, or None past the end."""
        breaks = self.breaks
        if not 1 <= number <= len(breaks) + 1:
            return None
        start = breaks[number - 2] + 1 if number > 1 else 0
        end = breaks[number - 1] if number <= len(breaks) else len(self.text)
        return Location(number, 1, start, end)

    def is_wide(self, at: Location) -> bool:
        breaks = self.breaks
        line_start = at.start - at.column + 1
        after = bisect_left(breaks, line_start)
        line_end = breaks[after] if after < len(breaks) else len(self.text)
        return line_end - line_start > WIDE_LINE


_BREAK = re.compile("\n")


class _Spans:
    """[start, end) of the values read, by path and by row or table prefix."""

    def __init__(self, provenance: Mapping[str, SourceSpan]) -> None:
        self.provenance = provenance
        cells = getattr(provenance, "cells", None)
        self.cells: Mapping[str, Any] = cells if isinstance(cells, dict) else provenance
        self._keys: list[str] | None = None

    def of(self, key: str) -> list[tuple[int, int]]:
        cell = self.cells.get(key)
        if cell is None and key in self.provenance:  # title, year, organ
            cell = self.provenance[key]
        if cell is not None:
            return [(cell.start, cell.end)]
        if self._keys is None:  # a row or a table: the spans of its cells
            self._keys = sorted(self.cells)
        prefix = key + "."
        out = []
        cells, keys = self.cells, self._keys
        for i in range(bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                break
            c = cells[keys[i]]
            out.append((c.start, c.end))
        return out


def _cell_spans(index: _Spans, cells: Sequence[CellRef]) -> list[tuple[int, int]]:
    """The spans of a finding's first and last cells (a row's: stretched over it
    by ``_from_cells``), or of the first cells that have one."""
    of = index.of
    spans = of(key_of(cells[0].path))
    if len(cells) > 1:
        spans = spans + of(key_of(cells[-1].path))
    if not spans:
        spans = [s for c in cells[1:_CELLS] for s in of(key_of(c.path))]
    return spans


def _from_cells(text: str, spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first value's span, stretched over the values after it on its line
    (a row's cells, for a finding about the row)."""
    if len(spans) == 1:
        s, e = spans[0]
        return (s, e) if 0 <= s < e <= len(text) else None
    valid = sorted((s, e) for s, e in spans if 0 <= s < e <= len(text))
    if not valid:
        return None
    start, end = valid[0]
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    for _s, e in valid[1:]:
        if e > line_end or e - start > _ROW_SPAN:
            break
        end = max(end, e)
    return start, end


def _from_message(lines: _Lines, message: str) -> Location | None:
    match = _LINE_REF.search(message)
    if match is None:
        return None
    return lines.line(int(match.group(1)))


def place_findings(
    findings: Iterable[Finding], text: str, provenance: Mapping[str, SourceSpan]
) -> list[Finding]:
    """``findings``, each with a location where one is known, and its message
    naming the character when the line is wide.  The line index and the spans'
    index are built only when a finding needs them."""
    index: _Spans | None = None
    lines = _Lines(text)
    out: list[Finding] = []
    for f in findings:
        at = f.at
        if at is not None and at.column == 0 and 0 <= at.start <= len(text):
            at = lines.locate(at.start, at.end)
        if at is None and f.cells:
            index = index or _Spans(provenance)
            found = _from_cells(text, _cell_spans(index, f.cells))
            if found is not None:
                at = lines.locate(*found)
        if at is None:  # the line the message names, no character in it
            line = _from_message(lines, f.message) if "行" in f.message else None
            out.append(f if line is None else _placed(f, f.message, line))
            continue
        out.append(_placed(f, _with_column(f.message, lines, at), at))
    return out


def _placed(f: Finding, message: str, at: Location) -> Finding:
    if message is f.message and at is f.at:
        return f
    return Finding(
        code=f.code,
        severity=f.severity,
        message=message,
        cells=f.cells,
        data=f.data,
        at=at,
    )


def _with_column(message: str, lines: _Lines, at: Location) -> str:
    said = f"第 {at.line} 行"
    if said not in message or at.describe() in message or not lines.is_wide(at):
        return message
    return message.replace(said, at.describe(), 1)
