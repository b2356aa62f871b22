from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderRun(models.Model):
    """The day's reminder run, claimed by the scheduler before it enqueues the task:
    the unique day makes "once a day" hold across restarts and several workers."""

    day = models.DateField(_("日期"), unique=True)
    enqueued_at = models.DateTimeField(_("排入队列时间"), auto_now_add=True)
    task_id = models.CharField(_("任务编号"), max_length=64, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    cases = models.PositiveIntegerField(_("提醒的申请数"), null=True, blank=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("到期提醒运行记录")
        verbose_name_plural = _("到期提醒运行记录")

    def __str__(self) -> str:
        return self.day.isoformat()
