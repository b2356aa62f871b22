"""Who may do what with an organ's own annual reports.

A role applies at the organ it is held at and at every organ below it
(``accounts.scope``).  承办人 and 审核人 draft and edit; 分管领导 publishes and
withdraws (and may read drafts, to decide); 公开办管理员 does both.  监督评估人员
works on imported reports only (``imports.permissions``): they see an organ's
reports as the public does, once published.
"""

from __future__ import annotations

from typing import Final

from django.db.models import QuerySet

from gongkai.accounts.models import Role
from gongkai.accounts.scope import AnyUser, user_scope
from gongkai.orgs.models import Organisation

EDIT_ROLES: Final = frozenset({Role.OFFICE_ADMIN, Role.HANDLER, Role.REVIEWER})
PUBLISH_ROLES: Final = frozenset({Role.OFFICE_ADMIN, Role.LEADER})
DRAFT_ROLES: Final = EDIT_ROLES | PUBLISH_ROLES


def can_view_drafts(user: AnyUser, organisation: Organisation) -> bool:
    return user_scope(user).has_role(organisation.pk, DRAFT_ROLES)


def can_edit_report(user: AnyUser, organisation: Organisation) -> bool:
    return user_scope(user).has_role(organisation.pk, EDIT_ROLES)


def can_publish_report(user: AnyUser, organisation: Organisation) -> bool:
    return user_scope(user).has_role(organisation.pk, PUBLISH_ROLES)


def draft_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organs whose drafts the user may see (a lazy queryset)."""
    return user_scope(user).organisations(DRAFT_ROLES)


def editable_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organs the user may create and edit reports for (a lazy queryset)."""
    return user_scope(user).organisations(EDIT_ROLES)
