"""Identity documents: GB 11643 (居民身份证), GB 32100 (统一社会信用代码), formats, masking."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.rules.identity import (
    CREDIT_CODE_ALPHABET,
    IdentityType,
    check_credit_code,
    check_identity,
    check_resident_id,
    credit_code_check_char,
    mask_email,
    mask_identity,
    mask_phone,
    org_code_check_char,
    resident_id_check_char,
)

TODAY = date(2026, 12, 1)

VALID_RESIDENT_IDS = [
    "11010519491231002X",  # GB 11643-1999's own example (check character X)
    "440524188001010014",  # GB 11643-1999's second example (born 1880)
    "410102199001011234",  # issue 7's masking example
    "11010519491231002x",  # lower-case x accepted
]


@pytest.mark.parametrize("number", VALID_RESIDENT_IDS)
def test_gb11643_valid_resident_ids_pass(number):
    assert check_resident_id(number, today=TODAY) == []


@pytest.mark.parametrize(
    ("number", "code", "fragment"),
    [
        ("110105194912310021", "resident_id.check", "第18位校验码应为X"),
        ("440524188001010015", "resident_id.check", "第18位校验码应为4"),
        ("11010519491231002", "resident_id.length", "应为18位，现为17位"),
        ("110105491231002", "resident_id.legacy_15", "第一代"),
        ("1101051949123100AX", "resident_id.char", "第17位「A」"),
        ("11010519491231002Y", "resident_id.char", "第18位「Y」"),
        ("990105194912310021", "resident_id.region", "第1–2位「99」"),
        ("110105194902300021", "resident_id.birth_date", "「19490230」"),
        ("110105209912310021", "resident_id.birth_date", "晚于今天"),
    ],
)
def test_gb11643_invalid_resident_ids_name_the_position(number, code, fragment):
    problems = check_resident_id(number, today=TODAY)
    assert code in [p.code for p in problems]
    assert any(fragment in p.message for p in problems)


VALID_CREDIT_CODES = [
    "91350100M000100Y43",  # GB 32100-2015's example
    "12100000400000624D",  # a published code of a central 事业单位 (category 1-2)
    "91330100799655058B",  # published enterprise codes (business licences)
    "91440300708461136T",
    "914403001922038216",
]


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_gb32100_valid_credit_codes_pass(code):
    assert check_credit_code(code) == []
    assert check_credit_code(code.lower()) == []


@pytest.mark.parametrize(
    ("code", "problem", "fragment"),
    [
        ("91350100M000100Y44", "credit_code.check", "第18位校验码应为3"),
        ("91350100M000100Y4", "credit_code.length", "现为17位"),
        ("91350100M0001O0Y43", "credit_code.char", "第14位「O」"),
        ("B1350100M000100Y43", "credit_code.authority", "第1位「B」"),
        ("97350100M000100Y43", "credit_code.type", "第2位「7」不是工商登记"),
        ("913501A0M000100Y43", "credit_code.division", "第3–8位"),
        (
            "91350100M000100Y53",
            "credit_code.org_check",
            "第17位（组织机构代码校验码）应为4",
        ),
    ],
)
def test_gb32100_invalid_credit_codes_name_the_position(code, problem, fragment):
    problems = check_credit_code(code)
    assert problem in [p.code for p in problems]
    assert any(fragment in p.message for p in problems)


def test_gb11714_org_code_check_char_of_known_code():
    # The 组织机构代码 embedded in GB 32100's example is M000100Y-4.
    assert org_code_check_char("M000100Y") == "4"


# Property tests: any 17 digits + computed check passes; any one-character change fails.

_birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@st.composite
def resident_ids(draw):
    region = draw(st.sampled_from(["110105", "440524", "410102", "650102", "810000"]))
    born = draw(_birth_dates).strftime("%Y%m%d")
    seq = draw(st.text(string.digits, min_size=3, max_size=3))
    first17 = region + born + seq
    return first17 + resident_id_check_char(first17)


@given(resident_ids())
def test_gb11643_property_computed_check_passes(number):
    assert check_resident_id(number, today=TODAY) == []


@given(resident_ids(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_gb11643_property_single_change_fails(number, pos, ch):
    if number[pos] == ch:
        ch = "1" if ch != "1" else "2"
    changed = number[:pos] + ch + number[pos + 1 :]
    assert check_resident_id(changed, today=TODAY) != []


@st.composite
def credit_codes(draw):
    authority, kind = draw(
        st.sampled_from(["11", "12", "51", "52", "91", "92", "93", "Y1"])
    )
    division = draw(st.text(string.digits, min_size=6, max_size=6))
    body = draw(st.text(CREDIT_CODE_ALPHABET, min_size=8, max_size=8))
    first17 = authority + kind + division + body + org_code_check_char(body)
    if first17[16] not in CREDIT_CODE_ALPHABET:
        first17 = first17[:16] + "0"  # unreachable: GB 11714 checks are 0-9 or X
    return first17 + credit_code_check_char(first17)


@given(credit_codes())
def test_gb32100_property_computed_check_passes(code):
    assert check_credit_code(code) == []


@given(credit_codes(), st.integers(0, 17), st.sampled_from(CREDIT_CODE_ALPHABET))
def test_gb32100_property_single_change_fails(code, pos, ch):
    if code[pos] == ch:
        ch = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.index(ch) + 1) % 31]
    changed = code[:pos] + ch + code[pos + 1 :]
    assert check_credit_code(changed) != []


@pytest.mark.parametrize(
    ("kind", "number", "ok"),
    [
        (IdentityType.PASSPORT, "E12345678", True),
        (IdentityType.PASSPORT, "EA1234567", True),
        (IdentityType.PASSPORT, "E1234", True),
        (IdentityType.PASSPORT, "E-123", False),
        (IdentityType.PASSPORT, "ABCDEFGHI", False),
        (IdentityType.HK_MACAO_PERMIT, "H12345678", True),
        (IdentityType.HK_MACAO_PERMIT, "M1234567890", True),
        (IdentityType.HK_MACAO_PERMIT, "X12345678", False),
        (IdentityType.TAIWAN_PERMIT, "12345678", True),
        (IdentityType.TAIWAN_PERMIT, "1234567", False),
        (IdentityType.FOREIGNER_PERMANENT_RESIDENCE, "USA123456789012", True),
        (IdentityType.FOREIGNER_PERMANENT_RESIDENCE, "US1234567890123", False),
        (IdentityType.RESIDENT_ID, "", False),
    ],
)
def test_other_documents_format_only(kind, number, ok):
    problems = check_identity(kind, number, today=TODAY)
    assert (problems == []) is ok
    assert all(p.message for p in problems)


def test_permanent_residence_2023_uses_gb11643_check():
    first17 = "93310019900101123"
    good = first17 + resident_id_check_char(first17)
    assert check_identity("foreigner_permanent_residence", good, today=TODAY) == []
    bad = first17 + ("0" if good[-1] != "0" else "1")
    [problem] = check_identity("foreigner_permanent_residence", bad, today=TODAY)
    assert problem.message.startswith("外国人永久居留身份证号码第18位校验码应为")


def test_masking_examples():
    assert mask_identity("410102199001011234") == "4101**********1234"
    assert mask_identity("91350100M000100Y43") == "9135**********0Y43"
    assert mask_identity("E1234567") == "E******7"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0371-65432100") == "********2100"
    assert mask_email("zhang@example.com") == "z***@example.com"
    assert mask_email("no-at-sign") == "no-a**sign"
