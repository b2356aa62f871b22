from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from gongkai.orgs.models import Organisation

if TYPE_CHECKING:  # the stubs' generics, which Django's classes refuse at run time
    _OrganisationAdmin = admin.ModelAdmin[Organisation]
else:
    _OrganisationAdmin = admin.ModelAdmin


@admin.register(Organisation)
class OrganisationAdmin(_OrganisationAdmin):
    list_display = ("name", "level", "kind", "parent", "code", "confirmed")
    list_filter = ("level", "kind", "confirmed")
    search_fields = ("name", "short_name", "code")
    autocomplete_fields = ("parent",)
