"""A user's roles by organ: what ``accounts`` knows about permissions.

A role held at an organ applies to that organ and to every organ below it (a
county's 公开办 oversees its departments and townships; a 监督评估人员 held at a
county reviews the imports of the whole county).  Which role may do what is
decided by each app's ``permissions.py``.

The scope is read once per user object (two queries: the memberships, then the
subtrees below them in one recursive query) and kept on that object, so a check
over a list of reports asks nothing more of the database.  ``request.user`` lives
for one request; a service that changes memberships calls ``scope_forget``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from gongkai.accounts.models import Role, User
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_subtrees

_CACHE_ATTR = "_gongkai_scope"

#: ``request.user``: a user, or the anonymous user (who holds no role).
AnyUser: TypeAlias = User | AnonymousUser


@dataclass(frozen=True)
class Scope:
    """Organ id → the roles that apply there (held there or above)."""

    roles: Mapping[int, frozenset[str]] = field(default_factory=dict)
    everywhere: bool = False  # a superuser holds every role at every organ

    def roles_at(self, organisation_id: int) -> frozenset[str]:
        if self.everywhere:
            return frozenset(Role.values)
        return self.roles.get(organisation_id, frozenset())

    def has_role(self, organisation_id: int, roles: Collection[str]) -> bool:
        return not self.roles_at(organisation_id).isdisjoint(roles)

    def holds_anywhere(self, roles: Collection[str]) -> bool:
        return self.everywhere or any(
            not held.isdisjoint(roles) for held in self.roles.values()
        )

    def organisation_ids(self, roles: Collection[str] | None = None) -> set[int]:
        """Organs where any of ``roles`` (by default: any role) applies.  For a
        superuser use ``organisations``: this lists only organs of memberships."""
        return {
            pk
            for pk, held in self.roles.items()
            if roles is None or not held.isdisjoint(roles)
        }

    def organisations(
        self, roles: Collection[str] | None = None
    ) -> QuerySet[Organisation]:
        """The same organs as a lazy queryset (every organ for a superuser)."""
        if self.everywhere:
            return Organisation.objects.all()
        return Organisation.objects.filter(pk__in=self.organisation_ids(roles))


def user_scope(user: AnyUser) -> Scope:
    """The user's scope, read on first use and kept on the user object."""
    cached: Any = getattr(user, _CACHE_ATTR, None)
    if isinstance(cached, Scope):
        return cached
    scope = _read_scope(user)
    if user.is_authenticated:
        setattr(user, _CACHE_ATTR, scope)
    return scope


def scope_forget(user: AnyUser) -> None:
    """Drop the kept scope (after the user's memberships changed)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _read_scope(user: AnyUser) -> Scope:
    if not isinstance(user, User) or not user.is_authenticated:
        return Scope()
    if user.is_superuser:
        return Scope(everywhere=True)
    held = list(user.memberships.values_list("organisation_id", "role"))
    below = organisation_subtrees(roots={org for org, _ in held})
    roles: dict[int, set[str]] = {}
    for org, role in held:
        for pk in below.get(org, {org}):
            roles.setdefault(pk, set()).add(role)
    return Scope({pk: frozenset(r) for pk, r in roles.items()})


def roles_for(user: AnyUser, organisation: Organisation) -> frozenset[str]:
    """The roles that apply to ``user`` at ``organisation``."""
    return user_scope(user).roles_at(organisation.pk)


def staff_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organs where the user holds any role (there or above)."""
    return user_scope(user).organisations()
