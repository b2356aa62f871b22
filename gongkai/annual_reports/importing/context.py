"""What building a report from a scan accumulates: findings and provenance."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from gongkai.annual_reports.format import Path, path_str
from gongkai.annual_reports.importing import format2019 as f19
from gongkai.annual_reports.importing.codes import INFO, WARNING, finding
from gongkai.annual_reports.importing.doc import Cell, Token
from gongkai.annual_reports.importing.labels import NUM
from gongkai.annual_reports.importing.resolve import Fitted, count_of
from gongkai.annual_reports.importing.result import SourceSpan
from gongkai.annual_reports.importing.scan import RawRow
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity


def span_of(cell: Cell) -> SourceSpan:
    return SourceSpan(cell.line, cell.start, cell.end, cell.text)


class Provenance(Mapping[str, SourceSpan]):
    """path_str -> SourceSpan, made when asked for: a report has hundreds of
    values and most callers never look at most of them."""

    def __init__(self) -> None:
        self.cells: dict[str, Cell] = {}
        self._spans: dict[str, SourceSpan] = {}

    def set_cell(self, key: str, cell: Cell) -> None:
        self.cells[key] = cell

    def __setitem__(self, key: str, span: SourceSpan) -> None:
        self._spans[key] = span

    def __getitem__(self, key: str) -> SourceSpan:
        span = self._spans.get(key)
        if span is None:
            span = self._spans[key] = span_of(self.cells[key])
        return span

    def __iter__(self) -> Iterator[str]:
        yield from self.cells
        yield from (k for k in self._spans if k not in self.cells)

    def __len__(self) -> int:
        return len(self.cells) + sum(1 for k in self._spans if k not in self.cells)

    def __contains__(self, key: object) -> bool:
        return key in self.cells or key in self._spans

    def __repr__(self) -> str:
        return f"Provenance({dict(self.items())!r})"


_KEYS: dict[Path, str] = {}
_ROW_KEYS: dict[tuple[Path, int], tuple[str, ...]] = {}


def _row_keys(row: Path, n: int) -> tuple[str, ...]:
    keys = _ROW_KEYS.get((row, n))
    if keys is None:
        keys = _ROW_KEYS[(row, n)] = tuple(path_str((*row, c)) for c in range(n))
    return keys


def key_of(path: Path) -> str:
    key = _KEYS.get(path)
    if key is None:
        key = _KEYS[path] = path_str(path)
    return key


def row_name(path: Path) -> str:
    if len(path) > 1 and path[0] == "active" and path[1] in f19.ROWS_ONLY_2019:
        return f19.ROW_LABELS_2019[str(path[1])][1]
    return CellRef.at(path).row


class Context:
    def __init__(self, version: str) -> None:
        self.version = version
        self.findings: list[Finding] = []
        self.provenance = Provenance()
        self.reformatted: list[tuple[Path, Cell]] = []

    def add(
        self, code: str, severity: Severity, message: str, paths: Iterable[Path] = ()
    ) -> None:
        self.findings.append(finding(code, severity, message, paths))

    def source(self, path: Path | str, token: Token | None) -> None:
        """Remember where a value came from (and whether its writing was changed)."""
        if token is None:
            return
        cell, tok = token
        if isinstance(path, str):
            self.provenance.set_cell(path, cell)
            return
        self.provenance.set_cell(key_of(path), cell)
        if tok.reformatted:
            self.reformatted.append((path, cell))

    def counts(
        self, row: Path, tokens: Sequence[Token | None]
    ) -> tuple[int | None, ...]:
        """The counts of a row's cells ``(*row, 0)``, ``(*row, 1)``, …"""
        keys = _row_keys(row, len(tokens))
        cells = self.provenance.cells
        out: list[int | None] = []
        append = out.append
        for column, token in enumerate(tokens):
            if token is None:
                append(None)
                continue
            tok = token[1]
            value = tok.value
            if value is not None:  # the common case: an integer (as count_of reads it)
                cells[keys[column]] = token[0]
                if tok.reformatted:
                    self.reformatted.append(((*row, column), token[0]))
                append(value)
            elif tok.kind != NUM:
                cells[keys[column]] = token[0]  # a blank cell
                append(None)
            else:
                append(self.count((*row, column), token))
        return tuple(out)

    def count(self, path: Path, token: Token | None) -> int | None:
        if token is None:
            return None
        self.source(path, token)
        value, problem = count_of(token)
        if problem:
            self.add(
                "import.not_integer",
                WARNING,
                f"{CellRef.at(path).describe()}：{problem}，件数应为整数；按空白读取",
                [path],
            )
        return value

    def fitted_notes(
        self, row: RawRow, fitted: Fitted, path: Path, cells: list[Path]
    ) -> None:
        """Findings for a row whose cells did not match its columns one to one;
        ``cells`` names the cell of each column."""
        if not fitted.notes:
            return
        line = row.label_cell.line or _first_line(row)
        name = row_name(path)
        got = sum(1 for c, _ in row.cells if not c.gap)
        n = len(cells)
        if "short" in fitted.notes:
            missing = [cells[i] for i, t in enumerate(fitted.cells) if t is None]
            self.add(
                "import.short_row",
                INFO,
                f"第 {line} 行「{name}」只有 {got} 个单元格，少于 {n} 列；"
                "按末列（总计）对齐读取，前面缺少的单元格按空白处理",
                missing,
            )
        if "truncated" in fitted.notes:
            missing = [cells[i] for i, t in enumerate(fitted.cells) if t is None]
            self.add(
                "import.truncated_row",
                WARNING,
                f"第 {line} 行起的「{name}」只有 {got} 个单元格，应有 {n} 个；"
                "表格可能被截断，缺少的单元格按空白（null）处理",
                missing,
            )
        if "extra" in fitted.notes:
            self.add(
                "import.extra_cells",
                WARNING,
                f"第 {line} 行起的「{name}」有 {got} 个单元格，多于 {n} 列；"
                f"只读取前 {n} 个，多出的数值被忽略",
                cells,
            )

    def duplicate(self, row: RawRow, path: Path) -> None:
        self.add(
            "import.duplicate_row",
            WARNING,
            f"第 {row.label_cell.line} 行再次出现「{row_name(path)}」，"
            "只读取第一次出现的数值",
            [path],
        )

    def number_format_finding(self) -> None:
        if not self.reformatted:
            return
        shown = "、".join(
            f"「{cell.text.strip()}」" for _, cell in self.reformatted[:5]
        )
        more = (
            f"等 {len(self.reformatted)} 个单元格" if len(self.reformatted) > 5 else ""
        )
        self.add(
            "import.number_format",
            INFO,
            f"数值 {shown}{more}含千位分隔符、全角数字或空格，已按数字读取",
            [p for p, _ in self.reformatted],
        )


def _first_line(row: RawRow) -> int:
    return next((c.line for c, _ in row.cells if c.line), 0)
