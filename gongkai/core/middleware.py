"""Request middleware: the chosen language, and transactions for writing requests.

Language: Simplified Chinese unless the user chose English.

The user interface speaks zh-hans by default; English is a second locale a person
picks with the language switcher (which sets Django's language cookie).  A browser's
Accept-Language alone does not switch a Chinese government site to English, so it is
ignored: the language comes from the cookie, else LANGUAGE_CODE.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpRequest, HttpResponse


class ChosenLanguageOnlyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class AtomicWritesMiddleware:
    """Run each view that may write in one transaction; leave reads outside one.

    This replaces Django's ``ATOMIC_REQUESTS``, which wraps every view.  On SQLite
    every transaction takes the write lock when it begins (``IMMEDIATE``, see the
    settings), so wrapping GET requests made readers queue behind each other and
    behind writers: the public report page's p99 latency under 8 connections went
    from 102 ms to 754 ms (``benchmarks/bench_web.py``).  A GET, HEAD or OPTIONS
    request reads in autocommit; services that write open their own transaction.

    A view marked with ``transaction.non_atomic_requests`` is left alone, as with
    ``ATOMIC_REQUESTS``.  Must be the last middleware: it calls the view itself.
    """

    SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[object, ...],
        view_kwargs: dict[str, object],
    ) -> HttpResponse | None:
        if not settings.GONGKAI_ATOMIC_WRITE_REQUESTS:
            return None
        if request.method in self.SAFE_METHODS:
            return None
        if DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", set()):
            return None
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            return view_func(request, *view_args, **view_kwargs)
