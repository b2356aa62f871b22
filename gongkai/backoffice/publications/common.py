"""What every publications page shares: the door (login, a staff role of
publishing, a service's ``PermissionDenied`` as the 403 page), loading an item,
and putting a service's error on the form."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from gongkai.accounts.models import User
from gongkai.accounts.scope import user_scope
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import not_found
from gongkai.orgs.models import Organisation
from gongkai.publications import permissions
from gongkai.publications.models import InformationItem


class AuthenticatedHttpRequest(HttpRequest):
    user: User


def publications_view(
    roles: frozenset[str] = permissions.VIEW_ROLES,
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """Login required; one of ``roles`` held somewhere (403 otherwise); a
    service's ``PermissionDenied`` becomes the 403 page."""

    def decorate(
        view: Callable[..., HttpResponseBase],
    ) -> Callable[..., HttpResponseBase]:
        @login_required
        @wraps(view)
        def wrapper(
            request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if not permissions.holds_any(request.user, roles):
                raise PermissionDenied(_("您的账号没有这项主动公开工作的岗位。"))
            try:
                return view(request, *args, **kwargs)
            except DomainPermissionDenied as exc:
                raise PermissionDenied(exc.message) from exc

        return wrapper

    return decorate


def item_or_404(
    request: AuthenticatedHttpRequest, pk: int
) -> InformationItem | HttpResponse:
    item = (
        InformationItem.objects.select_related(
            "organisation", "category", "submitted_by", "reviewed_by", "approved_by"
        )
        .filter(pk=pk)
        .first()
    )
    if item is None:
        return not_found(request, _("没有这条政府信息。"))
    if not user_scope(request.user).has_role(
        item.organisation_id, permissions.VIEW_ROLES
    ):
        raise PermissionDenied(
            _("您无权办理「%(title)s」：它不属于您所在的机关。") % {"title": item.title}
        )
    return item


def organs(user: User, roles: frozenset[str]) -> Any:
    """The organs where ``user`` holds one of ``roles`` (there or above)."""
    return user_scope(user).organisations(roles).order_by("name")


def chosen_organ(
    request: AuthenticatedHttpRequest, roles: frozenset[str]
) -> tuple[Organisation, Any]:
    """The organ named by ``?org=`` (or the first one) among the user's organs for
    ``roles``; 403 when there is none, or the one named is not among them."""
    choices = organs(request.user, roles)
    wanted = request.GET.get("org") or request.POST.get("org")
    organ = (
        choices.filter(pk=wanted).first()
        if wanted and str(wanted).isdigit()
        else choices.first()
    )
    if organ is None:
        raise PermissionDenied(_("您不是该机关的公开办管理员。"))
    return organ, choices


def add_domain_error(form: forms.BaseForm, exc: DomainError) -> None:
    """A service's error next to the field it names, else above the form."""
    name = getattr(exc, "field", None)
    form.add_error(name if name in form.fields else None, exc.message)
