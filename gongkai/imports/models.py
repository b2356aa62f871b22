"""Imports of published annual reports: the files, the batches and what each file
gave.  (People's corrections of parsed values are cell overrides:
``annual_reports.ReportCellOverride``.)

Only :mod:`gongkai.imports.services` writes these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel


class SourceFile(BaseModel):
    """One source file, stored once per content (by SHA-256)."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    name = models.CharField(_("文件名"), max_length=255)
    path = models.CharField(_("首次导入路径"), max_length=1000, blank=True)
    content = models.BinaryField(_("文件内容"))
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    kind = models.CharField(_("文件类型"), max_length=20, blank=True)
    encoding = models.CharField(_("编码"), max_length=40, blank=True)
    text = models.TextField(_("提取的文本"), blank=True)
    first_imported_at = models.DateTimeField(_("首次导入时间"))
    last_imported_at = models.DateTimeField(_("最近导入时间"))

    class Meta:
        ordering = ["-last_imported_at", "-pk"]
        verbose_name = _("来源文件")
        verbose_name_plural = _("来源文件")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_imported_at__gte=models.F("first_imported_at")),
                name="source_file_import_times_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(sha256=""), name="source_file_sha256_set"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.sha256[:12]})"


class ImportBatch(BaseModel):
    """One run of ``gongkai import`` (or of an import from the web)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_batches",
        verbose_name=_("操作人"),
    )
    paths = models.JSONField(_("导入的路径"), default=list, blank=True)
    started_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    imported_count = models.PositiveIntegerField(_("导入"), default=0)
    unchanged_count = models.PositiveIntegerField(_("未变"), default=0)
    failed_count = models.PositiveIntegerField(_("失败"), default=0)
    #: Run by background tasks, one per file (``ImportBatchFile``).
    background = models.BooleanField(_("后台导入"), default=False)
    #: Files not imported, each ``{"path": …, "reason": …}``: same content as
    #: another file of the batch, or not a report file (in a zip).
    skipped = models.JSONField(_("跳过的文件"), default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")
        constraints = [
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True)
                | Q(finished_at__gte=models.F("started_at")),
                name="import_batch_finished_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.started_at:%Y-%m-%d %H:%M}"


class RecordStatus(models.TextChoices):
    IMPORTED = "imported", _("已导入")
    UNCHANGED = "unchanged", _("未变")
    FAILED = "failed", _("失败")


class ImportRecord(BaseModel):
    """What importing one file in one batch gave."""

    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.CASCADE,
        related_name="records",
        verbose_name=_("批次"),
    )
    path = models.CharField(_("路径"), max_length=1000)
    source_file = models.ForeignKey(
        SourceFile,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("来源文件"),
    )
    status = models.CharField(_("结果"), max_length=20, choices=RecordStatus.choices)
    error = models.TextField(_("失败原因"), blank=True)
    report = models.ForeignKey(
        "annual_reports.AnnualReport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_records",
        verbose_name=_("年度报告"),
    )
    #: The statistics as parsed (before any correction), interchange form.
    statistics = models.JSONField(_("解析的统计数据"), null=True, blank=True)
    findings = models.JSONField(_("解析结果"), default=list, blank=True)
    provenance = models.JSONField(_("数值来源位置"), default=dict, blank=True)
    detected = models.JSONField(_("识别信息"), default=dict, blank=True)
    #: The numbers of the running text (never cells), compact: see
    #: ``imports.services.importing.stored_figures``.
    narrative_figures = models.JSONField(_("正文中的数字"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("导入记录")
        verbose_name_plural = _("导入记录")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RecordStatus.values),
                name="import_record_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=RecordStatus.FAILED) | ~Q(error=""),
                name="import_record_failure_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=RecordStatus.IMPORTED)
                | Q(source_file__isnull=False, statistics__isnull=False),
                name="import_record_imported_has_source",
            ),
        ]
        indexes = [models.Index(fields=["report", "status"])]

    def __str__(self) -> str:
        return f"{self.path}: {self.get_status_display()}"


class ImportEvent(BaseModel):
    """Audit trail of import actions that are not a report's own change (a report's
    changes are recorded as AnnualReportEvent)."""

    action = models.CharField(max_length=50)  # e.g. "imports.organisation_confirmed"
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    batch = models.ForeignKey(
        ImportBatch,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class FileState(models.TextChoices):
    """Where one file of a background batch stands."""

    PENDING = "pending", _("排队中")
    RUNNING = "running", _("导入中")
    DONE = "done", _("完成")
    FAILED = "failed", _("失败")


class ImportBatchFile(BaseModel):
    """One file of a background batch (``gongkai import --background`` or an
    upload): imported by its own task (``imports.tasks.import_file``), so that a
    failed file is reported and retried alone.  The bytes are kept as the
    SourceFile (stored when the batch is made), so any worker can read them; a
    file that could not be read then has none and is read again from ``path``."""

    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("批次"),
    )
    path = models.CharField(_("路径"), max_length=1000)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    source_file = models.ForeignKey(
        SourceFile,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="batch_files",
        verbose_name=_("来源文件"),
    )
    state = models.CharField(
        _("状态"), max_length=20, choices=FileState.choices, default=FileState.PENDING
    )
    error = models.TextField(_("失败原因"), blank=True)
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    task_id = models.CharField(_("任务"), max_length=64, blank=True)
    record = models.ForeignKey(
        ImportRecord,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("导入记录"),
    )
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    class Meta:
        ordering = ["batch", "pk"]
        verbose_name = _("批次中的文件")
        verbose_name_plural = _("批次中的文件")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=FileState.values),
                name="import_batch_file_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state=FileState.FAILED) | ~Q(error=""),
                name="import_batch_file_failure_has_reason",
            ),
            # The same content is imported once per batch.
            models.UniqueConstraint(
                fields=["batch", "sha256"],
                condition=~Q(sha256=""),
                name="import_batch_file_once_per_batch",
            ),
        ]
        indexes = [models.Index(fields=["batch", "state"])]

    def __str__(self) -> str:
        return f"{self.path}: {self.get_state_display()}"
