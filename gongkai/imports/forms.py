"""Forms of the imports pages (filters, a correction, the comparison choice)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.annual_reports import format as fmt
from gongkai.imports.cells import CellValueError, JsonValue, parse_cell_input


def _choices(form: forms.Form, name: str, choices: list[tuple[Any, Any]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)  # noqa: S101 (a programming error)
    field.choices = choices


class ImportFilterForm(forms.Form):
    q = forms.CharField(label=_("机关名称"), required=False)
    year = forms.TypedChoiceField(
        label=_("年度"), required=False, coerce=int, empty_value=None
    )
    code = forms.ChoiceField(label=_("检查结果"), required=False)
    errors_only = forms.BooleanField(label=_("只看有错误的"), required=False)
    unconfirmed_only = forms.BooleanField(label=_("只看待确认机关的"), required=False)

    def __init__(
        self, *args: Any, years: list[int], codes: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "year", [("", _("全部"))] + [(y, str(y)) for y in years])
        _choices(self, "code", [("", _("全部"))] + [(c, c) for c in codes])

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"] or "",
            "year": data["year"],
            "code": data["code"] or "",
            "errors_only": data["errors_only"],
            "unconfirmed_only": data["unconfirmed_only"],
        }


class CorrectionForm(forms.Form):
    value = forms.CharField(
        label=_("更正为"),
        required=False,
        max_length=30,
        help_text=_("留空表示“未报告”；件数填非负整数，收费金额填万元数"),
    )
    note = forms.CharField(
        label=_("说明"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("例如：来源文件第 12 行为 3，解析误读为 8"),
    )

    def __init__(self, *args: Any, path: fmt.Path, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.path = path

    def clean_value(self) -> JsonValue:
        try:
            return parse_cell_input(self.path, self.cleaned_data.get("value") or "")
        except CellValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class WithdrawForm(forms.Form):
    note = forms.CharField(label=_("说明"), required=False, max_length=1000)


class CompareForm(forms.Form):
    org = forms.TypedMultipleChoiceField(label=_("机关"), required=False, coerce=int)
    year = forms.TypedMultipleChoiceField(
        label=_("年度"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: Any, organisations: list[Any], years: list[int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "org", [(o.pk, o.name) for o in organisations])
        self.fields["org"].widget.attrs["size"] = min(max(len(organisations), 4), 12)
        _choices(self, "year", [(y, str(y)) for y in years])

    def chosen(self) -> tuple[list[int], list[int]]:
        if not self.is_valid():
            return [], []
        return list(self.cleaned_data["org"]), list(self.cleaned_data["year"])


class SplitForm(forms.Form):
    """One click on an inferred split: accept it, or take another possible cut."""

    ACCEPT, CHOOSE = "accept", "choose"

    key = forms.CharField(max_length=100)
    action = forms.ChoiceField(
        required=False,
        choices=[(ACCEPT, _("确认推断的拆分")), (CHOOSE, _("按候选拆分更正"))],
    )
    #: The other cut chosen (the button's value); sent alone, it means CHOOSE.
    choice = forms.IntegerField(required=False, min_value=0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("choice") is not None:
            data["action"] = self.CHOOSE
        elif data.get("action") != self.ACCEPT:
            raise forms.ValidationError(_("请确认推断的拆分，或选择一种候选拆分"))
        return data


#: The id of the <datalist> the organ input of AssignForm suggests from.
ORGAN_OPTIONS_ID = "imp-organs"


class AssignForm(forms.Form):
    """The organ and the year of an imported report (or of a file whose import
    found neither).  The organ is typed: an existing organ's name (the input
    suggests up to 20 as one types, see ``organisation_search``) or a new one.
    Without JavaScript the typed name is all there is, and works the same."""

    name = forms.CharField(
        label=_("机关"),
        required=False,
        max_length=200,
        help_text=_(
            "输入时列出名称相近的已有机关；与已有机关同名时归入该机关，"
            "否则新建一个待确认的机关"
        ),
    )
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from django.urls import reverse

        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update(
            {
                "list": ORGAN_OPTIONS_ID,
                "autocomplete": "off",
                "hx-get": reverse("imports:organisation_search"),
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{ORGAN_OPTIONS_ID}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
            }
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("name") or "").strip():
            raise forms.ValidationError(_("请选择一个机关，或填写机关名称"))
        return data
