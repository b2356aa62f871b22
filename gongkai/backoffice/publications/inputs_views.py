"""The 第二十六条 clock per unit, and the inputs of section 二 the office keeps:
decision counts per unit and year (entered, or imported from the business
system's export) and the old site's items (imported).  A bad file is refused whole
with its per-row report; nothing is half-imported."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.backoffice.publications import forms as f
from gongkai.backoffice.publications import selectors
from gongkai.backoffice.publications.common import (
    AuthenticatedHttpRequest,
    add_domain_error,
    organs,
    publications_view,
)
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.publications import permissions, services
from gongkai.publications.importing import (
    DECISION_COLUMNS,
    ITEM_COLUMNS,
    ImportRejected,
    RowError,
    decision_counts_import,
    items_import,
)
from gongkai.publications.models import DecisionCount

OFFICE = permissions.OFFICE_ROLES


@require_GET
@publications_view()
def clock_board(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Per unit: unpublished items of 主动公开, late (past 20 working days from
    being formed or changed, 第二十六条) and due soon."""
    today = clock.today()
    rows = selectors.clock_rows(user=request.user, today=today)
    return render(
        request,
        "backoffice/publications/clock.html",
        {
            "today": today,
            "rows": rows,
            "soon_days": selectors.SOON_WORKING_DAYS,
            "to_review": selectors.awaiting(user=request.user, step="review").count(),
            "to_approve": selectors.awaiting(user=request.user, step="approve").count(),
            "totals": {
                "waiting": sum(r.clock.waiting for r in rows),
                "late": sum(r.clock.late for r in rows),
                "soon": sum(r.clock.due_soon for r in rows),
                "published_late": sum(r.clock.published_late for r in rows),
            },
        },
    )


# -- decision counts ---------------------------------------------------------------
def _decisions_page(
    request: AuthenticatedHttpRequest,
    form: f.DecisionCountForm,
    upload: f.DecisionImportForm,
    errors: list[RowError] | None = None,
    status: int = 200,
) -> HttpResponse:
    organisations = form.fields["organisation"].queryset  # type: ignore[attr-defined]
    entries = (
        DecisionCount.objects.filter(organisation__in=organisations)
        .select_related("organisation", "entered_by")
        .order_by("-year", "organisation__name")
    )
    return render(
        request,
        "backoffice/publications/decisions.html",
        {
            "form": form,
            "upload": upload,
            "errors": errors,
            "entries": entries[:500],
            "columns": _columns(DECISION_COLUMNS),
        },
        status=status,
    )


def _columns(aliases: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The first (canonical) header of each column of an import."""
    return [names[0] for names in aliases.values()]


@require_http_methods(["GET", "POST"])
@publications_view(OFFICE)
def decisions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Enter (or replace) one unit's 行政许可/行政处罚/行政强制 decisions and
    行政事业性收费 of a year; the entries already kept."""
    organisations = organs(request.user, OFFICE)
    today = clock.today()
    upload = f.DecisionImportForm(initial={"year": today.year - 1})
    if request.method != "POST":
        form = f.DecisionCountForm(
            organisations=organisations,
            initial={"organisation": organisations.first(), "year": today.year - 1},
        )
        return _decisions_page(request, form, upload)
    form = f.DecisionCountForm(request.POST, organisations=organisations)
    if form.is_valid():
        try:
            entry = services.decision_count_save(
                actor=request.user, **form.cleaned_data
            )
        except DomainPermissionDenied:
            raise
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request,
                _("已保存「%(organ)s」%(year)d 年的数据。")
                % {"organ": entry.organisation, "year": entry.year},
            )
            return redirect("backoffice:publications:decisions")
    return _decisions_page(request, form, upload, status=400)


@require_http_methods(["POST"])
@publications_view(OFFICE)
def decisions_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = organs(request.user, OFFICE)
    form = f.DecisionCountForm(
        organisations=organisations, initial={"organisation": organisations.first()}
    )
    upload = f.DecisionImportForm(request.POST, request.FILES)
    errors: list[RowError] | None = None
    if upload.is_valid():
        file = upload.cleaned_data["file"]
        try:
            result = decision_counts_import(
                data=file.read(),
                filename=file.name,
                actor=request.user,
                year=upload.cleaned_data["year"],
            )
        except ImportRejected as exc:
            errors = exc.errors
        except DomainError as exc:
            add_domain_error(upload, exc)
        else:
            messages.success(
                request,
                _("已导入：新增 %(c)d 条，更新 %(u)d 条。")
                % {"c": result.created, "u": result.updated},
            )
            return redirect("backoffice:publications:decisions")
    return _decisions_page(request, form, upload, errors, status=400)


# -- items from the old site -------------------------------------------------------
@require_http_methods(["GET", "POST"])
@publications_view(OFFICE)
def items_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = organs(request.user, OFFICE)
    errors: list[RowError] | None = None
    if request.method != "POST":
        form = f.ItemImportForm(
            organisations=organisations, initial={"organisation": organisations.first()}
        )
    else:
        form = f.ItemImportForm(
            request.POST, request.FILES, organisations=organisations
        )
        if form.is_valid():
            file = form.cleaned_data["file"]
            try:
                result = items_import(
                    data=file.read(),
                    filename=file.name,
                    organisation=form.cleaned_data["organisation"],
                    actor=request.user,
                    today=clock.today(),
                )
            except ImportRejected as exc:
                errors = exc.errors
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(
                    request,
                    _("已导入 %(n)d 条已发布的信息。") % {"n": result.created},
                )
                return redirect("backoffice:publications:items")
    return render(
        request,
        "backoffice/publications/items_import.html",
        {"form": form, "errors": errors, "columns": _columns(ITEM_COLUMNS)},
        status=400 if request.method == "POST" else 200,
    )
