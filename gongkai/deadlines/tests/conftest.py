from __future__ import annotations

import pytest

from gongkai.deadlines.calendar import (
    BusinessCalendar,
    Source,
    YearTable,
    calendar_from_sources,
)

_NATIONAL = calendar_from_sources(first_year=2004, last_year=2030)


@pytest.fixture(scope="session")
def national() -> BusinessCalendar:
    """chinesecalendar for 2004–2026, provisional for 2027–2030 (built once)."""
    return _NATIONAL


@pytest.fixture(scope="session")
def no_holiday_calendar() -> BusinessCalendar:
    """Monday–Friday only, 2024–2026: for examples whose arithmetic is easy to see."""
    return BusinessCalendar(
        YearTable(year=y, source=Source.OFFICE) for y in (2024, 2025, 2026)
    )
