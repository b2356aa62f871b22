"""Legal outcomes and applicant types as plain codes, and the report cells they count in.

A workflow (the coming ``applications`` and ``appeals`` apps) reports counts keyed by
these plain strings and never imports ``annual_reports``; the mapping to the rows and
columns of the 2021 format (国办公开办函〔2021〕30号) lives here, on the report side.

The outcomes are the leaf rows of section 三's 三、本年度办理结果 (domain spec §4.3): (一),
(二) and every numbered row of (三)…(六); their labels are the format's own (from
:mod:`format`).  ``basis`` is the article of the Regulation (国务院令第711号) the row is
suggested for in domain spec §4.3; that assignment is practice, UNVERIFIED in the
format itself, and (六)3 其他 has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.format import Path


@dataclass(frozen=True)
class Outcome:
    code: str  # plain, e.g. "withheld_state_secret"
    row: Path  # the row of section 三, e.g. ("applications", "withheld", 0)
    label: str  # the row's label, exactly as the format writes it
    group: str  # the enclosing group's label ("" for (一) and (二))
    basis: str  # the article the row is suggested for (domain spec §4.3)


# Codes in the format's row order, with the article each is suggested for.
_OUTCOME_CODES: Final = (
    ("disclosed", "第三十六条第（一）、（二）项"),
    ("partly_disclosed", "第三十七条"),
    ("withheld_state_secret", "第十四条"),
    ("withheld_prohibited_by_law", "第十四条"),
    ("withheld_three_securities_one_stability", "第十四条"),
    ("withheld_third_party_interests", "第十五条；第三十二条（第三方不同意公开）"),
    ("withheld_internal_affairs", "第十六条第一款"),
    ("withheld_process_information", "第十六条第二款（过程性信息）"),
    ("withheld_law_enforcement_file", "第十六条第二款（行政执法案卷）"),
    ("withheld_inquiry_matter", "第三十六条第（七）项"),
    ("unable_not_held", "第三十六条第（四）、（五）项"),
    ("unable_needs_creation", "第三十八条"),
    ("unable_unclear_after_correction", "第三十条"),
    ("not_processed_petition_or_complaint", "第三十九条第一款"),
    ("not_processed_repeated", "第三十六条第（六）项"),
    ("not_processed_publication", "第三十九条第二款"),
    ("not_processed_excessive", "第三十五条"),
    ("not_processed_confirmation", ""),
    ("other_no_correction", "第三十条"),
    ("other_fee_unpaid", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
    ("other", ""),
)


def _outcomes() -> tuple[Outcome, ...]:
    rows = fmt.OUTCOME_LEAF_ROWS
    if len(rows) != len(_OUTCOME_CODES):
        raise AssertionError("the outcome codes no longer match the format's rows")
    return tuple(
        Outcome(code, row.path, row.label, row.group, basis)
        for (code, basis), row in zip(_OUTCOME_CODES, rows, strict=True)
    )


#: Every outcome a concluded application can have, in the format's row order.
OUTCOMES: Final = _outcomes()
OUTCOME_BY_CODE: Final = {o.code: o for o in OUTCOMES}
#: Outcome code -> the row of section 三 it counts in.
OUTCOME_ROWS: Final[dict[str, Path]] = {o.code: o.row for o in OUTCOMES}

#: Applicant type code -> the column of section 三 (index into APPLICANT_COLUMNS).
APPLICANT_TYPES: Final = (
    ("natural_person", fmt.APPLICANT_COLUMNS[0]),  # 自然人
    ("business", fmt.APPLICANT_COLUMNS[1]),  # 商业企业
    ("research", fmt.APPLICANT_COLUMNS[2]),  # 科研机构
    ("public_interest", fmt.APPLICANT_COLUMNS[3]),  # 社会公益组织
    ("legal_services", fmt.APPLICANT_COLUMNS[4]),  # 法律服务机构
    ("other_organisation", fmt.APPLICANT_COLUMNS[5]),  # 其他
)
APPLICANT_COLUMN: Final[dict[str, int]] = {
    code: i for i, (code, _) in enumerate(APPLICANT_TYPES)
}

#: Section 四: the kind of appeal (a row group) and its result (a column).
#: reconsideration 行政复议, litigation_direct 未经复议直接起诉,
#: litigation_after_reconsideration 复议后起诉.
APPEAL_KINDS: Final = fmt.APPEAL_GROUPS
APPEAL_RESULTS: Final = (
    ("upheld", fmt.APPEAL_COLUMNS[0]),  # 结果维持
    ("corrected", fmt.APPEAL_COLUMNS[1]),  # 结果纠正
    ("other", fmt.APPEAL_COLUMNS[2]),  # 其他结果
    ("pending", fmt.APPEAL_COLUMNS[3]),  # 尚未审结
)
APPEAL_RESULT_COLUMN: Final[dict[str, int]] = {
    code: i for i, (code, _) in enumerate(APPEAL_RESULTS)
}


def outcome_cell(outcome: str, applicant: str) -> Path:
    """The cell counting applications with ``outcome`` from ``applicant`` type."""
    return (*OUTCOME_ROWS[outcome], APPLICANT_COLUMN[applicant])


def appeal_cell(kind: str, result: str) -> Path:
    """The cell of section 四 counting appeals of ``kind`` with ``result``."""
    if kind not in fmt.APPEAL_GROUP_LABELS:
        raise KeyError(kind)
    return ("appeals", kind, APPEAL_RESULT_COLUMN[result])
