"""What every format shares: sections, text clean-up, header rows, extra items."""

from __future__ import annotations

import io

import docx
import lxml.html
import openpyxl
import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import Narrative, ReportData
from gongkai.annual_reports.layout import applications_layout, table_layouts
from gongkai.annual_reports.rendering.document import (
    CONTINUED_MARK,
    SUPPLEMENTARY_HEADING,
    TRIAL_FORMAT_NOTE,
    clean_text,
    column_fractions,
    continued_layouts,
    header_row_count,
    report_sections,
    single_line,
    spanning_labels,
    split_paragraphs,
)
from gongkai.annual_reports.rendering.docx import render_docx
from gongkai.annual_reports.rendering.html import render_html
from gongkai.annual_reports.rendering.xlsx import render_xlsx
from gongkai.annual_reports.sample import sample_report


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("", ()),
        (None, ()),
        ("一段", ("一段",)),
        (
            "　　第一段。\r\n\r\n　　第二段。\n\n\n第三段。  ",
            ("第一段。", "第二段。", "第三段。"),
        ),
        ("a\x00b\x0c\nc", ("ab", "c")),
    ],
)
def test_split_paragraphs(text: str | None, paragraphs: tuple[str, ...]) -> None:
    assert split_paragraphs(text) == paragraphs


def test_text_clean_up() -> None:
    assert clean_text("a\x01\x1fb\ufffe\tc\n") == "ab\tc\n"
    assert single_line(" 某县\r\n人民政府\t ") == "某县 人民政府"
    assert single_line("某县　人民政府") == "某县　人民政府"  # full-width space kept


def test_sections_follow_the_format() -> None:
    report = ReportData(
        year=2024,
        org="某县",
        applications=sample_report(org="某县", year=2024).applications,
        narrative=Narrative(overview="甲", problems="乙\n丙", other=""),
    )
    sections = report_sections(report)
    assert [s.heading for s in sections] == list(fmt.SECTION_HEADINGS)
    assert [s.table_key for s in sections] == [
        None,
        "active",
        "applications",
        "appeals",
        None,
        None,
    ]
    assert [s.table is not None for s in sections] == [
        False,
        False,
        True,
        False,
        False,
        False,
    ]
    assert [s.paragraphs for s in sections if not s.is_table] == [
        ("甲",),
        ("乙", "丙"),
        (),
    ]


def test_header_rows_and_column_widths() -> None:
    active, applications, appeals = table_layouts(None)
    assert header_row_count(active) == 0  # block headers recur: nothing repeats
    assert header_row_count(applications) == 3
    assert header_row_count(appeals) == 3
    for layout in (active, applications, appeals):
        fractions = column_fractions(layout)
        assert len(fractions) == layout.n_cols
        assert sum(fractions) == pytest.approx(1)


def test_trial_format_and_supplementary_items_in_every_format() -> None:
    label = "第二十条第（九）项 政府集中采购 采购项目数量"
    report = ReportData(
        year=2019,
        org="某县人民政府",
        format_version=fmt.FORMAT_2019_TRIAL,
        active=sample_report(org="某县", year=2019).active,
        supplementary={label: 12, "采购总金额": {"万元": "35.5"}},
    )
    html_text = lxml.html.fromstring(render_html(report)).text_content()
    document = docx.Document(io.BytesIO(render_docx(report)))
    docx_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    xlsx_text = "\n".join(
        str(c.value)
        for ws in workbook
        for row in ws.iter_rows()
        for c in row
        if c.value
    )
    for text in (html_text, docx_text):
        assert TRIAL_FORMAT_NOTE in text
    for text in (html_text, docx_text, xlsx_text):
        assert SUPPLEMENTARY_HEADING in text
        assert label in text
        assert "万元：35.5" in text


def _grid(layout) -> dict[tuple[int, int], object]:
    """Every grid position a cell covers → the cell; each position exactly once."""
    covered: dict[tuple[int, int], object] = {}
    for r, c, cell in layout.anchors():
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                assert (r + dr, c + dc) not in covered
                covered[(r + dr, c + dc)] = cell
    assert set(covered) == {
        (r, c) for r in range(len(layout.rows)) for c in range(layout.n_cols)
    }
    return covered


@pytest.mark.parametrize("cuts", [(), (14,), (9, 14), (6, 12, 18), (0, 2, 99)])
def test_continued_layouts_repeat_header_and_group_labels(
    cuts: tuple[int, ...],
) -> None:
    layout = applications_layout(sample_report(org="某县", year=2024))
    head = header_row_count(layout)
    parts = continued_layouts(layout, cuts)
    assert len(parts) == 1 + len({c for c in cuts if head < c < len(layout.rows)})
    starts = [head, *sorted({c for c in cuts if head < c < len(layout.rows)})]
    groups = spanning_labels(layout)
    values = []
    for start, part in zip(starts, parts, strict=True):
        _grid(part)  # every part is a full, non-overlapping grid
        assert part.rows[:head] == layout.rows[:head]  # the header repeats
        values += [cell.path for _, _, cell in part.anchors() if cell.is_value]
        # The groups running into a part from above are named again at its top.
        continued = {
            cell.text + CONTINUED_MARK
            for r, _, cell in groups
            if r < start < r + cell.rowspan
        }
        marked = {
            cell.text
            for r, _, cell in part.anchors()
            if cell.text.endswith(CONTINUED_MARK)
        }
        assert marked == continued
    assert values == [cell.path for _, _, cell in layout.anchors() if cell.is_value]


def test_a_cut_inside_a_group_names_the_group_on_both_sides() -> None:
    layout = applications_layout(sample_report(org="某县", year=2024))
    withheld = next(
        (r, cell) for r, _, cell in spanning_labels(layout) if "不予公开" in cell.text
    )
    top, label = withheld
    first, second = continued_layouts(layout, [top + 3])
    texts = {cell.text for _, _, cell in spanning_labels(second)}
    assert label.text + CONTINUED_MARK in texts
    assert fmt.TOP_RESULTS + CONTINUED_MARK in texts
    assert any(cell.text == label.text for _, _, cell in spanning_labels(first))
