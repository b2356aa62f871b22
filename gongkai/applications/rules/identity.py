"""Identity documents an applicant gives at intake (第二十九条: 身份证明), and masking.

Pure code: no Django, no clock (a ``today`` for the birth-date check is passed in).

- 居民身份证号码 (GB 11643-1999): 18 characters, province code of the 6-digit
  address code, a real birth date, ISO 7064 MOD 11-2 check character (``X`` = 10).
  **Decision**: 15-digit first-generation numbers are refused with a message saying
  so: first-generation cards stopped being valid on 2013-01-01 (公安部 notice), so a
  clerk cannot accept one as proof of identity today.
- 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character alphabet
  (digits and capitals without I O Z S V), registration-authority and type codes,
  a 6-digit division code, the embedded 组织机构代码 (GB 11714) with its check
  character, and the overall MOD 31 check character.
- 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 外国人永久居留身份证: format only
  (there is no public check algorithm, except that the 2023 permanent-residence card
  uses the GB 11643 layout and check character).

Every check returns a list of :class:`IdentityProblem` (empty = valid), each with a
specific Chinese message naming the position and what it should be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final


class IdentityType(StrEnum):
    RESIDENT_ID = "resident_id"
    CREDIT_CODE = "credit_code"
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    FOREIGNER_PERMANENT_RESIDENCE = "foreigner_permanent_residence"


IDENTITY_TYPE_LABELS: Final[dict[IdentityType, str]] = {
    IdentityType.RESIDENT_ID: "居民身份证",
    IdentityType.CREDIT_CODE: "统一社会信用代码",
    IdentityType.PASSPORT: "护照",
    IdentityType.HK_MACAO_PERMIT: "港澳居民来往内地通行证",
    IdentityType.TAIWAN_PERMIT: "台湾居民来往大陆通行证",
    IdentityType.FOREIGNER_PERMANENT_RESIDENCE: "外国人永久居留身份证",
}


@dataclass(frozen=True)
class IdentityProblem:
    code: str
    message: str
    #: 1-based position of the wrong character, when one is to blame.
    position: int | None = None


# --- 居民身份证 (GB 11643) -------------------------------------------------------

RESIDENT_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK_CHARS: Final = "10X98765432"
#: First two digits of the address code: provinces, plus 71 台湾, 81 香港, 82 澳门
#: and 83 (港澳台居民居住证, which use the same number layout).
PROVINCE_CODES: Final = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)
EARLIEST_BIRTH_YEAR: Final = 1800


def resident_id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK_CHARS[total % 11]


def _normalise(number: str) -> str:
    return number.strip().upper()


def check_resident_id(
    number: str, *, today: date | None = None
) -> list[IdentityProblem]:
    n = _normalise(number)
    if re.fullmatch(r"\d{15}", n):
        return [
            IdentityProblem(
                "resident_id.legacy_15",
                "这是15位的第一代居民身份证号码，第一代身份证已于2013年1月1日停止使用，"
                "请填写18位的居民身份证号码",
            )
        ]
    if len(n) != 18:
        return [
            IdentityProblem(
                "resident_id.length",
                f"居民身份证号码应为18位，现为{len(n)}位",
            )
        ]
    for i, c in enumerate(n[:17], start=1):
        if not c.isascii() or not c.isdigit():
            return [
                IdentityProblem(
                    "resident_id.char",
                    f"居民身份证号码第{i}位「{c}」不是数字：前17位应全为数字",
                    i,
                )
            ]
    if n[17] not in "0123456789X":
        return [
            IdentityProblem(
                "resident_id.char",
                f"居民身份证号码第18位「{n[17]}」无效：应为数字或X",
                18,
            )
        ]
    problems = _resident_id_region(n) + _resident_id_birth(n, today)
    expected = resident_id_check_char(n[:17])
    if n[17] != expected:
        problems.append(
            IdentityProblem(
                "resident_id.check",
                f"居民身份证号码第18位校验码应为{expected}，现为{n[17]}，请核对号码",
                18,
            )
        )
    return problems


def _resident_id_region(n: str) -> list[IdentityProblem]:
    if n[:2] in PROVINCE_CODES:
        return []
    return [
        IdentityProblem(
            "resident_id.region",
            f"居民身份证号码第1–2位「{n[:2]}」不是省级行政区划代码，请核对号码",
            1,
        )
    ]


def _resident_id_birth(n: str, today: date | None) -> list[IdentityProblem]:
    digits = n[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        born = None
    if born is None or born.year < EARLIEST_BIRTH_YEAR:
        return [
            IdentityProblem(
                "resident_id.birth_date",
                f"居民身份证号码第7–14位「{digits}」不是有效的出生日期（应为年年年年月月日日）",
                7,
            )
        ]
    if today is not None and born > today:
        return [
            IdentityProblem(
                "resident_id.birth_date",
                f"居民身份证号码第7–14位的出生日期{born.isoformat()}晚于今天",
                7,
            )
        ]
    return []


# --- 统一社会信用代码 (GB 32100) ---------------------------------------------------

CREDIT_CODE_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS: Final = (
    1,
    3,
    9,
    27,
    19,
    26,
    16,
    17,
    20,
    29,
    25,
    13,
    8,
    24,
    10,
    30,
    28,
)
ORG_CODE_WEIGHTS: Final = (3, 7, 9, 10, 5, 8, 4, 2)
#: 登记管理部门代码 → (部门, {机构类别代码: 类别}), GB 32100-2015 table 1 as amended.
REGISTRATION_AUTHORITIES: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "1": (
        "机构编制",
        {
            "1": "机关",
            "2": "事业单位",
            "3": "编办直接管理机构编制的群众团体",
            "9": "其他",
        },
    ),
    "2": ("外交", {"1": "外国常驻新闻机构", "9": "其他"}),
    "3": (
        "司法行政",
        {
            "1": "律师执业机构",
            "2": "公证处",
            "3": "基层法律服务所",
            "4": "司法鉴定机构",
            "5": "仲裁委员会",
            "9": "其他",
        },
    ),
    "4": ("文化", {"1": "外国在华文化中心", "9": "其他"}),
    "5": ("民政", {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}),
    "6": (
        "旅游",
        {
            "1": "外国旅游部门常驻代表机构",
            "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
            "9": "其他",
        },
    ),
    "7": ("宗教", {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
    "8": ("工会", {"1": "基层工会", "9": "其他"}),
    "9": ("工商", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {"1": "军队事业单位", "9": "其他"}),
    "N": (
        "农业",
        {
            "1": "组级集体经济组织",
            "2": "村级集体经济组织",
            "3": "乡镇级集体经济组织",
            "9": "其他",
        },
    ),
    "Y": ("其他", {"1": "其他"}),
}
_FORBIDDEN_LETTERS: Final = "IOZSV"


def credit_code_check_char(first17: str) -> str:
    """GB 32100 MOD 31 check character for the first 17 characters."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w
        for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(body8: str) -> str:
    """GB 11714 check character of an 8-character 组织机构代码 body."""
    total = sum(int(c, 36) * w for c, w in zip(body8, ORG_CODE_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def check_credit_code(code: str) -> list[IdentityProblem]:
    c = _normalise(code)
    if len(c) != 18:
        return [
            IdentityProblem(
                "credit_code.length", f"统一社会信用代码应为18位，现为{len(c)}位"
            )
        ]
    for i, ch in enumerate(c, start=1):
        if ch not in CREDIT_CODE_ALPHABET:
            hint = (
                "（不使用字母I、O、Z、S、V，请核对是否为数字1、0、2、5或字母U）"
                if ch in _FORBIDDEN_LETTERS
                else "（只能是数字或大写字母）"
            )
            return [
                IdentityProblem(
                    "credit_code.char", f"统一社会信用代码第{i}位「{ch}」无效{hint}", i
                )
            ]
    problems = _credit_code_header(c)
    if not c[2:8].isdigit():
        problems.append(
            IdentityProblem(
                "credit_code.division",
                f"统一社会信用代码第3–8位「{c[2:8]}」应为6位数字的行政区划代码",
                3,
            )
        )
    expected_org = org_code_check_char(c[8:16])
    if c[16] != expected_org:
        problems.append(
            IdentityProblem(
                "credit_code.org_check",
                f"统一社会信用代码第17位（组织机构代码校验码）应为{expected_org}，现为{c[16]}",
                17,
            )
        )
    expected = credit_code_check_char(c[:17])
    if c[17] != expected:
        problems.append(
            IdentityProblem(
                "credit_code.check",
                f"统一社会信用代码第18位校验码应为{expected}，现为{c[17]}，请核对代码",
                18,
            )
        )
    return problems


def _credit_code_header(c: str) -> list[IdentityProblem]:
    authority = REGISTRATION_AUTHORITIES.get(c[0])
    if authority is None:
        allowed = "、".join(REGISTRATION_AUTHORITIES)
        return [
            IdentityProblem(
                "credit_code.authority",
                f"统一社会信用代码第1位「{c[0]}」不是登记管理部门代码（应为{allowed}之一）",
                1,
            )
        ]
    name, types = authority
    if c[1] not in types:
        allowed = "、".join(types)
        return [
            IdentityProblem(
                "credit_code.type",
                f"统一社会信用代码第2位「{c[1]}」不是{name}登记的机构类别代码（应为{allowed}之一）",
                2,
            )
        ]
    return []


# --- other documents: format only -----------------------------------------------------

#: ICAO 9303: the document number field of the machine-readable zone has 9 characters;
#: Chinese ordinary passports are E + 8 digits or E + letter + 7 digits.
PASSPORT_PATTERN: Final = re.compile(r"[A-Z0-9]{5,9}")
HK_MACAO_PATTERN: Final = re.compile(r"[HM]\d{8}(\d{2})?")
TAIWAN_PATTERN: Final = re.compile(r"\d{8}(\d{2})?")
PERMANENT_RESIDENCE_2017_PATTERN: Final = re.compile(r"[A-Z]{3}\d{12}")


def _format_problem(kind: IdentityType, rule: str) -> list[IdentityProblem]:
    label = IDENTITY_TYPE_LABELS[kind]
    return [IdentityProblem(f"{kind.value}.format", f"{label}号码格式不正确：{rule}")]


def check_passport(number: str) -> list[IdentityProblem]:
    n = _normalise(number)
    if PASSPORT_PATTERN.fullmatch(n) and any(ch.isdigit() for ch in n):
        return []
    return _format_problem(
        IdentityType.PASSPORT,
        "应为5–9位字母和数字（中国护照如E12345678或EA1234567），不含空格和符号",
    )


def check_hk_macao_permit(number: str) -> list[IdentityProblem]:
    if HK_MACAO_PATTERN.fullmatch(_normalise(number)):
        return []
    return _format_problem(
        IdentityType.HK_MACAO_PERMIT,
        "应为字母H（香港）或M（澳门）加8位数字（旧证加10位数字），如H12345678",
    )


def check_taiwan_permit(number: str) -> list[IdentityProblem]:
    if TAIWAN_PATTERN.fullmatch(_normalise(number)):
        return []
    return _format_problem(
        IdentityType.TAIWAN_PERMIT, "应为8位数字（旧证为10位数字），如12345678"
    )


def check_permanent_residence(
    number: str, *, today: date | None = None
) -> list[IdentityProblem]:
    n = _normalise(number)
    if PERMANENT_RESIDENCE_2017_PATTERN.fullmatch(n):
        return []
    if len(n) == 18 and n.startswith("9"):
        return _permanent_residence_2023(n, today)
    return _format_problem(
        IdentityType.FOREIGNER_PERMANENT_RESIDENCE,
        "应为3位国籍字母加12位数字（2017年版），或以9开头的18位号码（2023年版）",
    )


def _permanent_residence_2023(n: str, today: date | None) -> list[IdentityProblem]:
    label = IDENTITY_TYPE_LABELS[IdentityType.FOREIGNER_PERMANENT_RESIDENCE]
    if not n[:17].isdigit() or n[17] not in "0123456789X":
        return _format_problem(
            IdentityType.FOREIGNER_PERMANENT_RESIDENCE,
            "2023年版号码前17位应为数字，第18位为数字或X",
        )
    problems = _resident_id_birth(n, today)
    expected = resident_id_check_char(n[:17])
    if n[17] != expected:
        problems.append(
            IdentityProblem(
                "foreigner_permanent_residence.check",
                f"{label}号码第18位校验码应为{expected}，现为{n[17]}",
                18,
            )
        )
    return [
        IdentityProblem(
            p.code, p.message.replace("居民身份证号码", f"{label}号码"), p.position
        )
        for p in problems
    ]


def check_identity(
    kind: IdentityType | str, number: str, *, today: date | None = None
) -> list[IdentityProblem]:
    """Check ``number`` as a document of ``kind``; an empty list means it passes."""
    kind = IdentityType(kind)
    if not number.strip():
        return [
            IdentityProblem(
                f"{kind.value}.missing", f"请填写{IDENTITY_TYPE_LABELS[kind]}号码"
            )
        ]
    if kind is IdentityType.RESIDENT_ID:
        return check_resident_id(number, today=today)
    if kind is IdentityType.CREDIT_CODE:
        return check_credit_code(number)
    if kind is IdentityType.PASSPORT:
        return check_passport(number)
    if kind is IdentityType.HK_MACAO_PERMIT:
        return check_hk_macao_permit(number)
    if kind is IdentityType.TAIWAN_PERMIT:
        return check_taiwan_permit(number)
    return check_permanent_residence(number, today=today)


# --- masking for display ----------------------------------------------------------------


def mask_identity(number: str) -> str:
    """Keep the first 4 and last 4 characters: ``4101**********1234``.

    Numbers of 8 characters or fewer keep only their first and last character
    (3 or fewer: all masked), so the mask never shows most of a short number."""
    n = number.strip()
    if len(n) > 8:
        return n[:4] + "*" * (len(n) - 8) + n[-4:]
    if len(n) > 3:
        return n[0] + "*" * (len(n) - 2) + n[-1]
    return "*" * len(n)


def mask_phone(phone: str) -> str:
    """Mobile numbers as ``138****5678``; other numbers keep their last 4 digits."""
    p = phone.strip()
    digits = re.sub(r"\D", "", p)
    if re.fullmatch(r"1\d{10}", digits):
        return digits[:3] + "****" + digits[-4:]
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return "*" * len(digits)


def mask_email(email: str) -> str:
    """``zhang@example.com`` → ``z***@example.com`` (the domain stays readable)."""
    e = email.strip()
    local, at, domain = e.rpartition("@")
    if not at or not local:
        return mask_identity(e)
    return local[0] + "***@" + domain
