from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext as _

from gongkai.accounts.models import ApiToken, Membership, User
from gongkai.accounts.tokens import api_token_create, api_token_revoke
from gongkai.core import clock
from gongkai.core.errors import DomainError

if TYPE_CHECKING:  # the stubs' generics, which Django's classes refuse at run time
    _MembershipInline = admin.TabularInline[Membership, User]
    _UserAdmin = BaseUserAdmin[User]
    _MembershipAdmin = admin.ModelAdmin[Membership]
    _ApiTokenAdmin = admin.ModelAdmin[ApiToken]
    from django.db.models import QuerySet
    from django.forms import ModelForm
else:
    _MembershipInline = admin.TabularInline
    _UserAdmin = BaseUserAdmin
    _MembershipAdmin = admin.ModelAdmin
    _ApiTokenAdmin = admin.ModelAdmin


class MembershipInline(_MembershipInline):
    model = Membership
    extra = 1
    autocomplete_fields = ("organisation",)


@admin.register(User)
class UserAdmin(_UserAdmin):
    inlines = (MembershipInline,)
    list_display = ("username", "display_name", "is_staff", "is_superuser")
    fieldsets: ClassVar[Any] = (
        *(BaseUserAdmin.fieldsets or ()),
        ("gongkai", {"fields": ("display_name",)}),
    )


@admin.register(Membership)
class MembershipAdmin(_MembershipAdmin):
    list_display = ("user", "organisation", "role")
    list_filter = ("role",)
    autocomplete_fields = ("user", "organisation")


@admin.register(ApiToken)
class ApiTokenAdmin(_ApiTokenAdmin):
    """Tokens are made here (the token is shown once, in the message) or with
    ``gongkai token create``, and revoked with the action; nothing else changes."""

    list_display = (
        "name",
        "user",
        "prefix",
        "created_at",
        "last_used_at",
        "revoked_at",
    )
    list_filter = ("revoked_at",)
    search_fields = ("name", "user__username", "prefix")
    autocomplete_fields = ("user",)
    actions = ("revoke",)

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> Any:
        if obj is None:
            return ("user", "name")
        return ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")

    def get_readonly_fields(
        self, request: HttpRequest, obj: ApiToken | None = None
    ) -> Any:
        if obj is None:
            return ()
        return self.get_fields(request, obj)

    def save_model(
        self,
        request: HttpRequest,
        obj: ApiToken,
        form: ModelForm[ApiToken],
        change: bool,
    ) -> None:
        if change:
            return
        created = api_token_create(user=obj.user, name=obj.name)
        obj.pk = created.token.pk
        self.message_user(
            request,
            _("令牌只显示这一次，请复制保存：%(token)s") % {"token": created.secret},
            messages.WARNING,
        )

    @admin.action(description=_("吊销所选令牌"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        n = 0
        for token in queryset.filter(revoked_at__isnull=True):
            try:
                api_token_revoke(token=token, now=clock.now())
                n += 1
            except DomainError as exc:
                self.message_user(request, exc.message, messages.ERROR)
        self.message_user(request, _("已吊销 %(n)d 个令牌") % {"n": n})
