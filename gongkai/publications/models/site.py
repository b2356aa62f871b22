"""What an organ keeps beside its items: the catalogue (公开目录), the guide
(公开指南), the policy interpretations (政策解读) and the decision counts of section 二."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.publications.models.choices import InterpretationKind, Source


class CatalogueCategory(BaseModel):
    """A category of an organ's 政府信息公开目录 (a tree).  ``code`` goes into the
    索引号 of the items published under it."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="catalogue_categories",
        verbose_name=_("机关"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("上级分类"),
    )
    name = models.CharField(_("名称"), max_length=200)
    code = models.CharField(_("分类代码"), max_length=40)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["organisation", "position", "pk"]
        verbose_name = _("公开目录分类")
        verbose_name_plural = _("公开目录分类")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="category_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")


class Guide(BaseModel):
    """One version of an organ's 政府信息公开指南; the newest published one is shown."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="guides",
        verbose_name=_("机关"),
    )
    version = models.PositiveIntegerField(_("版本"))
    body = models.TextField(_("正文"))  # sanitised HTML
    status = models.CharField(
        _("状态"), max_length=20, choices=GuideStatus.choices, default=GuideStatus.DRAFT
    )
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["organisation", "-version"]
        verbose_name = _("政府信息公开指南")
        verbose_name_plural = _("政府信息公开指南")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "version"], name="guide_version_unique"
            ),
            models.CheckConstraint(
                condition=Q(status=GuideStatus.DRAFT) | Q(published_on__isnull=False),
                name="guide_published_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} v{self.version}"


class PolicyInterpretation(BaseModel):
    """A 政策解读 of a document, shown with it."""

    document = models.ForeignKey(
        "publications.InformationItem",
        on_delete=models.CASCADE,
        related_name="interpretations",
        verbose_name=_("所解读的文件"),
    )
    kind = models.CharField(
        _("解读形式"), max_length=20, choices=InterpretationKind.choices
    )
    title = models.CharField(_("标题"), max_length=500)
    body = models.TextField(_("正文"), blank=True)  # sanitised HTML
    file = models.FileField(
        _("图解或视频文件"), upload_to="publications/interpretations/%Y/", blank=True
    )
    video_url = models.URLField(_("视频地址"), max_length=500, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["document", "pk"]
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=InterpretationKind.values),
                name="interpretation_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DecisionCount(BaseModel):
    """A unit's decisions and fees of one year (第二十条第（五）、（六）、（八）项),
    entered or imported from the business system: the rest of section 二."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="decision_counts",
        verbose_name=_("单位"),
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    licensing = models.PositiveIntegerField(_("行政许可 本年处理决定数量"), default=0)
    punishment = models.PositiveIntegerField(_("行政处罚 本年处理决定数量"), default=0)
    coercion = models.PositiveIntegerField(_("行政强制 本年处理决定数量"), default=0)
    fees_wan_yuan = models.DecimalField(
        _("行政事业性收费 本年收费金额（万元）"),
        max_digits=18,
        decimal_places=6,
        default=0,
    )
    source = models.CharField(
        _("来源"), max_length=20, choices=Source.choices, default=Source.ENTERED
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["-year", "organisation"]
        verbose_name = _("处理决定和收费数量")
        verbose_name_plural = _("处理决定和收费数量")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="decision_count_unique"
            ),
            models.CheckConstraint(
                condition=Q(fees_wan_yuan__gte=0), name="decision_fee_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"
