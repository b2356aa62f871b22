"""Template tags of the imports pages."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.codes import describe_code
from gongkai.annual_reports.comparison import ReportInput
from gongkai.annual_reports.validation.findings import CellRef
from gongkai.imports.cells import short_label

register = template.Library()


@register.simple_tag
def report_url(report: ReportInput, cell: str = "") -> str:
    """An imported report's page here (opening ``cell``), or a published report's
    page on the portal."""
    if report.imported:
        url = reverse("imports:report", args=[report.report_id])
        return f"{url}?cell={cell}" if cell else url
    return reverse("portal:report", args=[report.organisation_id, report.year])


@register.filter
def cell_short(cell: CellRef | str) -> str:
    """A cell's short name (``三（三）4·总计``) from a CellRef or a path string."""
    path = cell.path if isinstance(cell, CellRef) else fmt.parse_path(str(cell))
    return short_label(path)


@register.filter
def cell_path(cell: CellRef) -> str:
    return fmt.path_str(cell.path)


@register.filter
def code_title(code: str) -> str:
    """What a finding code means, for a ``title`` attribute."""
    return describe_code(code)


@register.filter
def code_label(code: str) -> SafeString:
    """A finding code as people read it: the Chinese description with the code beside
    it (the code alone when it is no longer registered)."""
    description = describe_code(code)
    if not description:
        return format_html('<code class="imp-code-id">{}</code>', code)
    return format_html(
        '<span class="imp-code-text">{}</span> <code class="imp-code-id">{}</code>',
        description,
        code,
    )
