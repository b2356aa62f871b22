"""Section 三 from PDF→markdown output whose row labels came loose from their numbers.

A converter that loses a table's grid writes some rows whole (``| 3.危及… | 0 | … |``)
and others as a line of numbers alone (``| 1 | 0 | 0 | 0 | 0 | 0 | 1 |``), with the
loose labels gathered elsewhere, out of order (``2.其他法律…`` above ``1.属于国家秘密``).
Read line by line, a loose number line is taken by whichever label line stands above
it, which is often the wrong row, silently.

The rows that kept their label *anchor* the table.  Between two anchors, the lines of
numbers alone stand for the rows the format puts between them, in the format's
order.  When every gap holds exactly as many lines as rows are missing there, and
the result satisfies the column sums (the leaf rows add up to (七)总计), the rows are
read that way and a finding names them; otherwise the line scan's reading stands.
"""

from __future__ import annotations

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.importing.doc import Cell, Token
from gongkai.annual_reports.importing.labels import BLANK, EMPTY, NUM, Label
from gongkai.annual_reports.importing.resolve import fit
from gongkai.annual_reports.importing.scan import RawRow, Scan

_N = len(fmt.APPLICANT_COLUMNS)
_INDEX: dict[Path, int] = {r.path: i for i, r in enumerate(fmt.APPLICATION_ROWS)}


def _lines(tokens: list[Token]) -> list[list[Token]]:
    """The value tokens grouped by source line (in order)."""
    out: dict[int, list[Token]] = {}
    for token in tokens:
        cell, tok = token
        if cell.gap or tok.kind not in (NUM, BLANK):
            continue
        out.setdefault(cell.line, []).append(token)
    return list(out.values())


def _trim(values: list[Token]) -> list[Token]:
    while values and values[-1][1].kind == BLANK:
        values = values[:-1]
    return values


def reorder_applications(scan: Scan) -> list[Path]:
    """Re-read section 三 by row order when its labels came loose (see the module
    docstring); changes ``scan`` in place and gives the rows filled by order
    (``[]``: nothing changed)."""
    if not scan.orphans and not any(map(_detached, scan.rows)):
        return []  # every label stands on the line of its numbers (the common case)
    app_rows = [r for r in scan.rows if r.label.table == "applications"]
    if not app_rows:
        return []
    first = min(r.label_cell.line for r in app_rows)
    last = max(r.cells[-1][0].line if r.cells else 0 for r in app_rows)
    if not any(_detached(r) for r in app_rows) and not any(
        o and first <= o[0][0].line <= last for o in scan.orphans
    ):
        return []
    anchored: list[tuple[int, Path, RawRow, list[Token]]] = []
    loose: list[tuple[int, list[Token]]] = []
    for row in app_rows:
        groups = _lines(row.cells)
        label_end = row.label_cell.line + row.label_cell.text.count("\n")
        if row.label.kind == "row" and groups and groups[0][0][0].line == label_end:
            values = list(groups.pop(0))
            while groups and len(_trim(values)) < _N:
                values += groups.pop(0)  # a row broken over two lines
            anchored.append((row.label_cell.line, row.label.path, row, values))
        for group in groups:
            loose.append((group[0][0].line, group))
    used: list[int] = []
    for index, orphan in enumerate(scan.orphans):
        groups = _lines(orphan)
        if groups and first <= groups[0][0][0].line <= last:
            used.append(index)
            loose += [(g[0][0].line, g) for g in groups]
    # a lone number between the rows is a label's item number pulled out ("1")
    loose = [(line, v) for line, v in loose if len(_trim(v)) > 1]
    if not loose or any(len(_trim(v)) != _N for _, v in loose):
        return []
    anchored.sort(key=lambda a: a[0])
    order = [_INDEX[a[1]] for a in anchored]
    if order != sorted(set(order)):
        return []  # anchors out of order or repeated: no order to go by
    loose.sort(key=lambda entry: entry[0])
    assignment: dict[int, list[Token]] = {}
    bounds = [-1, *order, len(fmt.APPLICATION_ROWS)]
    lines = [first - 1, *(a[0] for a in anchored), last + 1]
    for k in range(len(bounds) - 1):
        gap = [v for line, v in loose if lines[k] < line < lines[k + 1]]
        missing = list(range(bounds[k] + 1, bounds[k + 1]))
        if len(gap) != len(missing):
            return []
        assignment.update(zip(missing, gap, strict=True))
    for (_, _, _, values), i in zip(anchored, order, strict=True):
        assignment[i] = values
    anchor_rows = {i: a[2] for a, i in zip(anchored, order, strict=True)}
    rows = {i: _new_row(i, v, anchor_rows.get(i)) for i, v in assignment.items()}
    if not rows or not _sums_hold(rows):
        return []
    if _same_as_scan(app_rows, assignment):
        return []
    filled = [fmt.APPLICATION_ROWS[i].path for i in rows if i not in anchor_rows]
    rest = [r for r in scan.rows if r.label.table != "applications"]
    scan.rows = [*rest, *(rows[i] for i in sorted(rows))]
    for index in used:
        scan.orphans[index] = []
    return sorted(filled, key=_INDEX.__getitem__)


def _new_row(i: int, values: list[Token], anchor: RawRow | None) -> RawRow:
    """Row ``i`` of section 三 read from ``values``: under its anchor's label, or
    under the format's label placed at its first number."""
    if anchor is not None:
        return _row(anchor.label, anchor.label_cell, values)
    spec = fmt.APPLICATION_ROWS[i]
    cell = values[0][0]
    label = Label("row", spec.label, "applications", spec.path)
    return _row(label, Cell("", cell.start, cell.line), values)


def _detached(row: RawRow) -> bool:
    """Whether the row took a line of several numbers below its label (a scraped
    page's one cell per line is no such line)."""
    if row.label.table != "applications":
        return False
    cells = row.cells
    if len(cells) < 2 or cells[-1][0].line != cells[-2][0].line:
        return False
    label = row.label_cell
    return cells[-1][0].line != label.line and (
        cells[-1][0].line != label.line + label.text.count("\n")
    )


def _row(label: Label, cell: Cell, values: list[Token]) -> RawRow:
    return RawRow(label, cell, [t for t in values if t[1].kind != EMPTY], "line")


def _count(token: Token | None) -> int:
    if token is None:
        return 0
    value = token[1].value
    return value if value is not None else 0


def _sums_hold(rows: dict[int, RawRow]) -> bool:
    """Whether the leaf rows add up to (七)总计 in every column.  Each row is read
    as ``build`` will read it: a line with fewer cells than columns (003's
    ``(一) 予以公开`` gives its 总计 alone) is aligned on its last column, a
    missing cell counting 0."""
    total = _INDEX[("applications", "total")]
    leaves = [_INDEX[r.path] for r in fmt.OUTCOME_LEAF_ROWS]
    if total not in rows or any(i not in rows for i in leaves):
        return False
    cells = {i: fit(row, _N, short="right").cells for i, row in rows.items()}
    for c in range(_N):
        want = _count(cells[total][c])
        if sum(_count(cells[i][c]) for i in leaves) != want:
            return False
    return True


def _same_as_scan(rows: list[RawRow], assignment: dict[int, list[Token]]) -> bool:
    """Whether the line scan already read every row so."""
    read = {
        _INDEX[r.label.path]: [c.start for c, _ in _lines(r.cells)[0]]
        for r in rows
        if r.label.kind == "row" and _lines(r.cells)
    }
    return all(
        read.get(i, [])[:1] == [values[0][0].start] for i, values in assignment.items()
    )
