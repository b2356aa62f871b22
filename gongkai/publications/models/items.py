"""Information items, their attachments, timeline and pre-publication review.
Thin: only ``services`` write them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.publications.models.choices import (
    Answer,
    Disclosure,
    NormativeKind,
    Source,
    Validity,
    WithheldGround,
)
from gongkai.publications.status import Status

_USER = settings.AUTH_USER_MODEL


def _user_fk(label: Any) -> Any:
    return models.ForeignKey(
        _USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=label,
    )


class InformationItem(BaseModel):
    """One piece of government information (政府信息) as the office publishes it."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="information_items",
        verbose_name=_("发布机构"),
    )
    category = models.ForeignKey(
        "publications.CatalogueCategory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("目录分类"),
    )
    title = models.CharField(_("标题"), max_length=500)
    body = models.TextField(_("正文"), blank=True)  # sanitised HTML
    index_number = models.CharField(
        _("索引号"), max_length=100, unique=True, null=True, blank=True
    )
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    topic = models.CharField(_("主题分类"), max_length=100, blank=True)
    genre = models.CharField(_("体裁"), max_length=50, blank=True)
    normative_kind = models.CharField(
        _("文件类型"),
        max_length=20,
        choices=NormativeKind.choices,
        default=NormativeKind.NONE,
        blank=True,
    )
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    validity = models.CharField(
        _("有效性"), max_length=20, choices=Validity.choices, default=Validity.VALID
    )
    effective_on = models.DateField(_("施行日期"), null=True, blank=True)
    amended_on = models.DateField(_("修改日期"), null=True, blank=True)
    lapsed_on = models.DateField(_("失效日期"), null=True, blank=True)
    repealed_on = models.DateField(_("废止日期"), null=True, blank=True)
    disclosure = models.CharField(
        _("公开属性"),
        max_length=20,
        choices=Disclosure.choices,
        default=Disclosure.PROACTIVE,
    )
    withheld_ground = models.CharField(
        _("不予公开的理由"), max_length=40, choices=WithheldGround.choices, blank=True
    )
    disclosure_note = models.TextField(_("公开属性说明"), blank=True)
    channels = models.JSONField(_("公开渠道"), default=list, blank=True)
    channel_other = models.CharField(_("其他渠道"), max_length=200, blank=True)
    formed_on = models.DateField(_("信息形成或者变更之日"))
    publish_due_on = models.DateField(_("应公开期限"), null=True, blank=True)
    due_provisional = models.BooleanField(_("期限为暂定"), default=False)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    major_policy = models.BooleanField(
        _("重大政策"), default=False, help_text=_("需要配套政策解读")
    )
    replaces = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("修订或替代的文件"),
    )
    source = models.CharField(
        _("来源"), max_length=20, choices=Source.choices, default=Source.ENTERED
    )
    legacy_url = models.URLField(_("原网址"), max_length=500, blank=True)
    created_by = _user_fk(_("起草人"))
    submitted_by = _user_fk(_("提交人"))
    reviewed_by = _user_fk(_("审核人"))
    approved_by = _user_fk(_("审批人"))

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("政府信息")
        verbose_name_plural = _("政府信息")
        indexes = [
            models.Index(
                fields=["status", "disclosure", "-published_on"], name="pub_item_public"
            ),
            models.Index(
                fields=["organisation", "status", "publish_due_on"], name="pub_item_due"
            ),
            models.Index(
                fields=["organisation", "normative_kind", "written_on"],
                name="pub_item_normative",
            ),
            models.Index(
                fields=["category", "-published_on"], name="pub_item_category"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="pub_item_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(normative_kind__in=NormativeKind.values),
                name="pub_item_normative_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(validity__in=Validity.values),
                name="pub_item_validity_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    disclosure=Disclosure.WITHHELD,
                    withheld_ground__in=WithheldGround.values,
                )
                | (~Q(disclosure=Disclosure.WITHHELD) & Q(withheld_ground="")),
                name="pub_item_withheld_ground",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED)
                | (Q(published_on__isnull=False) & Q(index_number__isnull=False)),
                name="pub_item_published_indexed",
            ),
            models.CheckConstraint(
                condition=Q(repealed_on__isnull=True) | Q(validity=Validity.REPEALED),
                name="pub_item_repealed_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED and self.disclosure == Disclosure.PROACTIVE
        )


class ItemAttachment(BaseModel):
    item = models.ForeignKey(
        InformationItem, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("文件"), upload_to="publications/%Y/")
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["item", "position", "pk"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.original_name


class ItemEvent(models.Model):
    """One line of an item's timeline: who did what, when, with the comment and the
    values before and after.  Written by every service, once per call."""

    item = models.ForeignKey(
        InformationItem, on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("事项"), max_length=40)
    on = models.DateField(_("日期"))
    comment = models.TextField(_("意见"), blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.on} {self.action}"


class IndexCounter(models.Model):
    """The last serial of 索引号 given by an organ for a category code and year: the
    row is locked while a number is taken, and a number is never given twice."""

    organisation = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT)
    category_code = models.CharField(max_length=40, blank=True)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "category_code", "year"],
                name="index_counter_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}-{self.category_code}-{self.year}: {self.last}"


class ChecklistQuestion(BaseModel):
    """A question of the 保密审查 checklist (第十七条), kept by the office.  It applies
    at its organ and every organ below (everywhere when ``organisation`` is None)."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checklist_questions",
        verbose_name=_("机关"),
    )
    text = models.CharField(_("审查事项"), max_length=300)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    active = models.BooleanField(_("启用"), default=True)
    pass_answer = models.CharField(
        _("可以发布的回答"), max_length=3, choices=Answer.choices, default=Answer.NO
    )
    #: A bar no note lifts: 第十四条 (state secrets, what laws forbid, what would
    #: endanger the four securities) — unlike 第十五条/第十六条, where the reviewer
    #: may explain why the information can still be published.
    absolute = models.BooleanField(
        _("不得说明后公开"),
        default=False,
        help_text=_("回答与「可以发布的回答」不同时，一律不得发布（如第十四条的情形）"),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("保密审查事项")
        verbose_name_plural = _("保密审查事项")

    def __str__(self) -> str:
        return self.text


class ReviewAnswer(models.Model):
    """The answer a 审核人 gave to one checklist question in one review."""

    event = models.ForeignKey(
        ItemEvent, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        ChecklistQuestion, on_delete=models.PROTECT, related_name="answers"
    )
    question_text = models.CharField(_("审查事项"), max_length=300)
    answer = models.CharField(_("回答"), max_length=3, choices=Answer.choices)
    note = models.CharField(_("说明"), max_length=500, blank=True)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("保密审查记录")
        verbose_name_plural = _("保密审查记录")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "question"], name="review_answer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_text}: {self.answer}"
