from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.annual_reports import format as fmt
from gongkai.core.models import BaseModel


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")


class Source(models.TextChoices):
    MANUAL = "manual", _("手工填报")
    IMPORTED = "imported", _("从已发布报告导入")
    COMPUTED = "computed", _("由办理记录计算")


class AnnualReport(BaseModel):
    """One organ's annual report for one statistical year.

    ``statistics`` holds the interchange form of ../shared/annual-report.schema.json
    (null = not reported, 0 = zero, fee as a decimal string).  Only services write it,
    and they keep ``findings`` (the check results) in step with it.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="annual_reports",
        verbose_name=_("机关"),
    )
    year = models.PositiveSmallIntegerField(_("统计年度"))
    format_version = models.CharField(
        _("格式版本"),
        max_length=20,
        default=fmt.FORMAT_2021,
        choices=[
            (fmt.FORMAT_2021, "国办公开办函〔2021〕30号"),
            (fmt.FORMAT_2019_TRIAL, "国办公开办函〔2019〕60号（试行）"),
        ],
    )
    title = models.CharField(_("标题"), max_length=300, blank=True)
    statistics = models.JSONField(_("统计数据"), default=dict)
    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(_("六、其他需要报告的事项"), blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    source = models.CharField(
        _("来源"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    findings = models.JSONField(_("检查结果"), default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-year", "organisation__name"]
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="annual_report_org_year_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="annual_report_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class AnnualReportEvent(BaseModel):
    """Audit trail: one row per state change of a report."""

    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(max_length=50)  # e.g. "annual_reports.published"
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(blank=True)
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
