"""Errors under /api/ in the API's JSON shape, also when Django answers them
before (or instead of) an API view: a path that matches nothing (404), a method
the path does not take (405, answered by django-ninja as text), a malformed request
(400, e.g. a Host not in ALLOWED_HOSTS), a server error (500)."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from gongkai.api.errors import STATUS_CODES, error_body

API_PREFIX = "/api/"


class ApiErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or not _needs_shape(response):
            return response
        if response.status_code == 500 and settings.DEBUG:
            return response  # keep the traceback page for the developer
        shaped = JsonResponse(
            error_body(STATUS_CODES[response.status_code]),
            status=response.status_code,
            json_dumps_params={"ensure_ascii": False},
        )
        for header, value in response.items():  # Allow, Vary, X-Frame-Options…
            if header.lower() not in {"content-type", "content-length"}:
                shaped[header] = value
        return shaped


def _needs_shape(response: HttpResponse) -> bool:
    if response.status_code not in STATUS_CODES:
        return False
    content_type = response.get("Content-Type", "")
    if not content_type.startswith("application/json"):
        return True
    try:  # JSON already, but is it ours? (django-ninja's own {"detail": ...})
        body = json.loads(response.content)
    except (ValueError, AttributeError):
        return True
    return not (isinstance(body, dict) and "code" in body and "message" in body)
