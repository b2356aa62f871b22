"""Letters in the admin: templates and settings editable (template text checked by
``services.template_save``'s rules); issued letters read-only (their text is
frozen as issued)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from gongkai.letters.models import Letter, LetterSettings, LetterTemplate
from gongkai.letters.placeholders import (
    NUMBER_PLACEHOLDERS,
    PlaceholderError,
    check_template,
)


class LetterTemplateForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LetterTemplate
        fields = ["organisation", "kind", "title", "body"]

    def clean_title(self) -> str:
        return self._checked("title", "标题")

    def clean_body(self) -> str:
        return self._checked("body", "正文")

    def _checked(self, name: str, where: str) -> str:
        value: str = self.cleaned_data[name]
        try:
            check_template(value, where=where)
        except PlaceholderError as exc:
            raise forms.ValidationError(exc.message) from exc
        return value


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = LetterTemplateForm
    list_display = ["kind", "organisation", "title", "updated_at", "updated_by"]
    list_filter = ["kind"]
    search_fields = ["title", "organisation__name"]
    autocomplete_fields = ["organisation"]

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class LetterSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LetterSettings
        fields = [
            "organisation",
            "number_pattern",
            "signature",
            "reconsideration_body",
            "court",
            "contact_person",
            "contact_phone",
            "address",
        ]

    def clean_number_pattern(self) -> str:
        value: str = self.cleaned_data["number_pattern"]
        try:
            check_template(value, allowed=NUMBER_PLACEHOLDERS, where="文号格式")
        except PlaceholderError as exc:
            raise forms.ValidationError(exc.message) from exc
        compact = value.replace(" ", "")
        if "{{序号}}" not in compact or "{{年}}" not in compact:
            raise forms.ValidationError("文号格式中须有 {{年}} 和 {{序号}}")
        return value


@admin.register(LetterSettings)
class LetterSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = LetterSettingsForm
    list_display = ["organisation", "number_pattern", "reconsideration_body", "court"]
    autocomplete_fields = ["organisation"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["number", "kind", "application", "issued_on", "issued_by"]
    list_filter = ["kind", "issued_on"]
    search_fields = ["number", "application__tracking_number"]
    date_hierarchy = "issued_on"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
