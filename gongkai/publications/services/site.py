"""What the office keeps beside the items: attachments, the 保密审查 checklist, the
公开目录, the 公开指南, 政策解读 and the decision counts of section 二."""

from __future__ import annotations

import hashlib
import mimetypes
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from gongkai.accounts.models import User
from gongkai.core.errors import PermissionDenied
from gongkai.orgs.models import Organisation
from gongkai.publications import events, permissions
from gongkai.publications.errors import InvalidTransition, PublicationError
from gongkai.publications.models import (
    Answer,
    CatalogueCategory,
    ChecklistQuestion,
    DecisionCount,
    Guide,
    GuideStatus,
    InformationItem,
    InterpretationKind,
    ItemAttachment,
    PolicyInterpretation,
    Source,
)
from gongkai.publications.sanitise import clean_html
from gongkai.publications.services._common import jsonable, lock, record
from gongkai.publications.status import Status

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def _office(actor: User, organisation_id: int, organisation: object) -> None:
    if not permissions.can_manage_site(actor, organisation_id):
        raise PermissionDenied(f"您不是「{organisation}」的公开办管理员")


@transaction.atomic
def item_attach(
    *, item: InformationItem, actor: User, today: date, content: bytes, name: str
) -> ItemAttachment:
    """Attach a file to a draft (one timeline line)."""
    item = lock(item)
    if not permissions.can_draft(actor, item.organisation_id):
        raise PermissionDenied("您不是该信息发布机构的承办人，不能添加附件")
    if item.status != Status.DRAFT:
        raise InvalidTransition("只有草稿可以添加附件")
    if not content:
        raise PublicationError(f"附件「{name}」是空文件")
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise PublicationError(f"附件「{name}」超过 50 MB")
    position = item.attachments.count()
    attachment = ItemAttachment(
        item=item,
        original_name=name[:255],
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        position=position,
    )
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.save()
    record(
        item,
        actor=actor,
        action=events.ATTACHED,
        on=today,
        after={"attachment": attachment.original_name, "sha256": attachment.sha256},
    )
    return attachment


@transaction.atomic
def checklist_question_save(
    *,
    organisation: Organisation,
    actor: User,
    text: str,
    position: int = 0,
    active: bool = True,
    pass_answer: str = Answer.NO,
    absolute: bool = False,
    question: ChecklistQuestion | None = None,
) -> ChecklistQuestion:
    """Add or change a 保密审查 question of the organ (answers already recorded keep
    the wording they were given under)."""
    _office(actor, organisation.pk, organisation)
    text = text.strip()
    if not text:
        raise PublicationError("审查事项不能为空")
    if pass_answer not in Answer.values:
        raise PublicationError("可以发布的回答只能是「是」或「否」")
    if question is not None and question.organisation_id != organisation.pk:
        raise PermissionDenied("只能修改本机关的审查事项")
    question = question or ChecklistQuestion(organisation=organisation)
    question.text, question.position = text, position
    question.active, question.pass_answer = active, pass_answer
    question.absolute = absolute
    question.save()
    return question


@transaction.atomic
def category_save(
    *,
    organisation: Organisation,
    actor: User,
    name: str,
    code: str,
    parent: CatalogueCategory | None = None,
    position: int = 0,
    description: str = "",
    category: CatalogueCategory | None = None,
) -> CatalogueCategory:
    """Add or change a category of the organ's 公开目录."""
    _office(actor, organisation.pk, organisation)
    name, code = name.strip(), code.strip()
    if not name:
        raise PublicationError("分类名称不能为空")
    if not code.isascii() or not code.isalnum():
        raise PublicationError(f"分类代码「{code}」只能由字母和数字组成（用于索引号）")
    if parent is not None and parent.organisation_id != organisation.pk:
        raise PublicationError("上级分类须属于同一机关的公开目录")
    clash = CatalogueCategory.objects.filter(organisation=organisation, code=code)
    if category is not None:
        clash = clash.exclude(pk=category.pk)
    if clash.exists():
        raise PublicationError(f"分类代码「{code}」已被使用")
    category = category or CatalogueCategory(organisation=organisation)
    node = parent
    while node is not None:
        if category.pk and node.pk == category.pk:
            raise PublicationError("上级分类不能是它自己或它的下级")
        node = node.parent
    category.name, category.code, category.parent = name, code, parent
    category.position, category.description = position, description
    category.save()
    return category


@transaction.atomic
def guide_save(*, organisation: Organisation, actor: User, body: str) -> Guide:
    """A new draft version of the organ's 公开指南."""
    _office(actor, organisation.pk, organisation)
    body = clean_html(body)
    if not body.strip():
        raise PublicationError("公开指南正文不能为空")
    last = Guide.objects.select_for_update().filter(organisation=organisation)
    version = (last.aggregate(v=Max("version"))["v"] or 0) + 1
    return Guide.objects.create(
        organisation=organisation, version=version, body=body, created_by=actor
    )


@transaction.atomic
def guide_publish(*, guide: Guide, actor: User, today: date) -> Guide:
    """Publish a draft version (it replaces the one shown)."""
    guide = Guide.objects.select_for_update().get(pk=guide.pk)
    _office(actor, guide.organisation_id, guide.organisation)
    if guide.status != GuideStatus.DRAFT:
        raise InvalidTransition("该版本已发布")
    guide.status, guide.published_on = GuideStatus.PUBLISHED, today
    guide.save(update_fields=["status", "published_on", "updated_at"])
    return guide


@transaction.atomic
def interpretation_save(
    *,
    document: InformationItem,
    actor: User,
    today: date,
    kind: str,
    title: str,
    body: str = "",
    video_url: str = "",
    file: tuple[str, bytes] | None = None,
    publish: bool = True,
    interpretation: PolicyInterpretation | None = None,
) -> PolicyInterpretation:
    """Add or change a 政策解读 of ``document``; ``publish`` shows it with the
    document from today (once published it stays dated).  One timeline line on
    the document (the document itself is unchanged)."""
    if not (
        permissions.can_draft(actor, document.organisation_id)
        or permissions.can_manage_site(actor, document.organisation_id)
    ):
        raise PermissionDenied("您无权为该文件发布政策解读")
    if kind not in InterpretationKind.values:
        raise PublicationError(f"解读形式「{kind}」无效")
    title, body = title.strip(), clean_html(body)
    if not title:
        raise PublicationError("解读标题不能为空")
    if kind == InterpretationKind.TEXT and not body.strip():
        raise PublicationError("文字解读须有正文")
    if kind == InterpretationKind.VIDEO and not (video_url or file):
        raise PublicationError("视频解读须有视频文件或地址")
    if interpretation is not None and interpretation.document_id != document.pk:
        raise PublicationError("该政策解读不属于这份文件")
    found = interpretation or PolicyInterpretation(document=document)
    before = _interpretation_state(found) if found.pk else {}
    found.kind, found.title, found.body, found.video_url = kind, title, body, video_url
    found.created_by = found.created_by or actor
    if file is not None:
        found.file.save(file[0], ContentFile(file[1]), save=False)
    if publish and found.published_on is None:
        found.published_on = today
    found.save()
    record(
        document,
        actor=actor,
        action=events.INTERPRETATION_SAVED,
        on=today,
        before=before,
        after=_interpretation_state(found),
    )
    return found


def _interpretation_state(found: PolicyInterpretation) -> dict[str, Any]:
    """The timeline's before/after of a 政策解读 (its text is not copied)."""
    return {
        "interpretation": found.pk,
        "kind": found.kind,
        "title": found.title,
        "file": found.file.name or "",
        "video_url": found.video_url,
        "published_on": jsonable(found.published_on),
    }


def _fee(value: Any) -> Decimal:
    try:
        fee = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise PublicationError(f"收费金额「{value}」不是数字（单位：万元）") from None
    if fee < 0 or not fee.is_finite():
        raise PublicationError(f"收费金额「{value}」不能为负数")
    if fee.as_tuple().exponent < -6:  # type: ignore[operator]
        raise PublicationError(f"收费金额「{value}」最多六位小数（万元，精确到分）")
    return fee


@transaction.atomic
def decision_count_save(
    *,
    organisation: Organisation,
    year: int,
    actor: User | None,
    licensing: int,
    punishment: int,
    coercion: int,
    fees_wan_yuan: Decimal | str,
    note: str = "",
    source: str = Source.ENTERED,
) -> DecisionCount:
    """Enter (or replace) the unit's decisions and fees of ``year``."""
    if actor is not None:
        _office(actor, organisation.pk, organisation)
    for label, n in (
        ("行政许可", licensing),
        ("行政处罚", punishment),
        ("行政强制", coercion),
    ):
        if not isinstance(n, int) or n < 0:
            raise PublicationError(f"{label}处理决定数量须为非负整数，而不是「{n}」")
    if not 2008 <= year <= 2100:
        raise PublicationError(f"年度「{year}」无效")
    entry, _ = DecisionCount.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    entry.licensing, entry.punishment, entry.coercion = licensing, punishment, coercion
    entry.fees_wan_yuan = _fee(fees_wan_yuan)
    entry.note, entry.source, entry.entered_by = note, source, actor
    entry.save()
    return entry
