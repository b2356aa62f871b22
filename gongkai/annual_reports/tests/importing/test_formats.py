"""HTML, DOCX and PDF: merged cells land in their columns, reports parse back exactly."""

from __future__ import annotations

import html
import io
import random
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.importing import parse_bytes
from gongkai.annual_reports.importing.html import html_doc
from gongkai.annual_reports.layout import table_layouts
from gongkai.annual_reports.tests.importing.helpers import differences, rng
from gongkai.annual_reports.tests.importing.shapes import make_case, random_report


def report_html(report: ReportData, *, rng: random.Random, title: str) -> str:
    """The report as a web page: real tables with rowspan/colspan."""
    parts = [
        f'<html><head><meta charset="utf-8"><title>{title}_政府门户网站</title>'
        "<style>td,th{border:1px solid #000}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        "<p>根据《条例》规定，现公布本年度报告。<br>全年共办理申请 12 件。</p>",
    ]
    for layout in table_layouts(report):
        parts.append(f"<h2>{layout.heading}</h2>")
        if getattr(report, layout.key) is None:
            parts.append("<p>本年度无相关数据。</p>")
            continue
        parts.append("<table border='1'>" + ("<tbody>" if rng.random() < 0.5 else ""))
        for row in layout.rows:
            cells = []
            for cell in row:
                tag = "td" if cell.is_value or rng.random() < 0.5 else "th"
                text = (
                    html.escape(cell.text) if cell.text else rng.choice(("", "&nbsp;"))
                )
                spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                    f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                )
                cells.append(f"<{tag}{spans}>\n  {text}\n</{tag}>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append(
            "</tbody></table>"
            if "<tbody>" in parts[-len(layout.rows) - 1]
            else "</table>"
        )
    parts.append(f"<h2>{fmt.SECTION_HEADINGS[5]}</h2><p>无。</p></body></html>")
    return "\n".join(parts)


def report_docx(report: ReportData, *, title: str) -> bytes:
    """The report as a Word document with merged table cells."""
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    document.add_paragraph("根据《条例》规定，现公布本年度报告。")
    for layout in table_layouts(report):
        document.add_paragraph(layout.heading)
        if getattr(report, layout.key) is None:
            continue
        table = document.add_table(rows=len(layout.rows), cols=layout.n_cols)
        anchors = list(layout.anchors())
        for r, c, cell in anchors:
            if cell.rowspan > 1 or cell.colspan > 1:
                table.cell(r, c).merge(
                    table.cell(r + cell.rowspan - 1, c + cell.colspan - 1)
                )
        for r, c, cell in anchors:
            table.cell(r, c).text = cell.text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _case(seed: int) -> tuple[ReportData, str]:
    gen = rng(seed)
    report, written = random_report(gen, blank_share=gen.choice((0.0, 0.2)))
    if gen.random() < 0.3:
        report = replace(report, appeals=None)
    return report, written


FORMATS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@FORMATS
@given(seed=st.integers(0, 10**6))
def test_html_tables_with_rowspan_and_colspan_round_trip(seed: int) -> None:
    report, title = _case(seed)
    page = report_html(report, rng=rng(seed), title=title)
    result = parse_bytes(page.encode("utf-8"), source="r.html")
    assert result.report is not None, result.error
    assert result.detected["kind"] == "html"
    assert differences(report, result.report) == []


def test_html_merged_cells_land_in_their_columns() -> None:
    page = (
        "<table><tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td>"
        "<td>1</td><td colspan=2>2</td></tr>"
        "<tr><td>（二）部分公开</td><td>3</td><td>4</td><td>5</td></tr></table>"
    )
    doc = html_doc(page)
    rows = [[(c.text, c.gap) for c, _tok in line] for line in doc.lines if line]
    assert rows[0] == [
        ("三、本年度办理结果", False),
        ("（一）予以公开", False),
        ("1", False),
        ("2", False),
        ("", True),
    ]
    assert rows[1][0] == ("", True)  # under the rowspan
    assert [t for t, _ in rows[1][1:]] == ["（二）部分公开", "3", "4", "5"]


def test_html_encoded_in_gbk_with_a_meta_charset() -> None:
    report, title = _case(3)
    page = report_html(report, rng=rng(3), title=title)
    page = page.replace('charset="utf-8"', 'charset="gbk"')
    result = parse_bytes(page.encode("gbk"), source="r.htm")
    assert result.report is not None, result.error
    assert result.detected["encoding"] == "gbk"
    assert differences(report, result.report) == []


def test_html_page_laid_out_in_a_table_is_read_as_text() -> None:
    report, title = _case(5)
    inner = report_html(report, rng=rng(5), title=title)
    body = inner.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    page = f"<html><body><table><tr><td>导航</td><td>{body}</td></tr></table></body></html>"
    result = parse_bytes(page.encode(), source="layout.html")
    assert result.report is not None, result.error
    assert differences(report, result.report) == []


@pytest.mark.parametrize("seed", range(6))
def test_scraped_page_with_a_paragraph_per_cell(seed: int) -> None:
    case = make_case("scraped", rng(seed))
    paragraphs = [
        f"<p>{html.escape(line).replace(chr(0xA0), '&nbsp;')}</p>"
        for line in case.text.split("\n")
        if line
    ]
    page = "<html><body>\n" + "\n".join(paragraphs) + "\n</body></html>"
    result = parse_bytes(page.encode(), source="page.html")
    assert result.report is not None, result.error
    assert differences(case.expected, result.report) == []


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6))
def test_docx_with_merged_cells_round_trips(seed: int) -> None:
    report, title = _case(seed)
    result = parse_bytes(
        report_docx(report, title=title), source="r.docx", suffix=".docx"
    )
    assert result.report is not None, result.error
    assert result.detected["kind"] == "docx"
    assert differences(report, result.report) == []


@pytest.mark.parametrize("seed", [11, 12])
def test_pdf_rendered_from_html_round_trips(seed: int) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    report, title = _case(seed)
    page = report_html(report, rng=rng(seed), title=title)
    page = page.replace(
        "<style>",
        "<style>body{font-family:'Noto Sans CJK SC',"
        "'Noto Serif CJK SC',sans-serif;font-size:9pt} table{"
        "border-collapse:collapse}",
    )
    pdf = weasyprint.HTML(string=page).write_pdf()
    result = parse_bytes(pdf, source="r.pdf")
    assert result.report is not None, result.error
    assert result.detected["kind"] == "pdf"
    assert differences(report, result.report) == []


def _render():
    try:
        from gongkai.annual_reports.rendering import render
    except ImportError:
        pytest.skip("the renderer is not available")
    return render


@pytest.mark.parametrize("to", ["html", "docx", "pdf"])
@pytest.mark.parametrize("seed", [1, 2])
def test_renderer_output_round_trips(to: str, seed: int) -> None:
    render = _render()
    report, _title = _case(seed)
    report = replace(report, title=None)  # the renderer writes its own title
    data = render(report, to)
    result = parse_bytes(data, source=f"r.{to}", suffix=f".{to}")
    assert result.report is not None, result.error
    expected = replace(report, title=report.display_title)
    assert differences(expected, result.report) == []


def test_damaged_docx_and_pdf_give_errors_not_exceptions() -> None:
    report, title = _case(4)
    docx = report_docx(report, title=title)
    for data, suffix in (
        (docx[: len(docx) // 2], ".docx"),
        (b"%PDF-1.7\n%garbage", ".pdf"),
        (b"PK\x03\x04" + bytes(100), ".docx"),
    ):
        result = parse_bytes(data, source="broken" + suffix, suffix=suffix)
        assert result.report is None
        assert result.error
        assert not result.error.startswith("解析时出错")
