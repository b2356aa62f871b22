"""Permission predicates.  A role held at an organ applies to that organ and to every
organ below it (a county's 公开办 oversees its departments and townships)."""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.accounts.models import Role, User
from gongkai.orgs.models import Organisation

EDIT_ROLES = frozenset({Role.OFFICE_ADMIN, Role.HANDLER, Role.REVIEWER})
PUBLISH_ROLES = frozenset({Role.OFFICE_ADMIN, Role.LEADER})
IMPORT_ROLES = frozenset({Role.OFFICE_ADMIN})


def roles_for(user: User, organisation: Organisation) -> set[str]:
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(Role.values)
    scope = [organisation.pk, *(o.pk for o in organisation.ancestors())]
    return set(
        user.memberships.filter(organisation_id__in=scope).values_list(
            "role", flat=True
        )
    )


def _has_any(user: User, organisation: Organisation, roles: Iterable[str]) -> bool:
    return bool(roles_for(user, organisation) & set(roles))


def can_view_drafts(user: User, organisation: Organisation) -> bool:
    return bool(roles_for(user, organisation))


def can_edit_report(user: User, organisation: Organisation) -> bool:
    return _has_any(user, organisation, EDIT_ROLES)


def can_publish_report(user: User, organisation: Organisation) -> bool:
    return _has_any(user, organisation, PUBLISH_ROLES)


def can_import(user: User) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.memberships.filter(role__in=IMPORT_ROLES).exists()
    )


def staff_organisations(user: User) -> list[Organisation]:
    """Organs the user holds any role at, with every organ below them."""
    from gongkai.orgs.selectors import organisation_descendant_ids

    if user.is_superuser:
        return list(Organisation.objects.all())
    ids: set[int] = set()
    for membership in user.memberships.select_related("organisation"):
        ids |= organisation_descendant_ids(organisation=membership.organisation)
    return list(Organisation.objects.filter(pk__in=ids))
