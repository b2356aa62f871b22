from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from gongkai.accounts.models import Membership, User

if TYPE_CHECKING:  # the stubs' generics, which Django's classes refuse at run time
    _MembershipInline = admin.TabularInline[Membership, User]
    _UserAdmin = BaseUserAdmin[User]
    _MembershipAdmin = admin.ModelAdmin[Membership]
else:
    _MembershipInline = admin.TabularInline
    _UserAdmin = BaseUserAdmin
    _MembershipAdmin = admin.ModelAdmin


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
