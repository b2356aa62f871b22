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
    """The report's mode: which pipeline gives its machine values.  (Each cell's own
    origin is in ``AnnualReport.origins``.)  The mode decides what may write the
    report: an import never overwrites a typed or computed report, and only an
    imported report needs a person's choice to reach the public."""

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
    #: ``validation.rules.RULES_VERSION`` of the check that gave ``findings``.
    rules_version = models.CharField(_("检查规则版本"), max_length=40, blank=True)
    #: Path string → origin of the cell, packed (see ``annual_reports.origins``).
    origins = models.JSONField(_("单元格来源"), default=dict, blank=True)
    #: An imported report reaches the public portal and API only when a person with
    #: publish rights chooses to show it there (the office's own reports: when
    #: published).
    shown_publicly = models.BooleanField(_("在公开页面展示"), default=False)

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


class OverrideEnd(models.TextChoices):
    SUPERSEDED = "superseded", _("已被新的更正替代")
    WITHDRAWN = "withdrawn", _("已撤销")


class ReportCellOverride(BaseModel):
    """A person's override of one cell's machine value (imported, computed, typed or
    aggregated), kept with who made it, when (``created_at``) and why (``note``).

    ``machine_value`` is the machine value when the override was made: when the
    machine later gives something else there, the override stays in force and a
    finding asks a person to review it.  At most one override per cell is active.
    (These were ``imports.ReportCorrection`` before they served every report.)
    """

    report = models.ForeignKey(
        AnnualReport,
        on_delete=models.CASCADE,
        related_name="overrides",
        verbose_name=_("年度报告"),
    )
    path = models.CharField(_("单元格"), max_length=100)
    value = models.JSONField(_("更正后的值"), null=True, blank=True)
    previous_value = models.JSONField(_("更正前的值"), null=True, blank=True)
    machine_value = models.JSONField(_("更正时的机器值"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="report_cell_overrides",
        verbose_name=_("更正人"),
    )
    note = models.TextField(_("说明"), blank=True)
    active = models.BooleanField(_("有效"), default=True)
    end_reason = models.CharField(
        _("失效原因"), max_length=20, blank=True, choices=OverrideEnd.choices
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("失效操作人"),
    )
    end_note = models.TextField(_("失效说明"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("被替代于"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("单元格更正")
        verbose_name_plural = _("单元格更正")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "path"],
                condition=models.Q(active=True),
                name="report_cell_override_one_active_per_cell",
            ),
            models.CheckConstraint(
                condition=~models.Q(path=""), name="report_cell_override_path_set"
            ),
            models.CheckConstraint(
                condition=models.Q(active=True, end_reason="")
                | models.Q(
                    active=False,
                    ended_by__isnull=False,
                    end_reason__in=OverrideEnd.values,
                ),
                name="report_cell_override_end_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.path}: {self.previous_value} → {self.value}"
