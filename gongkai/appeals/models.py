"""Administrative reconsideration (行政复议) and lawsuits (行政诉讼) brought against
the handling of a disclosure application (第五十一条), and their timeline.

The kinds and results are the plain codes section 四 of the annual report counts
(``annual_reports.statistics.outcomes.APPEAL_KINDS`` / ``APPEAL_RESULTS``; a test
keeps the lists equal): this app never imports ``annual_reports``.  An appeal with
no outcome is 尚未审结 (``PENDING``).  Thin: only ``services`` write them.
"""

from __future__ import annotations

from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER_RECONSIDERATION = (
        "litigation_after_reconsideration",
        _("行政诉讼（复议后起诉）"),
    )


class AppealOutcome(models.TextChoices):
    """The result columns of section 四 (撤回、终止、驳回起诉等 count as 其他)."""

    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")


#: The fourth column of section 四: no result yet (``Appeal.outcome`` is empty).
PENDING: Final = "pending"
PENDING_LABEL: Final = "尚未审结"

LITIGATION: Final = frozenset(
    {AppealKind.LITIGATION_DIRECT, AppealKind.LITIGATION_AFTER_RECONSIDERATION}
)


class Appeal(BaseModel):
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.PROTECT,
        related_name="appeals",
        verbose_name=_("被申请复议或起诉的申请"),
    )
    kind = models.CharField(_("类别"), max_length=40, choices=AppealKind.choices)
    follows = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lawsuits",
        verbose_name=_("所针对的行政复议"),
    )
    filed_on = models.DateField(_("申请复议或起诉日期"))
    body = models.CharField(_("复议机关或人民法院"), max_length=200)
    case_number = models.CharField(_("案号"), max_length=100, blank=True)
    outcome = models.CharField(
        _("审结结果"), max_length=20, choices=AppealOutcome.choices, blank=True
    )
    outcome_detail = models.CharField(
        _("结论"), max_length=200, blank=True
    )  # e.g. 驳回诉讼请求、撤销、确认违法、撤回、终止
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("行政复议或行政诉讼")
        verbose_name_plural = _("行政复议和行政诉讼")
        indexes = [
            models.Index(fields=["application", "kind"], name="appeal_app_kind"),
            models.Index(fields=["decided_on", "kind"], name="appeal_decided"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AppealKind.values), name="appeal_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=AppealOutcome.values),
                name="appeal_outcome_valid",
            ),
            # An outcome is recorded exactly when the appeal is decided.
            models.CheckConstraint(
                condition=(Q(outcome="") & Q(decided_on__isnull=True))
                | (~Q(outcome="") & Q(decided_on__isnull=False)),
                name="appeal_outcome_iff_decided",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True)
                | Q(decided_on__gte=models.F("filed_on")),
                name="appeal_decided_after_filed",
            ),
            # Only a lawsuit after reconsideration names the reconsideration.
            models.CheckConstraint(
                condition=(
                    Q(kind=AppealKind.LITIGATION_AFTER_RECONSIDERATION)
                    & Q(follows__isnull=False)
                )
                | (
                    ~Q(kind=AppealKind.LITIGATION_AFTER_RECONSIDERATION)
                    & Q(follows__isnull=True)
                ),
                name="appeal_follows_iff_after_reconsideration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.pk}"

    @property
    def is_pending(self) -> bool:
        return not self.outcome

    @property
    def outcome_label(self) -> str:
        return self.get_outcome_display() if self.outcome else PENDING_LABEL


class AppealEvent(models.Model):
    """One line of an appeal's timeline: who recorded what, when, before/after."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("事项"), max_length=40)
    on = models.DateField(_("日期"))
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["appeal", "pk"]
        verbose_name = _("复议诉讼记录")
        verbose_name_plural = _("复议诉讼记录")

    def __str__(self) -> str:
        return f"{self.on} {self.kind}"
