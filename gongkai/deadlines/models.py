"""The office's holiday table: each year's State Council arrangement as typed in, and
regional additions.  Written only by ``services.holiday_year_enter``; read by
``selectors.calendar_build``."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel

FIRST_YEAR = 2004  # the first year chinesecalendar has; earlier deadlines are not kept
LAST_YEAR = 2100


class DayKind(models.TextChoices):
    REST = "rest", _("放假")
    WORK = "work", _("调休上班")


class HolidayYear(BaseModel):
    """One year's arrangement from 《国务院办公厅关于{year}年部分节假日安排的通知》."""

    year = models.PositiveSmallIntegerField(
        _("年份"),
        unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    notice_title = models.CharField(_("通知标题"), max_length=200)
    notice_number = models.CharField(
        _("文号"),
        max_length=100,
        blank=True,
        help_text=_("例如：国办发明电〔2025〕7号"),
    )
    notice_date = models.DateField(_("通知日期"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")

    def __str__(self) -> str:
        return f"{self.year}年节假日安排"


class HolidayDay(BaseModel):
    """A rest day or a make-up working day of one year's arrangement."""

    holiday_year = models.ForeignKey(
        HolidayYear, on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("日期"))
    kind = models.CharField(_("类型"), max_length=10, choices=DayKind.choices)
    name = models.CharField(_("节日"), max_length=50, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日")
        verbose_name_plural = _("节假日")
        constraints = [
            models.UniqueConstraint(
                fields=["holiday_year", "date"], name="deadlines_holiday_day_once"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=DayKind.values),
                name="deadlines_holiday_day_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()} {self.name}".strip()

    def clean(self) -> None:
        if self.kind == DayKind.WORK and self.date.weekday() < 5:
            raise ValidationError(
                {
                    "date": _(
                        "调休上班日必须是周六或周日：%(date)s 本来就是工作日，"
                        "请改正日期或删除这一行"
                    )
                    % {"date": self.date.isoformat()}
                }
            )


class RegionalHoliday(BaseModel):
    """A rest day an organ keeps besides the national ones (民族自治地方, art. 4 of
    《全国年节及纪念日放假办法》); it applies to the organ and every organ below it."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="regional_holidays",
        verbose_name=_("机关"),
    )
    date = models.DateField(_("日期"))
    name = models.CharField(_("节日"), max_length=50)
    basis = models.CharField(
        _("依据"), max_length=200, blank=True, help_text=_("例如：自治条例或当地规定")
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("地方节日")
        verbose_name_plural = _("地方节日")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "date"], name="deadlines_regional_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.date.isoformat()} {self.name}"


class HolidayYearEvent(BaseModel):
    """Audit trail: one row each time a year is entered or replaced."""

    holiday_year = models.ForeignKey(
        HolidayYear, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(max_length=50)  # "deadlines.holiday_year_entered"
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
