"""Word documents: the body in order, paragraphs as lines and tables as grids.

Merged cells are read from the table's XML: ``w:gridSpan`` (across) and
``w:vMerge`` (down; a continuing cell is a gap), plus ``w:gridBefore`` (cells
missing at the start of a row).  A table whose cells hold tables is page layout and
is read as running text.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from gongkai.annual_reports.importing.doc import Doc, ExtractError, TextBuilder

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt"))
_T, _TAB, _BR, _CR = (f"{_W}{t}" for t in ("t", "tab", "br", "cr"))
_VAL = f"{_W}val"
_MAX_SPAN = 200
_MAX_XML = 64 * 1024 * 1024


def docx_doc(data: bytes) -> Doc:
    body = _body(data)
    builder = TextBuilder("docx")
    _Reader(builder).blocks(body)
    return builder.build()


def _body(data: bytes) -> etree._Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > _MAX_XML:
                raise ExtractError("DOCX 正文过大，无法读取")
            xml = archive.read(info)
    except (
        zipfile.BadZipFile,
        KeyError,
        OSError,
        ValueError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise ExtractError(f"DOCX 文件已损坏，无法读取正文（{exc}）") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise ExtractError(f"DOCX 正文不是合法的 XML（{exc}）") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise ExtractError("DOCX 文件没有正文")
    return body


def _paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc: etree._Element) -> str:
    return "".join(_paragraph_text(p) for p in tc.iter(_P)).replace("\n", "")


def _property(element: etree._Element, path: str) -> etree._Element | None:
    return element.find(path.replace("w:", _W))


def _int(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return max(0, min(int(element.get(_VAL, default)), _MAX_SPAN))
    except ValueError:
        return default


class _Reader:
    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder

    def blocks(self, parent: etree._Element) -> None:
        for child in parent:
            if child.tag == _P:
                text = _paragraph_text(child)
                if text.strip(" \t\r\n"):  # NBSP alone is a blank cell, kept
                    self.builder.paragraph(text)
                else:
                    self.builder.blank_line()
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT:
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.blocks(content)

    def table(self, tbl: etree._Element) -> None:
        rows = [tr for tr in tbl if tr.tag == _TR]
        if any(True for tc in _cells_of_rows(rows) for _ in tc.iter(_TBL)):
            for tc in _cells_of_rows(rows):  # layout table: read its content
                self.blocks(tc)
            return
        for tr in rows:
            cells: list[str | None] = [None] * _int(
                _property(tr, "w:trPr/w:gridBefore"), 0
            )
            for tc in _cells(tr):
                span = max(1, _int(_property(tc, "w:tcPr/w:gridSpan"), 1))
                merge = _property(tc, "w:tcPr/w:vMerge")
                continuing = (
                    merge is not None and merge.get(_VAL, "continue") != "restart"
                )
                cells.append(None if continuing else _cell_text(tc))
                cells.extend([None] * (span - 1))
            if cells:
                self.builder.row(cells)
        self.builder.blank_line()


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT:
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from (tc for tc in content if tc.tag == _TC)


def _cells_of_rows(rows: list[etree._Element]) -> Iterator[etree._Element]:
    for tr in rows:
        yield from _cells(tr)
