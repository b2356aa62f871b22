"""Letter templates, issued letters, and each organ's letter settings (文号 pattern,
the reconsideration organ and court the remedies clause names, contact).  Thin:
only ``services`` write them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.letters.kinds import LetterKind

DEFAULT_NUMBER_PATTERN = "{{机关简称}}依公开〔{{年}}〕{{序号}}号"


class LetterTemplate(BaseModel):
    """The text of one kind of letter: the default (no organisation) or an organ's
    own version, which wins for the organ and the organs below it."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="letter_templates",
        verbose_name=_("机关"),
        help_text=_("留空为所有机关通用的默认模板"),
    )
    kind = models.CharField(_("文书类别"), max_length=60, choices=LetterKind.choices)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("修改人"),
    )

    class Meta:
        ordering = ["organisation_id", "kind"]
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"],
                condition=Q(organisation__isnull=False),
                name="letter_template_org_kind_unique",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(organisation__isnull=True),
                name="letter_template_default_kind_unique",
            ),
        ]

    def __str__(self) -> str:
        owner = self.organisation.name if self.organisation else _("默认")
        return f"{owner} · {LetterKind(self.kind).label}"


class LetterSettings(BaseModel):
    """An organ's settings for its letters."""

    organisation = models.OneToOneField(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="letter_settings",
        verbose_name=_("机关"),
    )
    number_pattern = models.CharField(
        _("文号格式"),
        max_length=100,
        default=DEFAULT_NUMBER_PATTERN,
        help_text=_(
            "可用占位符：{{机关简称}}、{{年}}、{{序号}}，如 示范县政府依公开〔{{年}}〕{{序号}}号"
        ),
    )
    signature = models.CharField(
        _("署名机关"), max_length=200, blank=True, help_text=_("留空时用机关名称")
    )
    reconsideration_body = models.CharField(
        _("行政复议机关"),
        max_length=200,
        blank=True,
        help_text=_(
            "留空时为上一级人民政府（行政复议法第二十四条）；垂直管理部门请填写上一级主管部门"
        ),
    )
    court = models.CharField(
        _("管辖法院"),
        max_length=200,
        blank=True,
        help_text=_("留空时写“有管辖权的人民法院”"),
    )
    contact_person = models.CharField(_("联系人"), max_length=100, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=60, blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("文书设置")
        verbose_name_plural = _("文书设置")

    def __str__(self) -> str:
        return str(self.organisation)


class LetterCounter(models.Model):
    """The last 文号 serial an organ gave in a year (locked while a number is taken)."""

    organisation = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="letter_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}-{self.year}: {self.last}"


class Letter(BaseModel):
    """An issued letter: its text frozen as issued (later template edits do not
    change it); the PDF and DOCX are laid out from this text."""

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("申请"),
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("发文机关"),
    )
    kind = models.CharField(_("文书类别"), max_length=60, choices=LetterKind.choices)
    number = models.CharField(_("文号"), max_length=100)
    serial = models.PositiveIntegerField(_("顺序号"))
    title = models.CharField(_("标题"), max_length=300)
    body = models.TextField(_("正文"))
    signature = models.CharField(_("署名机关"), max_length=200)
    issued_on = models.DateField(_("成文日期"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("签发人"),
    )
    template = models.ForeignKey(
        LetterTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("所用模板"),
    )

    class Meta:
        ordering = ["application", "issued_on", "pk"]
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "number"], name="letter_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.get_kind_display()}"
