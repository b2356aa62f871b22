"""Numbers in URLs: every route of the site (walked from the root URLconf, so a new
route is covered without a new test) answers 404 for an id or year that is huge,
negative or zero, never a server error."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls.converters import IntConverter

from gongkai.config.tests.routes import Route, walk_routes
from gongkai.core.converters import MAX_ID, IdConverter, YearConverter

NUMERIC = (IntConverter, IdConverter, YearConverter)
BAD_NUMBERS = [
    "99999999999999999999",
    "9223372036854775808",  # 2**63: one past the largest id
    "-9999999999999999999",
    "-1",
    "0",
    "00",
]
#: In range but naming nothing: the view runs and must answer 4xx, not 500.
ABSENT = {IdConverter: str(MAX_ID), YearConverter: "9999", IntConverter: str(MAX_ID)}
GOOD = {IdConverter: "1", YearConverter: "2024", IntConverter: "1"}
OTHER = "x"  # str, slug, path
KNOWN_TEXT = {"ext": "pdf"}  # so that a download route reaches its view


ROUTES = list(walk_routes())
NUMBERED = [
    r for r in ROUTES if any(isinstance(c, NUMERIC) for c in r.converters().values())
]


def _values(route: Route, numbers: dict[str, str]) -> dict[str, str]:
    values = {}
    for name, converter in route.converters().items():
        if isinstance(converter, NUMERIC):
            values[name] = numbers.get(name, GOOD[type(converter)])
        else:
            values[name] = KNOWN_TEXT.get(name, OTHER)
    return values


def _bad_urls(route: Route) -> Iterator[str]:
    names = [n for n, c in route.converters().items() if isinstance(c, NUMERIC)]
    for name, bad in itertools.product(names, BAD_NUMBERS):
        yield route.url(_values(route, {name: bad}))  # one bad, the others good
    for bad in BAD_NUMBERS:
        yield route.url(_values(route, dict.fromkeys(names, bad)))


def test_the_walk_finds_the_numbered_routes() -> None:
    names = {r.name for r in NUMBERED}
    assert {"report", "report_detail_api", "edit", "download"} <= names
    assert len(NUMBERED) >= 10


def test_no_route_takes_an_unbounded_int() -> None:
    """Project routes use <id:...> and <year:...> (gongkai.core.converters)."""
    unbounded = [
        r.url({n: f"<{n}>" for n in r.converters()})
        for r in NUMBERED
        if any(type(c) is IntConverter for c in r.converters().values())
    ]
    assert unbounded == []


@pytest.mark.parametrize("route", NUMBERED, ids=lambda r: r.url(_values(r, {})))
def test_numbers_out_of_range_are_404(admin_client: Client, route: Route) -> None:
    """Signed in as a superuser, so that no login redirect hides a crash."""
    answers = {url: admin_client.get(url).status_code for url in _bad_urls(route)}
    assert {url: s for url, s in answers.items() if s != 404} == {}


@pytest.mark.parametrize("route", NUMBERED, ids=lambda r: r.url(_values(r, {})))
def test_numbers_in_range_naming_nothing_are_not_a_server_error(
    admin_client: Client, route: Route
) -> None:
    absent = {
        name: ABSENT[type(c)]
        for name, c in route.converters().items()
        if isinstance(c, NUMERIC)
    }
    url = route.url(_values(route, absent))
    for method in (admin_client.get, admin_client.post):
        status = method(url).status_code
        assert 400 <= status < 500, (method.__name__, url, status)
