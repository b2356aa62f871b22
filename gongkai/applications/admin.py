"""Cases in the admin: read-only (every change goes through ``services``)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationItem,
    Consultation,
    CorrectionRequest,
    Extension,
)


class _ReadOnlyInline(admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ItemInline(_ReadOnlyInline):
    model = ApplicationItem


class EventInline(_ReadOnlyInline):
    model = ApplicationEvent
    fields = ("on", "kind", "actor", "before", "after", "note")


class ConsultationInline(_ReadOnlyInline):
    model = Consultation


class CorrectionInline(_ReadOnlyInline):
    model = CorrectionRequest


class ExtensionInline(_ReadOnlyInline):
    model = Extension


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "tracking_number",
        "organisation",
        "unit",
        "applicant_type",
        "received_on",
        "status",
        "outcome",
        "due_on",
    )
    list_filter = ("status", "outcome", "applicant_type", "channel")
    search_fields = ("tracking_number",)
    date_hierarchy = "received_on"
    exclude = ("query_code_hash",)
    inlines = (
        ItemInline,
        CorrectionInline,
        ConsultationInline,
        ExtensionInline,
        EventInline,
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
