"""Finding codes the imports app adds, with what each means (in Chinese), and the
description of any finding code a person sees on the imports pages."""

from __future__ import annotations

from typing import Final

REVIEW_CODE: Final = "imports.correction_review"
UNAPPLIED_CODE: Final = "imports.correction_unapplied"
CARRY_OVER_CODE: Final = "imports.carry_over"

IMPORTS_FINDING_CODES: Final[dict[str, str]] = {
    REVIEW_CODE: "人工更正之后，重新导入的来源文件在该单元格读出了不同的值；更正仍然有效，请复核",
    UNAPPLIED_CODE: "人工更正所在的统计表在最近导入的文件中缺失，更正未能应用",
    CARRY_OVER_CODE: "上年「四、结转下年度继续办理」与本年「二、上年结转政府信息公开申请数量」"
    "在某一申请人列不相等（依表格结构推断的关系，故为警告）",
}


def describe_code(code: str) -> str:
    """What a finding code means: the checks', the loader's, the parser's or ours."""
    from gongkai.annual_reports.importing.codes import IMPORT_FINDING_CODES
    from gongkai.annual_reports.validation.rules import LOADER_CODES, RULES

    known = {rule.code: rule.description for rule in RULES}
    known |= LOADER_CODES | IMPORT_FINDING_CODES | IMPORTS_FINDING_CODES
    return known.get(code, "")
