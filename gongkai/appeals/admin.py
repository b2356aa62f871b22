"""Appeals in the admin: read-only (every change goes through ``services``)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.appeals.models import Appeal, AppealEvent


class EventInline(admin.TabularInline):  # type: ignore[type-arg]
    model = AppealEvent
    extra = 0
    can_delete = False
    fields = ("on", "kind", "actor", "before", "after", "note")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "application",
        "kind",
        "filed_on",
        "body",
        "case_number",
        "outcome",
        "decided_on",
    )
    list_filter = ("kind", "outcome")
    search_fields = ("case_number", "application__tracking_number", "body")
    date_hierarchy = "filed_on"
    raw_id_fields = ("application", "follows")
    inlines = (EventInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
