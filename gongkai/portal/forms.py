from __future__ import annotations

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

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("全部年度"))] + [
            (str(y), _("%(year)s年") % {"year": y}) for y in years
        ]
