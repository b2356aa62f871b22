"""Forms of the case pages: the list filters, the staff intake form and one form per
action on a case.  They only check the shape of what was typed (a date is a date, a
number is a number); the rules are checked by ``applications.services``, whose
Chinese messages the views put next to the field or above the form."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import (
    Application,
    ApplicationItem,
    AttachmentKind,
    Channel,
    Consultation,
    ConsultationParty,
    Delivery,
    FormWanted,
    IdentityDocument,
)
from gongkai.applications.outcomes import (
    BASIS,
    WITHHOLDING_GROUNDS,
    ApplicantType,
    Outcome,
)
from gongkai.applications.status import Status
from gongkai.core import clock
from gongkai.deadlines.models import FIRST_YEAR
from gongkai.orgs.models import Organisation

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": _("请按 年-月-日 填写日期，例如 2025-03-07")}
#: Channels a clerk enters by hand; 网络 comes in through the public form.
STAFF_CHANNELS = [(c.value, c.label) for c in Channel if c not in (Channel.ONLINE,)]
#: The receipt facts of 第三十一条 (the field names of ``rules.receipt``).
RECEIPT_FIELDS = ("submitted_on", "signed_for_on", "arrived_on", "confirmed_on")
MAX_ITEMS = 5
APPLICANT_FIELDS = (
    "organisation",
    "applicant_type",
    "applicant_name",
    "id_type",
    "id_number",
    "phone",
    "email",
    "address",
)


#: Dates a case can hold: from the first year of the working-day calendar to a year
#: after today (a date further out would make the deadline engine build a calendar
#: for centuries, or fail past 9999).
EARLIEST = date(FIRST_YEAR, 1, 1)
DAYS_AHEAD = 366


def check_date_range(value: date) -> None:
    latest = clock.today() + timedelta(days=DAYS_AHEAD)
    if not EARLIEST <= value <= latest:
        raise forms.ValidationError(
            _(
                "日期 %(value)s 超出可办理的范围（%(earliest)s 至 %(latest)s）：请核对年份"
            )
            % {
                "value": value.isoformat(),
                "earliest": EARLIEST.isoformat(),
                "latest": latest.isoformat(),
            }
        )


def date_field(label: Any, *, required: bool = True, **kw: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DATE_WIDGET,
        validators=[check_date_range],
        error_messages={
            "required": _("请填写%(label)s") % {"label": label},
            **DATE_ERRORS,
        },
        **kw,
    )


# -- outcomes as the report groups them --------------------------------------------
OUTCOME_GROUPS: Sequence[tuple[Any, str]] = (
    (_("（一）予以公开"), "disclosed"),
    (_("（二）部分公开"), "partly_disclosed"),
    (_("（三）不予公开"), "withheld_"),
    (_("（四）无法提供"), "unable_"),
    (_("（五）不予处理"), "not_processed_"),
    (_("（六）其他处理"), "other"),
)
#: Concluded only through their own records, never chosen in a decision: 逾期未补正
#: (the correction's action) and 逾期未缴费 (the fee notice's).
NOT_DECIDABLE = frozenset(
    {Outcome.OTHER_NO_CORRECTION.value, Outcome.OTHER_FEE_UNPAID.value}
)


def outcome_label(outcome: Outcome) -> str:
    basis = BASIS.get(outcome.value, "")
    return f"{outcome.label}（{basis}）" if basis else str(outcome.label)


def outcome_choices() -> list[tuple[Any, Any]]:
    """The decision's outcomes grouped as the report's section 三 rows, each with its
    legal basis (``outcomes.BASIS``)."""
    groups: list[tuple[Any, Any]] = [("", _("请选择办理结果"))]
    for label, prefix in OUTCOME_GROUPS:
        options = [
            (o.value, outcome_label(o))
            for o in Outcome
            if o.value not in NOT_DECIDABLE and o.value.startswith(prefix)
        ]
        groups.append((label, options))
    return groups


def ground_choices() -> list[tuple[str, Any]]:
    return [("", _("请选择不予公开的理由"))] + [
        (o.value, outcome_label(o)) for o in Outcome if o.value in WITHHOLDING_GROUNDS
    ]


# -- the list ------------------------------------------------------------------------
class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("受理编号或申请人"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部")), ("open", _("办理中（全部未办结）")), *Status.choices],
    )
    unit = forms.ModelChoiceField(
        label=_("机关或承办单位"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("全部"),
        error_messages={"invalid_choice": _("所选单位不在您的范围内：请重新选择")},
    )
    outcome = forms.ChoiceField(
        label=_("办理结果"),
        required=False,
        choices=[("", _("全部")), *Outcome.choices],
    )
    received_from = date_field(_("收到日期自"), required=False)
    received_to = date_field(_("收到日期至"), required=False)

    def __init__(
        self, *args: Any, units: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error(
                "received_to", _("截止日期早于起始日期：请交换或改正两个日期")
            )
        return data


# -- intake --------------------------------------------------------------------------
class IntakeForm(forms.Form):
    """An application received in person, by post, fax or e-mail (第二十九条、第三十一条)."""

    organisation = forms.ModelChoiceField(
        label=_("受理机关"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("请选择受理机关"),
            "invalid_choice": _("您不能为所选机关登记申请：请选择您所在的机关"),
        },
    )
    applicant_type = forms.ChoiceField(
        label=_("申请人类型"), choices=ApplicantType.choices
    )
    applicant_name = forms.CharField(
        label=_("申请人姓名或名称"), max_length=200, required=False
    )
    id_type = forms.ChoiceField(label=_("证件类型"), choices=IdentityDocument.choices)
    id_number = forms.CharField(
        label=_("证件号码或统一社会信用代码"), max_length=64, required=False
    )
    phone = forms.CharField(label=_("联系电话"), max_length=40, required=False)
    email = forms.CharField(label=_("电子邮箱"), max_length=254, required=False)
    address = forms.CharField(label=_("通信地址"), max_length=300, required=False)
    form_wanted = forms.ChoiceField(
        label=_("所需信息的指定提供载体形式"), choices=FormWanted.choices
    )
    delivery = forms.ChoiceField(label=_("获取信息的方式"), choices=Delivery.choices)
    channel = forms.ChoiceField(
        label=_("申请渠道"),
        choices=STAFF_CHANNELS,
        help_text=_("第三十一条按渠道确定收到申请之日：请填写该渠道需要的日期"),
    )
    submitted_on = date_field(
        _("提交（寄出）日期"),
        required=False,
        help_text=_("当面提交：提交之日即收到申请之日"),
    )
    signed_for_on = date_field(
        _("签收日期"),
        required=False,
        help_text=_("挂号信、快递等需签收的邮件：以本机关签收之日为准"),
    )
    arrived_on = date_field(
        _("信函到达日期"),
        required=False,
        help_text=_("平信：信函到达本机关之日（应当日联系申请人确认）"),
    )
    confirmed_on = date_field(
        _("与申请人确认日期"),
        required=False,
        help_text=_("平信、传真、电子邮件：以与申请人（双方）确认之日为准"),
    )

    def __init__(
        self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        for i in range(MAX_ITEMS):
            n = i + 1
            self.fields[f"item_{i}_name"] = forms.CharField(
                label=_("第%(n)d项 信息名称") % {"n": n}, max_length=300, required=False
            )
            self.fields[f"item_{i}_document_number"] = forms.CharField(
                label=_("第%(n)d项 文号") % {"n": n}, max_length=100, required=False
            )
            self.fields[f"item_{i}_description"] = forms.CharField(
                label=_("第%(n)d项 其他特征描述") % {"n": n},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def applicant_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in APPLICANT_FIELDS]

    def item_rows(self) -> list[tuple[forms.BoundField, ...]]:
        return [
            (
                self[f"item_{i}_name"],
                self[f"item_{i}_document_number"],
                self[f"item_{i}_description"],
            )
            for i in range(MAX_ITEMS)
        ]

    def items(self) -> list[tuple[str, str, str]]:
        """The items typed (empty rows dropped), as (name, 文号, description)."""
        out = []
        for i in range(MAX_ITEMS):
            row = tuple(
                self.cleaned_data.get(f"item_{i}_{k}", "").strip()
                for k in ("name", "document_number", "description")
            )
            if any(row):
                out.append((row[0], row[1], row[2]))
        return out


#: Field names of ``rules.content`` / ``rules.receipt`` problems → intake fields.
INTAKE_FIELD_NAMES = {
    "name": "applicant_name",
    "applicant_name": "applicant_name",
    "applicant_kind": "applicant_type",
    "applicant_type": "applicant_type",
    "identity_type": "id_type",
    "id_type": "id_type",
    "identity_number": "id_number",
    "id_number": "id_number",
    "phone": "phone",
    "email": "email",
    "address": "address",
    "contact": "phone",
    "form": "form_wanted",
    "form_wanted": "form_wanted",
    "delivery": "delivery",
    "channel": "channel",
    "received_on": "channel",
    "organisation": "organisation",
    **{name: name for name in RECEIPT_FIELDS},
}


def intake_field(name: str, item: int | None = None) -> str | None:
    """The intake field a problem of ``name`` (item ``item``, 0-based) belongs to."""
    if item is not None and 0 <= item < MAX_ITEMS:
        sub = name.rsplit(".", 1)[-1]
        if sub in ("name", "document_number", "description"):
            return f"item_{item}_{sub}"
        return f"item_{item}_description"
    if name.startswith("items"):
        return "item_0_name"
    return INTAKE_FIELD_NAMES.get(name)


# -- actions on a case -----------------------------------------------------------------
class ActionForm(forms.Form):
    """A form of one action; ``application`` is the case it acts on."""

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        self.application = application
        super().__init__(*args, **kwargs)


class OnForm(ActionForm):
    on = date_field(_("日期"))


class RouteForm(ActionForm):
    unit = forms.ModelChoiceField(
        label=_("承办单位"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("请选择承办单位"),
            "invalid_choice": _("所选单位不是本机关的下属单位：请重新选择"),
        },
    )
    on = date_field(_("分办日期"))

    def __init__(
        self, *args: Any, units: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class HandBackForm(ActionForm):
    reason = forms.CharField(
        label=_("退回理由"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("请填写退回公开办的理由")},
    )
    on = date_field(_("退回日期"))


class TransferForm(ActionForm):
    to = forms.ModelChoiceField(
        label=_("转送至（gongkai 中的其他机关）"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("请选择负责公开该信息的机关"),
            "invalid_choice": _("所选机关无效：请从列表中选择本机关以外的机关"),
        },
    )
    on = date_field(_("转送日期"))
    reason = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args: Any, organs: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = organs  # type: ignore[attr-defined]


class NotThisOrganForm(ActionForm):
    responsible_organ = forms.CharField(
        label=_("负责公开该信息的机关"),
        max_length=200,
        error_messages={
            "required": _("请填写负责公开该信息的机关名称（第三十六条第（五）项）")
        },
    )
    decided_on = date_field(_("答复日期"))
    reason = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CorrectionForm(ActionForm):
    points = forms.CharField(
        label=_("需要补正的事项（每行一项）"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("请逐项列出需要补正的事项（第三十条：一次性告知）")
        },
    )
    notice_on = date_field(_("告知日期"))
    deadline = date_field(_("补正期限"))

    def point_list(self) -> list[str]:
        return [
            p.strip() for p in self.cleaned_data["points"].splitlines() if p.strip()
        ]


class ConsultForm(ActionForm):
    party_kind = forms.ChoiceField(
        label=_("征求对象"), choices=ConsultationParty.choices
    )
    party_name = forms.CharField(
        label=_("名称"),
        max_length=200,
        error_messages={"required": _("请填写征求意见对象的名称")},
    )
    sent_on = date_field(_("发函日期"))


class ConsultationAnswerForm(ActionForm):
    consultation = forms.ModelChoiceField(
        label=_("征求意见"),
        queryset=Consultation.objects.none(),
        error_messages={
            "required": _("请选择要记录回复的征求意见"),
            "invalid_choice": _("该征求意见已记录回复或不属于本申请：请重新选择"),
        },
    )
    answered_on = date_field(_("回复日期（或期满无回复之日）"))
    received_by_them_on = date_field(_("对方收到日期"), required=False)
    answer = forms.CharField(
        label=_("意见（期满未回复的留空）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["consultation"]
        field.queryset = Consultation.objects.filter(  # type: ignore[attr-defined]
            application=self.application, answered_on__isnull=True
        )
        field.label_from_instance = lambda c: (  # type: ignore[attr-defined]
            f"{c.party_name}（{c.get_party_kind_display()}，{c.sent_on:%Y-%m-%d}）"
        )


class ExtendForm(ActionForm):
    days = forms.IntegerField(
        label=_("延长工作日数"),
        help_text=_("第三十三条第二款：延长的期限最长不得超过 20 个工作日"),
        error_messages={
            "required": _("请填写延长的工作日数"),
            "invalid": _("请填写 1 至 20 的整数"),
        },
    )
    approved_on = date_field(_("批准日期"))
    notice_sent_on = date_field(_("告知申请人日期"))
    reason = forms.CharField(
        label=_("延期理由"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("请填写延期理由（告知申请人）")},
    )


class DecideForm(ActionForm):
    outcome = forms.ChoiceField(
        label=_("办理结果"),
        choices=outcome_choices,
        error_messages={
            "required": _("请选择一项办理结果"),
            "invalid_choice": _("办理结果无效：请从年报的办理结果中选择一项"),
        },
    )
    decided_on = date_field(_("答复日期"))
    reason = forms.CharField(
        label=_("理由"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args: Any, items: Iterable[ApplicationItem], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"withheld_{item.pk}"] = forms.BooleanField(
                label=_("不予公开"), required=False
            )
            self.fields[f"ground_{item.pk}"] = forms.ChoiceField(
                label=_("理由"), required=False, choices=ground_choices
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("不予公开的内容与说明"), required=False, max_length=2000
            )

    def item_rows(
        self,
    ) -> list[
        tuple[ApplicationItem, forms.BoundField, forms.BoundField, forms.BoundField]
    ]:
        return [
            (
                item,
                self[f"withheld_{item.pk}"],
                self[f"ground_{item.pk}"],
                self[f"note_{item.pk}"],
            )
            for item in self.items
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        partly = data.get("outcome") == Outcome.PARTLY_DISCLOSED
        for item in self.items:
            withheld = data.get(f"withheld_{item.pk}")
            if withheld and not partly:
                self.add_error(
                    f"withheld_{item.pk}",
                    _("只有办理结果为「部分公开」时才勾选不予公开的事项"),
                )
            if withheld and not data.get(f"ground_{item.pk}"):
                self.add_error(
                    f"ground_{item.pk}",
                    _("请为第%(n)d项选择不予公开的理由（第三十七条）")
                    % {"n": item.position},
                )
        if partly and not any(data.get(f"withheld_{i.pk}") for i in self.items):
            self.add_error(
                "outcome",
                _("部分公开须勾选至少一项不予公开的事项并写明理由（第三十七条）"),
            )
        return data

    def withheld(self) -> list[tuple[int, str, str]]:
        return [
            (
                item.pk,
                self.cleaned_data[f"ground_{item.pk}"],
                self.cleaned_data.get(f"note_{item.pk}", ""),
            )
            for item in self.items
            if self.cleaned_data.get(f"withheld_{item.pk}")
        ]


class WithdrawForm(ActionForm):
    on = date_field(_("撤回日期"))
    note = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeliverForm(ActionForm):
    delivered_by = forms.ChoiceField(label=_("送达方式"), choices=Delivery.choices)
    on = date_field(_("送达日期"))
    proof = forms.FileField(
        label=_("送达凭证"),
        help_text=_("PDF、JPG、PNG、OFD 或 DOCX，按文件内容核对类型"),
        error_messages={"required": _("请上传送达凭证（签收单、回执或发送记录）")},
    )


class AttachForm(forms.Form):
    """A file for the case (identity proof, the letter as received, a correction)."""

    kind = forms.ChoiceField(label=_("材料类别"), choices=AttachmentKind.choices)
    file = forms.FileField(
        label=_("文件"),
        help_text=_("PDF、JPG、PNG、OFD 或 DOCX，按文件内容核对类型"),
    )
