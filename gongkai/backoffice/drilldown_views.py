"""Drill-down from a computed cell of sections 三 and 四 to the cases it counts.

The records come from ``annual_reports.statistics.drilldown`` (the same conditions as
the counts); the page lists only those the user may see
(``applications.permissions.visible_applications``, ``appeals.permissions``), with
personal data masked (``applications.privacy``).  Staff who may view the report's
drafts, or any signed-in staff member when the report is published, may open it;
the page says how many records the cell counts and how many of them are listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.accounts.models import User
from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports import values
from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.models import AnnualReport, ReportCellOverride
from gongkai.annual_reports.selectors import report_data, report_is_public
from gongkai.annual_reports.services import (
    report_cell_override,
    report_cell_override_withdraw,
)
from gongkai.annual_reports.statistics.drilldown import (
    APPEALS,
    APPLICATIONS,
    DOCUMENTS,
    cell_query,
    cell_record_ids,
)
from gongkai.appeals.permissions import visible_appeals
from gongkai.applications import privacy
from gongkai.applications.models import Application
from gongkai.applications.outcomes import ApplicantType
from gongkai.applications.permissions import visible_applications
from gongkai.backoffice.selectors import Access
from gongkai.core.errors import DomainError
from gongkai.core.http import not_found
from gongkai.publications.models import DecisionCount, InformationItem


class AuthenticatedHttpRequest(HttpRequest):
    user: User


@dataclass(frozen=True)
class CaseRow:
    case: Application
    applicant: str  # a person's name masked; an organisation's name whole
    id_number: str  # masked


def _computed_cells(report: AnnualReport) -> frozenset[str]:
    """Cells whose machine value is computed from the records (not imported,
    typed or summed from other reports)."""
    return frozenset(
        path
        for path, origin in cell_origins.unpack(report.origins).items()
        if (cell_origins.machine_origin(origin) or {}).get("kind")
        == cell_origins.Kind.COMPUTED.value
    )


def drilldown_links(report: AnnualReport) -> dict[str, str]:
    """Path string -> drill-down URL, for every computed cell of sections 三 and 四
    (the report page makes these cells links)."""
    out = {}
    for path in _computed_cells(report):
        try:
            cell_query(fmt.parse_path(path))
        except (KeyError, ValueError):
            continue
        out[path] = reverse("backoffice:drilldown", args=[report.pk, path])
    return out


def _row(case: Application) -> CaseRow:
    name = case.applicant_name
    if case.applicant_type == ApplicantType.NATURAL_PERSON:
        name = privacy.mask_name(name)
    return CaseRow(case, name, privacy.mask_id_number(case.id_number))


class CellOverrideForm(forms.Form):
    """A clerk's deliberate difference from the computed figure, with the reason."""

    value = forms.CharField(
        label=_("更正为"),
        max_length=40,
        required=False,
        help_text=_("留空表示未报告；数字可用全角或千分位"),
    )
    note = forms.CharField(
        label=_("理由"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "例如：有一件申请未在系统中登记。理由随报告保存，办件改变后会提示复核。"
        ),
    )

    def __init__(self, *args: Any, path: fmt.Path, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.path = path

    def clean_value(self) -> values.JsonValue:
        try:
            return values.to_json(values.parse(self.path, self.cleaned_data["value"]))
        except values.CellValueError as exc:
            raise forms.ValidationError(str(exc)) from exc


@login_required
@require_http_methods(["GET", "POST"])
def report_cell_cases(
    request: AuthenticatedHttpRequest, pk: int, cell: str
) -> HttpResponse:
    report = AnnualReport.objects.select_related("organisation").filter(pk=pk).first()
    if report is None:
        return not_found(request, _("没有这份年度报告。"))
    access = Access.of(request.user, report.organisation)
    if not (access.can_view or report_is_public(report=report)):
        raise PermissionDenied(
            _("您无权查看「%(org)s」的这份年度报告。") % {"org": report.organisation}
        )
    try:
        path = fmt.parse_path(cell)
        query = cell_query(path)
    except (KeyError, ValueError):
        return not_found(
            request,
            _(
                "「%(cell)s」不是第三、四部分的单元格：只有依申请公开和复议诉讼的单元格可以查看办件。"
            )
            % {"cell": cell},
        )
    if cell not in _computed_cells(report):
        return not_found(
            request,
            _("这个单元格不是根据办件计算的（手工填写或导入），没有对应的办件清单。"),
        )
    may_override = access.can_edit and not report.is_published
    form = CellOverrideForm(path=path)
    if request.method == "POST":
        if not may_override:
            raise PermissionDenied(
                _("您不能更正这份报告：只有可以编辑草稿的人员可以更正。")
            )
        response = _override(request, report, cell, path)
        if isinstance(response, HttpResponse):
            return response
        form = response
    ids = cell_record_ids(
        query, organisation_ids=[report.organisation_id], year=report.year
    )
    row_label, column_label = fmt.cell_labels(path)
    context: dict[str, Any] = {
        "report": report,
        "row_label": row_label,
        "column_label": column_label,
        "value": get_cell(report_data(report=report), path),
        "counted": len(ids),
        "kind": query.kind,
        "edit_url": reverse("backoffice:edit", args=[report.pk])
        if access.can_view
        else "",
        "override_form": form if may_override else None,
        "override": ReportCellOverride.objects.filter(
            report=report, path=cell, active=True
        )
        .select_related("actor")
        .first(),
    }
    if query.kind == APPLICATIONS:
        cases = (
            visible_applications(request.user)
            .filter(pk__in=ids)
            .select_related("unit")
            .order_by("received_on", "pk")
        )
        context["rows"] = [_row(case) for case in cases]
    elif query.kind == APPEALS:
        context["appeals"] = list(
            visible_appeals(request.user)
            .filter(pk__in=ids)
            .select_related("application", "application__unit")
            .order_by("filed_on", "pk")
        )
    elif query.kind == DOCUMENTS:  # section 二: published documents, no personal data
        context["documents"] = list(
            InformationItem.objects.filter(pk__in=ids)
            .select_related("organisation")
            .order_by("written_on", "pk")
        )
    else:
        context["decisions"] = list(
            DecisionCount.objects.filter(pk__in=ids).select_related("organisation")
        )
    listed = len(
        context.get("rows")
        or context.get("appeals")
        or context.get("documents")
        or context.get("decisions")
        or []
    )
    context["hidden"] = len(ids) - listed
    return render(
        request,
        "backoffice/drilldown.html",
        context,
        status=400 if form.is_bound else 200,
    )


def _override(
    request: AuthenticatedHttpRequest, report: AnnualReport, cell: str, path: fmt.Path
) -> HttpResponse | CellOverrideForm:
    """Make or withdraw the cell's override; the form (with its errors) on failure."""
    here = reverse("backoffice:drilldown", args=[report.pk, cell])
    form = CellOverrideForm(request.POST, path=path)
    try:
        if request.POST.get("withdraw"):
            override = ReportCellOverride.objects.filter(
                report=report, path=cell, active=True
            ).first()
            if override is None:
                return redirect(here)
            report_cell_override_withdraw(override=override, actor=request.user)
            messages.success(request, _("已撤销更正，单元格恢复为按办件计算的数字。"))
            return redirect(here)
        if not form.is_valid():
            return form
        report_cell_override(
            report=report,
            path=cell,
            value=form.cleaned_data["value"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return form
    messages.success(request, _("已更正该单元格；理由已随报告保存。"))
    return redirect(here)
