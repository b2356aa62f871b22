"""Responses every interface app gives the same way."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header


def not_found(request: HttpRequest, message: str) -> HttpResponse:
    """The 404 page with a message saying what was not found."""
    return render(request, "404.html", {"message": message}, status=404)


def attachment_response(
    data: bytes, name: str, content_type: str, *, private: bool = False
) -> HttpResponse:
    """A file to download as ``name``, its type not to be second-guessed by the
    browser; ``private``: never kept by a shared cache."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = (
        content_disposition_header(True, name) or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response
