"""The public application form (依申请公开, no account) and the case look-up form.

Django checks the shape of the input (choices, NUL characters, file fields); what the
law asks of the content (第二十九条) is checked by
``services.application_register_problems``, and :func:`add_problems` puts each of
its problems beside its field, so that the person sees every problem at once and
keeps everything typed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

from django import forms
from django.forms import formset_factory
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import Delivery, FormWanted, IdentityDocument
from gongkai.applications.outcomes import ApplicantType
from gongkai.applications.rules.content import ContentProblem
from gongkai.applications.services import ItemInput

NATURAL_PERSON: Final = "natural_person"
ORGANISATION: Final = "organisation"
CATEGORIES: Final = [
    (NATURAL_PERSON, _("自然人")),
    (ORGANISATION, _("法人或其他组织")),
]
ORGANISATION_KINDS: Final = [
    (ApplicantType.BUSINESS.value, _("商业企业")),
    (ApplicantType.RESEARCH.value, _("科研机构")),
    (ApplicantType.PUBLIC_INTEREST.value, _("社会公益组织")),
    (ApplicantType.LEGAL_SERVICES.value, _("法律服务机构")),
    (ApplicantType.OTHER_ORGANISATION.value, _("其他")),
]
MAX_ITEMS: Final = 20
MAX_FILES: Final = 5
#: Fields of :class:`ApplicationForm` whose check also changes another field's
#: problems (re-shown out of band by the field check).
DEPENDENT: Final = {
    "applicant_category": ("organisation_kind", "id_type", "id_number"),
    "organisation_kind": ("id_type", "id_number"),
    "id_type": ("id_number",),
    "id_number": ("id_type",),
    "phone": ("email", "address"),
    "email": ("phone", "address"),
    "address": ("phone", "email"),
    "form_wanted": ("delivery",),
    "delivery": ("form_wanted", "email", "address"),
}
CHECK_URL: Final = reverse_lazy("portal:application_check")


def _live(widget: forms.Widget, name: str) -> None:
    """Check the field on the server as the person types (htmx)."""
    widget.attrs.update(
        {
            "hx-post": str(CHECK_URL),
            "hx-trigger": "change, input changed delay:700ms",
            "hx-include": "closest form",
            "hx-target": f"#err-{name}",
            "hx-swap": "outerHTML",
            "aria-describedby": f"err-{name}",
        }
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        one = super().clean
        if isinstance(data, list | tuple):
            files = [one(d, initial) for d in data if d]
        else:
            files = [one(data, initial)] if data else []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("最多上传 %(n)s 个附件，请合并后再上传") % {"n": MAX_FILES}
            )
        return files


class ApplicationForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label=_("受理机关"),
        coerce=int,
        help_text=_("向哪个机关申请：人民政府或其工作部门（信息由谁制作或保存）"),
        error_messages={
            "required": _("请选择受理机关"),
            "invalid_choice": _("请从列表中选择受理机关"),
        },
    )
    applicant_category = forms.ChoiceField(
        label=_("申请人类型"),
        choices=CATEGORIES,
        required=False,
        widget=forms.RadioSelect,
    )
    organisation_kind = forms.ChoiceField(
        label=_("组织类别"),
        choices=[("", _("请选择")), *ORGANISATION_KINDS],
        required=False,
    )
    applicant_name = forms.CharField(label=_("姓名或名称"), required=False)
    id_type = forms.ChoiceField(
        label=_("证件类型"),
        choices=[("", _("请选择")), *IdentityDocument.choices],
        required=False,
    )
    id_number = forms.CharField(label=_("证件号码或统一社会信用代码"), required=False)
    phone = forms.CharField(label=_("联系电话"), required=False)
    email = forms.CharField(label=_("电子邮箱"), required=False)
    address = forms.CharField(label=_("通信地址"), required=False)
    form_wanted = forms.ChoiceField(
        label=_("所需信息的提供形式"),
        choices=FormWanted.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    delivery = forms.ChoiceField(
        label=_("获取信息的方式"),
        choices=Delivery.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    attachments = MultipleFileField(
        label=_("身份证明等附件（可选）"),
        required=False,
        help_text=_("PDF、JPG、PNG、OFD 或 DOCX，每个文件不超过 %(mb)s MB"),
    )

    def __init__(
        self,
        *args: Any,
        organs: Sequence[tuple[int, str]],
        max_mb: int = 10,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.TypedChoiceField)  # noqa: S101
        organisation.choices = [("", _("请选择受理机关")), *organs]
        attachments = self.fields["attachments"]
        attachments.help_text = str(attachments.help_text) % {"mb": max_mb}
        attachments.widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png,.ofd,.docx"
        for name, field in self.fields.items():
            if name not in ("attachments", "organisation"):
                _live(field.widget, name)
        self.fields["phone"].widget.attrs.update(
            {"autocomplete": "tel", "inputmode": "tel"}
        )
        self.fields["email"].widget.attrs.update(
            {"autocomplete": "email", "inputmode": "email"}
        )
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"

    def value(self, name: str) -> str:
        """What was typed in a field (stripped), valid or not."""
        if not self.is_bound:
            return ""
        raw = self.data.get(self.add_prefix(name), "")
        return raw.strip() if isinstance(raw, str) else ""

    def applicant_type(self) -> str:
        """The section 三 column of the applicant, or "" if not chosen."""
        category = self.value("applicant_category")
        if category == NATURAL_PERSON:
            return ApplicantType.NATURAL_PERSON.value
        if category == ORGANISATION:
            kind = self.value("organisation_kind")
            if kind in dict(ORGANISATION_KINDS):
                return kind
            # checked as an organisation; the kind's own error says to choose one
            return ApplicantType.OTHER_ORGANISATION.value
        return ""

    def kind_problem(self) -> str | None:
        if self.value("applicant_category") == ORGANISATION and (
            self.value("organisation_kind") not in dict(ORGANISATION_KINDS)
        ):
            return str(
                _(
                    "请选择组织类别：商业企业、科研机构、社会公益组织、法律服务机构或其他"
                )
            )
        return None


class ItemForm(forms.Form):
    """One piece of information sought (第二十九条第二款第（二）项)."""

    name = forms.CharField(label=_("信息名称"), required=False)
    document_number = forms.CharField(label=_("文号"), required=False)
    description = forms.CharField(
        label=_("其他特征描述"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("如制作机关、时间、事项，便于查找"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "DELETE":
                _live(field.widget, self.add_prefix(name))

    def values(self) -> tuple[str, str, str]:
        raw = self.data if self.is_bound else {}
        out = []
        for name in ("name", "document_number", "description"):
            value = raw.get(self.add_prefix(name), "")
            out.append(value if isinstance(value, str) else "")
        return out[0], out[1], out[2]


ItemFormSet = formset_factory(
    ItemForm,
    extra=0,
    min_num=1,
    max_num=MAX_ITEMS,
    absolute_max=MAX_ITEMS,
    validate_max=True,
    can_delete=True,
)
ITEMS_PREFIX: Final = "items"


def kept_items(formset: Any) -> list[tuple[int, ItemForm]]:
    """The rows the person filled and did not delete, with their form index."""
    out: list[tuple[int, ItemForm]] = []
    for index, form in enumerate(formset.forms):
        deleted = form.data.get(form.add_prefix("DELETE")) if form.is_bound else None
        if deleted in ("on", "true", "True", "1"):
            continue
        if any(v.strip() for v in form.values()):
            out.append((index, form))
    return out


def item_inputs(rows: Iterable[tuple[int, ItemForm]]) -> list[ItemInput]:
    return [ItemInput(*form.values()) for _, form in rows]


#: Problems of the service named by the fields of :class:`ApplicationForm`.
FORM_FIELDS: Final = {
    "applicant_type": "applicant_category",
    "applicant_name": "applicant_name",
    "id_type": "id_type",
    "id_number": "id_number",
    "phone": "phone",
    "email": "email",
    "address": "address",
    "contact": "phone",
    "form_wanted": "form_wanted",
    "delivery": "delivery",
}
ITEM_FIELDS: Final = ("name", "document_number", "description")


def add_problems(
    form: ApplicationForm,
    formset: Any,
    rows: Sequence[tuple[int, ItemForm]],
    problems: Iterable[ContentProblem],
) -> None:
    """Put each problem of the service beside its field (a field Django already
    found wrong keeps only Django's error)."""
    for p in problems:
        if p.item is not None and p.item < len(rows):
            item_form = rows[p.item][1]
            field = p.field if p.field in ITEM_FIELDS else None
            _add(item_form, field, p.message)
        elif (p.field == "items" or p.item is not None) and formset.forms:
            _add(formset.forms[0], None, p.message)
        elif p.field in FORM_FIELDS:
            _add(form, FORM_FIELDS[p.field], p.message)
        else:
            _add(form, None, p.message)


def _add(form: forms.Form, field: str | None, message: str) -> None:
    if field is not None and field in form.errors:
        return
    form.add_error(field, message)


class QueryForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("受理编号"),
        max_length=80,
        error_messages={"required": _("请填写受理编号")},
    )
    query_code = forms.CharField(
        label=_("查询码"),
        max_length=32,
        error_messages={"required": _("请填写查询码")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
