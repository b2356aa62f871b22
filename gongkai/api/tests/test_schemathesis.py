"""The API keeps the promises of its OpenAPI document: schemathesis loads the
document the site serves (/api/v1/openapi.json) and sends every operation generated
requests, valid and invalid, signed out and signed in as staff (who see drafts),
through the WSGI application in this process.  Any server error, any status code
the document does not list, any body that does not match its schema and any wrong
content type fails the test.

Run time is bounded by ``MAX_EXAMPLES`` per operation, mode and user; in CI the
hypothesis profile (conftest.py) derandomizes the examples."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode, checks

from gongkai.accounts.models import User
from gongkai.annual_reports.models import AnnualReport

MAX_EXAMPLES = 30
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def test_every_operation_is_exercised() -> None:
    assert {(o.method.upper(), o.path) for o in OPERATIONS} == {
        ("GET", "/api/v1/reports"),
        ("GET", "/api/v1/reports/{org_id}/{year}"),
        ("POST", "/api/v1/check"),
    }


@pytest.fixture
def same_connection() -> Iterator[None]:
    """Let requests through the WSGI application use the test's transaction (as
    Django's test client does): no connection closed at a request's start or end."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["anonymous", "staff"])
def cookies(request: pytest.FixtureRequest, db: None) -> dict[str, str]:
    if request.param == "anonymous":
        return {}
    staff: User = request.getfixturevalue("handler")
    client = Client()
    client.force_login(staff)
    return {name: morsel.value for name, morsel in client.cookies.items()}


def _validate(case: schemathesis.Case[Any], cookies: dict[str, str]) -> int:
    return case.call_and_validate(cookies=cookies, checks=CHECKS).status_code


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.label)
def test_generated_requests_get_documented_answers(
    operation: Any,
    mode: GenerationMode,
    cookies: dict[str, str],
    published: AnnualReport,
    draft: AnnualReport,
    same_connection: None,
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        deadline=None,
    )
    def run(case: schemathesis.Case[Any]) -> None:
        _validate(case, cookies)

    run()


def _case(path: str, method: str = "GET") -> Callable[..., schemathesis.Case[Any]]:
    operation = next(
        o for o in OPERATIONS if o.path == path and o.method.upper() == method
    )
    return operation.Case


@pytest.mark.parametrize("filter_by", [{}, {"year": 2023}, {"org": "财政"}])
def test_listing_real_reports_conforms(
    cookies: dict[str, str],
    published: AnnualReport,
    draft: AnnualReport,
    same_connection: None,
    filter_by: dict[str, Any],
) -> None:
    assert _validate(_case("/api/v1/reports")(query=filter_by), cookies) == 200


@pytest.mark.parametrize("which", ["published", "draft"])
def test_real_reports_conform(
    request: pytest.FixtureRequest,
    cookies: dict[str, str],
    which: str,
    same_connection: None,
) -> None:
    """Generated ids almost never name a report: these do, a published one and a
    draft (200 for staff of its organ, 404 for the public)."""
    report: AnnualReport = request.getfixturevalue(which)
    path = {"org_id": report.organisation_id, "year": report.year}
    case = _case("/api/v1/reports/{org_id}/{year}")(path_parameters=path)
    visible = which == "published" or bool(cookies)
    assert _validate(case, cookies) == (200 if visible else 404)
