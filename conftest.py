"""Test-wide setup: mark every test that touches the database with ``db`` so that
``make test`` can run exactly those again on PostgreSQL."""

from __future__ import annotations

import pytest

DB_FIXTURES = {
    "db",
    "transactional_db",
    "client",
    "admin_client",
    "admin_user",
    "django_user_model",
    "live_server",
    "django_db_setup",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or names & DB_FIXTURES:
            item.add_marker(pytest.mark.db)
