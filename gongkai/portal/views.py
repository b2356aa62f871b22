"""Public pages of annual reports: the index of published reports and one page per
report.

Views only read (selectors); a draft is shown to staff who may see drafts and is a
404 for everybody else."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gongkai.accounts.models import User
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.presenters import (
    CELL_WARNING,
    cell_marks,
    findings_summary,
)
from gongkai.core.http import not_found
from gongkai.portal import selectors
from gongkai.portal.downloads import DOWNLOADS, report_file
from gongkai.portal.forms import ReportFilterForm
from gongkai.portal.page_cache import cache_public_page
from gongkai.portal.sections import page_sections


def _viewer(request: HttpRequest) -> User | None:
    """The signed-in user, else None.  Asked for every report, so that a draft's
    404 and a missing report's are the same answer (the session is read, and
    "Vary: Cookie" set, for both)."""
    return request.user if request.user.is_authenticated else None


@cache_public_page
def report_index(request: HttpRequest) -> HttpResponse:
    """Every organ's published annual reports, filtered by organ name and year."""
    form = ReportFilterForm(request.GET or None, years=selectors.published_years())
    name, year = "", None
    if form.is_valid():
        name, year = form.cleaned_data["q"].strip(), form.cleaned_data["year"]
    entries = selectors.published_report_index(name=name, year=year)
    return render(
        request,
        "portal/reports.html",
        {
            "form": form,
            "entries": entries,
            "report_count": sum(len(e.reports) for e in entries),
            "filtered": bool(name or year),
        },
    )


@cache_public_page
def report_detail(request: HttpRequest, org_id: int, year: int) -> HttpResponse:
    try:
        page = selectors.report_page_get(
            organisation_id=org_id, year=year, user=_viewer(request)
        )
    except ReportNotFound:
        return not_found(request, _("没有找到这份年度报告，或者它尚未发布。"))
    from gongkai.annual_reports.rendering.html import render_tables_fragment

    marks = {k: v for k, v in cell_marks(page.findings).items() if v != CELL_WARNING}
    tables = mark_safe(render_tables_fragment(page.data, highlight=marks))  # noqa: S308 (escaped by the renderer)
    downloads = [
        (f.label, reverse("portal:download", args=[org_id, year, f.ext]))
        for f in DOWNLOADS.values()
    ]
    response = render(
        request,
        "portal/report.html",
        {
            "page": page,
            "report": page.report,
            "title": page.data.display_title,
            "sections": page_sections(page.data, tables),
            "summary": findings_summary(page.findings),
            "downloads": downloads,
        },
    )
    if page.is_draft:
        patch_cache_control(response, private=True, no_store=True)
    return response


def report_download(
    request: HttpRequest, org_id: int, year: int, ext: str
) -> HttpResponse:
    download = DOWNLOADS.get(ext)
    if download is None:
        return not_found(request, _("不支持这种下载格式。"))
    try:
        page = selectors.report_page_get(
            organisation_id=org_id, year=year, user=_viewer(request)
        )
    except ReportNotFound:
        return not_found(request, _("没有找到这份年度报告，或者它尚未发布。"))
    file = report_file(page.data, ext)
    response = HttpResponse(file.content, content_type=file.content_type)
    disposition = content_disposition_header(not download.inline, file.filename)
    if disposition:
        response["Content-Disposition"] = disposition
    if page.is_draft:
        patch_cache_control(response, private=True, no_store=True)
    return response
