"""The section 二 table of the 2019 trial format (国办公开办函〔2019〕60号) and how its
cells map onto the 2021 format (domain-spec §4.5).

The 2021 labels live in :mod:`gongkai.annual_reports.format`; the 2019 format is
historical and only the importer reads it, so its labels are kept here.  Sections 三
and 四 use the 2021 labels, except that 三(六)其他处理 is a single row.

Active-table columns are named by ids shared by both formats:
``issued``/``repealed``/``in_force`` (2021 第（一）项), ``decisions`` (本年处理决定数量,
2019 处理决定数量), ``fee`` (本年收费金额) and the 2019-only ``made``, ``published``,
``published_total``, ``prev_items``, ``change``, ``proc_items``, ``proc_amount``.
"""

from __future__ import annotations

from typing import Final

from gongkai.annual_reports import format as fmt

# Column id -> label, as each format writes it.
COLUMNS_2021: Final = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "fee": "本年收费金额（单位：万元）",
}
COLUMNS_2019: Final = {
    "made": "本年新制作数量",
    "published": "本年新公开数量",
    "published_total": "对外公开总数量",
    "prev_items": "上一年项目数量",
    "change": "本年增/减",
    "decisions": "处理决定数量",
    "proc_items": "采购项目数量",
    "proc_amount": "采购总金额",
}
#: Columns only the 2019 format has: seeing one marks a report as 2019-trial.
COLUMNS_ONLY_2019: Final = frozenset(
    {
        "made",
        "published",
        "published_total",
        "prev_items",
        "change",
        "proc_items",
        "proc_amount",
    }
)
#: Columns holding amounts (kept as decimal strings), not counts.
AMOUNT_COLUMNS: Final = frozenset({"fee", "proc_amount"})
#: Columns whose values may be negative (本年增/减).
SIGNED_COLUMNS: Final = frozenset({"change"})

BLOCK_HEADING_9: Final = "第二十条第（九）项"
BLOCK_HEADINGS: Final = {
    "一": fmt.ACTIVE_BLOCKS[0].heading,
    "五": fmt.ACTIVE_BLOCKS[1].heading,
    "六": fmt.ACTIVE_BLOCKS[2].heading,
    "八": fmt.ACTIVE_BLOCKS[3].heading,
    "九": BLOCK_HEADING_9,
}

# Default columns of each block when a report leaves its column header out.
DEFAULT_COLUMNS: Final = {
    fmt.FORMAT_2021: {
        "一": ("issued", "repealed", "in_force"),
        "五": ("decisions",),
        "六": ("decisions",),
        "八": ("fee",),
        "九": ("proc_items", "proc_amount"),
    },
    fmt.FORMAT_2019_TRIAL: {
        "一": ("made", "published", "published_total"),
        "五": ("prev_items", "change", "decisions"),
        "六": ("prev_items", "change", "decisions"),
        "八": ("prev_items", "change"),
        "九": ("proc_items", "proc_amount"),
    },
}

# Active rows: field -> (block, label).  ``other_services`` and ``procurement`` exist
# only in 2019; ``normative_docs`` is labelled 规范性文件 there.
ROW_LABELS_2019: Final = {
    "rules": ("一", "规章"),
    "normative_docs": ("一", "规范性文件"),
    "licensing": ("五", "行政许可"),
    "other_services": ("五", "其他对外管理服务事项"),
    "punishment": ("六", "行政处罚"),
    "coercion": ("六", "行政强制"),
    "fees_wan_yuan": ("八", "行政事业性收费"),
    "procurement": ("九", "政府集中采购"),
}
ROWS_ONLY_2019: Final = frozenset({"other_services", "procurement"})
ROW_BLOCK: Final = {field: block for field, (block, _) in ROW_LABELS_2019.items()}

#: Which column feeds which 2021 cell, per kind of active row.  Anything else a row
#: gives goes to ``ReportData.supplementary``.
VECTOR_SLOTS: Final = {"issued": 0, "repealed": 1, "in_force": 2, "made": 0}
COUNT_COLUMN: Final = "decisions"
FEE_COLUMN: Final = "fee"

OTHER_SINGLE_ROW: Final = "（六）其他处理"
OTHER_SINGLE_TARGET: Final = 2  # 3.其他


def column_label(column: str, version: str) -> str:
    if version == fmt.FORMAT_2019_TRIAL and column in COLUMNS_2019:
        return COLUMNS_2019[column]
    return COLUMNS_2021.get(column) or COLUMNS_2019[column]


def row_label(field: str, version: str) -> str:
    if version == fmt.FORMAT_2019_TRIAL or field in ROWS_ONLY_2019:
        return ROW_LABELS_2019[field][1]
    return fmt.ACTIVE_ROW_LABELS[field]
