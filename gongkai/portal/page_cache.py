"""The public pages' cache: a rendered page is kept in Django's cache (a file cache
shared by every server process) and served again until something it shows changes.

A page's key holds

- a *generation*: a random token in the cache, replaced on every publish, amend,
  withdraw, repeal, lapse and import (``publications.hooks``), so that every page
  made before the change is missed at once and ages out of the cache;
- a *site stamp*: the latest change and the number of rows of the small tables a
  page shows besides items (organs, catalogue categories, guides, policy
  interpretations, annual reports), read in one query, so that those changes show
  at once too without a hook of their own;
- the language, the display mode (适老化) and the full path with its query.

Never cached: a signed-in user's request (the header names them; drafts), a request
with pending messages, anything but GET, and any response that is not a plain 200
(errors, redirects, ``private``/``no-store`` responses, responses setting cookies).
The CSRF token of the header's forms is not kept: the page is rendered with a
marker in its place and each request gets its own token when the page is served.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, Final, TypeVar

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from gongkai.portal.display import display_mode

GENERATION_KEY: Final = "portal:pages:generation"
#: Rendered instead of the CSRF token in a page that is being cached.
CSRF_MARKER: Final = "__gongkai_csrf_token__"
#: Response headers kept with a page.
KEPT_HEADERS: Final = ("Content-Type", "Content-Language")
#: Set on a served page: "hit" (from the cache) or "miss" (rendered and kept).
STATUS_HEADER: Final = "X-Page-Cache"
_MAKING: Final = "_gongkai_page_cache_making"

View = Callable[..., HttpResponse]
T = TypeVar("T")


def page_cache_seconds() -> int:
    return int(getattr(settings, "GONGKAI_PAGE_CACHE_SECONDS", 300))


def page_cache_generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY) or ""
    return str(token)


def page_cache_invalidate() -> None:
    """Miss every page kept so far (a fresh random token: a token lost from the
    cache never brings old pages back)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def on_publication_changed(change: object) -> None:
    """The ``publications.hooks`` listener: any public change misses every page
    (lists, feeds, the organ's pages and the search page all show items)."""
    page_cache_invalidate()


def _stamp_tables() -> list[str]:
    from gongkai.annual_reports.models import AnnualReport
    from gongkai.orgs.models import Organisation
    from gongkai.publications.models import (
        CatalogueCategory,
        Guide,
        PolicyInterpretation,
    )

    models = (
        Organisation,
        CatalogueCategory,
        Guide,
        PolicyInterpretation,
        AnnualReport,
    )
    return [m._meta.db_table for m in models]


def site_stamp() -> str:
    parts = ", ".join(
        f'(SELECT MAX(updated_at) FROM "{t}"), (SELECT COUNT(*) FROM "{t}")'  # noqa: S608 - model tables
        for t in _stamp_tables()
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + parts)
        row = cursor.fetchone()
    return hashlib.sha1(repr(row).encode(), usedforsecurity=False).hexdigest()[:16]


def page_key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return ":".join(
        (
            "portal:page",
            page_cache_generation(),
            site_stamp(),
            get_language() or "",
            display_mode(request),
            path,
        )
    )


def remember(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept like a page (same generation, stamp and lifetime): for
    parts many pages share, such as the search page's filter choices."""
    seconds = page_cache_seconds()
    if seconds <= 0:
        return compute()
    key = (
        f"portal:part:{page_cache_generation()}:{site_stamp()}:{get_language()}:{name}"
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value  # type: ignore[no-any-return]


def _cacheable(request: HttpRequest) -> bool:
    if page_cache_seconds() <= 0 or request.method != "GET":
        return False
    if request.user.is_authenticated:
        return False
    return len(messages.get_messages(request)) == 0


def making_page(request: HttpRequest) -> bool:
    """True while a page for the cache is rendered (the context processor then
    gives the marker instead of the CSRF token)."""
    return bool(getattr(request, _MAKING, False))


def _storable(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
    )


def _with_token(request: HttpRequest, content: bytes) -> bytes:
    marker = CSRF_MARKER.encode()
    if marker not in content:
        return content
    return content.replace(marker, get_token(request).encode())


def _serve(request: HttpRequest, stored: dict[str, Any], status: str) -> HttpResponse:
    response = HttpResponse(_with_token(request, stored["content"]))
    for name, value in stored["headers"].items():
        response[name] = value
    patch_vary_headers(response, ("Cookie",))
    response[STATUS_HEADER] = status
    return response


def cache_public_page(view: View) -> View:
    """Keep the view's page for anonymous readers (see the module's docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            return _serve(request, stored, "hit")
        setattr(request, _MAKING, True)
        try:
            response = view(request, *args, **kwargs)
        finally:
            setattr(request, _MAKING, False)
        if response.streaming:
            return response
        stored = {
            "content": response.content,
            "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
        }
        if not _storable(response):
            response.content = _with_token(request, response.content)
            return response
        cache.set(key, stored, page_cache_seconds())
        return _serve(request, stored, "miss")

    return wrapper
