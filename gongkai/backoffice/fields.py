"""Form fields for the cells of the statistical tables.

A cell field keeps what the clerk typed (the form redisplays it unchanged when it is
wrong) and, when it is wrong, says which cell, what is wrong and how to fix it, in
the format's own row and column labels."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.annual_reports import values
from gongkai.annual_reports.format import Path, path_str
from gongkai.annual_reports.validation.findings import CellRef

#: Short texts shown inside a cell (the full message is in the error list), by the
#: error codes of :mod:`gongkai.annual_reports.values`.
SHORT_ERRORS = {
    values.NOT_INTEGER: _("应为整数"),
    values.NEGATIVE: _("不能为负数"),
    values.NOT_DECIMAL: _("应为数字"),
    values.TOO_LARGE: _("数值过大"),
    values.TOO_PRECISE: _("小数位过多"),
    values.GROUPING: _("逗号位置不对"),
}


def _how(code: str, *, fee: bool) -> str:
    """How to fix a wrong value, for the full message."""
    if code == values.NEGATIVE:
        return (
            gettext("收费金额请填 0 或正数。")
            if fee
            else gettext("件数请填 0 或正整数。")
        )
    if code == values.TOO_LARGE:
        return gettext("件数最多 %(digits)s 位；请核对是否多输了数字。") % {
            "digits": values.MAX_DIGITS
        }
    if code == values.TOO_PRECISE:
        return gettext("收费金额（万元）最多 %(decimals)s 位小数（即到分）。") % {
            "decimals": values.FEE_MAX_DECIMALS
        }
    if code == values.GROUPING:
        return gettext("逗号只能作千位分隔符（如 1,234）；请去掉逗号。")
    if fee:
        return gettext("请填写以万元为单位的金额，如 1.2345；没有收费填 0。")
    return gettext("请填写 0 或正整数（如 12），不报告的单元格留空。")


class CellField(forms.Field):
    """One value cell, named by its path string (a text input; the value is read by
    :mod:`gongkai.annual_reports.values`, which also drops surrounding blanks)."""

    def __init__(self, *, path: Path, **kwargs: Any) -> None:
        self.path = path
        self.cell = CellRef.at(path)
        attrs = {
            "inputmode": "numeric",
            "autocomplete": "off",
            "class": "cell-input",
            "id": f"cell-{path_str(path)}",
            "aria-label": f"{self.cell.row} {self.cell.column}".strip(),
        }
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(required=False, label=self.cell.describe(), **kwargs)

    def fail(self, code: str, value: str, how: str) -> forms.ValidationError:
        message = gettext("%(cell)s：填写的“%(value)s”%(what)s。%(how)s") % {
            "cell": self.cell.describe(),
            "value": value,
            "what": SHORT_ERRORS[code],
            "how": how,
        }
        return forms.ValidationError(message, code=code)


class CountField(CellField):
    """A count: blank is None (未报告), "0" is zero, otherwise a non-negative integer
    of at most ``values.MAX_DIGITS`` digits, read by :mod:`annual_reports.values`
    (full-width digits, spaces and well-grouped commas are fine)."""

    def to_python(self, value: Any) -> int | None:
        try:
            return values.parse_count(str(value or ""))
        except values.CellValueError as problem:
            raise self.fail(
                problem.code, str(value).strip(), _how(problem.code, fee=False)
            ) from problem


class FeeField(CellField):
    """The fee in 万元: a non-negative decimal kept exactly as typed (0.50 stays 0.50)."""

    def __init__(self, *, path: Path, **kwargs: Any) -> None:
        super().__init__(path=path, **kwargs)
        self.widget.attrs["inputmode"] = "decimal"

    def to_python(self, value: Any) -> Decimal | None:
        try:
            return values.parse_fee(str(value or ""))
        except values.CellValueError as problem:
            raise self.fail(
                problem.code, str(value).strip(), _how(problem.code, fee=True)
            ) from problem
