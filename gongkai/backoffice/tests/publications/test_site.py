"""The office's pages: the 保密审查 checklist, the 公开目录, the 公开指南 with
versions, 政策解读 and the documents still lacking one."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.backoffice.tests.publications.conftest import TODAY, Pub
from gongkai.publications.models import (
    CatalogueCategory,
    ChecklistQuestion,
    Guide,
    GuideStatus,
    PolicyInterpretation,
)
from gongkai.publications.selectors import checklist_for, guide_current

pytestmark = pytest.mark.django_db

CHECKLIST = reverse("backoffice:publications:checklist")
CATALOGUE = reverse("backoffice:publications:catalogue")
GUIDE = reverse("backoffice:publications:guide")


def test_only_the_office_keeps_the_site(pub: Pub) -> None:
    for url in (CHECKLIST, CATALOGUE, GUIDE):
        assert pub.client(pub.office).get(url).status_code == 200
        for user in (pub.handler, pub.reviewer, pub.leader):
            assert pub.client(user).get(url).status_code == 403, (url, user)


def test_office_adds_and_edits_a_checklist_question(pub: Pub) -> None:
    """第十七条: the office edits the questions the 审核人 answers."""
    browser = pub.client(pub.office)
    url = f"{CHECKLIST}?org={pub.unit.pk}"
    answer = browser.post(
        url,
        {
            "text": "是否涉及未公开的统计数据？",
            "pass_answer": "no",
            "position": 9,
            "active": "on",
        },
    )
    assert answer.status_code == 302
    question = ChecklistQuestion.objects.get(organisation=pub.unit)
    assert question in checklist_for(organisation=pub.unit)
    assert "是否涉及未公开的统计数据" in browser.get(url).content.decode()
    answer = browser.post(
        url,
        {
            "question": question.pk,
            "text": "改过的事项",
            "pass_answer": "no",
            "position": 1,
        },
    )
    assert answer.status_code == 302
    question.refresh_from_db()
    assert (question.text, question.active) == ("改过的事项", False)
    assert question not in checklist_for(organisation=pub.unit)
    answer = browser.post(url, {"text": "  ", "pass_answer": "no", "position": 0})
    assert answer.status_code == 400


def test_another_organs_checklist_is_refused(pub: Pub) -> None:
    url = f"{CHECKLIST}?org={pub.county.pk}"
    unit_office = pub.client(pub.office)
    assert unit_office.get(url).status_code == 200
    stranger = pub.other_handler
    assert pub.client(stranger).get(url).status_code == 403


def test_catalogue_tree_and_service_errors(pub: Pub) -> None:
    browser = pub.client(pub.office)
    url = f"{CATALOGUE}?org={pub.unit.pk}"
    assert (
        browser.post(
            url, {"name": "法定主动公开内容", "code": "01", "position": 0}
        ).status_code
        == 302
    )
    root = CatalogueCategory.objects.get(code="01")
    answer = browser.post(
        url, {"name": "财政预决算", "code": "0101", "parent": root.pk, "position": 1}
    )
    assert answer.status_code == 302
    text = browser.get(url).content.decode()
    assert "法定主动公开内容" in text
    assert "财政预决算" in text
    answer = browser.post(url, {"name": "重复的代码", "code": "01", "position": 0})
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "已被使用" in text
    assert "重复的代码" in text
    answer = browser.post(
        url, {"category": root.pk, "name": "法定主动公开", "code": "01", "position": 0}
    )
    assert answer.status_code == 302
    root.refresh_from_db()
    assert root.name == "法定主动公开"


def test_guide_versions_and_publish(pub: Pub) -> None:
    browser = pub.client(pub.office)
    url = f"{GUIDE}?org={pub.unit.pk}"
    assert browser.post(url, {"body": "<p>第一版</p>"}).status_code == 302
    assert (
        browser.post(url, {"body": "<p>第二版</p><script>x</script>"}).status_code
        == 302
    )
    first, second = Guide.objects.filter(organisation=pub.unit).order_by("version")
    assert "<script>" not in second.body
    assert guide_current(organisation=pub.unit) is None
    publish = reverse("backoffice:publications:guide_publish", args=[second.pk])
    assert pub.client(pub.handler).post(publish).status_code == 403
    assert browser.post(publish).status_code == 302
    second.refresh_from_db()
    assert second.status == GuideStatus.PUBLISHED
    assert second.published_on == TODAY
    assert guide_current(organisation=pub.unit) == second
    assert first.status == GuideStatus.DRAFT
    answer = browser.post(url, {"body": ""})
    assert answer.status_code == 400


def test_interpretation_linked_to_its_document(pub: Pub) -> None:
    item = pub.published(
        normative_kind="normative", title="关于规范农村宅基地管理的通知"
    )
    lacking = reverse("backoffice:publications:interpretations")
    browser = pub.client(pub.handler)
    assert "关于规范农村宅基地管理的通知" in browser.get(lacking).content.decode()
    url = reverse("backoffice:publications:interpretation", args=[item.pk])
    assert browser.get(url).status_code == 200
    answer = browser.post(url, {"kind": "text", "title": "解读", "body": ""})
    assert answer.status_code == 400
    assert "文字解读须有正文" in answer.content.decode()
    answer = browser.post(
        url,
        {
            "kind": "graphic",
            "title": "一图读懂",
            "file": SimpleUploadedFile("图解.png", b"\x89PNG"),
            "publish": "on",
        },
    )
    assert answer.status_code == 302
    found = PolicyInterpretation.objects.get(document=item)
    assert found.published_on == TODAY
    assert "关于规范农村宅基地管理的通知" not in browser.get(lacking).content.decode()
    answer = browser.post(
        f"{url}?id={found.pk}",
        {
            "id": found.pk,
            "kind": "video",
            "title": "视频解读",
            "video_url": "https://v.example.cn/1",
        },
    )
    assert answer.status_code == 302
    found.refresh_from_db()
    assert found.kind == "video"
    assert PolicyInterpretation.objects.count() == 1
    assert pub.client(pub.reviewer).get(url).status_code == 403
    assert pub.client(pub.other_handler).get(url).status_code == 403
