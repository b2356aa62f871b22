"""Admin: read-only views of imports (every write goes through the services)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.imports.models import (
    ImportBatch,
    ImportEvent,
    ImportRecord,
    SourceFile,
)

if TYPE_CHECKING:  # the stubs' generics, which Django's classes refuse at run time
    _Admin = admin.ModelAdmin[Any]
    _RecordInline = admin.TabularInline[ImportRecord, ImportBatch]
else:
    _Admin = admin.ModelAdmin
    _RecordInline = admin.TabularInline


class ReadOnlyAdmin(_Admin):
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


class RecordInline(_RecordInline):
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


@admin.register(ImportEvent)
class ImportEventAdmin(ReadOnlyAdmin):
    list_display = ("action", "actor", "organisation", "created_at")
    list_filter = ("action",)
