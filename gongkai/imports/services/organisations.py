"""Organs named by imported reports: matched by name, created when unknown and
listed for a person to confirm."""

from __future__ import annotations

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.imports import events, permissions
from gongkai.imports.errors import ImportFailed
from gongkai.imports.models import ImportEvent
from gongkai.imports.names import clean_name, guess_level_kind, name_key
from gongkai.orgs.models import Organisation


def organisation_match(*, name: str) -> Organisation | None:
    """The organ a report names: same name once spaces and full/half-width forms are
    folded; failing that, the one organ whose short name (简称) is that name."""
    key = name_key(name)
    if not key:
        return None
    exact = Organisation.objects.filter(name=clean_name(name)).first()
    if exact is not None and name_key(exact.name) == key:  # indexed: no scan
        return exact
    by_short: list[Organisation] = []
    for org in Organisation.objects.only("pk", "name", "short_name"):
        if name_key(org.name) == key:
            return Organisation.objects.get(pk=org.pk)
        if org.short_name and name_key(org.short_name) == key:
            by_short.append(org)
    if len(by_short) == 1:
        return Organisation.objects.get(pk=by_short[0].pk)
    return None


def organisation_get_or_create_imported(
    *, name: str, actor: User | None
) -> tuple[Organisation, bool]:
    """The organ named by an imported report, created unconfirmed when unknown."""
    found = organisation_match(name=name)
    if found is not None:
        return found, False
    cleaned = clean_name(name)
    if not cleaned:
        raise ImportFailed("未能从文件中识别出报告机关的名称")
    level, kind = guess_level_kind(cleaned)
    org = Organisation.objects.create(
        name=cleaned, level=level, kind=kind, confirmed=False
    )
    ImportEvent.objects.create(
        action=events.ORGANISATION_CREATED,
        actor=actor,
        organisation=org,
        payload={"name": name},
    )
    return org, True


@transaction.atomic
def organisation_confirm(*, organisation: Organisation, actor: User) -> Organisation:
    """A person confirms an organ an import created (its name and place)."""
    if not permissions.can_confirm_organisations(actor):
        raise PermissionDenied("您无权确认导入的机关")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.confirmed:
        raise InvalidState(f"「{organisation}」已经确认")
    organisation.confirmed = True
    organisation.save(update_fields=["confirmed", "updated_at"])
    ImportEvent.objects.create(
        action=events.ORGANISATION_CONFIRMED, actor=actor, organisation=organisation
    )
    return organisation
