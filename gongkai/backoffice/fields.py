"""Form fields for the cells of the statistical tables.

A cell field keeps what the clerk typed (the form redisplays it unchanged when it is
wrong) and, when it is wrong, says which cell, what is wrong and how to fix it, in
the format's own row and column labels."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.annual_reports.format import Path, path_str
from gongkai.annual_reports.validation.findings import CellRef

_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+$")  # 1,234,567

#: Short texts shown inside a cell (the full message is in the error list).
SHORT_ERRORS = {
    "not_integer": _("应为整数"),
    "negative": _("不能为负数"),
    "not_decimal": _("应为数字"),
}


def normalise_number(text: str) -> str:
    """Full-width digits and punctuation (typed with a Chinese input method) become
    ASCII; thousands separators in 1,234 are dropped; surrounding blanks go."""
    text = unicodedata.normalize("NFKC", text).strip().replace("，", ",")
    if _GROUPED.match(text):
        text = text.replace(",", "")
    return text


class CellField(forms.CharField):
    """One value cell, named by its path string."""

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
        super().__init__(
            required=False, strip=True, label=self.cell.describe(), **kwargs
        )

    def fail(self, code: str, value: str, how: str) -> forms.ValidationError:
        message = gettext("%(cell)s：填写的“%(value)s”%(what)s。%(how)s") % {
            "cell": self.cell.describe(),
            "value": value,
            "what": SHORT_ERRORS[code],
            "how": how,
        }
        return forms.ValidationError(message, code=code)


class CountField(CellField):
    """A count: blank is None (未报告), "0" is zero, otherwise a non-negative integer."""

    def to_python(self, value: Any) -> int | None:
        text = normalise_number(str(value or ""))
        if not text:
            return None
        if re.fullmatch(r"[+-]?\d+", text):
            number = int(text)
            if number < 0:
                raise self.fail(
                    "negative", str(value).strip(), gettext("件数请填 0 或正整数。")
                )
            return number
        raise self.fail(
            "not_integer",
            str(value).strip(),
            gettext("请填写 0 或正整数（如 12），不报告的单元格留空。"),
        )


class FeeField(CellField):
    """The fee in 万元: a non-negative decimal kept exactly as typed (0.50 stays 0.50)."""

    def __init__(self, *, path: Path, **kwargs: Any) -> None:
        super().__init__(path=path, **kwargs)
        self.widget.attrs["inputmode"] = "decimal"

    def to_python(self, value: Any) -> Decimal | None:
        text = normalise_number(str(value or ""))
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or "e" in text.lower():
            raise self.fail(
                "not_decimal",
                str(value).strip(),
                gettext("请填写以万元为单位的金额，如 1.2345；没有收费填 0。"),
            )
        if number < 0:
            raise self.fail(
                "negative", str(value).strip(), gettext("收费金额请填 0 或正数。")
            )
        return number
