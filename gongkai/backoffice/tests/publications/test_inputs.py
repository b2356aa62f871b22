"""The 第二十六条 clock per unit, the decision counts of section 二 and the
imports (a bad file: the per-row report, nothing written)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.backoffice.tests.publications.conftest import Pub
from gongkai.publications.models import DecisionCount, InformationItem, Source
from gongkai.publications.status import Status

pytestmark = pytest.mark.django_db

CLOCK = reverse("backoffice:publications:clock")
DECISIONS = reverse("backoffice:publications:decisions")
DECISIONS_IMPORT = reverse("backoffice:publications:decisions_import")
ITEMS_IMPORT = reverse("backoffice:publications:items_import")


def test_clock_board_per_unit_late_and_due(pub: Pub) -> None:
    """第二十六条: 20 working days from being formed; the board shows per unit what
    is late and what is due within five working days."""
    pub.draft(title="早就形成的信息", formed_on=date(2025, 1, 2))
    pub.draft(title="快到期的信息", formed_on=date(2025, 2, 5))
    pub.draft(title="刚形成的信息")
    pub.draft(title="教育局的信息", organisation=pub.other, actor=pub.other_handler)
    text = pub.client(pub.office).get(CLOCK).content.decode()
    assert "示例县农业农村局" in text
    assert "示例县教育局" in text
    assert "早就形成的信息" in text
    assert "快到期的信息" in text
    assert "刚形成的信息" not in text
    text = pub.client(pub.handler).get(CLOCK).content.decode()
    assert "示例县教育局" not in text


def test_staff_home_links_the_clock(pub: Pub) -> None:
    text = pub.client(pub.handler).get(reverse("backoffice:home")).content.decode()
    assert CLOCK in text


def test_decision_counts_entered_by_the_office(pub: Pub) -> None:
    browser = pub.client(pub.office)
    assert browser.get(DECISIONS).status_code == 200
    data = {
        "organisation": pub.unit.pk,
        "year": 2024,
        "licensing": 12,
        "punishment": 3,
        "coercion": 0,
        "fees_wan_yuan": "1.5",
    }
    assert browser.post(DECISIONS, data).status_code == 302
    entry = DecisionCount.objects.get()
    assert (entry.licensing, entry.fees_wan_yuan) == (12, Decimal("1.5"))
    answer = browser.post(DECISIONS, {**data, "fees_wan_yuan": "一万"})
    assert answer.status_code == 400
    assert "不是数字" in answer.content.decode()
    assert 'value="12"' in answer.content.decode()
    for user in (pub.handler, pub.reviewer, pub.leader):
        assert pub.client(user).get(DECISIONS).status_code == 403


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("决定.csv", text.encode("utf-8"))


def test_decision_import_with_bad_rows_writes_nothing(pub: Pub) -> None:
    bad = (
        "单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n"
        "示例县农业农村局,2024,10,2,1,0.5\n"
        "示例县教育局,2024,-3,0,0,0\n"
        "不存在的单位,2024,1,1,1,1\n"
    )
    answer = pub.client(pub.office).post(DECISIONS_IMPORT, {"file": _csv(bad)})
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "未导入任何内容" in text
    assert "row-errors" in text
    assert '<td class="num">3</td>' in text
    assert '<td class="num">4</td>' in text
    assert not DecisionCount.objects.exists()
    good = bad.split("示例县教育局")[0]
    answer = pub.client(pub.office).post(DECISIONS_IMPORT, {"file": _csv(good)})
    assert answer.status_code == 302
    assert DecisionCount.objects.get().licensing == 10


def test_decision_import_xlsx_without_year_column(pub: Pub) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位", "行政许可", "行政处罚", "行政强制", "行政事业性收费"])
    sheet.append(["示例县教育局", 4, 5, 6, 7])
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("决定.xlsx", out.getvalue())
    answer = pub.client(pub.office).post(
        DECISIONS_IMPORT, {"file": upload, "year": 2024}
    )
    assert answer.status_code == 302
    entry = DecisionCount.objects.get()
    assert (entry.organisation, entry.year, entry.coercion) == (pub.other, 2024, 6)


def test_upload_of_another_kind_of_file_is_refused(pub: Pub) -> None:
    upload = SimpleUploadedFile("决定.pdf", b"%PDF-")
    answer = pub.client(pub.office).post(DECISIONS_IMPORT, {"file": upload})
    assert answer.status_code == 400
    assert "只能上传 .csv 或 .xlsx 文件" in answer.content.decode()


def test_items_import_bad_rows_then_good(pub: Pub) -> None:
    browser = pub.client(pub.office)
    assert browser.get(ITEMS_IMPORT).status_code == 200
    bad = (
        "标题,发布日期,文号,有效性\n"
        "关于旧网站的通知,2023-05-06,示农〔2023〕1号,有效\n"
        ",2023-05-07,,有效\n"
        "日期错误的通知,2023-13-40,,有效\n"
    )
    answer = browser.post(
        ITEMS_IMPORT, {"organisation": pub.unit.pk, "file": _csv(bad)}
    )
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "未导入任何内容" in text
    assert "日期错误的通知" not in text or "row-errors" in text
    assert not InformationItem.objects.exists()
    good = bad.split("\n,")[0] + "\n"
    answer = browser.post(
        ITEMS_IMPORT, {"organisation": pub.unit.pk, "file": _csv(good)}
    )
    assert answer.status_code == 302
    item = InformationItem.objects.get()
    assert (item.status, item.source) == (Status.PUBLISHED, Source.IMPORTED)
    assert pub.client(pub.handler).get(ITEMS_IMPORT).status_code == 403
