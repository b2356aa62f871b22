"""Who may do what with an information item.

A role applies at the organ it is held at and every organ below (``accounts.scope``);
an item is checked at its 发布机构 (``item.organisation``).

- 承办人 (and the 公开办) draft, edit drafts and submit;
- 审核人 (or the 公开办) review: 保密审查 and the first approval;
- 分管领导 approves and so publishes;
- the 公开办 or the 分管领导 withdraw, and record repeal or lapse; the 公开办 or a
  审核人 amend a published item; the 公开办 keeps the checklist, catalogue, guide
  and decision counts.

Nobody approves what they submitted, and the leader's approval must come from a
person other than the reviewer (``services`` checks both).
"""

from __future__ import annotations

from typing import Final

from django.db.models import Q, QuerySet

from gongkai.accounts.models import Role
from gongkai.accounts.scope import AnyUser, user_scope
from gongkai.publications.models import InformationItem

OFFICE_ROLES: Final = frozenset({Role.OFFICE_ADMIN})
DRAFT_ROLES: Final = frozenset({Role.HANDLER, Role.OFFICE_ADMIN})
REVIEW_ROLES: Final = frozenset({Role.REVIEWER, Role.OFFICE_ADMIN})
LEADER_ROLES: Final = frozenset({Role.LEADER})
WITHDRAW_ROLES: Final = frozenset({Role.OFFICE_ADMIN, Role.LEADER})
AMEND_ROLES: Final = frozenset({Role.OFFICE_ADMIN, Role.REVIEWER})
LIFECYCLE_ROLES: Final = WITHDRAW_ROLES
VIEW_ROLES: Final = DRAFT_ROLES | REVIEW_ROLES | LEADER_ROLES
INTERPRET_ROLES: Final = DRAFT_ROLES | OFFICE_ROLES
#: Those with a rich-text form (a draft, an amendment, a 解读, the guide).
WRITE_ROLES: Final = DRAFT_ROLES | AMEND_ROLES | OFFICE_ROLES


def _has(user: AnyUser, organisation_id: int, roles: frozenset[str]) -> bool:
    return user_scope(user).has_role(organisation_id, roles)


def holds_any(user: AnyUser, roles: frozenset[str]) -> bool:
    """Whether the user holds one of ``roles`` at some organ: the door of the
    pages for those roles (the 监督评估人员 holds none of them)."""
    return user_scope(user).holds_anywhere(roles)


def can_draft(user: AnyUser, organisation_id: int) -> bool:
    return _has(user, organisation_id, DRAFT_ROLES)


def can_review(user: AnyUser, item: InformationItem) -> bool:
    return _has(user, item.organisation_id, REVIEW_ROLES)


def can_lead(user: AnyUser, item: InformationItem) -> bool:
    return _has(user, item.organisation_id, LEADER_ROLES)


def can_withdraw(user: AnyUser, item: InformationItem) -> bool:
    return _has(user, item.organisation_id, WITHDRAW_ROLES)


def can_amend(user: AnyUser, item: InformationItem) -> bool:
    return _has(user, item.organisation_id, AMEND_ROLES)


def can_record_lifecycle(user: AnyUser, item: InformationItem) -> bool:
    return _has(user, item.organisation_id, LIFECYCLE_ROLES)


def can_manage_site(user: AnyUser, organisation_id: int) -> bool:
    """Checklist, catalogue, guide, interpretations and decision counts."""
    return _has(user, organisation_id, OFFICE_ROLES)


def can_view(user: AnyUser, item: InformationItem) -> bool:
    return item.is_public or _has(user, item.organisation_id, VIEW_ROLES)


def visible_items(user: AnyUser) -> QuerySet[InformationItem]:
    """Every item of the organs where the user holds a staff role (there or above)."""
    scope = user_scope(user)
    if scope.everywhere:
        return InformationItem.objects.all()
    return InformationItem.objects.filter(
        Q(organisation_id__in=scope.organisation_ids(VIEW_ROLES))
    )
