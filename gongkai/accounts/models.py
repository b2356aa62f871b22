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


class ApiToken(BaseModel):
    """A token with which a staff system calls the API as ``user``
    (``Authorization: Bearer <token>``).  Only the SHA-256 of the token is kept:
    the token itself is shown once, when it is made (``gongkai token create``)."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("用户"),
    )
    name = models.CharField(_("名称"), max_length=100)
    #: The first characters of the token, to tell tokens apart (not secret).
    prefix = models.CharField(_("前缀"), max_length=12)
    key_hash = models.CharField(_("令牌摘要"), max_length=64, unique=True)
    last_used_at = models.DateTimeField(_("最近使用时间"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None
