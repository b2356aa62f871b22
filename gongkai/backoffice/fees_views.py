"""Staff pages for the information-processing fee of a case (《政府信息公开信息处理费
管理办法》, 国办函〔2020〕109号): the fee panel with the notice (amount, lines, payment
deadline), the forms to issue the notice, record the payment with its receipt, and
conclude the case when the fee was not paid in time; and the receipt's download.

Views check the shape of the input, call ``applications.fees`` and render; a
service's ``PermissionDenied`` is the 403 page, an unknown id the 404 page, and a
service's ``DomainError`` is shown above its form with everything typed kept (400).

Included by ``backoffice.urls`` under ``fees/`` (namespace ``backoffice:fees``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.applications import fees, intake
from gongkai.applications import permissions as case_permissions
from gongkai.applications.models import Application, FeeNotice
from gongkai.applications.rules.fees import FEE_METHOD_LABELS, FeeMethod
from gongkai.applications.status import OPEN
from gongkai.backoffice.cases.forms import date_field
from gongkai.backoffice.cases.views import (
    AuthenticatedHttpRequest,
    case_or_404,
    cases_view,
)
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import attachment_response, not_found

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_QUANTITY = 1_000_000


# -- forms ------------------------------------------------------------------------
class FeeNoticeForm(forms.Form):
    method = forms.ChoiceField(
        label=gettext_lazy("计收方式（每件申请只能选择一种，第三条）"),
        choices=[(m.value, FEE_METHOD_LABELS[m]) for m in FeeMethod],
        error_messages={"invalid_choice": gettext_lazy("请选择按件计收或按量计收")},
    )
    quantity = forms.IntegerField(
        label=gettext_lazy("件数（按件）或页数（按量）"),
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={
            "required": gettext_lazy("请填写件数或页数"),
            "invalid": gettext_lazy("件数或页数应为整数"),
            "min_value": gettext_lazy("件数或页数至少为 1"),
            "max_value": gettext_lazy("件数或页数过大，请核对"),
        },
    )
    sent_on = date_field(gettext_lazy("发出收费通知日期"))
    received_on = date_field(gettext_lazy("申请人收到通知日期"))


class FeePaidForm(forms.Form):
    paid_on = date_field(gettext_lazy("缴费日期"))
    amount = forms.DecimalField(
        label=gettext_lazy("实缴金额（元）"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={
            "required": gettext_lazy("请填写实缴金额"),
            "invalid": gettext_lazy("金额应为数字，例如 200 或 200.00"),
            "min_value": gettext_lazy("金额应大于 0"),
            "max_digits": gettext_lazy("金额过大，请核对"),
            "max_decimal_places": gettext_lazy("金额最多两位小数（分）"),
            "max_whole_digits": gettext_lazy("金额过大，请核对"),
        },
    )
    receipt = forms.FileField(
        label=gettext_lazy("缴费凭证（PDF、JPG、PNG、OFD 或 DOCX）"),
        required=False,
    )


class FeeLapsedForm(forms.Form):
    on = date_field(gettext_lazy("办结日期（缴费期限届满后）"))


ACTIONS: dict[str, type[forms.Form]] = {
    "notice": FeeNoticeForm,
    "paid": FeePaidForm,
    "lapsed": FeeLapsedForm,
}


# -- helpers ----------------------------------------------------------------------
def _panel(
    request: AuthenticatedHttpRequest,
    application: Application,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    notice = FeeNotice.objects.filter(application=application).first()
    can_handle = case_permissions.can_handle(request.user, application)
    open_case = application.status in OPEN
    available: list[str] = []
    if can_handle and notice is None and application.status in fees.NOTICE_STATUSES:
        available.append("notice")
    if (
        can_handle
        and notice is not None
        and notice.paid_on is None
        and notice.lapsed_on is None
    ):
        available.append("paid")
        if open_case:
            available.append("lapsed")
    forms_by_name = {name: ACTIONS[name]() for name in available}
    if bound is not None:
        forms_by_name[bound[0]] = bound[1]
    before = None
    if "notice" in forms_by_name:
        before = fees.application_items_before_in_month(application=application)
    return render(
        request,
        "backoffice/fees/panel.html",
        {
            "application": application,
            "notice": notice,
            "forms": forms_by_name,
            "items_before": before,
            "active": bound[0] if bound else "",
        },
        status=status,
    )


# -- pages ------------------------------------------------------------------------
@require_GET
@cases_view
def fee_panel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = case_or_404(request, pk)
    if isinstance(found, HttpResponse):
        return found
    return _panel(request, found)


def _call(
    request: AuthenticatedHttpRequest, application: Application, action: str
) -> tuple[forms.Form, str | None]:
    """Run ``action`` with the posted form: (form, success message or None)."""
    form = ACTIONS[action](request.POST, request.FILES)
    if not form.is_valid():
        return form, None
    today = clock.today()
    for name, value in list(form.cleaned_data.items()):
        if isinstance(value, date) and value > today:
            form.add_error(name, _("日期不能晚于今天（%(today)s）") % {"today": today})
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    try:
        if action == "notice":
            notice = fees.application_fee_notice(
                application=application, actor=request.user, **data
            )
            return form, _(
                "已发出收费通知，应缴 %(amount)s 元，缴费期限 %(date)s。"
            ) % {
                "amount": notice.amount,
                "date": notice.pay_by.isoformat(),
            }
        if action == "paid":
            fees.application_fee_paid(
                application=application,
                actor=request.user,
                paid_on=data["paid_on"],
                amount=data["amount"],
                receipt_file=data["receipt"],
            )
            return form, _("已记录缴费。")
        fees.application_fee_lapsed(
            application=application, actor=request.user, on=data["on"]
        )
        return form, _("申请人逾期未缴费，已按视为放弃申请办结（其他处理 2）。")
    except DomainPermissionDenied:
        raise
    except DomainError as exc:
        form.add_error(None, exc.message)
        return form, None


@require_POST
@cases_view
def fee_action(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        return not_found(request, _("没有这个收费操作。"))
    found = case_or_404(request, pk)
    if isinstance(found, HttpResponse):
        return found
    if not case_permissions.can_handle(request.user, found):
        raise PermissionDenied(_("只有公开办或承办单位可以办理收费事项。"))
    form, done = _call(request, found, action)
    if done is None:
        return _panel(request, found, bound=(action, form), status=400)
    messages.success(request, done)
    return redirect(reverse("backoffice:fees:panel", args=[found.pk]))


@require_http_methods(["GET"])
@cases_view
def fee_receipt(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = case_or_404(request, pk)
    if isinstance(found, HttpResponse):
        return found
    notice = FeeNotice.objects.filter(application=found).first()
    if notice is None or not notice.receipt:
        return not_found(request, _("该申请没有缴费凭证。"))
    with notice.receipt.open("rb") as fh:
        data = fh.read()
    kind = intake.sniff(data)
    content_type = kind.content_type if kind else "application/octet-stream"
    return attachment_response(
        data, notice.receipt.name.rsplit("/", 1)[-1], content_type
    )


app_name = "fees"
urlpatterns = [
    path("case/<id:pk>/", fee_panel, name="panel"),
    path("case/<id:pk>/receipt/", fee_receipt, name="receipt"),
    path("case/<id:pk>/<slug:action>/", fee_action, name="action"),
]
