"""Who may do what with a disclosure application.

A role applies at the organ it is held at and every organ below (``accounts.scope``).

- The disclosure office (公开办) is a 公开办管理员 at the organ the application is
  addressed to: it registers, routes, transfers, and may act on every case there.
- A unit's staff (承办人、审核人) act on the cases routed to their unit; a unit's
  clerk cannot act on another unit's case.  Staff of the addressed organ itself
  (承办人 held there) may register applications received in person or by post,
  and see the cases that wait there to be routed (not act on them).
- The extension of 第三十三条第二款 needs the consent of the head of the disclosure
  office (政府信息公开工作机构负责人); gongkai's role for that person is 分管领导
  (``EXTEND_ROLES``), held at the addressed organ.
"""

from __future__ import annotations

from typing import Final

from django.db.models import Q, QuerySet

from gongkai.accounts.models import Role
from gongkai.accounts.scope import AnyUser, user_scope
from gongkai.applications.models import Application

OFFICE_ROLES: Final = frozenset({Role.OFFICE_ADMIN})
UNIT_ROLES: Final = frozenset({Role.HANDLER, Role.REVIEWER, Role.OFFICE_ADMIN})
REGISTER_ROLES: Final = frozenset({Role.OFFICE_ADMIN, Role.HANDLER})
EXTEND_ROLES: Final = frozenset({Role.LEADER})
VIEW_ROLES: Final = UNIT_ROLES | EXTEND_ROLES


def is_office(user: AnyUser, application: Application) -> bool:
    return user_scope(user).has_role(application.organisation_id, OFFICE_ROLES)


def can_register(user: AnyUser, organisation_id: int) -> bool:
    return user_scope(user).has_role(organisation_id, REGISTER_ROLES)


def can_route(user: AnyUser, application: Application) -> bool:
    return is_office(user, application)


def can_handle(user: AnyUser, application: Application) -> bool:
    """Work on the case: its unit's staff, or the office."""
    if is_office(user, application):
        return True
    unit = application.unit_id
    return unit is not None and user_scope(user).has_role(unit, UNIT_ROLES)


def can_extend(user: AnyUser, application: Application) -> bool:
    return user_scope(user).has_role(application.organisation_id, EXTEND_ROLES)


def can_view(user: AnyUser, application: Application) -> bool:
    if can_handle(user, application):
        return True
    scope = user_scope(user)
    if application.unit_id is None and scope.has_role(
        application.organisation_id, REGISTER_ROLES
    ):
        return True  # the intake desk sees what waits to be routed
    return scope.has_role(application.organisation_id, EXTEND_ROLES)


def visible_applications(user: AnyUser) -> QuerySet[Application]:
    """The cases the user may see: the office's whole jurisdiction, a unit's own
    cases, and the cases addressed to an organ where the user is 分管领导."""
    scope = user_scope(user)
    if scope.everywhere:
        return Application.objects.all()
    office = scope.organisation_ids(OFFICE_ROLES | EXTEND_ROLES)
    units = scope.organisation_ids(UNIT_ROLES)
    intake = scope.organisation_ids(REGISTER_ROLES)
    return Application.objects.filter(
        Q(organisation_id__in=office)
        | Q(unit_id__in=units)
        | Q(organisation_id__in=intake, unit__isnull=True)
    )
