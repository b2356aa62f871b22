"""Proactive disclosure in the admin.  Items and their timeline are read-only (every
change goes through ``services``); the checklist, catalogue and decision counts are
plain tables the office may also keep here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.publications.models import (
    CatalogueCategory,
    ChecklistQuestion,
    DecisionCount,
    Guide,
    InformationItem,
    ItemAttachment,
    ItemEvent,
    PolicyInterpretation,
)


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class EventInline(_ReadOnly, admin.TabularInline):  # type: ignore[type-arg]
    model = ItemEvent
    extra = 0
    fields = ("on", "action", "actor", "comment", "before", "after")


class AttachmentInline(_ReadOnly, admin.TabularInline):  # type: ignore[type-arg]
    model = ItemAttachment
    extra = 0
    fields = ("original_name", "content_type", "size", "sha256")


@admin.register(InformationItem)
class InformationItemAdmin(_ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "title",
        "organisation",
        "index_number",
        "status",
        "normative_kind",
        "validity",
        "published_on",
        "publish_due_on",
    )
    list_filter = ("status", "normative_kind", "validity", "disclosure")
    search_fields = ("title", "index_number", "document_number")
    inlines = [AttachmentInline, EventInline]


@admin.register(ChecklistQuestion)
class ChecklistQuestionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("text", "organisation", "position", "active", "pass_answer")
    list_filter = ("active",)


@admin.register(CatalogueCategory)
class CatalogueCategoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "code", "organisation", "parent", "position")
    list_filter = ("organisation",)


@admin.register(Guide)
class GuideAdmin(_ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("organisation", "version", "status", "published_on")


@admin.register(PolicyInterpretation)
class PolicyInterpretationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "document", "kind", "published_on")


@admin.register(DecisionCount)
class DecisionCountAdmin(_ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "organisation",
        "year",
        "licensing",
        "punishment",
        "coercion",
        "fees_wan_yuan",
        "source",
    )
    list_filter = ("year",)
