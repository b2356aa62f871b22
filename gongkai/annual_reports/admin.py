from django.contrib import admin

from gongkai.annual_reports.models import AnnualReport, AnnualReportEvent


class EventInline(admin.TabularInline):
    model = AnnualReportEvent
    extra = 0
    readonly_fields = ("action", "actor", "note", "payload", "created_at")
    can_delete = False


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = (
        "organisation",
        "year",
        "status",
        "source",
        "error_count",
        "warning_count",
        "published_on",
    )
    list_filter = ("status", "source", "year", "format_version")
    search_fields = ("organisation__name", "title")
    readonly_fields = ("findings", "error_count", "warning_count")
    inlines = (EventInline,)
