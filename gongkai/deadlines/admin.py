"""Back-office entry of the holiday table.

The office types a year's arrangement as the State Council notice lists it, one line
per day or period ("2027-02-05 至 2027-02-11 春节"); saving goes through
``services.holiday_year_enter`` (checks, one event row, recompute hooks).  The days
and the events are shown read-only below the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from gongkai.deadlines.errors import HolidayTableError
from gongkai.deadlines.models import (
    DayKind,
    HolidayDay,
    HolidayYear,
    HolidayYearEvent,
    RegionalHoliday,
)
from gongkai.deadlines.services import can_enter_holidays, holiday_year_enter
from gongkai.deadlines.tables import parse_days, year_table_check

if (
    TYPE_CHECKING
):  # the stubs' generics, which Django's classes do not accept at run time
    _YearForm = forms.ModelForm[HolidayYear]
    _DayInline = admin.TabularInline[HolidayDay, HolidayYear]
    _EventInline = admin.TabularInline[HolidayYearEvent, HolidayYear]
    _YearAdmin = admin.ModelAdmin[HolidayYear]
    _RegionalAdmin = admin.ModelAdmin[RegionalHoliday]
else:
    _YearForm = forms.ModelForm
    _DayInline = _EventInline = admin.TabularInline
    _YearAdmin = _RegionalAdmin = admin.ModelAdmin

_HELP = "每行一天或一段，后写节日名称，例如「2027-02-05 至 2027-02-11 春节」"


def _as_text(entry: HolidayYear, kind: DayKind) -> str:
    return "\n".join(
        f"{d.date.isoformat()} {d.name}".strip() for d in entry.days.filter(kind=kind)
    )


class HolidayYearForm(_YearForm):
    rest_days_text = forms.CharField(
        label="放假日期", widget=forms.Textarea(attrs={"rows": 12}), help_text=_HELP
    )
    working_days_text = forms.CharField(
        label="调休上班日期（周六、周日）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_HELP,
    )

    class Meta:
        model = HolidayYear
        fields = ["year", "notice_title", "notice_number", "notice_date"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["rest_days_text"] = _as_text(self.instance, DayKind.REST)
            self.initial["working_days_text"] = _as_text(self.instance, DayKind.WORK)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year = data.get("year")
        rest = work = None
        try:
            rest = parse_days(data.get("rest_days_text") or "", label="放假日期")
        except HolidayTableError as exc:
            self.add_error("rest_days_text", exc.message)
        try:
            work = parse_days(data.get("working_days_text") or "", label="调休上班日期")
        except HolidayTableError as exc:
            self.add_error("working_days_text", exc.message)
        if year is not None and rest is not None and work is not None:
            try:
                year_table_check(year=year, rest_days=rest, working_days=work)
            except HolidayTableError as exc:
                self.add_error(None, exc.message)
        data["rest_days"], data["working_days"] = rest or [], work or []
        return data


class HolidayDayInline(_DayInline):
    model = HolidayDay
    extra = 0
    fields = readonly_fields = ("date", "kind", "name")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class HolidayYearEventInline(_EventInline):
    model = HolidayYearEvent
    extra = 0
    fields = readonly_fields = ("created_at", "action", "actor", "payload")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(HolidayYear)
class HolidayYearAdmin(_YearAdmin):
    form = HolidayYearForm
    list_display = ("year", "notice_number", "notice_title", "notice_date")
    inlines = (HolidayDayInline, HolidayYearEventInline)
    fields = (
        "year",
        "notice_title",
        "notice_number",
        "notice_date",
        "rest_days_text",
        "working_days_text",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return can_enter_holidays(request.user)  # type: ignore[arg-type]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_enter_holidays(request.user)  # type: ignore[arg-type]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a year is replaced, never removed: cases were computed on it

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_staff)

    def save_model(
        self, request: HttpRequest, obj: HolidayYear, form: Any, change: bool
    ) -> None:
        data = form.cleaned_data
        saved = holiday_year_enter(
            year=data["year"],
            notice_title=data["notice_title"],
            notice_number=data.get("notice_number") or "",
            notice_date=data["notice_date"],
            rest_days=data["rest_days"],
            working_days=data["working_days"],
            actor=request.user,  # type: ignore[arg-type]
        )
        obj.pk, obj.created_at, obj.updated_at = (
            saved.pk,
            saved.created_at,
            saved.updated_at,
        )

    def save_related(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        """The inlines are read-only; the service wrote the days."""
        for formset in formsets:  # what the admin's change message reads
            formset.new_objects, formset.changed_objects = [], []
            formset.deleted_objects = []


@admin.register(RegionalHoliday)
class RegionalHolidayAdmin(_RegionalAdmin):
    list_display = ("organisation", "date", "name", "basis")
    list_filter = ("organisation",)
    search_fields = ("organisation__name", "name")

    def get_queryset(self, request: HttpRequest) -> QuerySet[RegionalHoliday]:
        return super().get_queryset(request).select_related("organisation")
