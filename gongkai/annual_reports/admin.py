from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    ReportCellOverride,
)

if TYPE_CHECKING:  # the stubs' generics, which Django's classes refuse at run time
    _EventInline = admin.TabularInline[AnnualReportEvent, AnnualReport]
    _ReportAdmin = admin.ModelAdmin[AnnualReport]
    _OverrideAdmin = admin.ModelAdmin[ReportCellOverride]
else:
    _EventInline = admin.TabularInline
    _ReportAdmin = _OverrideAdmin = admin.ModelAdmin


class EventInline(_EventInline):
    model = AnnualReportEvent
    extra = 0
    readonly_fields = ("action", "actor", "note", "payload", "created_at")
    can_delete = False


@admin.register(AnnualReport)
class AnnualReportAdmin(_ReportAdmin):
    list_display = (
        "organisation",
        "year",
        "status",
        "source",
        "shown_publicly",
        "error_count",
        "warning_count",
        "published_on",
    )
    list_filter = ("status", "source", "shown_publicly", "year", "format_version")
    search_fields = ("organisation__name", "title")
    readonly_fields = (
        "findings",
        "error_count",
        "warning_count",
        "rules_version",
        "origins",
        "shown_publicly",
    )
    inlines = (EventInline,)


@admin.register(ReportCellOverride)
class ReportCellOverrideAdmin(_OverrideAdmin):
    """Read-only: overrides are made and withdrawn through the services."""

    list_display = (
        "report",
        "path",
        "previous_value",
        "value",
        "machine_value",
        "actor",
        "active",
        "created_at",
    )
    list_filter = ("active", "end_reason")
    search_fields = ("report__organisation__name", "path", "note")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
