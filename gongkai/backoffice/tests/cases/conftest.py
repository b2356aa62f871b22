"""The case pages run on the applications' test world (a county, two units, the
office, the 分管领导 and a clerk of each unit), with the clock fixed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from gongkai.applications.tests.conftest import (  # noqa: F401 - fixtures
    World,
    _fresh_calendars,
    world,
)
from gongkai.core import clock

#: "Today" of the pages unless a test moves it: a Monday after every receipt date.
TODAY = date(2025, 3, 10)


@pytest.fixture
def set_today(monkeypatch: pytest.MonkeyPatch) -> Callable[[date], None]:
    def move(day: date) -> None:
        monkeypatch.setattr(clock, "today", lambda: day)

    move(TODAY)
    return move
