"""The common shape every source format is reduced to: text made of lines of cells.

A plain-text report is already that (cells separated by tabs, ``|`` in markdown
tables, or wide runs of spaces).  HTML, DOCX and PDF extractors write their tables
as tab-separated lines through :class:`TextBuilder`, marking the cells covered by a
merged cell as *gaps*, so that the same scanner reads every format and every value
keeps its offsets into ``Doc.text`` (for provenance).

Each cell is classified (:func:`labels.classify`) as it is cut, so that a document
is walked once: ``Doc.lines`` holds ``(Cell, Tok)`` tokens, and ``Doc.joins`` the
lines holding a piece of a label that may continue in the next cell or line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gongkai.annual_reports.importing.labels import (
    _CACHE,
    LABEL,
    TEXT,
    Tok,
    classify,
    classify_exact,
    is_label,
)


class ExtractError(Exception):
    """The file is of a known kind but cannot be read (message in Chinese)."""


@dataclass(slots=True)
class Cell:
    text: str  # the characters exactly as they stand in Doc.text
    start: int  # offset of the first character in Doc.text
    line: int  # 1-based line number
    gap: bool = False  # covered by a merged cell (known only for HTML/DOCX/PDF grids)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


Token = tuple[Cell, Tok]


@dataclass(slots=True)
class Doc:
    text: str
    lines: list[list[Token]]  # lines[i]: the cells of line i + 1; [] = empty line
    joins: list[int] = field(default_factory=list)  # lines with a label's piece
    kind: str = "text"
    notes: list[str] = field(default_factory=list)  # extractor remarks for findings


def tokens(cells: list[Cell], line_index: int, joins: list[int]) -> list[Token]:
    """The cells with what each reads as; notes the line if a label may go on."""
    get = _CACHE.get
    out = [(c, get(c.text) or classify(c.text)) for c in cells]
    for _cell, tok in out:
        if tok.joinable:
            joins.append(line_index)
            break
    return out


# ---------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------
_WIDE_SPACES = re.compile(r" {2,}|\u3000+")
# "规章 0 0 0": a label followed by numbers separated by single spaces.
_LABEL_AND_NUMBERS = re.compile(
    r"^(?P<label>\S.*?[^\d\s,.+\-])(?P<numbers>(?:[ \u3000\xa0]+[+\-]?[\d,.]+)+)[ \xa0]*$"
)
_NUMBER_RUN = re.compile(r"[+\-]?[\d,.]+")


def split_text(text: str) -> Doc:
    """Cut plain text into lines and cells.  A line without tabs such as
    ``规章 0 0 0`` reads as a label followed by number cells (text copied from a
    PDF often looks so)."""
    lines: list[list[Token]] = []
    joins: list[int] = []
    append = lines.append
    get = _CACHE.get
    pos = 0
    single = _SINGLE.get
    for index, line in enumerate(text.split("\n")):
        if not line:
            append([])
        elif (tok := single(line)) is not None:  # a one-cell line seen before
            append([(Cell(line, pos, index + 1), tok)])
            if tok.joinable:
                joins.append(index)
        elif "\t" in line:  # a table row: cut and classified in one go
            number = index + 1
            out: list[Token] = []
            joinable = False
            start = pos
            for part in line.split("\t"):
                tok = get(part) or classify(part)
                out.append((Cell(part, start, number), tok))
                joinable = joinable or tok.joinable
                start += len(part) + 1
            append(out)
            if joinable:
                joins.append(index)
        elif (
            "|" in line
            or "  " in line
            or "\u3000" in line
            or (" " in line and line[-1] in _DIGITS)
        ):
            append(tokens(_split_line(line, pos, index + 1), index, joins))
        else:  # most lines: one cell
            tok = get(line) or classify(line)
            if tok.kind == TEXT and " " in line and len(line) < _MAX_LABEL_LINE:
                pieces = _label_pieces(line, pos, index + 1)
                if pieces is not None:  # "（四）无法提供 1.本机关不掌握…"
                    append(tokens(pieces, index, joins))
                    pos += len(line) + 1
                    continue
            if len(_SINGLE) > 100_000:
                _SINGLE.clear()
            _SINGLE[line] = tok
            append([(Cell(line, pos, index + 1), tok)])
            if tok.joinable:
                joins.append(index)
        pos += len(line) + 1
    return Doc(text=text, lines=lines, joins=joins)


_DIGITS = frozenset("0123456789")
#: What a line that is one cell reads as, by its text: such lines recur from
#: report to report (labels, headings, lone numbers), and this spares them the
#: tests for separators.  Text -> Tok only, like labels._CACHE.
_SINGLE: dict[str, Tok] = {}


_MAX_LABEL_LINE = 160


def _label_pieces(line: str, pos: int, number: int) -> list[Cell] | None:
    """A line of labels separated by single spaces (PDF→markdown puts a row's
    group and leaf labels on one line, its numbers on the next): the labels as
    cells, or None when a piece is not a label."""
    if line in _PIECES:
        known = _PIECES[line]
    else:
        if len(_PIECES) > 100_000:
            _PIECES.clear()
        known = _PIECES[line] = _find_label_pieces(line)
    if known is None:
        return None
    return [Cell(line[s:e], pos + s, number) for s, e in known]


_PIECES: dict[str, tuple[tuple[int, int], ...] | None] = {}


#: What no label holds: two digits in a row (a year, a date), sentence ends.
_NOT_LABELS = re.compile(r"\d\d|[。；;！!？?]")


def _find_label_pieces(line: str) -> tuple[tuple[int, int], ...] | None:
    if _NOT_LABELS.search(line):  # titles, dates, sentences: spares the tries
        return None
    pieces = [c for c in _cut(line, 0, 0, " ") if c.text]
    if not 2 <= len(pieces) <= 8:
        return None
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):  # the longest run of pieces that reads as a label
        first = pieces[i]
        for j in range(len(pieces), i, -1):
            end = pieces[j - 1].end
            if classify_exact(line[first.start : end]).kind == LABEL:
                out.append((first.start, end))
                i = j
                break
        else:
            return None
    return tuple(out) if len(out) > 1 else None


def _split_line(line: str, pos: int, number: int) -> list[Cell]:
    if "\t" in line:
        return _cut(line, pos, number, "\t")
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        # the cells between the outer bars (the text outside them is no cell)
        parts = line.split("|")
        return _cut_parts(parts[1:-1], pos + len(parts[0]) + 1, number)
    if len(line) < 160 and ("  " in line or "\u3000" in line.strip()):
        cells = _cut_regex(line, pos, number, _WIDE_SPACES)
        if len(cells) > 1:
            return cells
    if " " in line and len(line) < 120 and line[-1:].isdigit():
        match = _LABEL_AND_NUMBERS.match(line)
        if match and is_label(match.group("label")):
            cells = [Cell(match.group("label"), pos, number)]
            base = pos + match.start("numbers")
            cells += [
                Cell(m.group(), base + m.start(), number)
                for m in _NUMBER_RUN.finditer(match.group("numbers"))
            ]
            return cells
    if _NUMBERS_LINE.match(line) and not _THOUSANDS_LINE.match(line):
        # "9 10 81": a row's numbers on their own line (its label on the line
        # before).  Two groups stay one number ("12 5": a stray space).
        return [
            Cell(m.group(), pos + m.start(), number) for m in _NUMBER_RUN.finditer(line)
        ]
    return [Cell(line, pos, number)]


#: Three or more numbers separated by single spaces, alone on their line.
_NUMBERS_LINE = re.compile(r"^[ \xa0]*\d+(?:[ \xa0]\d+){2,}[ \xa0]*$")
#: … unless it reads as one number grouped by thousands ("1 234 567").
_THOUSANDS_LINE = re.compile(r"^[ \xa0]*[1-9]\d{0,2}(?:[ \xa0]\d{3})+[ \xa0]*$")


def _cut(line: str, pos: int, number: int, sep: str) -> list[Cell]:
    return _cut_parts(line.split(sep), pos, number)


def _cut_parts(parts: list[str], pos: int, number: int) -> list[Cell]:
    """Cells of ``parts`` that stand one separator apart, the first at ``pos``."""
    cells: list[Cell] = []
    append = cells.append
    for part in parts:
        append(Cell(part, pos, number))
        pos += len(part) + 1
    return cells


def _cut_regex(line: str, pos: int, number: int, sep: re.Pattern[str]) -> list[Cell]:
    cells = []
    begin = 0
    for match in sep.finditer(line):
        if match.start() > begin:
            cells.append(Cell(line[begin : match.start()], pos + begin, number))
        begin = match.end()
    if begin < len(line):
        cells.append(Cell(line[begin:], pos + begin, number))
    return cells


# ---------------------------------------------------------------------------
# Grids and paragraphs from structured formats
# ---------------------------------------------------------------------------
_CONTROL = str.maketrans({"\t": " ", "\r": "", "\n": "", "\x0b": "", "\x0c": ""})


class TextBuilder:
    """Writes lines of cells into one text, remembering every cell's offsets."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._parts: list[str] = []
        self._pos = 0
        self._lines: list[list[Token]] = []
        self._joins: list[int] = []
        self.notes: list[str] = []

    def _write(self, s: str) -> None:
        self._parts.append(s)
        self._pos += len(s)

    def row(self, cells: Sequence[str | None]) -> None:
        """One table row; ``None`` is a cell covered by a merged cell (a gap)."""
        number = len(self._lines) + 1
        out: list[Cell] = []
        for i, cell in enumerate(cells):
            if i:
                self._write("\t")
            if cell is None:
                out.append(Cell("", self._pos, number, gap=True))
                continue
            cell = cell.translate(_CONTROL)
            out.append(Cell(cell, self._pos, number))
            self._write(cell)
        self._write("\n")
        self._lines.append(tokens(out, number - 1, self._joins))

    def paragraph(self, text: str) -> None:
        """Running text: one line per line of ``text``; an empty paragraph gives an
        empty line."""
        for part in text.replace("\r", "").split("\n"):
            part = part.replace("\t", " ").replace("\x0c", "")
            number = len(self._lines) + 1
            cells = [Cell(part, self._pos, number)] if part else []
            self._lines.append(tokens(cells, number - 1, self._joins))
            self._write(part + "\n")

    def blank_line(self) -> None:
        self.paragraph("")

    def build(self) -> Doc:
        return Doc(
            text="".join(self._parts),
            lines=self._lines,
            joins=self._joins,
            kind=self.kind,
            notes=self.notes,
        )
