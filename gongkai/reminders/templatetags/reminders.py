"""``{% unread_notification_count user as n %}``: the badge in the staff menu."""

from __future__ import annotations

from typing import Any

from django import template

from gongkai.reminders.selectors import notification_unread_count

register = template.Library()


@register.simple_tag
def unread_notification_count(user: Any) -> int:
    return notification_unread_count(user=user)
