from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _


class ReportFilterForm(forms.Form):
    """The home page filter: part of an organ's name, and a statistical year."""

    q = forms.CharField(
        label=_("机关名称"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"placeholder": _("如：财政局"), "type": "search"}
        ),
    )
    year = forms.TypedChoiceField(
        label=_("统计年度"),
        required=False,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year_field = cast(forms.TypedChoiceField, self.fields["year"])
        year_field.choices = [("", _("全部年度"))] + [
            (str(y), _("%(year)s年") % {"year": y}) for y in years
        ]
