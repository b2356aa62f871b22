"""Responses every interface app gives the same way."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def not_found(request: HttpRequest, message: str) -> HttpResponse:
    """The 404 page with a message saying what was not found."""
    return render(request, "404.html", {"message": message}, status=404)
