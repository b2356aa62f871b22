from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel


class User(AbstractUser):
    display_name = models.CharField(_("姓名"), max_length=100, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.username


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", _("公开办管理员")
    HANDLER = "handler", _("承办人")
    REVIEWER = "reviewer", _("审核人")
    LEADER = "leader", _("分管领导")
    #: Reviews and corrects the imported reports of the organ it is held at and the
    #: organs below (上级机关的监督检查、第三方评估); cannot see drafts, edit or publish.
    AUDITOR = "auditor", _("监督评估人员")


class Membership(BaseModel):
    """A staff role scoped to an organ (and, for every role, the organs below it)."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("用户"),
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("机关"),
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
