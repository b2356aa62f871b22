"""Test-wide setup: mark every test that touches the database with ``db`` so that
``make test`` can run exactly those again on PostgreSQL."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Timing is not what these properties test: a busy 2-core machine must not fail
# them.  In CI the examples are derandomized so that a run is reproducible.
_RELAXED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", **_RELAXED)
settings.register_profile("ci", derandomize=True, print_blob=True, **_RELAXED)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

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
