from django.contrib import admin

from gongkai.orgs.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "kind", "parent", "code", "confirmed")
    list_filter = ("level", "kind", "confirmed")
    search_fields = ("name", "short_name", "code")
    autocomplete_fields = ("parent",)
