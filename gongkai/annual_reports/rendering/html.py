"""HTML rendering: the standalone report document and fragments for web pages.

Everything here returns ``str`` that is already escaped: a Django template can
include it with ``|safe`` / ``mark_safe``.  Classes are prefixed ``gk-``; the table
styles are in ``TABLE_CSS`` for pages that embed the fragments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.layout import LayoutCell, TableLayout
from gongkai.annual_reports.rendering.document import (
    EMPTY_NARRATIVE_TEXT,
    MISSING_TABLE_TEXT,
    SUPPLEMENTARY_HEADING,
    TRIAL_FORMAT_NOTE,
    Section,
    clean_text,
    column_fractions,
    continued_layouts,
    display_title,
    header_row_count,
    is_group_label,
    metadata_line,
    report_sections,
    single_line,
    supplementary_items,
)
from gongkai.documents.fonts import SANS_CSS, SERIF_CSS
from gongkai.documents.page import A4_REPORT, PAGE_OF_PAGES, css_page_rule

PAGE: Final = A4_REPORT
SERIF_FONTS: Final = SERIF_CSS
SANS_FONTS: Final = SANS_CSS

#: Styles of the tables alone, for web pages that embed ``render_tables_fragment``.
TABLE_CSS: Final = f"""\
table.gk-table {{ border-collapse: collapse; width: 100%; table-layout: fixed;
  font-family: {SERIF_FONTS}; font-size: 9pt; line-height: 1.35; margin: 0.3em 0 1em; }}
table.gk-table th, table.gk-table td {{ border: 0.75pt solid #000; padding: 2pt 3pt;
  vertical-align: middle; overflow-wrap: anywhere; }}
table.gk-table tr {{ break-inside: avoid; }}
table.gk-table th.gk-header, table.gk-table th.gk-corner {{ font-weight: bold;
  text-align: center; padding: 2pt 1.5pt; }}
table.gk-table th.gk-corner {{ font-weight: normal; font-size: 8.5pt; }}
table.gk-table th.gk-label {{ font-weight: normal; text-align: left; }}
table.gk-table th.gk-group {{ text-align: center; }}
table.gk-table td.gk-num {{ text-align: right; font-variant-numeric: tabular-nums; }}
table.gk-table-active {{ break-inside: avoid; }}
table.gk-supplementary {{ border-collapse: collapse; font-size: 9pt; margin: 0.3em 0 1em; }}
table.gk-supplementary th, table.gk-supplementary td {{ border: 0.75pt solid #000;
  padding: 2pt 6pt; text-align: left; font-weight: normal; }}
"""

#: Styles of the standalone document (A4 print and screen).
DOCUMENT_CSS: Final = f"""\
{css_page_rule(PAGE, footer=PAGE_OF_PAGES, footer_font=SERIF_FONTS)}
html {{ font-family: {SERIF_FONTS}; font-size: 12pt; line-height: 1.75; color: #000;
  background: #fff; }}
body {{ margin: 0 auto; max-width: 170mm; padding: 12mm 8mm; }}
@media print {{ body {{ max-width: none; padding: 0; }} }}
h1.gk-title {{ font-size: 18pt; font-weight: bold; text-align: center;
  line-height: 1.45; margin: 0 0 0.4em; }}
p.gk-meta {{ font-size: 10.5pt; text-align: center; margin: 0 0 1.2em; }}
p.gk-note {{ font-size: 10.5pt; text-indent: 2em; margin: 0 0 1em; }}
h2.gk-heading {{ font-family: {SANS_FONTS}; font-size: 14pt; font-weight: bold;
  margin: 1.1em 0 0.4em; break-after: avoid; }}
h3.gk-subheading {{ font-family: {SANS_FONTS}; font-size: 12pt; font-weight: bold;
  margin: 0.8em 0 0.3em; break-after: avoid; }}
p.gk-para {{ text-indent: 2em; text-align: justify; margin: 0 0 0.3em; }}
p.gk-empty, p.gk-missing {{ text-indent: 2em; margin: 0 0 0.3em; color: #444; }}
{TABLE_CSS}"""

#: A table continued from the page before begins a page of its own.
CONTINUED_CSS: Final = "table.gk-continued { break-before: page; }\n"


def _text(value: str) -> str:
    return escape(clean_text(value), quote=True)


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------
def _highlight_classes(path: fmt.Path, highlight: Mapping[str, str]) -> list[str]:
    """Classes for a value cell: those given for its path or for a row or table
    that contains it (``applications.withheld.3`` marks the whole row)."""
    classes: list[str] = []
    for end in range(1, len(path) + 1):
        extra = highlight.get(fmt.path_str(path[:end]))
        if extra:
            classes.extend(extra.split())
    return classes


def _span_attrs(cell: LayoutCell) -> str:
    out = ""
    if cell.rowspan > 1:
        out += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        out += f' colspan="{cell.colspan}"'
    return out


def _cell_html(cell: LayoutCell, highlight: Mapping[str, str]) -> str:
    spans = _span_attrs(cell)
    if cell.kind == "value":
        cell_path = cell.path or ()
        classes = ["gk-num"]
        if cell.value is None:
            classes.append("gk-blank")
        classes += _highlight_classes(cell_path, highlight)
        path = fmt.path_str(cell_path)
        return (
            f'<td class="{_text(" ".join(classes))}" data-path="{_text(path)}"'
            f"{spans}>{_text(cell.text)}</td>"
        )
    if cell.kind == "corner":
        return f'<th class="gk-corner"{spans}>{_text(cell.text)}</th>'
    if cell.kind == "header":
        scope = "colgroup" if cell.colspan > 1 else "col"
        return f'<th class="gk-header" scope="{scope}"{spans}>{_text(cell.text)}</th>'
    if is_group_label(cell):
        return (
            f'<th class="gk-label gk-group" scope="rowgroup"{spans}>'
            f"{_text(cell.text)}</th>"
        )
    return f'<th class="gk-label" scope="row"{spans}>{_text(cell.text)}</th>'


def render_table(
    layout: TableLayout,
    *,
    highlight: Mapping[str, str] | None = None,
    continue_at: Sequence[int] = (),
) -> str:
    """One statistical table as ``<table>``, spans exactly as the layout draws them;
    every value cell is a ``<td data-path="…">``.  ``continue_at`` (row indices,
    for print) cuts the table before those rows into tables that each begin a page,
    repeating the header and the group labels (``continued_layouts``)."""
    marks = highlight or {}
    parts = continued_layouts(layout, continue_at) if continue_at else (layout,)
    return "\n".join(
        _table_html(part, marks, continued=index > 0)
        for index, part in enumerate(parts)
    )


def _table_html(
    layout: TableLayout, marks: Mapping[str, str], *, continued: bool
) -> str:
    cols = "".join(
        f'<col style="width: {share * 100:.2f}%">' for share in column_fractions(layout)
    )
    head = header_row_count(layout)
    rows = [
        "<tr>" + "".join(_cell_html(c, marks) for c in row) + "</tr>"
        for row in layout.rows
    ]
    more = " gk-continued" if continued else ""
    parts = [
        f'<table class="gk-table gk-table-{layout.key}{more}" '
        f'data-table="{layout.key}" aria-label="{_text(layout.heading)}">',
        f"<colgroup>{cols}</colgroup>",
    ]
    if head:
        parts += ["<thead>", *rows[:head], "</thead>"]
    parts += ["<tbody>", *rows[head:], "</tbody>", "</table>"]
    return "\n".join(parts)


def _supplementary_html(report: ReportData) -> str:
    items = supplementary_items(report)
    if not items:
        return ""
    rows = "\n".join(
        f'<tr><th scope="row">{_text(label)}</th><td>{_text(value)}</td></tr>'
        for label, value in items
    )
    return (
        f'<h3 class="gk-subheading">{_text(SUPPLEMENTARY_HEADING)}</h3>\n'
        f'<table class="gk-supplementary">\n<tbody>\n{rows}\n</tbody>\n</table>'
    )


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------
def _section_body(
    report: ReportData,
    section: Section,
    highlight: Mapping[str, str],
    continue_at: Sequence[int] = (),
) -> list[str]:
    if section.is_table:
        if section.table is None:
            body = [f'<p class="gk-missing">{_text(MISSING_TABLE_TEXT)}</p>']
        else:
            table = render_table(
                section.table, highlight=highlight, continue_at=continue_at
            )
            body = [table]
        if section.table_key == "active" and (extra := _supplementary_html(report)):
            body.append(extra)
        return body
    if not section.paragraphs:
        return [f'<p class="gk-empty">{_text(EMPTY_NARRATIVE_TEXT)}</p>']
    return [f'<p class="gk-para">{_text(p)}</p>' for p in section.paragraphs]


def _section_html(
    report: ReportData,
    section: Section,
    highlight: Mapping[str, str],
    *,
    heading: bool = True,
    continue_at: Sequence[int] = (),
) -> str:
    key = f' data-table="{section.table_key}"' if section.table_key else ""
    parts = [f'<section class="gk-section" id="gk-section-{section.number}"{key}>']
    if heading:
        parts.append(f'<h2 class="gk-heading">{_text(section.heading)}</h2>')
    parts += _section_body(report, section, highlight, continue_at)
    parts.append("</section>")
    return "\n".join(parts)


def render_section_fragment(
    report: ReportData,
    number: int,
    *,
    highlight: Mapping[str, str] | None = None,
    heading: bool = True,
) -> str:
    """Section ``number`` (1 … 6) as ``<section>``: its heading, then its narrative
    paragraphs or its table (or the sentence saying the report gives no table)."""
    sections = report_sections(report)
    if not 1 <= number <= len(sections):
        raise ValueError(f"section number must be 1 … {len(sections)}, got {number}")
    return _section_html(report, sections[number - 1], highlight or {}, heading=heading)


def render_tables_fragment(
    report: ReportData,
    *,
    highlight: Mapping[str, str] | None = None,
    headings: bool = True,
) -> str:
    """Sections 二, 三 and 四 (the three tables) as an HTML fragment.

    ``highlight`` maps a path string (``format.path_str``, e.g.
    ``"applications.withheld.3.6"``) to CSS classes added to that cell's ``<td>``; a
    row or table path (``"applications.withheld.3"``, ``"appeals"``) marks each of
    its cells.  Paths that name no cell of the report are ignored."""
    marks = highlight or {}
    parts = [
        _section_html(report, s, marks, heading=headings)
        for s in report_sections(report)
        if s.is_table
    ]
    return '<div class="gk-report-tables">\n' + "\n".join(parts) + "\n</div>"


def render_html(
    report: ReportData, *, continue_at: Mapping[str, Sequence[int]] | None = None
) -> str:
    """The whole report as a standalone HTML document (styles inline, A4 print).

    ``continue_at`` maps a table key to the rows before which that table continues
    on a new page with its header and group labels repeated (the PDF renderer
    finds them by laying the document out)."""
    breaks = continue_at or {}
    title = _text(display_title(report))
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
    ]
    if report.org:
        head.append(f'<meta name="author" content="{_text(single_line(report.org))}">')
    head += [
        "<style>",
        DOCUMENT_CSS + (CONTINUED_CSS if any(breaks.values()) else ""),
        "</style>",
        "</head>",
        "<body>",
        '<article class="gk-report">',
        "<header>",
        f'<h1 class="gk-title">{title}</h1>',
    ]
    if meta := metadata_line(report):
        head.append(f'<p class="gk-meta">{_text(meta)}</p>')
    if report.format_version == fmt.FORMAT_2019_TRIAL:
        head.append(f'<p class="gk-note">{_text(TRIAL_FORMAT_NOTE)}</p>')
    head.append("</header>")
    body = [
        _section_html(report, s, {}, continue_at=breaks.get(s.table_key or "", ()))
        for s in report_sections(report)
    ]
    tail = ["</article>", "</body>", "</html>", ""]
    return "\n".join(head + body + tail)
