"""Every finding code gongkai emits: one registry.

A finding code names what a check, the loader, the parser, an import, the comparison,
the aggregation or the staff editor says about a report.  Each code is registered here
once, with its default severity, what it means in Chinese (the description people see
beside the code on every page) and the stage that emits it.  ``docs/reference/
checks.md`` lists every code, and ``tests/docs/test_docs.py`` checks both ways: every
registered code is documented, and every code a module emits is registered.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from gongkai.annual_reports.validation.findings import Severity


class Stage(enum.StrEnum):
    """Which part of gongkai emits a code."""

    CHECK = "check"  # validation.rules: the relations of the format
    LOADER = "loader"  # data.report_from_dict: the interchange form as given
    PARSER = "parser"  # importing: a published file read
    IMPORT = "import"  # the imports app: an import stored
    OVERRIDE = "override"  # a person's correction of a cell (report pipeline)
    COMPARE = "compare"  # a report compared with other reports
    AGGREGATE = "aggregate"  # reports summed into one
    EDITOR = "editor"  # the staff editor: what a person typed


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity  # the default (an emitter may say more or less)
    stage: Stage
    description: str  # what the code means, in Chinese


CODES: dict[str, Code] = {}


def register(code: str, severity: Severity, stage: Stage, description: str) -> str:
    """Register a finding code (once) and return it, for a named constant."""
    if code in CODES:
        raise ValueError(f"finding code {code!r} registered twice")
    CODES[code] = Code(code, severity, stage, description)
    return code


def describe_code(code: str) -> str:
    """What a finding code means, in Chinese ("" for a code no longer emitted)."""
    entry = CODES.get(code)
    return entry.description if entry else ""


def severity_of(code: str) -> Severity:
    """A registered code's default severity (KeyError for an unknown code)."""
    return CODES[code].severity


def codes_of(stage: Stage) -> dict[str, str]:
    """The codes a stage emits, with their descriptions (registry order)."""
    return {c.code: c.description for c in CODES.values() if c.stage == stage}


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: notice (info)
_C, _L, _P = Stage.CHECK, Stage.LOADER, Stage.PARSER

# -- the checks (validation.rules) --------------------------------------------
TABLE_MISSING: Final = register(
    "table.missing", E, _C, "三张统计表（二、三、四部分）都必须给出"
)
YEAR_MISSING: Final = register("report.year_missing", W, _C, "应给出统计年度")
ORG_MISSING: Final = register("report.org_missing", W, _C, "应给出报告机关")
CELL_BLANK: Final = register("cell.blank", W, _C, "单元格空白（未报告）；零应填 0")
COUNT_NEGATIVE: Final = register("count.negative", E, _C, "件数为非负整数")
FEE_NEGATIVE: Final = register("fee.negative", E, _C, "收费金额不能为负")
FEE_PRECISION: Final = register(
    "fee.precision", W, _C, "收费金额（万元）超过通常的 4 位小数（即到元）"
)
APPLICATIONS_BALANCE: Final = register(
    "applications.balance", E, _C, "每列：一 + 二 = 三(七) + 四"
)
APPLICATIONS_TOTAL_COLUMN: Final = register(
    "applications.total_column", E, _C, "每行：总计 = 自然人 + 五类法人或其他组织"
)
APPLICATIONS_OUTCOME_TOTAL: Final = register(
    "applications.outcome_total", E, _C, "每列：三(七)总计 = 三(一)…(六) 各末级项之和"
)
CELLS_SUSPECT: Final = register(
    "cells.suspect",
    N,
    _C,
    "同一单元格使行合计与列合计相差同一数值时，指出它最可能有误并给出改正值",
)
APPEALS_GROUP_TOTAL: Final = register(
    "appeals.group_total", E, _C, "行政复议、两类行政诉讼各自：总计 = 四种结果之和"
)

# -- the loader (data.report_from_dict) ---------------------------------------
SCHEMA_MISSING_KEY: Final = register("schema.missing_key", E, _L, "缺少必需的键")
SCHEMA_TYPE: Final = register("schema.type", E, _L, "值的类型不对")
SCHEMA_LENGTH: Final = register("schema.length", E, _L, "数组的行数或列数不对")
SCHEMA_YEAR: Final = register("schema.year", E, _L, "统计年度不是年份")
SCHEMA_DATE: Final = register("schema.date", E, _L, "发布日期不是 YYYY-MM-DD")
SCHEMA_FORMAT_VERSION: Final = register(
    "schema.format_version", E, _L, "未知的格式版本"
)
COUNT_NOT_INTEGER: Final = register("count.not_integer", E, _L, "件数不是整数")
COUNT_TOO_LARGE: Final = register(
    "count.too_large", E, _L, "件数超过上限（最多 9 位），不可能是一份报告的数值"
)
FEE_INVALID: Final = register(
    "fee.invalid",
    E,
    _L,
    "收费金额不是非负十进制数，或超过上限（整数部分最多 9 位、最多 6 位小数）",
)
FEE_NOT_STRING: Final = register(
    "fee.not_string", W, _L, "收费金额写成了数值而非字符串"
)

# -- the parser (importing) ---------------------------------------------------
for _code, _severity, _description in (
    ("import.encoding", N, "检测到的文件类型与文本编码"),
    (
        "import.encoding_uncertain",
        W,
        "无法确定文本编码，按最可能的编码读取，可能有乱码",
    ),
    (
        "import.label_variant",
        N,
        "标签按已知的变体、旧称或笔误匹配（如「社会组织」读作「社会公益组织」）",
    ),
    (
        "import.table_missing",
        W,
        "报告中没有这张统计表，整表按未报告（null）处理，而不是 0",
    ),
    ("import.row_missing", W, "统计表中缺少这一行，该行按未报告（null）处理"),
    (
        "import.table_inferred",
        W,
        "没有表头的数值行按其形状（各组总计等于分项之和）推断为某张表，可信度较低",
    ),
    ("import.header_missing", W, "统计表的表头缺失，数值按所在章节推断归属"),
    (
        "import.truncated_row",
        W,
        "这一行的单元格比应有的少（表格被截断），缺少的单元格按空白（null）处理",
    ),
    (
        "import.short_row",
        W,
        "这一行的单元格比列数少（行标签占用了数值列），按末列对齐读取",
    ),
    ("import.extra_cells", W, "这一行的数值比列数多，多出的数值被忽略"),
    ("import.unassigned", W, "有数值行无法对应到任何统计行，未被读取"),
    (
        "import.flat_text",
        N,
        "文本没有换行或单元格分隔符，统计表按格式的行顺序和行标签从连续文本中读出",
    ),
    (
        "import.rows_by_order",
        W,
        "表格的行标签与数值分离且顺序错乱（PDF 转出的文本），只有数值的行按格式的行顺序对应到缺少的行",
    ),
    (
        "import.label_fuzzy",
        W,
        "行标签与格式用语不完全一致（缺字、错字、多字或被空格隔开），按最接近的标签读取",
    ),
    (
        "import.split_inferred",
        N,
        "连在一起的数字按该行的列数拆成单元格，由勾稽关系、上年数据或合理性决定，列出其他可能的拆法和可信度",
    ),
    (
        "import.split_uncertain",
        W,
        "连在一起的数字无法确定地拆成单元格（拆法不唯一、数字个数不符或勾稽关系不成立），须对照原文核对",
    ),
    (
        "import.number_format",
        N,
        "数值的写法被规范化读取（千位分隔符、全角数字、数字中的空格）",
    ),
    ("import.not_integer", W, "件数不是整数，无法读取，按空白处理"),
    ("import.duplicate_row", W, "同一统计行出现多次，只读取第一次"),
    (
        "import.format_2019",
        N,
        "报告采用 2019 年试行格式（国办公开办函〔2019〕60号），说明各项如何对应到 2021 格式",
    ),
    ("import.pdf_layout", N, "PDF 表格按文字位置和框线重建"),
):
    register(_code, _severity, _P, _description)

# -- people's corrections of a cell (overrides), whatever the cell's origin ---
CORRECTION_REVIEW: Final = register(
    "override.review",
    W,
    Stage.OVERRIDE,
    "人工更正之后，该单元格的机器值（导入解析、计算或汇总得出的值）变了；更正仍然有效，请复核",
)
CORRECTION_UNAPPLIED: Final = register(
    "override.unapplied",
    W,
    Stage.OVERRIDE,
    "人工更正所在的统计表在最新的机器值中缺失（如重新导入的文件没有这张表），更正未能应用",
)

# -- comparison of reports ----------------------------------------------------
CARRY_OVER: Final = register(
    "report.carry_over",
    W,
    Stage.COMPARE,
    "上年「四、结转下年度继续办理」与本年「二、上年结转政府信息公开申请数量」"
    "在某一申请人列不相等（依表格结构推断的关系，故为警告）",
)

# -- aggregation --------------------------------------------------------------
AGGREGATE_TABLE_MISSING: Final = register(
    "aggregate.table_missing",
    W,
    Stage.AGGREGATE,
    "汇总的报告中有报告缺少某张统计表，该表的汇总数偏小",
)

# -- the staff editor ---------------------------------------------------------
INPUT_INVALID: Final = register(
    "input.invalid",
    E,
    Stage.EDITOR,
    "编辑器中填写的值无法读取（不是整数或金额、为负数、超过上限或逗号分组不对），"
    "保存前请改正；该单元格按空白检查",
)
