"""Every change of an information item: one service per step of the review
(三审: 承办人 → 审核人 → 分管领导) and of the published document's life.

Each service checks who may act (``permissions``), locks the item, checks the
transition (``status.TRANSITIONS``), writes the change and exactly one
``ItemEvent`` (before/after) in one transaction, and, when the public side changes,
tells ``hooks`` listeners (search, page cache) on commit.  Nothing else writes an
item.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.core.errors import PermissionDenied
from gongkai.orgs.models import Organisation
from gongkai.publications import events, permissions
from gongkai.publications.clock import item_publish_due
from gongkai.publications.errors import (
    InvalidTransition,
    PublicationError,
    ReviewIncomplete,
    SelfApproval,
)
from gongkai.publications.models import (
    Answer,
    CatalogueCategory,
    Channel,
    ChecklistQuestion,
    Disclosure,
    IndexCounter,
    InformationItem,
    NormativeKind,
    ReviewAnswer,
    WithheldGround,
)
from gongkai.publications.sanitise import clean_html
from gongkai.publications.selectors import REPLACEABLE_KINDS, checklist_for
from gongkai.publications.services._common import (
    changed,
    lock,
    record,
    require_comment,
    snapshot,
)
from gongkai.publications.status import PENDING, Status, can_transition

#: The fields a draft (and an amendment) may set.
EDITABLE: Final = (
    "title",
    "body",
    "category",
    "document_number",
    "topic",
    "genre",
    "normative_kind",
    "written_on",
    "effective_on",
    "disclosure",
    "withheld_ground",
    "disclosure_note",
    "channels",
    "channel_other",
    "formed_on",
    "major_policy",
    "replaces",
    "legacy_url",
)
_STATUS_FIELDS: Final = ("status", "submitted_by", "reviewed_by", "approved_by")


# -- checks ----------------------------------------------------------------------
def _move(item: InformationItem, to: Status) -> None:
    if not can_transition(item.status, to):
        raise InvalidTransition(
            f"信息当前状态为「{Status(item.status).label}」，不能转为「{to.label}」"
        )


def _deny(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _clean_fields(
    organisation: Organisation,
    values: Mapping[str, Any],
    item: InformationItem | None = None,
) -> dict[str, Any]:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise PublicationError(f"不能设置的字段：{'、'.join(sorted(unknown))}")
    out = dict(values)
    if "title" in out:
        out["title"] = str(out["title"]).strip()
        if not out["title"]:
            raise PublicationError("标题不能为空")
    if "body" in out:
        out["body"] = clean_html(out["body"] or "")
    category = out.get("category")
    if (
        isinstance(category, CatalogueCategory)
        and category.organisation_id != organisation.pk
    ):
        raise PublicationError(
            f"目录分类「{category}」不属于「{organisation}」的公开目录"
        )
    if "channels" in out:
        out["channels"] = _clean_channels(out["channels"])
    if "normative_kind" in out and out["normative_kind"] not in NormativeKind.values:
        raise PublicationError(f"文件类型「{out['normative_kind']}」无效")
    if "replaces" in out:
        out["replaces"] = _clean_replaces(organisation, out["replaces"], item)
    return out


def _clean_replaces(
    organisation: Organisation, value: Any, item: InformationItem | None
) -> InformationItem | None:
    """The earlier version the item revises (修订或替代): one of
    ``selectors.replaceable_documents``; the one it already names is kept."""
    if value is None or value == "":
        return None
    pk = value.pk if isinstance(value, InformationItem) else value
    if isinstance(pk, bool) or not isinstance(pk, int):
        raise PublicationError(f"被修订的文件「{value}」无效", field="replaces")
    if item is not None and pk == item.replaces_id:
        return item.replaces
    found = InformationItem.objects.filter(pk=pk).first()
    if found is None:
        raise PublicationError(f"被修订的文件（编号 {pk}）不存在", field="replaces")
    if item is not None and found.pk == item.pk:
        raise PublicationError("文件不能修订它自己", field="replaces")
    if found.organisation_id != organisation.pk:
        raise PublicationError(
            f"只能修订「{organisation}」自己发布的文件", field="replaces"
        )
    if found.status != Status.PUBLISHED or found.normative_kind not in (
        REPLACEABLE_KINDS
    ):
        raise PublicationError(
            f"「{found.title}」不是已发布的规章或行政规范性文件，不能作为被修订的文件",
            field="replaces",
        )
    _no_cycle(found, item)
    return found


def _no_cycle(found: InformationItem, item: InformationItem | None) -> None:
    if item is None or item.pk is None:
        return
    seen, step = {found.pk}, found.replaces_id
    while step is not None and step not in seen:
        if step == item.pk:
            raise PublicationError(
                f"「{found.title}」本身是这份文件的修订版本，不能反过来被它修订",
                field="replaces",
            )
        seen.add(step)
        step = (
            InformationItem.objects.filter(pk=step)
            .values_list("replaces_id", flat=True)
            .first()
        )


def _clean_channels(channels: Any) -> list[str]:
    codes = list(dict.fromkeys(str(c) for c in channels or ()))
    bad = [c for c in codes if c not in Channel.values]
    if bad:
        raise PublicationError(
            f"公开渠道「{'、'.join(bad)}」无效：可选 "
            + "、".join(str(label) for label in Channel.labels)
        )
    return codes


def _check_disclosure(item: InformationItem) -> None:
    if item.disclosure not in Disclosure.values:
        raise PublicationError(f"公开属性「{item.disclosure}」无效")
    if item.disclosure == Disclosure.WITHHELD:
        if item.withheld_ground not in WithheldGround.values:
            raise PublicationError(
                "不予公开的信息必须选择不予公开的理由（第十四条至第十六条）"
            )
    elif item.withheld_ground:
        raise PublicationError("只有不予公开的信息才填写不予公开的理由")


def _apply(item: InformationItem, values: Mapping[str, Any]) -> list[str]:
    """Set the values; the names of the fields that changed."""
    changed_fields = []
    for name, value in values.items():
        if getattr(item, name) != value:
            setattr(item, name, value)
            changed_fields.append(name)
    _check_disclosure(item)
    return changed_fields


def _refresh_due(item: InformationItem, today: date) -> None:
    """The 第二十六条 deadline of an unpublished item of 主动公开."""
    due = None
    if item.status in PENDING and item.disclosure == Disclosure.PROACTIVE:
        due = item_publish_due(
            organisation=item.organisation, formed_on=item.formed_on, today=today
        )
    item.publish_due_on = due.date if due else None
    item.due_provisional = bool(due and due.provisional)


# -- drafting --------------------------------------------------------------------
@transaction.atomic
def item_create(
    *,
    organisation: Organisation,
    actor: User,
    today: date,
    title: str,
    body: str = "",
    formed_on: date | None = None,
    **fields: Any,
) -> InformationItem:
    """A draft.  ``formed_on`` (形成或者变更之日) starts the 第二十六条 clock; it
    defaults to ``today``."""
    _deny(
        permissions.can_draft(actor, organisation.pk),
        f"您不是「{organisation}」的承办人，不能起草信息",
    )
    values = _clean_fields(organisation, {"title": title, "body": body, **fields})
    item = InformationItem(
        organisation=organisation, formed_on=formed_on or today, created_by=actor
    )
    _apply(item, values)
    _refresh_due(item, today)
    item.save()
    record(
        item,
        actor=actor,
        action=events.CREATED,
        on=today,
        after=snapshot(item, ["title", "formed_on", "publish_due_on"]),
    )
    return item


@transaction.atomic
def item_update(
    *, item: InformationItem, actor: User, today: date, **fields: Any
) -> InformationItem:
    """Change a draft (a returned item is a draft again)."""
    item = lock(item)
    _deny(
        permissions.can_draft(actor, item.organisation_id),
        "您不是该信息发布机构的承办人，不能修改",
    )
    if item.status != Status.DRAFT:
        raise InvalidTransition("只有草稿可以修改；已发布的信息请用「更正」")
    values = _clean_fields(item.organisation, fields, item)
    before = snapshot(item, values)
    names = _apply(item, values)
    _refresh_due(item, today)
    item.save()
    record(
        item,
        actor=actor,
        action=events.UPDATED,
        on=today,
        before={k: before[k] for k in names},
        after=snapshot(item, names),
    )
    return item


# -- review ----------------------------------------------------------------------
@transaction.atomic
def item_submit(
    *, item: InformationItem, actor: User, today: date, comment: str = ""
) -> InformationItem:
    """承办人 sends the draft to review."""
    item = lock(item)
    _deny(
        permissions.can_draft(actor, item.organisation_id),
        "您不是该信息发布机构的承办人，不能提交",
    )
    _move(item, Status.SUBMITTED)
    if not item.body.strip() and not item.attachments.exists():
        raise PublicationError("正文和附件不能都为空")
    before = snapshot(item, _STATUS_FIELDS)
    item.status = Status.SUBMITTED
    item.submitted_by = actor
    item.reviewed_by = item.approved_by = None
    item.save()
    record(
        item,
        actor=actor,
        action=events.SUBMITTED,
        on=today,
        comment=comment.strip(),
        before=before,
        after=snapshot(item, _STATUS_FIELDS),
    )
    return item


def _not_own(item: InformationItem, actor: User) -> None:
    if item.submitted_by_id == actor.pk:
        raise SelfApproval("不能审核或审批自己提交的信息")


#: A checklist answer: "yes"/"no", or ("yes"/"no", the reviewer's note).
AnswerValue = str | tuple[str, str]
NOTE_MAX: Final = 500


def _split(value: AnswerValue | None, note: str) -> tuple[str | None, str]:
    if isinstance(value, tuple):
        value, note = value
    return value, str(note or "").strip()


def _answers(
    item: InformationItem,
    answers: Mapping[int, AnswerValue],
    notes: Mapping[int, str],
) -> list[tuple[ChecklistQuestion, str, str]]:
    """The checklist with the reviewer's answers and notes: every question
    answered, and an answer other than the one that allows publication only with
    a note saying why it may still be published (e.g. 第十五条: the third party
    agreed)."""
    questions = checklist_for(organisation=item.organisation)
    given = {q.pk: _split(answers.get(q.pk), notes.get(q.pk, "")) for q in questions}
    missing = [q for q in questions if given[q.pk][0] not in Answer.values]
    if missing:
        raise ReviewIncomplete(
            "保密审查未完成，请回答：" + "；".join(q.text for q in missing),
            questions=[q.pk for q in missing],
        )
    long = [q for q in questions if len(given[q.pk][1]) > NOTE_MAX]
    if long:
        raise ReviewIncomplete(
            f"说明不能超过 {NOTE_MAX} 字：" + "；".join(q.text for q in long),
            questions=[q.pk for q in long],
        )
    failed = [q for q in questions if given[q.pk][0] != q.pass_answer]
    barred = [q for q in failed if q.absolute]
    if barred:
        raise ReviewIncomplete(
            "保密审查未通过（"
            + "；".join(q.text for q in barred)
            + "）：依照第十四条不得公开，说明理由也不能发布；请退回，或改为不予公开",
            questions=[q.pk for q in barred],
        )
    unexplained = [q for q in failed if not given[q.pk][1]]
    if unexplained:
        raise ReviewIncomplete(
            "保密审查未通过（"
            + "；".join(q.text for q in unexplained)
            + "）：请退回修改，或改为不予公开；确可公开的，请在该项说明理由",
            questions=[q.pk for q in unexplained],
        )
    return [(q, str(given[q.pk][0]), given[q.pk][1]) for q in questions]


@transaction.atomic
def item_review_approve(
    *,
    item: InformationItem,
    actor: User,
    today: date,
    answers: Mapping[int, AnswerValue],
    comment: str = "",
    notes: Mapping[int, str] | None = None,
) -> InformationItem:
    """审核人 approves after 保密审查 (第十七条): ``answers`` maps each checklist
    question's id to "yes"/"no", or to ("yes"/"no", note); ``notes`` (question id
    → note) is the other way to give the notes.  An answer other than the
    question's ``pass_answer`` needs a note (why it may still be published), and
    is refused whatever the note on an ``absolute`` question (第十四条)."""
    item = lock(item)
    _deny(permissions.can_review(actor, item), "您不是该信息发布机构的审核人")
    _move(item, Status.REVIEWED)
    _not_own(item, actor)
    checked = _answers(item, answers, notes or {})
    before = snapshot(item, _STATUS_FIELDS)
    item.status = Status.REVIEWED
    item.reviewed_by = actor
    item.save()
    event = record(
        item,
        actor=actor,
        action=events.REVIEW_APPROVED,
        on=today,
        comment=comment.strip(),
        before=before,
        after=snapshot(item, _STATUS_FIELDS),
    )
    ReviewAnswer.objects.bulk_create(
        [
            ReviewAnswer(
                event=event, question=q, question_text=q.text, answer=a, note=n
            )
            for q, a, n in checked
        ]
    )
    return item


def _take_index_number(item: InformationItem, year: int) -> str:
    """The next 索引号 of the organ, category and year: the counter row is locked,
    and a number already held (an imported one) is skipped, so none is reused."""
    organ = item.organisation.code or f"{item.organisation_id:06d}"
    category = item.category.code if item.category else "00"
    counter, _ = IndexCounter.objects.select_for_update().get_or_create(
        organisation=item.organisation, category_code=category, year=year
    )
    while True:
        counter.last += 1
        number = f"{organ}-{category}-{year}-{counter.last:05d}"
        if not InformationItem.objects.filter(index_number=number).exists():
            break
    counter.save(update_fields=["last"])
    return number


_PUBLISH_FIELDS: Final = (*_STATUS_FIELDS, "published_on", "index_number")


@transaction.atomic
def item_leader_approve(
    *, item: InformationItem, actor: User, today: date, comment: str = ""
) -> InformationItem:
    """分管领导 approves: the item is published today with its 索引号."""
    item = lock(item)
    _deny(permissions.can_lead(actor, item), "您不是该信息发布机构的分管领导")
    _move(item, Status.PUBLISHED)
    _not_own(item, actor)
    if item.reviewed_by_id == actor.pk:
        raise SelfApproval("审核和审批须由不同的人员完成")
    before = snapshot(item, _PUBLISH_FIELDS)
    item.status = Status.PUBLISHED
    item.approved_by = actor
    item.published_on = today
    if not item.index_number:
        item.index_number = _take_index_number(item, today.year)
    item.save()
    record(
        item,
        actor=actor,
        action=events.LEADER_APPROVED,
        on=today,
        comment=comment.strip(),
        before=before,
        after=snapshot(item, _PUBLISH_FIELDS),
    )
    changed(item, events.LEADER_APPROVED)
    return item


@transaction.atomic
def item_return(
    *, item: InformationItem, actor: User, today: date, comment: str
) -> InformationItem:
    """The 审核人 (from review) or the 分管领导 (from approval) returns the item to
    its drafter, saying why."""
    item = lock(item)
    text = require_comment(comment, "退回")
    allowed = (
        permissions.can_review(actor, item)
        if item.status == Status.SUBMITTED
        else permissions.can_lead(actor, item)
    )
    _deny(allowed, "您不能退回处于这一步的信息")
    _move(item, Status.DRAFT)
    before = snapshot(item, _STATUS_FIELDS)
    item.status = Status.DRAFT
    item.reviewed_by = item.approved_by = None
    item.save()
    record(
        item,
        actor=actor,
        action=events.RETURNED,
        on=today,
        comment=text,
        before=before,
        after=snapshot(item, _STATUS_FIELDS),
    )
    return item


def item_recompute_open_dues(year: int) -> int:
    """Hook of ``deadlines.services.HOLIDAY_YEAR_ENTERED_HOOKS``: the 第二十六条
    deadline of every unpublished item, again.  Returns how many changed."""
    n = 0
    pending = [s.value for s in PENDING]
    for item in InformationItem.objects.filter(status__in=pending).select_related(
        "organisation"
    ):
        before = (item.publish_due_on, item.due_provisional)
        _refresh_due(item, date(year, 1, 1))
        if (item.publish_due_on, item.due_provisional) != before:
            InformationItem.objects.filter(pk=item.pk).update(
                publish_due_on=item.publish_due_on,
                due_provisional=item.due_provisional,
            )
            n += 1
    return n


__all__ = [
    "EDITABLE",
    "item_create",
    "item_leader_approve",
    "item_recompute_open_dues",
    "item_return",
    "item_review_approve",
    "item_submit",
    "item_update",
]
