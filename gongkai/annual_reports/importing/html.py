"""HTML pages: running text becomes lines, tables become tab-separated rows.

``rowspan``/``colspan`` are expanded onto the table's grid, so every cell lands in
its own column; the positions a merged cell covers are written as gaps.  A table
whose cells hold further tables is page layout, not data, and is read as running
text.  Scraped pages that put every table cell in its own ``<p>`` come out as one
cell per line, which the scanner reads in stream mode; ``&nbsp;`` stays a blank cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from gongkai.annual_reports.importing.doc import Doc, ExtractError, TextBuilder

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ASCII_SPACE = re.compile(r"[ \t\r\n\x0b\x0c]+")
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "center",
        "form",
        "main",
        "nav",
        "aside",
        "hr",
        "address",
        "figure",
        "figcaption",
        "caption",
        "body",
        "html",
    }
)
_SKIP = frozenset(
    {
        "script",
        "style",
        "head",
        "noscript",
        "template",
        "iframe",
        "object",
        "svg",
        "select",
        "button",
    }
)
_MAX_SPAN = 200


def html_doc(text: str) -> Doc:
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise ExtractError("HTML 文件没有内容")
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"无法解析 HTML（{exc}）") from None
    builder = TextBuilder("html")
    title = root.find(".//title")
    if title is not None and (title.text_content() or "").strip():
        builder.paragraph(_inline(title.text_content()))
    body = root.find(".//body")
    _Walker(builder).walk(body if body is not None else root)
    return builder.build()


def _inline(text: str) -> str:
    return _ASCII_SPACE.sub(" ", text).strip(" ")


class _Walker:
    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.line: list[str] = []

    def flush(self) -> None:
        text = _inline("".join(self.line))
        self.line.clear()
        if text:
            self.builder.paragraph(text)

    def walk(self, root: etree._Element) -> None:
        # Iterative, so that deeply nested markup cannot exhaust the stack.
        stack: list[tuple[etree._Element, bool]] = [(root, False)]
        while stack:
            element, closing = stack.pop()
            if closing:
                if element.tail:
                    self.line.append(element.tail)
                if _tag(element) in _BLOCKS:
                    self.flush()
                continue
            tag = _tag(element)
            if not tag or tag in _SKIP:  # comments, processing instructions, scripts
                if element.tail:
                    self.line.append(element.tail)
                continue
            if tag == "br":
                self.flush()
                if element.tail:
                    self.line.append(element.tail)
                continue
            if tag == "table" and not _is_layout(element):
                self.flush()
                self.table(element)
                if element.tail:
                    self.line.append(element.tail)
                continue
            if tag in _BLOCKS or tag in ("tr", "td", "th", "table"):
                self.flush()
            if element.text:
                self.line.append(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
        self.flush()

    def table(self, table: etree._Element) -> None:
        rows = list(_rows(table))
        taken: set[tuple[int, int]] = set()
        for r, tr in enumerate(rows):
            cells: dict[int, str | None] = {}
            c = 0
            for td in tr:
                if _tag(td) not in ("td", "th"):
                    continue
                while (r, c) in taken:
                    cells[c] = None
                    c += 1
                rowspan = min(_span(td, "rowspan"), len(rows) - r)
                colspan = _span(td, "colspan")
                cells[c] = _inline(td.text_content())
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if dr or dc:
                            taken.add((r + dr, c + dc))
                c += colspan
            for r2, c2 in taken:
                if r2 == r and c2 not in cells:
                    cells[c2] = None
            if cells:
                width = max(cells) + 1
                self.builder.row([cells.get(i) for i in range(width)])
        self.builder.blank_line()


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if _tag(tr) == "tr")


def _is_layout(table: etree._Element) -> bool:
    """A table used to lay out the page: its cells contain tables."""
    return any(True for _ in table.iterdescendants("table"))


def _span(td: etree._Element, name: str) -> int:
    try:
        value = int(str(td.get(name, "1")).strip() or "1")
    except ValueError:
        return 1
    return max(1, min(value, _MAX_SPAN))
