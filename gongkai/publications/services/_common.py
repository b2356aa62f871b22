"""What every service of the app shares: locking, the timeline, the hook."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Model

from gongkai.accounts.models import User
from gongkai.publications import hooks
from gongkai.publications.errors import CommentRequired
from gongkai.publications.models import InformationItem, ItemEvent


def lock(item: InformationItem) -> InformationItem:
    return InformationItem.objects.select_for_update().get(pk=item.pk)


def jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Model):
        return value.pk
    return value


def snapshot(item: InformationItem, fields: Iterable[str]) -> dict[str, Any]:
    out = {}
    for name in fields:
        field = InformationItem._meta.get_field(name)
        attname = getattr(field, "attname", name)
        out[name] = jsonable(getattr(item, attname))
    return out


def record(
    item: InformationItem,
    *,
    actor: User | None,
    action: str,
    on: date,
    comment: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> ItemEvent:
    """The one timeline line of a service call."""
    return ItemEvent.objects.create(
        item=item,
        actor=actor,
        action=action,
        on=on,
        comment=comment,
        before=dict(before or {}),
        after=dict(after or {}),
    )


def changed(item: InformationItem, action: str) -> None:
    """Tell the listeners (search, page cache) once the transaction commits."""
    change = hooks.PublicationChange(
        item_id=item.pk,
        organisation_id=item.organisation_id,
        action=action,
        public=item.is_public,
    )
    transaction.on_commit(partial(hooks.publication_changed, change))


def require_comment(comment: str, what: str) -> str:
    text = comment.strip()
    if not text:
        raise CommentRequired(f"{what}必须填写意见或理由")
    return text
