"""The list and the clock board ask a fixed number of queries whatever the number
of items."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.backoffice.tests.publications.conftest import Pub

pytestmark = pytest.mark.django_db


def _count(pub: Pub, url: str) -> int:
    browser = pub.client(pub.office)
    browser.get(url)  # warm the session and the calendars
    with CaptureQueriesContext(connection) as queries:
        assert browser.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "name", ["backoffice:publications:items", "backoffice:publications:clock"]
)
def test_queries_do_not_grow_with_items(pub: Pub, name: str) -> None:
    url = reverse(name)
    for n in range(2):
        pub.draft(title=f"信息{n}", formed_on=date(2025, 1, 2))
    few = _count(pub, url)
    for n in range(2, 12):
        pub.draft(
            title=f"信息{n}",
            formed_on=date(2025, 1, 2),
            organisation=pub.other if n % 2 else pub.unit,
            actor=pub.other_handler if n % 2 else pub.handler,
        )
    assert _count(pub, url) == few
