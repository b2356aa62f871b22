"""A cell's value: what a person types or a page prints, its JSON form, its display.

The one parser of cell values.  The staff editor, the correction form of imports, the
loader of the interchange form and the API schema all take their rules from here.

Two kinds of cell (``../shared/annual-report.schema.json``):

- a **count** (every cell but one): a non-negative integer; JSON ``int``;
- the **fee** (``active.fees_wan_yuan``, 本年收费金额（单位：万元）): a non-negative
  decimal kept exactly as written; JSON a decimal *string* (``"1.2345"``).

Blank is ``None`` ("not reported"), never 0.

What may be typed or printed (:func:`parse_count`, :func:`parse_fee`):

- full-width digits and punctuation (``１２``, ``１，２３４``, ``１．５``) read as ASCII;
- spaces inside a number are dropped (``1 234``);
- a comma (``,`` or ``，``) is a thousands separator only where the number is well
  grouped (``1,234`` and ``12,345,678``); ``1,2`` or ``1,2,3`` is refused, not read as
  12 or 123, because it may as well be a decimal comma or two numbers in one cell.

**Bounds**: no organ's report holds a number of ten digits.  A count is at most
:data:`MAX_COUNT` (999 999 999), and the fee has at most :data:`FEE_MAX_INTEGER_DIGITS`
digits before the point (under 10 亿万元 = 10 万亿元, more than the whole country's
fee income) and :data:`FEE_MAX_DECIMALS` after it (6 decimals of 万元 is one 分, the
smallest amount of money).  Both keep every value exact where a spreadsheet keeps 15
significant digits (XLSX), so nothing is written as ``1e+20``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any, Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.format import Path

#: Digits of the largest count and of the fee's integer part.
MAX_DIGITS: Final = 9
#: The largest count a report can hold.
MAX_COUNT: Final = 10**MAX_DIGITS - 1
#: Digits of the fee (万元) before the decimal point.
FEE_MAX_INTEGER_DIGITS: Final = MAX_DIGITS
#: Decimals of the fee (万元): six decimals of 万元 is one 分.
FEE_MAX_DECIMALS: Final = 6

#: The fee's JSON form: a decimal string within the bounds (JSON Schema and Python).
FEE_PATTERN: Final = (
    rf"^[0-9]{{1,{FEE_MAX_INTEGER_DIGITS}}}(\.[0-9]{{1,{FEE_MAX_DECIMALS}}})?$"
)
FEE_RE: Final = re.compile(FEE_PATTERN, re.ASCII)
#: JSON Schema of a count cell and of the fee cell (the API's request schema).
COUNT_JSON_SCHEMA: Final[dict[str, Any]] = {
    "type": ["integer", "null"],
    "minimum": 0,
    "maximum": MAX_COUNT,
}
FEE_JSON_SCHEMA: Final[dict[str, Any]] = {
    "type": ["string", "null"],
    "pattern": FEE_PATTERN,
}

FEE_PATH: Final[Path] = ("active", fmt.ACTIVE_FEE_FIELD)

CellValue = int | Decimal | None
JsonValue = int | str | None

# Error codes (the staff editor maps them to its short in-cell texts).
NOT_INTEGER: Final = "not_integer"
NOT_DECIMAL: Final = "not_decimal"
NEGATIVE: Final = "negative"
TOO_LARGE: Final = "too_large"
TOO_PRECISE: Final = "too_precise"
GROUPING: Final = "grouping"


class CellValueError(ValueError):
    """A value cannot go into a cell.  ``code`` says what is wrong (one of the
    constants above), ``message`` says it in Chinese with how to fix it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_MESSAGES: Final = {
    NOT_INTEGER: "件数应为 0 或正整数（如 12）；不报告时留空",
    NOT_DECIMAL: (
        "收费金额应为以万元为单位的非负数（如 1.2345）；没有收费填 0，不报告时留空"
    ),
    NEGATIVE: "件数不能为负数；请填 0 或正整数",
    TOO_LARGE: (
        f"数值过大：件数最多 {MAX_DIGITS} 位（不超过 {MAX_COUNT:,}）；"
        "请核对是否多输了数字"
    ),
    TOO_PRECISE: (
        f"收费金额（万元）最多 {FEE_MAX_DECIMALS} 位小数（即到分）；请四舍五入到分"
    ),
    GROUPING: (
        "逗号只能用作千位分隔符（如 1,234 或 12,345,678）；“1,2”这样的写法无法判断是"
        "一个数还是两个数，请去掉逗号或改正分组"
    ),
}
_FEE_MESSAGES: Final = {
    NEGATIVE: "收费金额不能为负数；没有收费填 0",
    TOO_LARGE: (
        f"数值过大：收费金额（万元）整数部分最多 {FEE_MAX_INTEGER_DIGITS} 位；"
        "请核对单位（万元）和是否多输了数字"
    ),
}


def error(code: str, detail: str = "", *, fee: bool = False) -> CellValueError:
    """The error ``code`` with its standard message (``detail`` after it, if any);
    ``fee``: the fee's wording."""
    message = (_FEE_MESSAGES if fee else {}).get(code) or _MESSAGES[code]
    return CellValueError(code, f"{message}（{detail}）" if detail else message)


def is_fee(path: Path) -> bool:
    return tuple(path) == FEE_PATH


# ---------------------------------------------------------------------------
# Text: what a person typed or a page printed
# ---------------------------------------------------------------------------
_SIGNS: Final = str.maketrans({"−": "-", "–": "-", "—": "-"})
_GROUPED: Final = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", re.ASCII)
_INTEGER: Final = re.compile(r"([+-]?)([0-9]+)", re.ASCII)
_DECIMAL: Final = re.compile(r"([+-]?)([0-9]+)(?:\.([0-9]+))?", re.ASCII)


def normalise(text: str) -> str:
    """The ASCII form of a number as typed or printed: full-width characters to ASCII
    (NFKC, ``，`` included), spaces removed, well-grouped thousands commas removed.
    Empty for a blank.  Raises CellValueError(GROUPING) for a comma that is not a
    well-placed thousands separator (``1,2``); anything else is returned for the
    caller to judge."""
    text = text if text.isascii() else unicodedata.normalize("NFKC", text)
    text = "".join(text.translate(_SIGNS).split())
    if "," in text:
        if not _GROUPED.fullmatch(text):
            raise error(GROUPING)
        text = text.replace(",", "")
    return text


def number_text(text: str) -> str | None:
    """The ASCII form (sign, digits, optional decimals) of a number as printed, or
    None when the text is not one number (a misplaced comma included).  What the
    importer reads a page's cells with; it judges counts and amounts itself."""
    try:
        clean = normalise(text)
    except CellValueError:
        return None
    return clean if _DECIMAL.fullmatch(clean) else None


def parse_count(text: str) -> int | None:
    """A count as typed or printed; None when blank."""
    clean = normalise(text)
    if not clean:
        return None
    match = _INTEGER.fullmatch(clean)
    if match is None:
        raise error(NOT_INTEGER)
    sign, digits = match.groups()
    if sign == "-" and digits.strip("0"):
        raise error(NEGATIVE)
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise error(TOO_LARGE)
    return int(digits)


def parse_fee(text: str) -> Decimal | None:
    """The fee (万元) as typed or printed, digits kept (``0.50`` stays ``0.50``);
    None when blank."""
    clean = normalise(text)
    if not clean:
        return None
    match = _DECIMAL.fullmatch(clean)
    if match is None:
        raise error(NOT_DECIMAL)
    sign, whole, fraction = match.groups()
    if sign == "-" and (whole + (fraction or "")).strip("0"):
        raise error(NEGATIVE, fee=True)
    if len(whole.lstrip("0")) > FEE_MAX_INTEGER_DIGITS:
        raise error(TOO_LARGE, fee=True)
    if fraction is not None and len(fraction) > FEE_MAX_DECIMALS:
        raise error(TOO_PRECISE)
    return Decimal(whole if fraction is None else f"{whole}.{fraction}")


def parse(path: Path, text: str) -> CellValue:
    """The value of the cell at ``path`` from its text; None when blank."""
    return parse_fee(text) if is_fee(path) else parse_count(text)


# ---------------------------------------------------------------------------
# JSON form
# ---------------------------------------------------------------------------
def to_json(value: CellValue) -> JsonValue:
    """A cell's JSON form: counts as int, the fee as its decimal string."""
    return format(value, "f") if isinstance(value, Decimal) else value


def check_count(value: Any) -> int | None:
    """A count's JSON form checked: None, or an int (not a bool) from 0 to
    MAX_COUNT."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise error(NOT_INTEGER, f"实际为 {_shown(value)}")
    if value < 0:
        raise error(NEGATIVE, f"实际为 {_shown(value)}")
    if value > MAX_COUNT:
        raise error(TOO_LARGE, f"实际为 {_shown(value)}")
    return int(value)


def _shown(value: object) -> str:
    """A value for a message (an integer of thousands of digits is not printed)."""
    if isinstance(value, int) and abs(value) >= 10**30:
        return f"一个约 {int(abs(value).bit_length() * 0.30103) + 1} 位的数"
    return repr(value)


def check_fee(value: Any) -> Decimal | None:
    """The fee's JSON form checked: None, or a decimal string within the bounds."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise error(NOT_DECIMAL, "应写成字符串")
    fee = parse_fee(value)  # the specific reason when it is wrong
    if fee is None or not FEE_RE.match(value.strip()):
        raise error(NOT_DECIMAL)
    return fee


def check_json(path: Path, value: Any) -> JsonValue:
    """A cell's JSON form checked (CellValueError says what is wrong)."""
    if is_fee(path):
        fee = check_fee(value)
        return None if fee is None else str(value).strip()
    return check_count(value)


def from_json(path: Path, value: JsonValue) -> CellValue:
    """The value of a cell from its checked JSON form."""
    if is_fee(path):
        return check_fee(value)
    return check_count(value)


# ---------------------------------------------------------------------------
# Display
# ---------------------------------------------------------------------------
def display(value: CellValue | str, *, blank: str = "", grouped: bool = False) -> str:
    """A cell's value as text that :func:`parse` reads back: ``blank`` for None,
    a count as its digits (``grouped``: with thousands commas), the fee with its
    digits as written."""
    if value is None:
        return blank
    if isinstance(value, str):
        value = Decimal(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
        if not grouped:
            return text
        whole, dot, fraction = text.partition(".")
        return f"{int(whole):,}{dot}{fraction}"
    return f"{value:,}" if grouped else str(value)


def same(a: JsonValue | CellValue, b: JsonValue | CellValue) -> bool:
    """Equal as numbers (``"1.50"`` equals ``"1.5"``); None only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return Decimal(str(a)) == Decimal(str(b))
