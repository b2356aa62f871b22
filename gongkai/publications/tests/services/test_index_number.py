"""索引号: organ code, category code, year and serial; unique, never reused."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from gongkai.publications.models import IndexCounter, InformationItem
from gongkai.publications.services import category_save, item_withdraw
from gongkai.publications.tests.conftest import TODAY
from gongkai.publications.tests.factories import ItemFactory

pytestmark = pytest.mark.django_db


def test_serials_per_organ_category_and_year(world) -> None:
    policy = category_save(
        organisation=world.unit, actor=world.office, name="政策文件", code="02"
    )
    first = world.publish(world.draft(category=policy))
    second = world.publish(world.draft(category=policy))
    other = world.publish(world.draft())
    next_year = world.publish(world.draft(category=policy), on=date(2026, 1, 5))
    assert [first.index_number, second.index_number] == [
        "411728NY-02-2025-00001",
        "411728NY-02-2025-00002",
    ]
    assert other.index_number == "411728NY-00-2025-00001"
    assert next_year.index_number == "411728NY-02-2026-00001"


def test_a_withdrawn_or_deleted_items_number_is_never_given_again(world) -> None:
    first = world.publish(world.draft())
    item_withdraw(item=first, actor=world.office, today=TODAY, comment="错发")
    second = world.publish(world.draft())
    InformationItem.objects.filter(pk=second.pk).delete()
    third = world.publish(world.draft())
    assert third.index_number == "411728NY-00-2025-00003"
    assert IndexCounter.objects.get(organisation=world.unit).last == 3


def test_a_number_already_held_by_an_import_is_skipped(world) -> None:
    ItemFactory.create(organisation=world.unit, index_number="411728NY-00-2025-00001")
    item = world.publish(world.draft())
    assert item.index_number == "411728NY-00-2025-00002"


def test_the_database_refuses_a_duplicate_number(world) -> None:
    ItemFactory.create(organisation=world.unit, index_number="X-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        ItemFactory.create(organisation=world.unit, index_number="X-1")
