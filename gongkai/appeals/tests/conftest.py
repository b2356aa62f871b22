from __future__ import annotations

from gongkai.applications.tests.conftest import _fresh_calendars, world

__all__ = ["_fresh_calendars", "world"]
