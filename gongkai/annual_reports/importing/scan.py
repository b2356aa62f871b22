"""Walking a document's lines of cells and collecting the statistical rows.

The report is read as a stream of tokens (labels, numbers, blanks, text).  A row
label opens a row; the cells after it are its values:

* *line* mode: the label has cells after it on its own line (tab-separated rows as
  in seeds 001/003, HTML/DOCX/PDF grids).  The row is that line; it continues on the
  next line only while it has fewer numbers than columns (a row broken in two).
* *stream* mode: the label stands alone on its line (a scraped page with every cell
  on its own line, seed 004).  Every following line of values belongs to the row
  until the next label, heading or text.

The appeals table has no row label: its column headers (or the section 四 heading)
open a pseudo-row that takes the values after them.  Lines of values that no row
takes are kept as *orphans* (seed 002's headerless appeals row is one).

A label broken over two cells or two lines (a page break, a wrapped table cell) is
joined back when the pieces together read as a label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.importing import format2019 as f19
from gongkai.annual_reports.importing.doc import Cell, Doc, Token
from gongkai.annual_reports.importing.labels import (
    BLANK,
    EMPTY,
    HEADING,
    LABEL,
    NUM,
    PREFIX,
    SEP,
    TEXT,
    Label,
    Tok,
    classify_exact,
)

APPEALS_ROW = Label("row", "行政复议、行政诉讼情况", "appeals", ("appeals",))
_TEXT = Tok(TEXT)
_VALUE_KINDS = frozenset({NUM, BLANK, EMPTY})
_NUMBER_OR_BLANK = frozenset({NUM, BLANK})
_TEXTUAL = frozenset({TEXT, PREFIX})
_JOIN_LOOKAHEAD = 12  # lines a broken label may look ahead over (page breaks)


@dataclass(slots=True)
class RawRow:
    label: Label
    label_cell: Cell
    cells: list[Token] = field(default_factory=list)
    mode: str = ""  # "line" | "stream" | "" (no value seen yet)
    block: str = ""  # active rows: 第二十条 item the row sits under
    columns: tuple[str, ...] = ()  # active rows: column ids of its block header
    expected: int = 0  # cells the row should have (as far as the scan knows)
    header_seen: bool = True  # appeals: False when only the section heading led here

    def value_count(self) -> int:
        return len([1 for c, t in self.cells if t.kind == NUM and not c.gap])

    def cell_count(self) -> int:
        return len([1 for c, _ in self.cells if not c.gap])


@dataclass
class Scan:
    rows: list[RawRow] = field(default_factory=list)
    orphans: list[list[Token]] = field(default_factory=list)
    variants: list[Token] = field(default_factory=list)
    markers_2019: list[str] = field(default_factory=list)
    narrative: dict[int, list[str]] = field(default_factory=dict)
    appeals_header: bool = False
    sections: set[int] = field(default_factory=set)


def tokenize(doc: Doc) -> list[list[Token]]:
    """The document's lines of tokens, with labels broken over cells or lines
    joined back (in place: ``doc.lines`` is changed)."""
    lines = doc.lines
    for i in doc.joins:
        line = lines[i]
        j = 0
        while j < len(line):
            tok = line[j][1]
            if tok.joinable:
                if _join(doc, lines, i, j):
                    line = lines[i]  # a join across lines replaces the line
                elif tok.kind == PREFIX:
                    line[j] = (line[j][0], _TEXT)
            j += 1
    return lines


def _next_piece(lines: list[list[Token]], i: int, j: int) -> tuple[int, int] | None:
    """Where the cell after (i, j) is: the next non-empty cell on the same line, or
    the first cell of the next non-empty line when (i, j) ends its line."""
    line = lines[i]
    for k in range(j + 1, len(line)):
        if line[k][1].kind not in (EMPTY, BLANK):
            return (i, k)
    for i2 in range(i + 1, min(len(lines), i + 1 + _JOIN_LOOKAHEAD)):
        kinds = [t.kind for _, t in lines[i2]]
        if all(k in (EMPTY, SEP) for k in kinds):
            continue  # an empty line, a page number
        return (i2, 0) if kinds[0] not in (EMPTY, BLANK) else None
    return None


def _join(doc: Doc, lines: list[list[Token]], i: int, j: int) -> bool:
    first = lines[i][j][0]
    text = first.text.strip()
    pieces: list[tuple[int, int]] = []
    best: tuple[list[tuple[int, int]], Tok] | None = None
    at = (i, j)
    for _ in range(4):
        nxt = _next_piece(lines, *at)
        if nxt is None:
            break
        cell, tok = lines[nxt[0]][nxt[1]]
        if tok.kind in (NUM, HEADING, SEP):
            break
        text += cell.text.strip()
        joined = classify_exact(text)
        pieces.append(nxt)
        at = nxt
        if joined.kind == LABEL:
            best = (list(pieces), joined)
        elif joined.kind != PREFIX:
            break
    if best is None:
        return False
    used, tok = best
    last_i, last_j = used[-1]
    last = lines[last_i][last_j][0]
    merged = Cell(doc.text[first.start : last.end], first.start, first.line)
    if last_i == i:
        for _, lj in reversed(used):
            del lines[i][lj]
        lines[i][j] = (merged, tok)
        return True
    # Across lines: what followed the first piece on its line was consumed or
    # blank; the rest of the last piece's line now follows the label.
    head, rest = lines[i][:j], lines[last_i][last_j + 1 :]
    for li in {li for li, _ in used}:
        lines[li] = []
    lines[i] = [*head, (merged, tok), *rest]
    return True


class Scanner:
    def __init__(self) -> None:
        self.out = Scan()
        self.section = 0
        self.block = ""
        self.block_columns: list[str] = []
        self.pending: RawRow | None = None

    # -- rows -------------------------------------------------------------
    def close(self) -> None:
        row, self.pending = self.pending, None
        if row is None:
            return
        if row.label.kind == "group" and row.value_count() == 0:
            return
        if (
            row.label is APPEALS_ROW
            and not row.cells
            and (
                not row.header_seen
                or any(r.label is APPEALS_ROW for r in self.out.rows)
            )
        ):
            return  # a heading alone, or the header repeated after a page break
        self.out.rows.append(row)

    def open_row(self, label: Label, cell: Cell) -> RawRow:
        self.close()
        row = RawRow(label, cell)
        if label.table == "active":
            block = label.block
            if block != self.block:
                self.block, self.block_columns = block, []
            row.block = block
            row.columns = tuple(self.block_columns)
            row.expected = len(row.columns) or len(
                f19.DEFAULT_COLUMNS[fmt.FORMAT_2021].get(block, ("x",))
            )
        elif label.table == "appeals":
            row.expected = 15
        else:
            row.expected = 7
        self.pending = row
        return row

    def wait_for_appeals(self, *, header: bool) -> None:
        pending = self.pending
        if pending is not None and pending.label is APPEALS_ROW and not pending.cells:
            pending.header_seen = pending.header_seen or header
            return
        self.close()
        self.pending = RawRow(
            APPEALS_ROW, Cell("", 0, 0), expected=15, header_seen=header
        )
        self.out.appeals_header = self.out.appeals_header or header

    # -- lines ------------------------------------------------------------
    def feed(self, line: list[Token]) -> None:
        if len(line) == 1:  # most lines of a scraped page: one cell
            tok = line[0][1]
            kind = tok.kind
            if kind == LABEL:
                self.label_line(line)
            elif kind in _NUMBER_OR_BLANK:
                self.value_line(line)
            elif kind == HEADING:
                self.heading(tok)
            elif kind in _TEXTUAL:
                self.text_line(line)
            return
        has_text = has_value = False
        for _cell, tok in line:
            kind = tok.kind
            if kind == LABEL:  # a label makes the line a label line, whatever follows
                self.label_line(line)
                return
            if kind == HEADING:
                if not has_value:
                    self.heading(tok)
                    return
                has_text = True
            elif kind in _TEXTUAL:
                has_text = True
            elif kind in _NUMBER_OR_BLANK:
                has_value = True
        if has_text:
            self.text_line(line)
        elif has_value:
            self.value_line(line)

    def heading(self, tok: Tok) -> None:
        self.close()
        self.section = tok.section
        self.out.sections.add(tok.section)
        self.block, self.block_columns = "", []
        if tok.tail:
            self.out.narrative.setdefault(self.section, []).append(tok.tail)
        if tok.section == 4:
            self.wait_for_appeals(header=False)

    def text_line(self, line: list[Token]) -> None:
        pending = self.pending
        if pending is not None and not (
            pending.label is APPEALS_ROW and not pending.cells
        ):
            self.close()
        if self.section in (1, 5, 6):
            text = " ".join(c.text.strip() for c, _ in line if c.text.strip())
            self.out.narrative.setdefault(self.section, []).append(text)

    def value_line(self, line: list[Token]) -> None:
        pending = self.pending
        cells = line if len(line) == 1 else [tk for tk in line if tk[1].kind != SEP]
        if pending is not None:
            mode = pending.mode
            if mode == "stream":  # a scraped page: every value line joins the row
                pending.cells.extend(cells)
                return
            if mode == "":
                count = sum(1 for c, t in cells if not c.gap and t.kind != EMPTY)
                pending.mode = "line" if count > 1 else "stream"
                pending.cells.extend(cells)
                self._complete_line_row()
                return
            if pending.cell_count() < pending.expected and any(
                t.kind == NUM for _, t in cells
            ):
                pending.cells.extend(cells)
                self._complete_line_row()
                return
        self.close()
        self.out.orphans.append(cells)

    def _complete_line_row(self) -> None:
        pending = self.pending
        if (
            pending is not None
            and pending.mode == "line"
            and (pending.cell_count() >= pending.expected)
        ):
            self.close()

    def label_line(self, line: list[Token]) -> None:
        current: RawRow | None = None
        opened: RawRow | None = None
        for token in line:
            tok = token[1]
            kind = tok.kind
            if kind == LABEL:
                current = self.label(token[0], tok)
                if current is not None:
                    opened = current
            elif kind in _VALUE_KINDS:
                if current is not None:
                    current.cells.append(token)
            elif kind != SEP:
                current = None
        if opened is not None and opened is self.pending and opened.cells:
            opened.mode = "line"
            self._complete_line_row()

    def label(self, cell: Cell, tok: Tok) -> RawRow | None:
        label = tok.label
        if label is None:  # only LABEL tokens reach here, and they have one
            return None
        if tok.variant:
            self.out.variants.append((cell, tok))
        if label.only_2019:
            self.out.markers_2019.append(label.text)
        if label.kind in ("row", "group"):
            return self.open_row(label, cell)
        if label.kind == "block":
            self.close()
            self.block, self.block_columns = label.block, []
        elif label.table == "active":
            if self.pending is not None and self.pending.label.table == "active":
                self.close()
            if label.column:
                self.block_columns.append(label.column)
            else:
                self.block_columns = []
        elif label.table == "appeals":
            self.wait_for_appeals(header=True)
        elif label.table == "applications" or not (
            self.pending is not None and self.pending.label is APPEALS_ROW
        ):
            self.close()
        return None


def scan(doc: Doc) -> Scan:
    scanner = Scanner()
    for line in tokenize(doc):
        if line:
            scanner.feed(line)
    scanner.close()
    return scanner.out
