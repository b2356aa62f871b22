"""The applications app's world (a county, two units, the office and a clerk of
each unit), with e-mail addresses, for the reminder tests."""

from __future__ import annotations

import pytest

from gongkai.applications.tests.conftest import World, _fresh_calendars, world

__all__ = ["_fresh_calendars", "mailed_world", "world"]


@pytest.fixture
def mailed_world(world: World) -> World:
    for user in (world.office, world.leader, world.clerk_a, world.clerk_b):
        user.email = f"{user.username}@example.gov.cn"
        user.save(update_fields=["email"])
    return world
