"""The review workflow (三审) and the life of a published item: one service per
step, each checking who acts and writing exactly one timeline line."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.applications.tests.factories import staff
from gongkai.core.errors import PermissionDenied
from gongkai.publications import events
from gongkai.publications.errors import (
    CommentRequired,
    InvalidTransition,
    PublicationError,
    ReviewIncomplete,
    SelfApproval,
)
from gongkai.publications.models import (
    Answer,
    Channel,
    Disclosure,
    ItemEvent,
    ReviewAnswer,
    Validity,
)
from gongkai.publications.services import (
    checklist_question_save,
    item_amend,
    item_attach,
    item_lapse,
    item_leader_approve,
    item_repeal,
    item_return,
    item_review_approve,
    item_submit,
    item_update,
    item_withdraw,
)
from gongkai.publications.status import Status
from gongkai.publications.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def _actions(item) -> list[str]:
    return list(ItemEvent.objects.filter(item=item).values_list("action", flat=True))


def test_three_people_publish_an_item_each_step_one_event(world, heard) -> None:
    item = world.draft(channels=[Channel.WEBSITE, Channel.WECHAT])
    item = item_submit(item=item, actor=world.handler, today=TODAY)
    assert item.status == Status.SUBMITTED
    item = item_review_approve(
        item=item, actor=world.reviewer, today=TODAY, answers=world.answers()
    )
    assert (item.status, item.reviewed_by) == (Status.REVIEWED, world.reviewer)
    item = item_leader_approve(
        item=item, actor=world.leader, today=date(2025, 3, 5), comment="同意发布"
    )
    assert item.status == Status.PUBLISHED
    assert item.published_on == date(2025, 3, 5)
    assert item.index_number == "411728NY-00-2025-00001"
    assert item.is_public
    assert _actions(item) == [
        events.CREATED,
        events.SUBMITTED,
        events.REVIEW_APPROVED,
        events.LEADER_APPROVED,
    ]
    last = ItemEvent.objects.filter(item=item).last()
    assert (last.actor, last.comment) == (world.leader, "同意发布")
    assert last.before["status"] == "reviewed"
    assert last.after["status"] == "published"
    assert heard == []  # the hook runs on commit (the test's transaction is open)


def test_the_hook_hears_publish_and_withdraw_on_commit(
    world, heard, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        item = world.publish(world.draft())
    assert [(c.item_id, c.public) for c in heard] == [(item.pk, True)]
    with django_capture_on_commit_callbacks(execute=True):
        item_withdraw(item=item, actor=world.leader, today=TODAY, comment="发布有误")
    assert heard[-1].public is False
    assert heard[-1].action == events.WITHDRAWN


def test_review_records_every_answer_of_the_checklist(world) -> None:
    """第十七条: 保密审查 before publication, on the office's checklist."""
    extra = checklist_question_save(
        organisation=world.county,
        actor=world.office,
        text="是否已经过法制审核",
        pass_answer=Answer.YES,
    )
    item = item_submit(item=world.draft(), actor=world.handler, today=TODAY)
    answers = world.answers()
    assert answers[extra.pk] == Answer.YES  # the county's question applies below it
    item_review_approve(item=item, actor=world.reviewer, today=TODAY, answers=answers)
    recorded = ReviewAnswer.objects.filter(event__item=item)
    assert recorded.count() == len(answers) >= 7
    assert {a.question_text for a in recorded} >= {"是否涉及国家秘密", extra.text}


def test_review_refuses_an_unanswered_or_failed_checklist(world) -> None:
    item = item_submit(item=world.draft(), actor=world.handler, today=TODAY)
    answers = world.answers()
    first = next(iter(answers))
    with pytest.raises(ReviewIncomplete, match="保密审查未完成"):
        item_review_approve(
            item=item,
            actor=world.reviewer,
            today=TODAY,
            answers={k: v for k, v in answers.items() if k != first},
        )
    with pytest.raises(ReviewIncomplete, match="保密审查未通过"):
        item_review_approve(
            item=item,
            actor=world.reviewer,
            today=TODAY,
            answers={**answers, first: Answer.YES},  # 涉及国家秘密
        )
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    assert _actions(item) == [events.CREATED, events.SUBMITTED]


def test_nobody_approves_their_own_submission(world) -> None:
    both = staff(world.unit, Role.HANDLER)
    for role in (Role.REVIEWER, Role.LEADER):
        staff_role = both.memberships.model(
            user=both, organisation=world.unit, role=role
        )
        staff_role.save()
    item = world.draft()
    item = item_submit(item=item, actor=both, today=TODAY)
    with pytest.raises(SelfApproval):
        item_review_approve(item=item, actor=both, today=TODAY, answers=world.answers())
    item = item_review_approve(
        item=item, actor=world.reviewer, today=TODAY, answers=world.answers()
    )
    with pytest.raises(SelfApproval):
        item_leader_approve(item=item, actor=both, today=TODAY)


def test_the_reviewer_may_not_also_give_the_leaders_approval(world) -> None:
    world.reviewer.memberships.create(organisation=world.unit, role=Role.LEADER)
    item = item_submit(item=world.draft(), actor=world.handler, today=TODAY)
    item = item_review_approve(
        item=item, actor=world.reviewer, today=TODAY, answers=world.answers()
    )
    with pytest.raises(SelfApproval, match="不同的人员"):
        item_leader_approve(item=item, actor=world.reviewer, today=TODAY)


@pytest.mark.parametrize("step", ["review", "leader"])
def test_return_needs_a_comment_and_goes_back_to_draft(world, step) -> None:
    item = item_submit(item=world.draft(), actor=world.handler, today=TODAY)
    actor = world.reviewer
    if step == "leader":
        item = item_review_approve(
            item=item, actor=world.reviewer, today=TODAY, answers=world.answers()
        )
        actor = world.leader
    with pytest.raises(CommentRequired):
        item_return(item=item, actor=actor, today=TODAY, comment="  ")
    item = item_return(item=item, actor=actor, today=TODAY, comment="标题不规范")
    assert (item.status, item.reviewed_by) == (Status.DRAFT, None)
    event = ItemEvent.objects.filter(item=item).last()
    assert (event.action, event.comment) == (events.RETURNED, "标题不规范")
    item = item_update(item=item, actor=world.handler, today=TODAY, title="新标题")
    assert item.title == "新标题"
    assert world.publish(item).status == Status.PUBLISHED


def test_roles_are_checked_at_every_step(world) -> None:
    outsider = staff(
        world.county.__class__.objects.create(name="别县"), Role.OFFICE_ADMIN
    )
    item = world.draft()
    with pytest.raises(PermissionDenied):
        item_submit(item=item, actor=world.reviewer, today=TODAY)
    item = item_submit(item=item, actor=world.handler, today=TODAY)
    with pytest.raises(PermissionDenied):
        item_review_approve(
            item=item, actor=world.leader, today=TODAY, answers=world.answers()
        )
    with pytest.raises(PermissionDenied):
        item_review_approve(
            item=item, actor=outsider, today=TODAY, answers=world.answers()
        )
    item = item_review_approve(
        item=item, actor=world.reviewer, today=TODAY, answers=world.answers()
    )
    with pytest.raises(PermissionDenied):
        item_leader_approve(item=item, actor=world.office, today=TODAY)
    item = item_leader_approve(item=item, actor=world.leader, today=TODAY)
    with pytest.raises(PermissionDenied):
        item_withdraw(item=item, actor=world.handler, today=TODAY, comment="x")


def test_steps_out_of_order_are_refused(world) -> None:
    item = world.draft()
    with pytest.raises(InvalidTransition):
        item_leader_approve(item=item, actor=world.leader, today=TODAY)
    with pytest.raises(InvalidTransition):
        item_withdraw(item=item, actor=world.office, today=TODAY, comment="x")
    published = world.publish(world.draft())
    with pytest.raises(InvalidTransition):
        item_update(item=published, actor=world.handler, today=TODAY, title="改")


def test_submit_refuses_an_empty_item_and_draft_rules_are_checked(world) -> None:
    with pytest.raises(PublicationError, match="不予公开的理由"):
        world.draft(disclosure=Disclosure.WITHHELD)
    with pytest.raises(PublicationError, match="公开渠道"):
        world.draft(channels=["radio"])
    item = world.draft(body="")
    with pytest.raises(PublicationError, match="正文和附件"):
        item_submit(item=item, actor=world.handler, today=TODAY)
    item_attach(
        item=item, actor=world.handler, today=TODAY, content=b"%PDF-1.4", name="a.pdf"
    )
    assert item_submit(item=item, actor=world.handler, today=TODAY).status == (
        Status.SUBMITTED
    )


def test_body_is_stored_sanitised(world) -> None:
    item = world.draft(
        body='<p onclick="x()">通知<script>alert(1)</script>'
        '<a href="javascript:alert(1)">链接</a></p>'
    )
    assert "script" not in item.body
    assert "onclick" not in item.body
    assert "javascript" not in item.body
    assert item.body.startswith("<p>通知")


def test_withdraw_needs_a_reason_and_is_final(world) -> None:
    item = world.publish(world.draft())
    with pytest.raises(CommentRequired):
        item_withdraw(item=item, actor=world.office, today=TODAY, comment="")
    item = item_withdraw(item=item, actor=world.office, today=TODAY, comment="重复")
    assert item.status == Status.WITHDRAWN
    assert not item.is_public
    assert item.index_number  # kept: a number is never given again
    with pytest.raises(InvalidTransition):
        item_withdraw(item=item, actor=world.office, today=TODAY, comment="再次")


def test_amend_records_before_and_after(world) -> None:
    item = world.publish(world.draft(document_number="示农〔2025〕1号"))
    with pytest.raises(CommentRequired):
        item_amend(item=item, actor=world.reviewer, today=TODAY, comment="", title="x")
    with pytest.raises(PermissionDenied):
        item_amend(item=item, actor=world.handler, today=TODAY, comment="改", title="x")
    item = item_amend(
        item=item,
        actor=world.reviewer,
        today=date(2025, 4, 1),
        comment="文号有误",
        document_number="示农〔2025〕2号",
    )
    assert item.status == Status.PUBLISHED
    assert item.amended_on == date(2025, 4, 1)
    event = ItemEvent.objects.filter(item=item).last()
    assert event.action == events.AMENDED
    assert event.before == {"document_number": "示农〔2025〕1号", "amended_on": None}
    assert event.after["document_number"] == "示农〔2025〕2号"


def test_repeal_and_lapse_of_a_normative_document(world) -> None:
    doc = world.publish(world.draft(normative_kind="normative", written_on=TODAY))
    with pytest.raises(PermissionDenied):
        item_repeal(item=doc, actor=world.handler, today=TODAY, on=TODAY)
    with pytest.raises(PublicationError, match="不能晚于今天"):
        item_repeal(item=doc, actor=world.office, today=TODAY, on=date(2025, 3, 4))
    with pytest.raises(PublicationError, match="早于成文日期"):
        item_repeal(item=doc, actor=world.office, today=TODAY, on=date(2025, 1, 4))
    doc = item_repeal(
        item=doc, actor=world.office, today=date(2025, 6, 1), on=date(2025, 5, 30)
    )
    assert (doc.validity, doc.repealed_on) == (Validity.REPEALED, date(2025, 5, 30))
    with pytest.raises(InvalidTransition, match="已废止"):
        item_lapse(item=doc, actor=world.office, today=TODAY, on=TODAY)
    other = world.publish(world.draft(normative_kind="rule"))
    other = item_lapse(
        item=other, actor=world.leader, today=date(2025, 6, 1), on=date(2025, 6, 1)
    )
    assert (other.validity, other.lapsed_on) == (Validity.LAPSED, date(2025, 6, 1))
    assert _actions(other)[-1] == events.LAPSED
