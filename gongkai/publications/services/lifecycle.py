"""The life of a published item: withdrawal, amendment, repeal and lapse (one
service each, one ``ItemEvent`` each; the hook hears every change on commit)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.publications import events, permissions
from gongkai.publications.errors import InvalidTransition, PublicationError
from gongkai.publications.models import InformationItem, Validity
from gongkai.publications.services._common import (
    changed,
    lock,
    record,
    require_comment,
    snapshot,
)
from gongkai.publications.services.items import _apply, _clean_fields, _deny, _move
from gongkai.publications.status import Status


@transaction.atomic
def item_withdraw(
    *, item: InformationItem, actor: User, today: date, comment: str
) -> InformationItem:
    """Take a published item off the public side (the 公开办 or 分管领导, with the
    reason).  Its 索引号 stays with it and is never given again."""
    item = lock(item)
    text = require_comment(comment, "撤回")
    _deny(permissions.can_withdraw(actor, item), "您无权撤回该信息")
    _move(item, Status.WITHDRAWN)
    before = snapshot(item, ["status"])
    item.status = Status.WITHDRAWN
    item.save()
    record(
        item,
        actor=actor,
        action=events.WITHDRAWN,
        on=today,
        comment=text,
        before=before,
        after=snapshot(item, ["status"]),
    )
    changed(item, events.WITHDRAWN)
    return item


@transaction.atomic
def item_amend(
    *,
    item: InformationItem,
    actor: User,
    today: date,
    comment: str,
    amended_on: date | None = None,
    **fields: Any,
) -> InformationItem:
    """Correct or amend a published item in place (the 公开办 or a 审核人, with the
    reason); ``amended_on`` (default today) is recorded as its 修改日期.  A revision
    issued as a new document is a new item with ``replaces`` set instead."""
    item = lock(item)
    text = require_comment(comment, "更正")
    _deny(permissions.can_amend(actor, item), "您无权更正该信息")
    if item.status != Status.PUBLISHED:
        raise InvalidTransition("只有已发布的信息可以更正")
    values = _clean_fields(item.organisation, fields, item)
    on = amended_on or today
    if on > today:
        raise PublicationError("修改日期不能晚于今天")
    before = snapshot(item, [*values, "amended_on"])
    names = _apply(item, values)
    item.amended_on = on
    item.save()
    record(
        item,
        actor=actor,
        action=events.AMENDED,
        on=today,
        comment=text,
        before={k: before[k] for k in [*names, "amended_on"]},
        after=snapshot(item, [*names, "amended_on"]),
    )
    changed(item, events.AMENDED)
    return item


def _end(
    *,
    item: InformationItem,
    actor: User,
    today: date,
    on: date,
    comment: str,
    validity: Validity,
) -> InformationItem:
    item = lock(item)
    _deny(permissions.can_record_lifecycle(actor, item), "您无权变更该文件的有效性")
    if item.status != Status.PUBLISHED:
        raise InvalidTransition("只有已发布的文件可以废止或宣布失效")
    if item.validity != Validity.VALID:
        raise InvalidTransition(f"该文件已{Validity(item.validity).label}")
    if on > today:
        raise PublicationError("废止或失效日期不能晚于今天")
    start = item.written_on or item.published_on
    if start and on < start:
        raise PublicationError(f"废止或失效日期不能早于成文日期（{start.isoformat()}）")
    field = "repealed_on" if validity == Validity.REPEALED else "lapsed_on"
    before = snapshot(item, ["validity", field])
    item.validity = validity
    setattr(item, field, on)
    item.save()
    action = events.REPEALED if validity == Validity.REPEALED else events.LAPSED
    record(
        item,
        actor=actor,
        action=action,
        on=today,
        comment=comment.strip(),
        before=before,
        after=snapshot(item, ["validity", field]),
    )
    changed(item, action)
    return item


@transaction.atomic
def item_repeal(
    *, item: InformationItem, actor: User, today: date, on: date, comment: str = ""
) -> InformationItem:
    """The document was repealed (废止) on ``on``: counted in 本年废止件数 of that
    year and no longer 现行有效 (第二十条第（一）项)."""
    return _end(
        item=item,
        actor=actor,
        today=today,
        on=on,
        comment=comment,
        validity=Validity.REPEALED,
    )


@transaction.atomic
def item_lapse(
    *, item: InformationItem, actor: User, today: date, on: date, comment: str = ""
) -> InformationItem:
    """The document lapsed (失效, e.g. its period of validity ended) on ``on``: no
    longer 现行有效, not counted as 废止."""
    return _end(
        item=item,
        actor=actor,
        today=today,
        on=on,
        comment=comment,
        validity=Validity.LAPSED,
    )


__all__ = ["item_amend", "item_lapse", "item_repeal", "item_withdraw"]
