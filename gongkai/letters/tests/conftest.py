from __future__ import annotations

import pytest

from gongkai.applications.tests.conftest import (  # noqa: F401 (fixtures)
    World,
    _fresh_calendars,
)
from gongkai.applications.tests.conftest import world as case_world  # noqa: F401
from gongkai.orgs.tests.factories import OrganisationFactory


@pytest.fixture
def world(case_world: World) -> World:  # noqa: F811
    """The applications' world, with the county under a city government (the
    reconsideration organ of the county's decisions, 行政复议法第二十四条)."""
    city = OrganisationFactory.create(name="示例市人民政府", code="411700")
    case_world.county.parent = city
    case_world.county.short_name = "示例县政府"
    case_world.county.save()
    return case_world


__all__ = ["World"]
