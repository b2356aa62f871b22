"""The large-text, high-contrast mode for older readers (适老化, GB/T 37668 and
WCAG 2.1 AA): a link in every page's header turns it on or off.  It works without
script: the link goes to ``display_toggle``, which keeps the choice in a cookie for
a year and sends the reader back to the page they were on.  The context processor
gives every template the mode, the link and the page's language tag."""

from __future__ import annotations

from typing import Final

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

COOKIE: Final = "gongkai_display"
LARGE: Final = "large"
NORMAL: Final = "normal"
MODES: Final = (NORMAL, LARGE)
COOKIE_AGE: Final = 365 * 24 * 3600
#: BCP 47 tags of the site's languages (Django's codes are lower case).
HTML_LANG: Final = {"zh-hans": "zh-Hans", "en": "en"}


def display_mode(request: HttpRequest) -> str:
    mode = request.COOKIES.get(COOKIE, NORMAL)
    return mode if mode in MODES else NORMAL


def _next_url(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("portal:home")


def display_toggle(request: HttpRequest) -> HttpResponseRedirect:
    """Set the display mode (``?mode=large`` or ``normal``) and go back."""
    mode = request.GET.get("mode", NORMAL)
    response = HttpResponseRedirect(_next_url(request))
    if mode == LARGE:
        response.set_cookie(
            COOKIE,
            LARGE,
            max_age=COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    response["Cache-Control"] = "no-store"
    return response


def display_context(request: HttpRequest) -> dict[str, object]:
    """Template context: ``display_large``, the toggle's link and label, the
    ``lang`` of the page, and the CSRF marker while a page is made for the cache."""
    from gongkai.portal.page_cache import CSRF_MARKER, making_page

    large = display_mode(request) == LARGE
    query = urlencode(
        {"mode": NORMAL if large else LARGE, "next": request.get_full_path()}
    )
    context: dict[str, object] = {
        "display_large": large,
        "display_toggle_url": f"{reverse('portal:display')}?{query}",
        "display_toggle_label": _("退出长者模式") if large else _("长者模式"),
        "display_toggle_hint": _("大字体、高对比度"),
        "html_lang": HTML_LANG.get(get_language() or "", settings.LANGUAGE_CODE),
    }
    if making_page(request):
        context["csrf_token"] = CSRF_MARKER
    return context
