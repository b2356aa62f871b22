"""A staff user's in-app notifications (``applications.models.Notification``)."""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.accounts.models import User
from gongkai.applications.models import Notification


def notification_list(
    *, user: User, unread_only: bool = False
) -> QuerySet[Notification]:
    """The user's notifications, newest first, each with its case."""
    notifications = Notification.objects.filter(user=user).select_related("application")
    if unread_only:
        notifications = notifications.filter(read=False)
    return notifications.order_by("read", "-created_at", "-pk")


def notification_unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read=False).count()
