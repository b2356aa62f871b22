"""The national annual report format (国办公开办函〔2021〕30号) as data.

Every other part of gongkai (checks, rendering, forms, importing) reads the labels and
the cell addresses from here, so that a label is written exactly once.  Labels are the
legal labels reproduced exactly as the format writes them (full-width punctuation).

A cell is addressed by a *path* into the interchange JSON
(``../shared/annual-report.schema.json``): ``("applications", "withheld", 3, 6)`` is
三(三)4 保护第三方合法权益, column 总计.  ``path_str`` renders it as
``applications.withheld.3.6``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Final

FORMAT_2021: Final = "2021"
FORMAT_2019_TRIAL: Final = "2019-trial"
FORMAT_VERSIONS: Final = (FORMAT_2021, FORMAT_2019_TRIAL)

Path = tuple[str | int, ...]

# ---------------------------------------------------------------------------
# Section headings (section order is fixed by the format)
# ---------------------------------------------------------------------------
SECTION_HEADINGS: Final = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

# ---------------------------------------------------------------------------
# Section 二: proactive disclosure
# ---------------------------------------------------------------------------
CONTENT_HEADER: Final = "信息内容"


@dataclass(frozen=True)
class ActiveBlock:
    """One block of the section 二 table, e.g. 第二十条第（一）项."""

    heading: str
    columns: tuple[str, ...]  # value columns (after 信息内容)
    rows: tuple[tuple[str, str], ...]  # (field, exact row label)


ACTIVE_BLOCKS: Final = (
    ActiveBlock(
        heading="第二十条第（一）项",
        columns=("本年制发件数", "本年废止件数", "现行有效件数"),
        rows=(("rules", "规章"), ("normative_docs", "行政规范性文件")),
    ),
    ActiveBlock(
        heading="第二十条第（五）项",
        columns=("本年处理决定数量",),
        rows=(("licensing", "行政许可"),),
    ),
    ActiveBlock(
        heading="第二十条第（六）项",
        columns=("本年处理决定数量",),
        rows=(("punishment", "行政处罚"), ("coercion", "行政强制")),
    ),
    ActiveBlock(
        heading="第二十条第（八）项",
        columns=("本年收费金额（单位：万元）",),
        rows=(("fees_wan_yuan", "行政事业性收费"),),
    ),
)
ACTIVE_VECTOR_FIELDS: Final = ("rules", "normative_docs")  # 3 values each
ACTIVE_COUNT_FIELDS: Final = ("licensing", "punishment", "coercion")
ACTIVE_FEE_FIELD: Final = "fees_wan_yuan"
ACTIVE_ROW_LABELS: Final = {f: label for b in ACTIVE_BLOCKS for f, label in b.rows}
ACTIVE_BLOCK_OF: Final = {f: b for b in ACTIVE_BLOCKS for f, _ in b.rows}

# ---------------------------------------------------------------------------
# Section 三: applications
# ---------------------------------------------------------------------------
APPLICATIONS_CORNER_NOTE: Final = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
)
APPLICANT_HEADER: Final = "申请人情况"
NATURAL_PERSON: Final = "自然人"
LEGAL_PERSONS_HEADER: Final = "法人或其他组织"
TOTAL: Final = "总计"
APPLICANT_COLUMNS: Final = (
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)
LEGAL_PERSON_COLUMNS: Final = APPLICANT_COLUMNS[1:6]
TOTAL_COLUMN: Final = 6  # index of 总计 among APPLICANT_COLUMNS
APPLICANT_PARTS: Final = tuple(range(6))  # the six applicant columns summed by 总计


@dataclass(frozen=True)
class ApplicationRow:
    """One row of the section 三 table."""

    field: str  # key in the interchange JSON ``applications`` object
    index: int | None  # sub-row index for grouped fields (withheld, unable, ...)
    label: str  # the row's own label, exactly as the format writes it
    group: str  # the label of the enclosing group ("" for top-level rows)
    top: str  # the top-level heading the row belongs to (一 … 四)

    @cached_property
    def path(self) -> Path:
        if self.index is None:
            return ("applications", self.field)
        return ("applications", self.field, self.index)

    @cached_property
    def full_label(self) -> str:
        parts = [
            p
            for p in (
                self.top if self.top != self.label else "",
                self.group,
                self.label,
            )
            if p
        ]
        return " ".join(dict.fromkeys(parts))


TOP_NEW: Final = "一、本年新收政府信息公开申请数量"
TOP_CARRIED_OVER: Final = "二、上年结转政府信息公开申请数量"
TOP_RESULTS: Final = "三、本年度办理结果"
TOP_CARRIED_FORWARD: Final = "四、结转下年度继续办理"

# Groups of section 三(三)…(六): field, group label, leaf labels.
APPLICATION_GROUPS: Final = (
    (
        "withheld",
        "（三）不予公开",
        (
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ),
    ),
    (
        "unable",
        "（四）无法提供",
        (
            "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
        ),
    ),
    (
        "not_processed",
        "（五）不予处理",
        (
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
    ),
    (
        "other",
        "（六）其他处理",
        (
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
        ),
    ),
)
GROUP_SIZES: Final = {field: len(leaves) for field, _, leaves in APPLICATION_GROUPS}
GRANTED_LABEL: Final = "（一）予以公开"
PARTIAL_LABEL: Final = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
OUTCOME_TOTAL_LABEL: Final = "（七）总计"


def _application_rows() -> tuple[ApplicationRow, ...]:
    rows = [
        ApplicationRow("new", None, TOP_NEW, "", TOP_NEW),
        ApplicationRow("carried_over", None, TOP_CARRIED_OVER, "", TOP_CARRIED_OVER),
        ApplicationRow("granted", None, GRANTED_LABEL, "", TOP_RESULTS),
        ApplicationRow("partially_granted", None, PARTIAL_LABEL, "", TOP_RESULTS),
    ]
    for field, group, leaves in APPLICATION_GROUPS:
        rows += [
            ApplicationRow(field, i, leaf, group, TOP_RESULTS)
            for i, leaf in enumerate(leaves)
        ]
    rows += [
        ApplicationRow("total", None, OUTCOME_TOTAL_LABEL, "", TOP_RESULTS),
        ApplicationRow(
            "carried_forward", None, TOP_CARRIED_FORWARD, "", TOP_CARRIED_FORWARD
        ),
    ]
    return tuple(rows)


APPLICATION_ROWS: Final = _application_rows()
#: Rows whose sum is 三(七)总计: (一), (二) and every leaf of (三)…(六).
OUTCOME_LEAF_ROWS: Final = tuple(
    r for r in APPLICATION_ROWS if r.top == TOP_RESULTS and r.field != "total"
)
APPLICATION_FIELDS: Final = (
    "new",
    "carried_over",
    "granted",
    "partially_granted",
    "withheld",
    "unable",
    "not_processed",
    "other",
    "total",
    "carried_forward",
)
APPLICATION_ROW_BY_PATH: Final = {r.path: r for r in APPLICATION_ROWS}
#: The cell paths of every application row, in format order: (row, paths by column).
APPLICATION_CELL_PATHS: Final = tuple(
    (r, tuple((*r.path, c) for c in range(len(APPLICANT_COLUMNS))))
    for r in APPLICATION_ROWS
)

# ---------------------------------------------------------------------------
# Section 四: administrative reconsideration and litigation
# ---------------------------------------------------------------------------
RECONSIDERATION: Final = "行政复议"
LITIGATION: Final = "行政诉讼"
APPEAL_COLUMNS: Final = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
APPEAL_GROUPS: Final = (
    ("reconsideration", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_reconsideration", "复议后起诉"),
)
APPEAL_GROUP_LABELS: Final = dict(APPEAL_GROUPS)
APPEAL_FIELDS: Final = tuple(f for f, _ in APPEAL_GROUPS)

TABLE_LABELS: Final = {
    "active": SECTION_HEADINGS[1],
    "applications": SECTION_HEADINGS[2],
    "appeals": SECTION_HEADINGS[3],
}


# ---------------------------------------------------------------------------
# Cell labels
# ---------------------------------------------------------------------------
def path_str(path: Path) -> str:
    return ".".join(str(p) for p in path)


def parse_path(text: str) -> Path:
    return tuple(int(p) if p.isdigit() else p for p in text.split("."))


@lru_cache(maxsize=1024)
def cell_labels(path: Path) -> tuple[str, str]:
    """(row label, column label) of a cell, in the format's own words.

    Raises KeyError for a path that names no cell or row of the format.
    """
    table, *rest = path
    if table == "active":
        return _active_labels(rest)
    if table == "applications":
        return _application_labels(rest)
    if table == "appeals":
        return _appeal_labels(rest)
    if table in ("year", "org", "title"):
        return (str(table), "")
    raise KeyError(path)


def _active_labels(rest: list[str | int]) -> tuple[str, str]:
    if not rest:
        return (TABLE_LABELS["active"], "")
    field = str(rest[0])
    block = ACTIVE_BLOCK_OF[field]
    row = f"{block.heading} {ACTIVE_ROW_LABELS[field]}"
    if len(rest) == 1:
        return (row, block.columns[0] if len(block.columns) == 1 else "")
    return (row, block.columns[int(rest[1])])


def _application_labels(rest: list[str | int]) -> tuple[str, str]:
    if not rest:
        return (TABLE_LABELS["applications"], "")
    field = str(rest[0])
    if field in GROUP_SIZES:
        if len(rest) == 1:
            return (next(g for f, g, _ in APPLICATION_GROUPS if f == field), "")
        row = APPLICATION_ROW_BY_PATH[("applications", field, int(rest[1]))]
        column = rest[2] if len(rest) > 2 else None
    else:
        row = APPLICATION_ROW_BY_PATH[("applications", field)]
        column = rest[1] if len(rest) > 1 else None
    return (row.full_label, "" if column is None else APPLICANT_COLUMNS[int(column)])


def _appeal_labels(rest: list[str | int]) -> tuple[str, str]:
    if not rest:
        return (TABLE_LABELS["appeals"], "")
    field = str(rest[0])
    group = APPEAL_GROUP_LABELS[field]
    row = group if field == "reconsideration" else f"{LITIGATION} {group}"
    if len(rest) == 1:
        return (row, "")
    return (row, APPEAL_COLUMNS[int(rest[1])])
