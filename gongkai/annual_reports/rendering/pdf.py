"""PDF rendering: the standalone HTML document laid out by WeasyPrint (A4, text PDF,
fonts embedded as subsets), through :mod:`gongkai.documents.pdf`.

A table running onto another page repeats its header rows (``<thead>``), but a
group label spanning rows (「三、本年度办理结果」, 「（三）不予公开」) would stay on the
page where its group began, leaving the rows on the next page unnamed.  So the
document is laid out, and wherever a page break cuts through a group the table is
cut there and continues on the next page with the header and the group labels
repeated (``continued_layouts``); then it is laid out again, until no break cuts
a group.

Without Pango or a CJK font this raises :class:`PdfUnavailableError` saying what to
install (``make sysdeps``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.layout import TableLayout
from gongkai.annual_reports.rendering.document import (
    report_sections,
    spanning_labels,
)
from gongkai.annual_reports.rendering.errors import RenderError
from gongkai.annual_reports.rendering.html import render_html
from gongkai.documents import errors as document_errors
from gongkai.documents.pdf import element_pages, layout_html, write_pdf

#: Layouts of one report: each cut adds a page, so a handful always suffices; the
#: bound only guards against a layout that never settles.
MAX_LAYOUT_PASSES: Final = 12

Breaks = dict[str, tuple[int, ...]]


class PdfUnavailableError(RenderError, document_errors.PdfUnavailableError):
    """PDF cannot be produced on this machine (Pango or the CJK font is missing)."""


def render_pdf(report: ReportData) -> bytes:
    """The report as an A4 PDF with selectable text and the CJK font embedded;
    every page holding rows of a group also holds the group's label."""
    try:
        return write_pdf(_laid_out(report))
    except document_errors.PdfUnavailableError as exc:
        raise PdfUnavailableError(str(exc)) from exc


def _laid_out(report: ReportData) -> Any:
    layouts = {
        s.table_key: s.table
        for s in report_sections(report)
        if s.table_key is not None and s.table is not None
    }
    breaks: Breaks = {}
    document = layout_html(render_html(report))
    for _ in range(MAX_LAYOUT_PASSES):
        pages = element_pages(document, "data-path")
        more = {
            key: cut
            for key, layout in layouts.items()
            if (cut := cut_through_group(layout, pages, breaks.get(key, ())))
            is not None
        }
        if not more:
            break
        for key, cut in more.items():
            breaks[key] = (*breaks.get(key, ()), cut)
        document = layout_html(render_html(report, continue_at=breaks))
    return document


def cut_through_group(
    layout: TableLayout, pages: Mapping[str, int], cuts: tuple[int, ...] = ()
) -> int | None:
    """The first row of ``layout`` that begins a page (by ``pages``: the page of
    each value cell's ``data-path``) inside a row group that began on an earlier
    page, unless the table is already cut there; None when there is none."""
    row_page: dict[int, int] = {}
    for path, (r, _) in layout.value_positions().items():
        if (page := pages.get(fmt.path_str(path))) is not None:
            row_page[r] = min(page, row_page.get(r, page))
    groups = spanning_labels(layout)
    for r in sorted(row_page):
        before = row_page.get(r - 1)
        if before is None or row_page[r] <= before or r in cuts:
            continue
        if any(top < r < top + cell.rowspan for top, _, cell in groups):
            return r
    return None
