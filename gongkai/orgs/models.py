from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel


class Level(models.TextChoices):
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")
    TOWNSHIP = "township", _("乡镇/街道")


class Kind(models.TextChoices):
    GOVERNMENT = "government", _("人民政府")
    DEPARTMENT = "department", _("政府部门")
    TOWNSHIP = "township", _("乡镇人民政府/街道办事处")
    OTHER = "other", _("其他机关")


class Organisation(BaseModel):
    """An administrative organ (行政机关) that discloses and reports."""

    name = models.CharField(_("名称"), max_length=200, unique=True)
    short_name = models.CharField(_("简称"), max_length=100, blank=True)
    code = models.CharField(
        _("代码"),
        max_length=64,
        blank=True,
        help_text=_("统一社会信用代码或行政区划代码"),
    )
    level = models.CharField(
        _("层级"), max_length=20, choices=Level.choices, default=Level.COUNTY
    )
    kind = models.CharField(
        _("类型"), max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级机关"),
    )
    confirmed = models.BooleanField(
        _("已确认"),
        default=True,
        help_text=_("导入时自动创建的机关需要有人确认名称和上级"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("机关")
        verbose_name_plural = _("机关")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=~models.Q(code=""),
                name="org_code_unique_when_set",
            ),
        ]

    def __str__(self) -> str:
        return self.name
