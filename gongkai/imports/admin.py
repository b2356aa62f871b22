"""Admin: read-only views of imports (every write goes through the services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.imports.models import (
    ImportBatch,
    ImportEvent,
    ImportRecord,
    ReportCorrection,
    SourceFile,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SourceFile)
class SourceFileAdmin(ReadOnlyAdmin):
    list_display = (
        "name",
        "sha256",
        "size",
        "kind",
        "encoding",
        "first_imported_at",
        "last_imported_at",
    )
    search_fields = ("name", "sha256", "path")
    exclude = ("content",)


class RecordInline(admin.TabularInline):
    model = ImportRecord
    fields = ("path", "status", "error", "report", "source_file")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = (
        "pk",
        "started_at",
        "finished_at",
        "actor",
        "imported_count",
        "unchanged_count",
        "failed_count",
    )
    inlines = (RecordInline,)


@admin.register(ImportRecord)
class ImportRecordAdmin(ReadOnlyAdmin):
    list_display = ("path", "status", "report", "batch", "created_at")
    list_filter = ("status",)
    search_fields = ("path", "error", "source_file__sha256")
    raw_id_fields = ("source_file", "report", "batch")


@admin.register(ReportCorrection)
class ReportCorrectionAdmin(ReadOnlyAdmin):
    list_display = (
        "report",
        "path",
        "previous_value",
        "value",
        "parsed_value",
        "actor",
        "active",
        "created_at",
    )
    list_filter = ("active", "end_reason")
    search_fields = ("report__organisation__name", "path", "note")


@admin.register(ImportEvent)
class ImportEventAdmin(ReadOnlyAdmin):
    list_display = ("action", "actor", "organisation", "created_at")
    list_filter = ("action",)
