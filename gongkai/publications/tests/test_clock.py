"""第二十六条: information of 主动公开 is published within 20 working days of the
day it was formed or changed, on the working-day calendar (holidays and make-up
working days counted as the State Council's notice sets them)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.deadlines.calendar import BusinessCalendar, Source, YearTable
from gongkai.publications.clock import ARTICLE, publish_deadline
from gongkai.publications.models import Disclosure
from gongkai.publications.selectors import (
    item_clock_by_unit,
    item_list_due_soon,
    item_list_late,
)
from gongkai.publications.services import item_update
from gongkai.publications.tests.conftest import TODAY


@pytest.mark.parametrize(
    ("formed", "due"),
    [
        (date(2025, 1, 20), date(2025, 2, 21)),  # over the Spring Festival
        (date(2025, 9, 25), date(2025, 10, 29)),  # over National Day, 调休 Saturdays
        (date(2025, 12, 31), date(2026, 1, 29)),  # over 元旦, into the next year
        (date(2024, 9, 27), date(2024, 10, 30)),
    ],
)
@pytest.mark.django_db
def test_article_26_twenty_working_days_with_holidays(world, formed, due) -> None:
    """《政府信息公开条例》第二十六条 (domain-spec §2.3 test vectors)."""
    item = world.draft(formed_on=formed, today=formed)
    assert item.publish_due_on == due
    assert ARTICLE.endswith("第二十六条")


def test_article_26_pure_count_without_holidays() -> None:
    """第二十六条 on a calendar of weekdays only (no database)."""
    calendar = BusinessCalendar(
        [YearTable(year=y, source=Source.OFFICE) for y in (2025, 2026)]
    )
    assert publish_deadline(formed_on=date(2025, 3, 3), calendar=calendar).date == (
        date(2025, 3, 31)
    )


@pytest.mark.django_db
def test_only_proactive_items_have_the_clock(world) -> None:
    item = world.draft(disclosure=Disclosure.ON_REQUEST)
    assert item.publish_due_on is None
    item = item_update(
        item=item, actor=world.handler, today=TODAY, disclosure=Disclosure.PROACTIVE
    )
    assert item.publish_due_on == date(2025, 3, 31)


@pytest.mark.django_db
def test_the_office_sees_what_is_late_and_due_per_unit(world) -> None:
    """第二十六条 per unit: late, due within five working days, published late."""
    late = world.draft(formed_on=date(2025, 1, 2), today=date(2025, 1, 2))
    soon = world.draft(formed_on=date(2025, 2, 24), today=date(2025, 2, 24))
    world.draft(formed_on=date(2025, 3, 3))  # due 31 March: neither
    published_late = world.draft(formed_on=date(2025, 1, 2), today=date(2025, 1, 2))
    world.publish(published_late, on=date(2025, 3, 3))
    today = date(2025, 3, 17)
    ids = [world.county.pk, world.unit.pk]
    assert list(item_list_late(organisation_ids=ids, today=today)) == [late]
    assert soon.publish_due_on == date(2025, 3, 24)
    assert list(item_list_due_soon(organisation_ids=ids, today=today)) == [soon]
    (unit,) = item_clock_by_unit(organisation_ids=ids, today=today)
    assert (unit.organisation_id, unit.waiting, unit.late, unit.due_soon) == (
        world.unit.pk,
        3,
        1,
        1,
    )
    assert unit.published_late == 1
