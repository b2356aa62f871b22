"""Reading a CSV or XLSX export as rows of text keyed by header (no database)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from gongkai.publications.errors import PublicationError


@dataclass(frozen=True)
class Row:
    number: int  # the row number the office sees in its file (the header is 1)
    cells: dict[str, str]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PublicationError("无法识别文件编码：请另存为 UTF-8 编码的 CSV 或 XLSX")


def _csv_rows(data: bytes) -> list[list[str]]:
    return [list(r) for r in csv.reader(io.StringIO(_decode(data)))]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise PublicationError(f"无法读取 XLSX 文件：{exc}") from exc
    sheet = book.worksheets[0]
    rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


@dataclass(frozen=True)
class Table:
    columns: frozenset[str]  # the canonical names of the columns found
    rows: list[Row]


def read_table(
    *, data: bytes, filename: str, aliases: dict[str, tuple[str, ...]]
) -> Table:
    """The file's rows, each keyed by canonical column name (``aliases`` maps each
    canonical name to the headers accepted for it).  Blank rows are skipped."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        raw = _xlsx_rows(data)
    elif name.endswith((".csv", ".txt")):
        raw = _csv_rows(data)
    else:
        raise PublicationError(f"「{filename}」不是 CSV 或 XLSX 文件")
    if not raw:
        raise PublicationError("文件是空的")
    header = [_text(h) for h in raw[0]]
    lookup = {alias: key for key, names in aliases.items() for alias in (key, *names)}
    columns = {i: lookup[h] for i, h in enumerate(header) if h in lookup}
    rows = [
        Row(n, {columns[i]: _text(v) for i, v in enumerate(cells) if i in columns})
        for n, cells in enumerate(raw[1:], start=2)
        if any(_text(v) for v in cells)
    ]
    return Table(frozenset(columns.values()), rows)
