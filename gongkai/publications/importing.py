"""Imports of an office's existing records: decision counts per unit and year (from
the business system's export) and items from the old website's export.

A file is checked whole first; any bad row rejects the file with a per-row report
(:class:`ImportRejected`, ``errors``) and nothing is written.  A good file is written
in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any, Final, TypeVar

from django.db import transaction
from django.db.models import Q

from gongkai.accounts.models import User
from gongkai.core.errors import DomainError
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_descendant_ids
from gongkai.publications import events, permissions
from gongkai.publications.models import (
    CatalogueCategory,
    Channel,
    DecisionCount,
    Disclosure,
    InformationItem,
    NormativeKind,
    Source,
    Validity,
    WithheldGround,
)
from gongkai.publications.sanitise import clean_html
from gongkai.publications.services._common import changed, record
from gongkai.publications.services.items import _take_index_number
from gongkai.publications.services.site import _fee, decision_count_save
from gongkai.publications.status import Status
from gongkai.publications.tables import Row, Table, read_table

T = TypeVar("T")


@dataclass(frozen=True)
class RowError:
    row: int  # the row number in the file (the header is row 1)
    column: str  # the column's header ("" for the whole row)
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" + (f"「{self.column}」" if self.column else "")
        return f"{where}：{self.message}"


class ImportRejected(DomainError):
    code = "publication_import_rejected"

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        lines = "\n".join(str(e) for e in errors[:20])
        more = f"\n……另有 {len(errors) - 20} 处错误" if len(errors) > 20 else ""
        super().__init__(
            f"文件有 {len(errors)} 处错误，未导入任何内容：\n{lines}{more}"
        )


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    ids: list[int] = field(default_factory=list)


class _Errors:
    def __init__(self) -> None:
        self.items: list[RowError] = []

    def check(self, row: Row, column: str, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except (DomainError, ValueError) as exc:
            message = exc.message if isinstance(exc, DomainError) else str(exc)
            self.items.append(RowError(row.number, column, message))
            return None

    def add(self, row: int, column: str, message: str) -> None:
        self.items.append(RowError(row, column, message))


def _require_columns(table: Table, required: tuple[str, ...]) -> None:
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise ImportRejected([RowError(1, c, "缺少这一列") for c in missing])
    if not table.rows:
        raise ImportRejected([RowError(2, "", "文件中没有数据行")])


def _count(text: str) -> int:
    value = text.replace(",", "").strip() or "0"
    if not re.fullmatch(r"\d+", value):
        raise ValueError(f"「{text}」不是非负整数")
    return int(value)


def _year(text: str) -> int:
    value = text.strip().removesuffix("年")
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError(f"「{text}」不是年度（如 2025）")
    return int(value)


def _date(text: str) -> date | None:
    value = text.strip()
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?", value)
    if not m:
        raise ValueError(f"「{text}」不是日期（如 2025-03-01）")
    return date(int(m[1]), int(m[2]), int(m[3]))


def _organ_finder(scope: set[int] | None) -> Callable[[str], Organisation]:
    def find(text: str) -> Organisation:
        name = text.strip()
        found = list(
            Organisation.objects.filter(
                Q(name=name) | Q(short_name=name) | (Q(code=name) & ~Q(code=""))
            )[:2]
        )
        if len(found) != 1:
            raise ValueError(
                f"找不到单位「{name}」" if not found else f"单位「{name}」不唯一"
            )
        if scope is not None and found[0].pk not in scope:
            raise ValueError(f"您不是「{found[0]}」或其上级的公开办管理员")
        return found[0]

    return find


# -- decision counts -------------------------------------------------------------
DECISION_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "unit": ("单位", "单位名称", "机关", "机关名称", "单位代码"),
    "year": ("年度", "年份"),
    "licensing": ("行政许可", "行政许可处理决定数量", "行政许可本年处理决定数量"),
    "punishment": ("行政处罚", "行政处罚处理决定数量", "行政处罚本年处理决定数量"),
    "coercion": ("行政强制", "行政强制处理决定数量", "行政强制本年处理决定数量"),
    "fees": (
        "行政事业性收费",
        "行政事业性收费（万元）",
        "行政事业性收费(万元)",
        "本年收费金额（万元）",
        "收费金额（万元）",
    ),
}
_LABEL: Final = {key: names[0] for key, names in DECISION_COLUMNS.items()}


def _manage_scope(actor: User) -> set[int] | None:
    """Organs where the actor is 公开办管理员 (None: everywhere)."""
    from gongkai.accounts.scope import user_scope

    scope = user_scope(actor)
    if scope.everywhere:
        return None
    return scope.organisation_ids(permissions.OFFICE_ROLES)


def _decision_values(
    row: Row, errors: _Errors, find: Callable[[str], Organisation], year: int | None
) -> dict[str, Any]:
    c = row.cells
    values: dict[str, Any] = {
        "organisation": errors.check(row, _LABEL["unit"], lambda: find(c["unit"])),
        "year": errors.check(
            row, _LABEL["year"], lambda: _year(c.get("year") or str(year or ""))
        ),
    }
    for key in ("licensing", "punishment", "coercion"):
        text = c.get(key, "")
        values[key] = errors.check(row, _LABEL[key], partial(_count, text))
    values["fees_wan_yuan"] = errors.check(
        row, _LABEL["fees"], lambda: _fee(c.get("fees") or "0")
    )
    return values


@transaction.atomic
def decision_counts_import(
    *, data: bytes, filename: str, actor: User, year: int | None = None
) -> ImportResult:
    """Import one row per unit and year (an existing entry is replaced).  ``year``
    fills a file without a 年度 column."""
    table = read_table(data=data, filename=filename, aliases=DECISION_COLUMNS)
    required = ("unit", "licensing", "punishment", "coercion", "fees")
    _require_columns(table, (*required, *(() if year else ("year",))))
    errors, find = _Errors(), _organ_finder(_manage_scope(actor))
    parsed: list[dict[str, Any]] = []
    seen: dict[tuple[int, int], int] = {}
    for row in table.rows:
        values = _decision_values(row, errors, find, year)
        if values["organisation"] and values["year"]:
            key2 = (values["organisation"].pk, values["year"])
            if key2 in seen:
                errors.add(row.number, "", f"与第{seen[key2]}行是同一单位同一年度")
            seen[key2] = row.number
        parsed.append(values)
    if errors.items:
        raise ImportRejected(errors.items)
    existing = set(
        DecisionCount.objects.filter(
            organisation_id__in={v["organisation"].pk for v in parsed}
        ).values_list("organisation_id", "year")
    )
    result = ImportResult()
    for values in parsed:
        entry = decision_count_save(
            actor=None, source=Source.IMPORTED, note=f"导入自 {filename}", **values
        )
        if (entry.organisation_id, entry.year) in existing:
            result.updated += 1
        else:
            result.created += 1
        result.ids.append(entry.pk)
    return result


# -- items from the old site -----------------------------------------------------
ITEM_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "title": ("标题", "名称", "信息名称"),
    "index_number": ("索引号",),
    "organisation": ("发布机构", "发文机关"),
    "document_number": ("文号", "发文字号"),
    "topic": ("主题分类",),
    "genre": ("体裁", "体裁分类"),
    "category": ("目录分类", "公开目录", "分类"),
    "normative_kind": ("文件类型",),
    "written_on": ("成文日期",),
    "published_on": ("发布日期", "公开日期"),
    "validity": ("有效性",),
    "ended_on": ("废止日期", "失效日期", "废止或失效日期"),
    "disclosure": ("公开属性", "公开方式"),
    "withheld_ground": ("不予公开理由",),
    "channels": ("公开渠道",),
    "body": ("正文", "内容"),
    "legacy_url": ("原网址", "链接", "网址"),
}
_ITEM_LABEL: Final = {key: names[0] for key, names in ITEM_COLUMNS.items()}


def _choice(choices: Any, text: str, what: str) -> str:
    for value, label in choices.choices:
        if text.strip() in (value, str(label)):
            return str(value)
    allowed = "、".join(str(label) for label in choices.labels if label)
    raise ValueError(f"{what}「{text}」无效，可选：{allowed}")


def _channels(text: str) -> list[str]:
    parts = [p for p in re.split(r"[,，、;；\s]+", text) if p]
    return [_choice(Channel, p, "公开渠道") for p in parts] or [Channel.WEBSITE]


def _category(organisation: Organisation, text: str) -> CatalogueCategory | None:
    if not text.strip():
        return None
    found = CatalogueCategory.objects.filter(
        Q(code=text.strip()) | Q(name=text.strip()), organisation=organisation
    ).first()
    if found is None:
        raise ValueError(f"「{organisation}」的公开目录中没有分类「{text}」")
    return found


def _item_values(
    row: Row, errors: _Errors, default_org: Organisation, find: Any
) -> dict[str, Any]:
    c, L = row.cells, _ITEM_LABEL
    org = (
        errors.check(row, L["organisation"], lambda: find(c["organisation"]))
        if c.get("organisation")
        else default_org
    )
    v: dict[str, Any] = {"organisation": org, "row": row.number}
    v["title"] = c.get("title", "").strip()
    if not v["title"]:
        errors.add(row.number, L["title"], "标题不能为空")
    v["published_on"] = errors.check(
        row, L["published_on"], lambda: _date(c.get("published_on", ""))
    )
    if not c.get("published_on"):
        errors.add(row.number, L["published_on"], "发布日期不能为空")
    v["written_on"] = errors.check(
        row, L["written_on"], lambda: _date(c.get("written_on", ""))
    )
    v["ended_on"] = errors.check(
        row, L["ended_on"], lambda: _date(c.get("ended_on", ""))
    )
    v["validity"] = errors.check(
        row,
        L["validity"],
        lambda: _choice(Validity, c.get("validity") or "valid", "有效性"),
    )
    v["disclosure"] = errors.check(
        row,
        L["disclosure"],
        lambda: _choice(Disclosure, c.get("disclosure") or "proactive", "公开属性"),
    )
    v["withheld_ground"] = errors.check(
        row,
        L["withheld_ground"],
        lambda: (
            _choice(WithheldGround, c["withheld_ground"], "不予公开理由")
            if c.get("withheld_ground")
            else ""
        ),
    )
    v["normative_kind"] = errors.check(
        row,
        L["normative_kind"],
        lambda: (
            _choice(NormativeKind, c.get("normative_kind", ""), "文件类型")
            if c.get("normative_kind")
            else ""
        ),
    )
    v["channels"] = errors.check(
        row, L["channels"], lambda: _channels(c.get("channels", ""))
    )
    v["category"] = (
        errors.check(row, L["category"], lambda: _category(org, c.get("category", "")))
        if org
        else None
    )
    v["index_number"] = c.get("index_number", "").strip() or None
    for key in ("document_number", "topic", "genre", "legacy_url"):
        v[key] = c.get(key, "").strip()
    v["body"] = clean_html(c.get("body", ""))
    _item_consistency(row, errors, v)
    return v


def _item_consistency(row: Row, errors: _Errors, v: dict[str, Any]) -> None:
    L = _ITEM_LABEL
    if v["disclosure"] == Disclosure.WITHHELD and not v["withheld_ground"]:
        errors.add(row.number, L["withheld_ground"], "不予公开的信息须写明理由")
    if v["disclosure"] != Disclosure.WITHHELD and v["withheld_ground"]:
        errors.add(row.number, L["withheld_ground"], "只有不予公开的信息才填写理由")
    ended = v["validity"] in (Validity.REPEALED, Validity.LAPSED)
    if ended and not v["ended_on"]:
        errors.add(row.number, L["ended_on"], "废止或失效的文件须有废止或失效日期")
    if v["ended_on"] and not ended:
        errors.add(
            row.number, L["validity"], "有废止或失效日期的文件，有效性须为废止或失效"
        )
    if v["written_on"] and v["published_on"] and v["written_on"] > v["published_on"]:
        errors.add(row.number, L["written_on"], "成文日期晚于发布日期")


def _check_index_numbers(parsed: list[dict[str, Any]], errors: _Errors) -> None:
    seen: dict[str, int] = {}
    given = [v["index_number"] for v in parsed if v["index_number"]]
    taken = set(
        InformationItem.objects.filter(index_number__in=given).values_list(
            "index_number", flat=True
        )
    )
    for v in parsed:
        number = v["index_number"]
        if not number:
            continue
        if number in taken:
            errors.add(v["row"], "索引号", f"索引号「{number}」已被使用")
        elif number in seen:
            errors.add(v["row"], "索引号", f"与第{seen[number]}行的索引号相同")
        seen[number] = v["row"]


@transaction.atomic
def items_import(
    *, data: bytes, filename: str, organisation: Organisation, actor: User, today: date
) -> ImportResult:
    """Import published items from the old site's export: each becomes a published
    item (its 索引号 kept, or given one), with one timeline line.  The rows may name
    the organ or one below it in 发布机构; by default ``organisation``."""
    if not permissions.can_manage_site(actor, organisation.pk):
        raise ImportRejected(
            [RowError(1, "", f"您不是「{organisation}」的公开办管理员")]
        )
    table = read_table(data=data, filename=filename, aliases=ITEM_COLUMNS)
    _require_columns(table, ("title", "published_on"))
    errors = _Errors()
    below = organisation_descendant_ids(organisation=organisation)
    parsed = [
        _item_values(row, errors, organisation, _organ_finder(below))
        for row in table.rows
    ]
    _check_index_numbers(parsed, errors)
    if errors.items:
        raise ImportRejected(sorted(errors.items, key=lambda e: e.row))
    result = ImportResult()
    for v in parsed:
        item = _import_one(v, actor=actor, today=today, filename=filename)
        result.ids.append(item.pk)
    result.created = len(result.ids)
    return result


def _import_one(
    v: dict[str, Any], *, actor: User, today: date, filename: str
) -> InformationItem:
    ended_on = v.pop("ended_on")
    v.pop("row")
    item = InformationItem(
        **v,
        status=Status.PUBLISHED,
        source=Source.IMPORTED,
        formed_on=v["written_on"] or v["published_on"],
        created_by=actor,
    )
    if item.validity == Validity.REPEALED:
        item.repealed_on = ended_on
    elif item.validity == Validity.LAPSED:
        item.lapsed_on = ended_on
    if not item.index_number:
        item.index_number = _take_index_number(item, v["published_on"].year)
    item.save()
    record(
        item,
        actor=actor,
        action=events.IMPORTED,
        on=today,
        comment=f"导入自 {filename}",
        after={"index_number": item.index_number},
    )
    changed(item, events.IMPORTED)
    return item
