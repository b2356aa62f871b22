"""Writing requests run in a transaction; reading requests do not take one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from gongkai.core.middleware import AtomicWritesMiddleware

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


def _seen_atomic(request: HttpRequest) -> HttpResponse:
    return HttpResponse("yes" if connection.in_atomic_block else "no")


def _call(
    method: str, view: Callable[[HttpRequest], HttpResponse] = _seen_atomic
) -> HttpResponse | None:
    middleware = AtomicWritesMiddleware(lambda request: HttpResponse())
    request = RequestFactory().generic(method, "/")
    return middleware.process_view(request, view, (), {})


@override_settings(GONGKAI_ATOMIC_WRITE_REQUESTS=True)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_writing_request_runs_the_view_in_one_transaction(method: str) -> None:
    response = _call(method)
    assert response is not None
    assert response.content == b"yes"


@override_settings(GONGKAI_ATOMIC_WRITE_REQUESTS=True)
@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_a_reading_request_is_left_to_django_outside_a_transaction(method: str) -> None:
    assert _call(method) is None  # Django calls the view, in autocommit


@override_settings(GONGKAI_ATOMIC_WRITE_REQUESTS=True)
def test_a_view_marked_non_atomic_is_left_alone() -> None:
    assert _call("POST", transaction.non_atomic_requests(_seen_atomic)) is None


@override_settings(GONGKAI_ATOMIC_WRITE_REQUESTS=True)
def test_a_failing_writing_view_rolls_back_what_it_wrote() -> None:
    from gongkai.accounts.models import User

    def failing(request: HttpRequest) -> HttpResponse:
        User.objects.create(username="half-written")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        _call("POST", failing)
    assert not User.objects.filter(username="half-written").exists()


@override_settings(GONGKAI_ATOMIC_WRITE_REQUESTS=False)
def test_switched_off_it_wraps_nothing() -> None:
    assert _call("POST") is None
