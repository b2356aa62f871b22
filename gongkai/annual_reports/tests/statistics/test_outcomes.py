"""Legal outcomes to report rows (domain spec §4.3; format 国办公开办函〔2021〕30号).

Reg. 36 lists the replies, Reg. 37 partial disclosure, Reg. 14–16 the grounds for
not disclosing; one concluded request counts in exactly one outcome row.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.statistics.outcomes import (
    APPEAL_KINDS,
    APPEAL_RESULTS,
    APPLICANT_COLUMN,
    APPLICANT_TYPES,
    OUTCOME_BY_CODE,
    OUTCOME_ROWS,
    OUTCOMES,
    appeal_cell,
    outcome_cell,
)


def test_every_outcome_maps_to_exactly_one_row_and_every_row_has_one() -> None:
    rows = Counter(OUTCOME_ROWS.values())
    assert [r for r, n in rows.items() if n != 1] == []
    assert set(rows) == {r.path for r in fmt.OUTCOME_LEAF_ROWS}
    assert len(OUTCOMES) == len(OUTCOME_BY_CODE) == 2 + 8 + 3 + 5 + 3


def test_outcome_labels_are_the_formats_exactly() -> None:
    by_path = fmt.APPLICATION_ROW_BY_PATH
    for outcome in OUTCOMES:
        assert outcome.label == by_path[outcome.row].label
        assert outcome.group == by_path[outcome.row].group


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("disclosed", "（一）予以公开"),
        (
            "partly_disclosed",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
        ("withheld_state_secret", "1.属于国家秘密"),
        ("withheld_third_party_interests", "4.保护第三方合法权益"),
        ("withheld_inquiry_matter", "8.属于行政查询事项"),
        ("unable_not_held", "1.本机关不掌握相关政府信息"),
        ("unable_unclear_after_correction", "3.补正后申请内容仍不明确"),
        ("not_processed_petition_or_complaint", "1.信访举报投诉类申请"),
        ("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        (
            "other_fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        ("other", "3.其他"),
    ],
)
def test_outcome_codes_name_their_rows(code: str, label: str) -> None:
    assert OUTCOME_BY_CODE[code].label == label


def test_every_outcome_code_is_a_plain_identifier() -> None:
    for outcome in OUTCOMES:
        assert outcome.code.isascii()
        assert outcome.code.replace("_", "").isalpha()


def test_applicant_types_are_the_six_columns_in_order() -> None:
    assert [label for _, label in APPLICANT_TYPES] == list(fmt.APPLICANT_COLUMNS[:6])
    assert sorted(APPLICANT_COLUMN.values()) == list(range(6))
    assert outcome_cell("partly_disclosed", "legal_services") == (
        "applications",
        "partially_granted",
        4,
    )


def test_appeal_kinds_and_results_are_section_four() -> None:
    assert [k for k, _ in APPEAL_KINDS] == list(fmt.APPEAL_FIELDS)
    assert [label for _, label in APPEAL_RESULTS] == list(fmt.APPEAL_COLUMNS[:4])
    assert appeal_cell("litigation_after_reconsideration", "pending") == (
        "appeals",
        "litigation_after_reconsideration",
        3,
    )
    with pytest.raises(KeyError):
        appeal_cell("petition", "upheld")
