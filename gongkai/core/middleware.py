"""Language: Simplified Chinese unless the user chose English.

The user interface speaks zh-hans by default; English is a second locale a person
picks with the language switcher (which sets Django's language cookie).  A browser's
Accept-Language alone does not switch a Chinese government site to English, so it is
ignored: the language comes from the cookie, else LANGUAGE_CODE.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ChosenLanguageOnlyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
