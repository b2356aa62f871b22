"""PDF with a text layer: tables from ruling lines, everything else from positions.

Per page, pdfplumber finds the ruled tables (``find_tables``: the grid comes from
the drawn lines, a merged cell is ``None`` over the positions it covers, i.e. a gap).
The words outside those tables are clustered into lines by their vertical position
and cut into cells where the horizontal gap between words is wider than a space, so
an unruled table still comes out as rows of cells.  Tables and lines are written in
reading order (top to bottom).
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import statistics
from typing import Any

from gongkai.annual_reports.importing.doc import Doc, ExtractError, TextBuilder

_LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
_MAX_PAGES = 500


def pdf_doc(data: bytes) -> Doc:
    import pdfplumber  # heavy; loaded only for PDFs

    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)
    builder = TextBuilder("pdf")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise ExtractError("PDF 文件没有页面")
            chars = 0
            for number, page in enumerate(pdf.pages[:_MAX_PAGES], 1):
                chars += len(page.chars)
                _page(builder, page, number)
    except ExtractError:
        raise
    except Exception as exc:  # pdfminer raises many kinds for broken files
        message = str(exc) or type(exc).__name__
        if "password" in message.lower() or "encrypt" in message.lower():
            raise ExtractError("PDF 文件已加密，无法读取") from None
        raise ExtractError(f"PDF 文件已损坏或无法读取（{message[:200]}）") from None
    if chars == 0:
        raise ExtractError("PDF 没有文本层（可能是扫描件），需要先做文字识别（OCR）")
    return builder.build()


def _page(builder: TextBuilder, page: Any, number: int) -> None:
    # A rectangle framing most of the page (a border, a background) is not a
    # table's ruling: left in, the whole page would read as one table.
    width, height = float(page.width), float(page.height)

    def not_a_frame(obj: dict[str, Any]) -> bool:
        return not (
            obj.get("object_type") == "rect"
            and float(obj["width"]) > width * 0.6
            and float(obj["height"]) > height * 0.3
        )

    tables = page.filter(not_a_frame).find_tables()
    items: list[tuple[float, int, Any]] = []
    rest = page
    for i, table in enumerate(tables):
        items.append((table.bbox[1], i, table))
        rest = rest.outside_bbox(table.bbox)
    words = rest.extract_words(
        keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"]
    )
    for j, line in enumerate(_lines(words)):
        items.append((line[0]["top"], len(tables) + j, line))
    items.sort(key=lambda item: (round(item[0], 1), item[1]))
    filled = 0
    for _top, index, item in items:
        if index < len(tables):
            rows = item.extract()
            filled += _fill_uncovered(page, item, rows)
            for row in rows:
                builder.row(
                    [None if cell is None else cell.replace("\n", "") for cell in row]
                )
            builder.blank_line()
        else:
            _write_line(builder, item)
    if tables:
        builder.notes.append(f"第 {number} 页：按框线重建 {len(tables)} 张表格")
    if filled:
        builder.notes.append(
            f"第 {number} 页：{filled} 个字符不在任何框线单元格内"
            "（框线不全或单元格跨页），按位置归入所在的行和列"
        )


def _fill_uncovered(page: Any, table: Any, rows: list[list[str | None]]) -> int:
    """Put the characters inside a table that lie in none of its cells (ruling
    lines missing, a merged cell cut by a page break) into the grid position they
    sit in; pdfplumber would drop them.  Returns how many there were."""
    cells = table.cells
    xs = sorted({c[0] for c in cells})
    ys = sorted({c[1] for c in cells})
    buckets: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for char in page.crop(table.bbox, strict=False).chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        if any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in cells):
            continue
        r, c = bisect.bisect_right(ys, y) - 1, bisect.bisect_right(xs, x) - 1
        if 0 <= r < len(rows) and 0 <= c < len(rows[r]):
            buckets.setdefault((r, c), []).append(char)
    for (r, c), chars in buckets.items():
        chars.sort(key=lambda ch: (round(ch["top"]), ch["x0"]))
        rows[r][c] = (rows[r][c] or "") + "".join(ch["text"] for ch in chars)
    return sum(map(len, buckets.values()))


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _write_line(builder: TextBuilder, line: list[dict[str, Any]]) -> None:
    size = statistics.median(float(w.get("size") or 10.0) for w in line)
    cells: list[str] = [line[0]["text"]]
    for previous, word in itertools.pairwise(line):
        gap = word["x0"] - previous["x1"]
        if gap > size * 1.2:
            cells.append(word["text"])
        else:
            cells[-1] += (" " if gap > size * 0.15 else "") + word["text"]
    if len(cells) == 1:
        builder.paragraph(cells[0])
    else:
        builder.row(cells)
