"""Drafting, the three review steps (三审) as three different users, refusals by the
wrong role, and the service's errors shown on the form with the input kept."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.backoffice.tests.publications.conftest import TODAY, Pub
from gongkai.publications import events
from gongkai.publications.models import InformationItem, ItemEvent, Validity
from gongkai.publications.status import Status

pytestmark = pytest.mark.django_db


def step(pk: int, action: str) -> str:
    return reverse("backoffice:publications:step", args=[pk, action])


def page(pk: int) -> str:
    return reverse("backoffice:publications:item", args=[pk])


def _create_data(pub: Pub, **kw: str) -> dict[str, object]:
    data: dict[str, object] = {
        "organisation": pub.unit.pk,
        "title": "关于开展春季植树活动的通知",
        "body": "<p>各单位：请组织植树。</p><script>alert(1)</script>",
        "disclosure": "proactive",
        "channels": ["website", "wechat"],
        "formed_on": "2025-03-03",
        "genre": "通知",
    }
    data.update(kw)
    return data


def test_handler_creates_a_draft_sanitised_with_an_attachment(pub: Pub) -> None:
    browser = pub.client(pub.handler)
    assert browser.get(reverse("backoffice:publications:item_new")).status_code == 200
    data = _create_data(pub)
    data["attachment"] = SimpleUploadedFile("附件一.pdf", b"%PDF-1.4 x")
    answer = browser.post(reverse("backoffice:publications:item_new"), data)
    assert answer.status_code == 302
    item = InformationItem.objects.get()
    assert item.status == Status.DRAFT
    assert "<script>" not in item.body
    assert item.channels == ["website", "wechat"]
    assert item.attachments.get().original_name == "附件一.pdf"
    assert item.publish_due_on is not None  # 第二十六条 clock started
    shown = browser.get(page(item.pk)).content.decode()
    assert "附件一.pdf" in shown
    kept = item.attachments.get()
    url = reverse("backoffice:publications:item_attachment", args=[item.pk, kept.pk])
    answer = pub.client(pub.reviewer).get(url)  # read before the 保密审查
    assert answer.status_code == 200
    assert answer.getvalue() == b"%PDF-1.4 x"
    assert pub.client(pub.other_handler).get(url).status_code == 403
    assert "政府网站" in shown


def test_create_keeps_what_was_typed_when_the_service_refuses(pub: Pub) -> None:
    """不予公开 without its ground: the service's error, the title kept."""
    browser = pub.client(pub.handler)
    answer = browser.post(
        reverse("backoffice:publications:item_new"),
        _create_data(pub, disclosure="withheld", title="保留的标题文字"),
    )
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "不予公开的理由" in text
    assert "保留的标题文字" in text
    assert not InformationItem.objects.exists()


def test_reviewer_and_leader_cannot_draft(pub: Pub) -> None:
    for user in (pub.reviewer, pub.leader):
        answer = pub.client(user).get(reverse("backoffice:publications:item_new"))
        assert answer.status_code == 403


def test_edit_a_draft_and_not_a_published_item(pub: Pub) -> None:
    item = pub.draft()
    browser = pub.client(pub.handler)
    url = reverse("backoffice:publications:item_edit", args=[item.pk])
    assert browser.get(url).status_code == 200
    data = _create_data(pub, title="改过的标题", formed_on="")
    del data["organisation"]
    assert browser.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.title == "改过的标题"
    assert item.formed_on == TODAY  # left empty: kept
    assert pub.client(pub.other_handler).get(url).status_code == 403
    published = pub.published()
    answer = browser.get(
        reverse("backoffice:publications:item_edit", args=[published.pk])
    )
    assert answer.status_code == 302


def test_the_three_steps_by_three_users(pub: Pub) -> None:
    """承办人 submits, 审核人 answers the 保密审查 checklist, 分管领导 publishes;
    each step is on the timeline with who and the comment."""
    item = pub.draft()
    assert (
        pub.client(pub.handler)
        .post(step(item.pk, "submit"), {"comment": "请审核"})
        .status_code
        == 302
    )
    review = pub.client(pub.reviewer)
    assert "保密审查" in review.get(page(item.pk)).content.decode()
    answer = review.post(step(item.pk, "review"), {**pub.answers(), "comment": "同意"})
    assert answer.status_code == 302
    answer = pub.client(pub.leader).post(step(item.pk, "approve"), {"comment": "发"})
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.index_number
    assert item.published_on == TODAY
    actions = list(ItemEvent.objects.filter(item=item).values_list("action", "actor"))
    assert actions[-3:] == [
        (events.SUBMITTED, pub.handler.pk),
        (events.REVIEW_APPROVED, pub.reviewer.pk),
        (events.LEADER_APPROVED, pub.leader.pk),
    ]
    timeline = pub.client(pub.office).get(page(item.pk)).content.decode()
    for text in ("承办人提交", "请审核", "审核人审核通过", "同意", "分管领导审批通过"):
        assert text in timeline


def test_each_step_refused_by_the_wrong_role(pub: Pub) -> None:
    item = pub.draft()
    assert pub.client(pub.reviewer).post(step(item.pk, "submit")).status_code == 403
    assert (
        pub.client(pub.other_handler).post(step(item.pk, "submit")).status_code == 403
    )
    pub.client(pub.handler).post(step(item.pk, "submit"))
    assert (
        pub.client(pub.handler).post(step(item.pk, "review"), pub.answers()).status_code
        == 403
    )
    assert (
        pub.client(pub.leader).post(step(item.pk, "review"), pub.answers()).status_code
        == 403
    )
    pub.client(pub.reviewer).post(step(item.pk, "review"), pub.answers())
    assert pub.client(pub.reviewer).post(step(item.pk, "approve")).status_code == 403
    assert pub.client(pub.handler).post(step(item.pk, "approve")).status_code == 403
    item.refresh_from_db()
    assert item.status == Status.REVIEWED


def test_a_step_of_another_state_is_not_taken(pub: Pub) -> None:
    item = pub.draft()
    answer = pub.client(pub.leader).post(step(item.pk, "approve"))
    assert answer.status_code == 302  # told the state, page refreshed
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_self_approval_shows_the_services_error(pub: Pub) -> None:
    """Nobody approves their own submission: the error is on the review form."""
    item = pub.draft(actor=pub.both)
    pub.client(pub.both).post(step(item.pk, "submit"))
    answer = pub.client(pub.both).post(
        step(item.pk, "review"), {**pub.answers(), "comment": "我的意见"}
    )
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "不能审核或审批自己提交的信息" in text
    assert "我的意见" in text
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_return_without_comment_shows_the_services_error(pub: Pub) -> None:
    item = pub.draft()
    pub.client(pub.handler).post(step(item.pk, "submit"))
    answer = pub.client(pub.reviewer).post(step(item.pk, "return"), {"comment": " "})
    assert answer.status_code == 400
    assert "退回必须填写意见或理由" in answer.content.decode()
    answer = pub.client(pub.reviewer).post(
        step(item.pk, "return"), {"comment": "数据有误"}
    )
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert "数据有误" in pub.client(pub.handler).get(page(item.pk)).content.decode()


def test_incomplete_checklist_is_refused_with_answers_kept(pub: Pub) -> None:
    item = pub.draft()
    pub.client(pub.handler).post(step(item.pk, "submit"))
    answers = pub.answers()
    first = next(iter(answers))
    answers[first] = "yes"  # the answer that forbids publication
    answer = pub.client(pub.reviewer).post(step(item.pk, "review"), answers)
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "保密审查未通过" in text
    assert f'name="{first}" value="yes"' in text
    assert "checked" in text


def test_leader_returns_a_reviewed_item(pub: Pub) -> None:
    item = pub.draft()
    pub.client(pub.handler).post(step(item.pk, "submit"))
    pub.client(pub.reviewer).post(step(item.pk, "review"), pub.answers())
    answer = pub.client(pub.leader).post(step(item.pk, "return"), {"comment": "再改"})
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_withdraw_repeal_lapse_by_office_not_by_handler(pub: Pub) -> None:
    item = pub.published(normative_kind="normative")
    assert (
        pub.client(pub.handler)
        .post(step(item.pk, "withdraw"), {"comment": "x"})
        .status_code
        == 403
    )
    answer = pub.client(pub.office).post(
        step(item.pk, "repeal"), {"on": "2025-03-03", "comment": "新办法施行"}
    )
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.validity == Validity.REPEALED
    assert item.repealed_on == date(2025, 3, 3)
    other = pub.published()
    answer = pub.client(pub.leader).post(step(other.pk, "lapse"), {"on": "2030-01-01"})
    assert answer.status_code == 400  # a future date: the service's error
    assert "不能晚于今天" in answer.content.decode()
    answer = pub.client(pub.leader).post(step(other.pk, "withdraw"), {"comment": ""})
    assert answer.status_code == 400
    answer = pub.client(pub.leader).post(
        step(other.pk, "withdraw"), {"comment": "误发"}
    )
    assert answer.status_code == 302
    other.refresh_from_db()
    assert other.status == Status.WITHDRAWN


def test_amend_a_published_item(pub: Pub) -> None:
    item = pub.published()
    url = reverse("backoffice:publications:item_amend", args=[item.pk])
    assert pub.client(pub.handler).get(url).status_code == 403
    browser = pub.client(pub.reviewer)
    assert browser.get(url).status_code == 200
    data = _create_data(pub, title="更正后的标题", amended_on="2025-03-03")
    del data["organisation"]
    answer = browser.post(url, data)
    assert answer.status_code == 400  # no reason given
    assert "更正后的标题" in answer.content.decode()
    answer = browser.post(url, {**data, "comment": "标题有误"})
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.title == "更正后的标题"
    assert item.amended_on == TODAY


def test_list_filters(pub: Pub) -> None:
    pub.published(title="已发布的规范性文件", normative_kind="normative")
    pub.draft(title="还在起草的通知")
    pub.draft(title="教育局的草稿", organisation=pub.other, actor=pub.other_handler)
    url = reverse("backoffice:publications:items")
    browser = pub.client(pub.office)
    text = browser.get(url).content.decode()
    assert "已发布的规范性文件" in text
    assert "教育局的草稿" in text
    text = browser.get(url, {"status": "draft"}).content.decode()
    assert "已发布的规范性文件" not in text
    assert "还在起草的通知" in text
    text = browser.get(url, {"normative_kind": "normative"}).content.decode()
    assert "已发布的规范性文件" in text
    assert "还在起草的通知" not in text
    text = browser.get(url, {"unit": pub.other.pk}).content.decode()
    assert "教育局的草稿" in text
    assert "还在起草的通知" not in text
    # a unit's staff see only their unit's items
    text = pub.client(pub.handler).get(url).content.decode()
    assert "教育局的草稿" not in text
    assert "还在起草的通知" in text


def test_list_filter_late(pub: Pub) -> None:
    pub.draft(title="早就该公开的信息", formed_on=date(2025, 1, 2))
    pub.draft(title="刚形成的信息")
    url = reverse("backoffice:publications:items")
    text = pub.client(pub.office).get(url, {"clock": "late"}).content.decode()
    assert "早就该公开的信息" in text
    assert "刚形成的信息" not in text


def test_another_units_item_is_refused(pub: Pub) -> None:
    item = pub.draft()
    assert pub.client(pub.other_handler).get(page(item.pk)).status_code == 403
    assert pub.client(pub.office).get(page(item.pk)).status_code == 200
    assert pub.client(pub.office).get(page(999999)).status_code == 404


def test_queues_of_the_reviewer_and_the_leader(pub: Pub) -> None:
    item = pub.draft(title="等待审核的通知")
    pub.client(pub.handler).post(step(item.pk, "submit"))
    url = reverse("backoffice:publications:items")
    clock = reverse("backoffice:publications:clock")
    reviewer = pub.client(pub.reviewer)
    assert "待您审核（保密审查）1 条" in reviewer.get(clock).content.decode()
    assert "等待审核的通知" in reviewer.get(url, {"queue": "review"}).content.decode()
    leader = pub.client(pub.leader)
    assert (
        "等待审核的通知" not in leader.get(url, {"queue": "approve"}).content.decode()
    )
    reviewer.post(step(item.pk, "review"), pub.answers())
    assert "等待审核的通知" in leader.get(url, {"queue": "approve"}).content.decode()
    assert "待您审批发布 1 条" in leader.get(clock).content.decode()
