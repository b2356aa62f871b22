"""Imports from CSV/XLSX exports: a per-row error report for a bad file, and
nothing half-imported."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from gongkai.publications.importing import (
    ImportRejected,
    decision_counts_import,
    items_import,
)
from gongkai.publications.models import (
    DecisionCount,
    InformationItem,
    ItemEvent,
    Validity,
)
from gongkai.publications.services import category_save
from gongkai.publications.status import Status
from gongkai.publications.tests.conftest import TODAY

pytestmark = pytest.mark.django_db

HEADER = "单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n"


def _csv(text: str) -> bytes:
    return text.encode("utf-8-sig")


def test_decision_counts_import_writes_every_row(world) -> None:
    data = _csv(
        HEADER
        + "示例县人民政府,2025,10,2,0,1.2345\n"
        + '示例县农业农村局,2025,"1,200",5,1,0\n'
    )
    result = decision_counts_import(data=data, filename="a.csv", actor=world.office)
    assert result.created == 2
    entry = DecisionCount.objects.get(organisation=world.unit, year=2025)
    assert (entry.licensing, entry.punishment, entry.coercion) == (1200, 5, 1)
    assert DecisionCount.objects.get(organisation=world.county).fees_wan_yuan == (
        Decimal("1.2345")
    )


def test_a_bad_row_rejects_the_whole_file_with_a_report(world) -> None:
    data = _csv(
        HEADER
        + "示例县人民政府,2025,10,2,0,1.5\n"
        + "不存在的局,2025,1,1,1,0\n"
        + "示例县农业农村局,2025,-3,x,1,abc\n"
        + "示例县人民政府,2025,1,1,1,0\n"
    )
    with pytest.raises(ImportRejected) as caught:
        decision_counts_import(data=data, filename="bad.csv", actor=world.office)
    errors = [(e.row, e.column) for e in caught.value.errors]
    assert (3, "单位") in errors
    assert (4, "行政许可") in errors
    assert (4, "行政处罚") in errors
    assert (4, "行政事业性收费") in errors
    assert (5, "") in errors  # the same unit and year twice
    assert "第3行「单位」：找不到单位「不存在的局」" in caught.value.message
    assert DecisionCount.objects.count() == 0  # nothing half-imported


def test_missing_columns_and_other_organs_are_refused(world) -> None:
    with pytest.raises(ImportRejected, match="缺少这一列"):
        decision_counts_import(
            data=_csv("单位,年度\n示例县人民政府,2025\n"),
            filename="a.csv",
            actor=world.office,
        )
    with pytest.raises(ImportRejected, match="公开办管理员"):
        decision_counts_import(
            data=_csv(HEADER + "示例县人民政府,2025,1,1,1,0\n"),
            filename="a.csv",
            actor=world.handler,
        )


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ITEM_HEADER: list[object] = [
    "标题",
    "索引号",
    "发布机构",
    "文号",
    "目录分类",
    "文件类型",
    "成文日期",
    "发布日期",
    "有效性",
    "废止日期",
    "正文",
]


def test_items_import_from_an_old_sites_xlsx(world) -> None:
    category_save(
        organisation=world.unit, actor=world.office, name="政策文件", code="02"
    )
    data = _xlsx(
        [
            ITEM_HEADER,
            [
                "某某管理办法",
                "OLD-2019-001",
                "示例县农业农村局",
                "示农〔2019〕3号",
                "政策文件",
                "行政规范性文件",
                date(2019, 3, 1),
                date(2019, 3, 5),
                "废止",
                "2024-12-31",
                "<p>正文<script>x</script></p>",
            ],
            ["通知", "", "", "", "", "", "", "2024/05/06", "", "", "内容"],
        ]
    )
    result = items_import(
        data=data,
        filename="old.xlsx",
        organisation=world.county,
        actor=world.office,
        today=TODAY,
    )
    assert result.created == 2
    old, notice = InformationItem.objects.order_by("pk")
    assert (old.organisation, old.index_number) == (world.unit, "OLD-2019-001")
    assert (old.validity, old.repealed_on) == (Validity.REPEALED, date(2024, 12, 31))
    assert old.status == Status.PUBLISHED
    assert "script" not in old.body
    assert notice.organisation == world.county
    assert notice.index_number == "411728-00-2024-00001"
    assert ItemEvent.objects.filter(item=old).count() == 1


def test_items_import_reports_bad_rows_and_imports_nothing(world) -> None:
    InformationItem.objects.create(
        organisation=world.unit,
        title="已有",
        index_number="DUP-1",
        status=Status.PUBLISHED,
        published_on=TODAY,
        formed_on=TODAY,
    )
    data = _csv(
        "标题,索引号,发布日期,有效性,废止日期\n"
        "好的一行,,2024-01-01,,\n"
        ",,2024-01-01,,\n"
        "重复,DUP-1,2024-01-01,,\n"
        "坏日期,,2024-13-45,,\n"
        "废止无日期,,2024-01-01,废止,\n"
        "有效性错,,2024-01-01,作废,\n"
    )
    with pytest.raises(ImportRejected) as caught:
        items_import(
            data=data,
            filename="old.csv",
            organisation=world.county,
            actor=world.office,
            today=TODAY,
        )
    rows = {(e.row, e.column) for e in caught.value.errors}
    assert {(3, "标题"), (4, "索引号"), (6, "废止日期"), (7, "有效性")} <= rows
    assert any(r == 5 for r, _ in rows)
    assert InformationItem.objects.count() == 1
