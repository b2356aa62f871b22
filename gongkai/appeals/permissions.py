"""Who may record and see appeals: the same people as the case they contest
(``applications.permissions``): the disclosure office of the organ the application
was addressed to, and the staff of the unit handling it; 分管领导 may look."""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.accounts.scope import AnyUser
from gongkai.appeals.models import Appeal
from gongkai.applications import permissions as application_permissions
from gongkai.applications.models import Application


def can_record(user: AnyUser, application: Application) -> bool:
    """File an appeal against the case or record its outcome."""
    return application_permissions.can_handle(user, application)


def can_view(user: AnyUser, appeal: Appeal) -> bool:
    return application_permissions.can_view(user, appeal.application)


def visible_appeals(user: AnyUser) -> QuerySet[Appeal]:
    """The appeals against the cases the user may see."""
    if not user.is_authenticated:
        return Appeal.objects.none()
    cases = application_permissions.visible_applications(user)
    return Appeal.objects.filter(application__in=cases.values("pk"))
