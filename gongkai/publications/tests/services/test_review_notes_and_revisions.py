"""The 保密审查 notes (第十七条), the document a revision replaces (第二十条第（一）项),
the timeline line of a 政策解读 and the markup the sanitiser keeps."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.orgs.tests.factories import DepartmentFactory
from gongkai.publications import events
from gongkai.publications.errors import PublicationError, ReviewIncomplete
from gongkai.publications.models import (
    Answer,
    InterpretationKind,
    ItemEvent,
    NormativeKind,
    ReviewAnswer,
)
from gongkai.publications.sanitise import KEPT_GROUPS, TAGS, kept_markup
from gongkai.publications.selectors import checklist_for, replaceable_documents
from gongkai.publications.services import (
    interpretation_save,
    item_amend,
    item_review_approve,
    item_submit,
    item_update,
)
from gongkai.publications.status import Status
from gongkai.publications.tests.conftest import TODAY
from gongkai.publications.tests.factories import ItemFactory, NormativeFactory

pytestmark = pytest.mark.django_db

THIRD_PARTY = "是否涉及商业秘密、个人隐私等第三方合法权益"


def _submitted(world):
    return item_submit(item=world.draft(), actor=world.handler, today=TODAY)


def _question(world, text: str):
    return next(q for q in checklist_for(organisation=world.unit) if q.text == text)


# -- 保密审查 notes (第十七条) -----------------------------------------------------
def test_第十七条_an_answer_that_forbids_publication_needs_a_note(world) -> None:
    """第十五条: a third party's rights may be published with its consent — the
    reviewer answers "yes" and says why; without the note the review fails."""
    item = _submitted(world)
    third = _question(world, THIRD_PARTY)
    answers = {**world.answers(), third.pk: Answer.YES}
    with pytest.raises(ReviewIncomplete, match="保密审查未通过") as refused:
        item_review_approve(
            item=item, actor=world.reviewer, today=TODAY, answers=answers
        )
    assert refused.value.questions == (third.pk,)
    assert "请在该项说明理由" in refused.value.message
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED

    note = "已征得权利人书面同意公开（第十五条）"
    item = item_review_approve(
        item=item,
        actor=world.reviewer,
        today=TODAY,
        answers={**answers, third.pk: (Answer.YES, f"  {note} ")},
    )
    assert item.status == Status.REVIEWED
    kept = ReviewAnswer.objects.get(event__item=item, question=third)
    assert (kept.answer, kept.note) == (Answer.YES, note)


@pytest.mark.parametrize(
    "text",
    [
        "是否涉及国家秘密",
        "是否属于法律、行政法规禁止公开的信息",
        "公开后是否可能危及国家安全、公共安全、经济安全、社会稳定",
    ],
)
def test_第十四条_no_note_lifts_a_state_secret_or_a_legal_bar(world, text: str) -> None:
    """第十四条: state secrets, information laws and administrative regulations
    forbid disclosing, and information whose disclosure would endanger national,
    public or economic security or social stability are not disclosed — unlike
    第十五条, no reason given by the reviewer makes them publishable."""
    item = _submitted(world)
    barred = _question(world, text)
    assert barred.absolute
    answers = {**world.answers(), barred.pk: (Answer.YES, "领导同意公开")}
    with pytest.raises(ReviewIncomplete, match="依照第十四条不得公开") as refused:
        item_review_approve(
            item=item, actor=world.reviewer, today=TODAY, answers=answers
        )
    assert refused.value.questions == (barred.pk,)
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    assert not _question(world, THIRD_PARTY).absolute


def test_notes_may_come_as_a_separate_mapping_on_any_answer(world) -> None:
    item = _submitted(world)
    answers = world.answers()
    first, second = list(answers)[:2]
    item_review_approve(
        item=item,
        actor=world.reviewer,
        today=TODAY,
        answers={**answers, second: Answer.YES},
        notes={first: "已核对定密目录", second: "经保密办确认已脱敏"},
    )
    notes = dict(
        ReviewAnswer.objects.filter(event__item=item).values_list("question", "note")
    )
    assert notes[first] == "已核对定密目录"
    assert notes[second] == "经保密办确认已脱敏"
    assert sum(1 for n in notes.values() if n) == 2  # the others: no note


def test_plain_answers_still_work_and_a_long_note_is_refused(world) -> None:
    item = _submitted(world)
    first = next(iter(world.answers()))
    with pytest.raises(ReviewIncomplete, match="说明不能超过 500 字") as refused:
        item_review_approve(
            item=item,
            actor=world.reviewer,
            today=TODAY,
            answers=world.answers(),
            notes={first: "长" * 501},
        )
    assert refused.value.questions == (first,)
    item = item_review_approve(
        item=item, actor=world.reviewer, today=TODAY, answers=world.answers()
    )
    assert not ReviewAnswer.objects.filter(event__item=item).exclude(note="").exists()


def test_an_unanswered_question_is_named(world) -> None:
    item = _submitted(world)
    answers = world.answers()
    first = next(iter(answers))
    del answers[first]
    with pytest.raises(ReviewIncomplete, match="保密审查未完成") as refused:
        item_review_approve(
            item=item,
            actor=world.reviewer,
            today=TODAY,
            answers=answers,
            notes={first: "说明不能代替回答"},
        )
    assert refused.value.questions == (first,)


# -- the document a revision replaces (第二十条第（一）项) ---------------------------
def test_第二十条第一项_a_revision_replaces_a_published_normative_document(
    world,
) -> None:
    old = NormativeFactory.create(organisation=world.unit)
    rule = ItemFactory.create(
        organisation=world.unit, normative_kind=NormativeKind.RULE
    )
    other_kind = ItemFactory.create(organisation=world.unit)
    draft_doc = NormativeFactory.create(organisation=world.unit, status=Status.DRAFT)
    elsewhere = NormativeFactory.create(organisation=DepartmentFactory.create())
    found = set(replaceable_documents(organisation_ids=[world.unit.pk]))
    assert found == {old, rule}

    item = world.draft(normative_kind=NormativeKind.NORMATIVE, replaces=old)
    assert item.replaces == old
    item = item_update(item=item, actor=world.handler, today=TODAY, replaces=rule.pk)
    assert item.replaces == rule
    event = ItemEvent.objects.filter(item=item).last()
    assert (event.before["replaces"], event.after["replaces"]) == (old.pk, rule.pk)
    for bad, message in (
        (other_kind, "不是已发布的规章或行政规范性文件"),
        (draft_doc, "不是已发布的规章或行政规范性文件"),
        (elsewhere, "自己发布的文件"),
        (item, "不能修订它自己"),
        (987654, "不存在"),
        ("12", "无效"),
    ):
        with pytest.raises(PublicationError, match=message) as refused:
            item_update(item=item, actor=world.handler, today=TODAY, replaces=bad)
        assert refused.value.field == "replaces"
    item = item_update(item=item, actor=world.handler, today=TODAY, replaces=None)
    assert item.replaces is None


def test_a_revision_cannot_be_replaced_by_what_it_replaces(world) -> None:
    first = NormativeFactory.create(organisation=world.unit)
    second = NormativeFactory.create(organisation=world.unit, replaces=first)
    with pytest.raises(PublicationError, match="不能反过来被它修订"):
        item_amend(
            item=first,
            actor=world.office,
            today=TODAY,
            comment="补记修订关系",
            replaces=second,
        )


def test_amending_keeps_a_replaces_it_already_names(world) -> None:
    """Data from before the rule (an imported revision of another organ's
    document) is kept as it is when other fields are corrected."""
    foreign = NormativeFactory.create(organisation=DepartmentFactory.create())
    item = NormativeFactory.create(organisation=world.unit, replaces=foreign)
    item = item_amend(
        item=item,
        actor=world.office,
        today=TODAY,
        comment="更正标题",
        title="更正后的标题",
        replaces=foreign,
    )
    assert (item.title, item.replaces) == ("更正后的标题", foreign)


# -- 政策解读 on the document's timeline -------------------------------------------
def test_saving_an_interpretation_writes_one_line_on_its_document(world) -> None:
    document = world.publish(world.draft(major_policy=True))
    saved = interpretation_save(
        document=document,
        actor=world.handler,
        today=date(2025, 3, 10),
        kind=InterpretationKind.TEXT,
        title="《通知》政策解读",
        body="<p>一图读懂</p>",
        publish=False,
    )
    line = ItemEvent.objects.filter(item=document).last()
    assert (line.action, line.actor, line.on) == (
        events.INTERPRETATION_SAVED,
        world.handler,
        date(2025, 3, 10),
    )
    assert line.before == {}
    assert line.after["interpretation"] == saved.pk
    assert line.after["published_on"] is None
    interpretation_save(
        document=document,
        actor=world.office,
        today=date(2025, 3, 11),
        kind=InterpretationKind.TEXT,
        title="《通知》政策解读（修改）",
        body="<p>一图读懂</p>",
        interpretation=saved,
    )
    line = ItemEvent.objects.filter(item=document).last()
    assert line.before["title"] == "《通知》政策解读"
    assert line.after["published_on"] == "2025-03-11"
    assert events.LABELS[events.INTERPRETATION_SAVED]


def test_an_interpretation_of_another_document_is_refused(world) -> None:
    one = world.publish(world.draft())
    two = world.publish(world.draft(title="另一份文件"))
    saved = interpretation_save(
        document=one,
        actor=world.handler,
        today=TODAY,
        kind=InterpretationKind.TEXT,
        title="解读",
        body="<p>解读</p>",
    )
    with pytest.raises(PublicationError, match="不属于这份文件"):
        interpretation_save(
            document=two,
            actor=world.handler,
            today=TODAY,
            kind=InterpretationKind.TEXT,
            title="解读",
            body="<p>解读</p>",
            interpretation=saved,
        )


# -- the markup kept ----------------------------------------------------------------
def test_the_help_groups_name_exactly_the_tags_kept() -> None:
    grouped = [tag for _, tags in KEPT_GROUPS for tag in tags]
    assert len(grouped) == len(set(grouped))
    assert set(grouped) == set(TAGS)
    assert next(label for label, _ in kept_markup()) == "段落和分区"
