"""Staff page of in-app notifications (status changes of their cases, due-date
reminders): unread first, each linked to its case; mark one or all as read.

Views check the input and call ``reminders.selectors`` / ``reminders.services``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from gongkai.accounts.models import User
from gongkai.reminders.selectors import notification_list, notification_unread_count
from gongkai.reminders.services import notification_mark_read

PAGE_SIZE = 30


class AuthenticatedHttpRequest(HttpRequest):
    user: User


def _page_number(value: str | None) -> int:
    """A page number from the query string; anything else is page 1 (never a 500)."""
    if value is not None and value.isdigit() and 0 < len(value) < 7:
        return int(value)
    return 1


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: AuthenticatedHttpRequest) -> HttpResponse:
    unread_only = request.GET.get("show") == "unread"
    if request.method == "POST":
        return _mark_read(request, unread_only=unread_only)
    paginator = Paginator(
        notification_list(user=request.user, unread_only=unread_only), PAGE_SIZE
    )
    page = paginator.get_page(_page_number(request.GET.get("page")))
    return render(
        request,
        "backoffice/notifications.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread": notification_unread_count(user=request.user),
        },
    )


def _mark_read(request: AuthenticatedHttpRequest, *, unread_only: bool) -> HttpResponse:
    target = reverse("backoffice:notifications")
    if unread_only:
        target += "?show=unread"
    if request.POST.get("all") == "1":
        ids = None
    else:
        raw = request.POST.getlist("id")
        if not raw or not all(v.isdigit() and len(v) < 19 for v in raw):
            messages.error(request, _("请选择要标为已读的通知。"))
            return redirect(target)
        ids = [int(v) for v in raw]
    n = notification_mark_read(user=request.user, ids=ids)
    messages.success(
        request,
        ngettext("已将 %(n)d 条通知标为已读。", "已将 %(n)d 条通知标为已读。", n)
        % {"n": n},
    )
    return redirect(target)
