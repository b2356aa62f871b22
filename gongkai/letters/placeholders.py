"""The placeholder syntax of letter templates: ``{{申请人}}``, nothing else.

A template is plain text; ``{{名称}}`` is replaced by the case's value in one pass
(a value that itself contains ``{{…}}`` is inserted as typed, never expanded
again).  There are no loops, conditions, filters or attribute lookups: a template
typed by an office cannot reach anything but the values listed in
:data:`PLACEHOLDERS`.  The text is escaped by whoever lays it out (HTML for the PDF,
XML by python-docx), never here.

Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

#: ``{{ 名称 }}``: a name of letters, digits or underscores between double braces.
PLACEHOLDER_RE: Final = re.compile(r"\{\{\s*([^{}\s]*)\s*\}\}")

#: A value the case does not have yet: visible in the draft, refused on issue.
MISSING_MARK: Final = "〔请填写：{name}〕"
MISSING_RE: Final = re.compile(r"〔请填写：([^〕]*)〕")

#: Every placeholder a template may use, with what it is replaced by.
PLACEHOLDERS: Final[dict[str, str]] = {
    "申请人": "申请人姓名或名称",
    "称谓": "对申请人的称呼：自然人为“您”，法人或其他组织为“你单位”",
    "受理编号": "申请的受理编号",
    "收到申请日期": "收到申请之日（第三十一条），如 2026年3月2日",
    "申请事项": "申请公开的政府信息，逐项列出（名称、文号、描述）",
    "申请渠道": "申请提交的渠道（当面、挂号信、网络等）",
    "机关名称": "作出答复的机关名称",
    "答复日期": "本文书的成文日期",
    "答复期限": "当前答复期限；节假日安排尚未公布的年份标明“暂定”",
    "法律依据": "办理结果所依据的条款，如《中华人民共和国政府信息公开条例》第十四条",
    "条文": "所依据条款的原文",
    "理由": "办理结果的理由（办理时填写）",
    "不予公开事项": "部分公开时不予公开的事项、理由及依据，逐项列出",
    "提供方式": "提供政府信息的载体形式和获取方式",
    "负责机关": "负责公开该政府信息的机关（第三十六条第（五）项）",
    "救济途径": "行政复议、行政诉讼的告知；不予公开的，告知先申请行政复议",
    "补正事项": "需要补正的事项，逐项列出（第三十条）",
    "补正告知日期": "发出补正告知的日期",
    "补正期限": "补正期限",
    "延长天数": "延长答复期限的工作日数",
    "延期后答复期限": "延长后的答复期限",
    "延期理由": "延期答复的理由",
    "第三方名称": "被征求意见的第三方名称",
    "收费方式": "按件计收或按量计收",
    "收费数量": "计费的件数或页数",
    "收费金额": "应缴信息处理费金额（元）",
    "收费明细": "计费明细",
    "收费通知日期": "发出收费通知的日期",
    "缴费期限": "缴费期限",
    "联系人": "机关联系人（文书设置）",
    "联系电话": "机关联系电话（文书设置）",
    "机关地址": "机关通信地址（文书设置）",
    "联系方式": "“联系人：…，联系电话：…。”一句（文书设置；未设置时为空）",
}

#: The placeholders of a 文号 pattern.
NUMBER_PLACEHOLDERS: Final[dict[str, str]] = {
    "机关简称": "机关简称（未设置简称时用全称）",
    "年": "成文年份，如 2026",
    "序号": "本机关本年度文书的顺序号，从 1 起，不编虚位",
}


class PlaceholderError(ValueError):
    """A template uses a placeholder that does not exist, or a malformed one."""

    def __init__(self, message: str, *, names: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.names = names


def used_placeholders(text: str) -> list[str]:
    """The placeholder names ``text`` uses, in order of first use."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER_RE.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


def check_template(
    text: str, *, allowed: Mapping[str, str] = PLACEHOLDERS, where: str = "正文"
) -> None:
    """Raise :class:`PlaceholderError` naming every unknown placeholder of ``text``
    and any stray ``{{`` or ``}}`` (a placeholder typed wrong)."""
    unknown = tuple(n for n in used_placeholders(text) if n not in allowed)
    if unknown:
        names = "、".join(f"{{{{{n}}}}}" if n else "{{}}" for n in unknown)
        raise PlaceholderError(
            f"{where}中的占位符 {names} 不存在：请改为可用的占位符之一（"
            + "、".join(f"{{{{{n}}}}}" for n in allowed)
            + "），或删除它",
            names=unknown,
        )
    rest = PLACEHOLDER_RE.sub("", text)
    for token in ("{{", "}}"):
        if token in rest:
            at = rest.index(token)
            snippet = rest[max(0, at - 8) : at + 10].replace("\n", " ")
            raise PlaceholderError(
                f"{where}中有不完整的占位符「{snippet}」：占位符应写成 {{{{名称}}}}，"
                "两边各两个花括号，中间是占位符名称"
            )


def fill(text: str, values: Mapping[str, str | None]) -> str:
    """``text`` with every placeholder replaced by its value, in one pass.  A value
    of ``None`` (the case lacks something the letter needs, e.g. the reasons of a
    refusal) becomes the visible mark 〔请填写：名称〕; an empty string (an optional
    value, e.g. no contact person set) leaves nothing."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name)
        if value is None:
            return MISSING_MARK.format(name=name)
        return value

    return PLACEHOLDER_RE.sub(replace, text)


def missing_marks(text: str) -> list[str]:
    """The names of the 〔请填写：…〕 marks left in ``text``."""
    return list(dict.fromkeys(MISSING_RE.findall(text)))
