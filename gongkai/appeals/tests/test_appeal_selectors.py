"""Section 四 counted from the appeals (国办公开办函〔2021〕30号 section 四: 结果维持,
结果纠正, 其他结果, 尚未审结), and the staff list."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.models import PENDING, AppealKind
from gongkai.appeals.selectors import (
    appeal_counts_for_report,
    appeal_get_for_staff,
    appeal_ids_for_cell,
    appeal_list_for_staff,
    counting_reading,
    reconsiderations_to_sue_after,
)
from gongkai.appeals.tests.factories import decided_case, filed
from gongkai.applications.tests.conftest import World
from gongkai.core.errors import DomainError

pytestmark = pytest.mark.django_db

REC = AppealKind.RECONSIDERATION
DIRECT = AppealKind.LITIGATION_DIRECT
AFTER = AppealKind.LITIGATION_AFTER_RECONSIDERATION


@pytest.fixture
def appeals(world: World):
    """2024: a reconsideration still open at 31 December 2024, decided (corrected)
    in 2025; one filed and upheld in 2024; a lawsuit after it, open at the end of
    2025; a direct lawsuit filed 2025, other; one filed 2025 never decided."""
    a = decided_case(world, date(2024, 3, 4), date(2024, 3, 20))
    b = decided_case(world, date(2024, 9, 2), date(2024, 9, 20))
    c = decided_case(world, date(2025, 1, 6), date(2025, 1, 20))
    return {
        "open_over_new_year": filed(
            world, a, date(2024, 11, 4), decided=date(2025, 2, 3), outcome="corrected"
        ),
        "upheld_2024": (
            up := filed(
                world,
                b,
                date(2024, 10, 8),
                decided=date(2024, 12, 31),
                outcome="upheld",
            )
        ),
        "after_open": filed(world, b, date(2025, 1, 10), AFTER, follows=up),
        "direct_other": filed(
            world,
            c,
            date(2025, 2, 1),
            DIRECT,
            decided=date(2025, 6, 1),
            outcome="other",
        ),
        "open_2025": filed(world, c, date(2025, 12, 31)),
    }


def test_open_at_year_end_counts_as_pending_and_outcomes_in_the_year_decided(
    world: World, appeals
) -> None:
    """The issue's rule: an appeal open at 31 December counts as 尚未审结 that year;
    an outcome counts in the year it was decided (``year_end`` reading)."""
    ids = [world.county.pk]
    assert counting_reading() == "year_end"
    assert appeal_counts_for_report(organisation_ids=ids, year=2024) == {
        (REC, PENDING): 1,
        (REC, "upheld"): 1,
    }
    assert appeal_counts_for_report(organisation_ids=ids, year=2025) == {
        (REC, "corrected"): 1,
        (REC, PENDING): 1,
        (AFTER, PENDING): 1,
        (DIRECT, "other"): 1,
    }
    assert appeal_counts_for_report(organisation_ids=ids, year=2023) == {}
    assert appeal_counts_for_report(organisation_ids=[world.unit_a.pk], year=2025) == {}


def test_filed_in_year_reading(world: World, appeals, settings) -> None:
    """The other reading: only appeals filed in the year, as they stood on 31
    December (the 2024 reconsideration decided in 2025 is never reported decided)."""
    settings.GONGKAI_APPEAL_COUNTING = "filed_in_year"
    ids = [world.county.pk]
    assert appeal_counts_for_report(organisation_ids=ids, year=2024) == {
        (REC, PENDING): 1,
        (REC, "upheld"): 1,
    }
    assert appeal_counts_for_report(organisation_ids=ids, year=2025) == {
        (REC, PENDING): 1,
        (AFTER, PENDING): 1,
        (DIRECT, "other"): 1,
    }
    settings.GONGKAI_APPEAL_COUNTING = "sometimes"
    with pytest.raises(DomainError, match="GONGKAI_APPEAL_COUNTING"):
        appeal_counts_for_report(organisation_ids=ids, year=2025)


@pytest.mark.parametrize("year", [2024, 2025])
@pytest.mark.parametrize("kind", [REC, DIRECT, AFTER])
@pytest.mark.parametrize("result", ["upheld", "corrected", "other", PENDING])
def test_each_cell_lists_the_appeals_it_counts(
    world: World, appeals, year, kind, result
) -> None:
    ids = [world.county.pk]
    listed = appeal_ids_for_cell(
        organisation_ids=ids, year=year, kind=kind, result=result
    )
    counts = appeal_counts_for_report(organisation_ids=ids, year=year)
    assert len(listed) == counts.get((kind, result), 0)
    if (year, kind, result) == (2024, REC, PENDING):
        assert listed == [appeals["open_over_new_year"].pk]


def test_an_unknown_cell_is_a_key_error(world: World) -> None:
    with pytest.raises(KeyError):
        appeal_ids_for_cell(
            organisation_ids=[world.county.pk], year=2025, kind=REC, result="won"
        )


def test_staff_see_the_appeals_of_the_cases_they_see(world: World, appeals) -> None:
    everything = set(appeal_list_for_staff(user=world.office))
    assert everything == set(appeals.values())
    assert set(appeal_list_for_staff(user=world.clerk_a)) == everything  # unit A's
    assert list(appeal_list_for_staff(user=world.clerk_b)) == []
    pending = set(appeal_list_for_staff(user=world.office, pending=True))
    assert pending == {appeals["after_open"], appeals["open_2025"]}
    one = appeals["open_2025"]
    assert appeal_get_for_staff(user=world.clerk_a, pk=one.pk) == one
    assert appeal_get_for_staff(user=world.clerk_b, pk=one.pk) is None
    assert appeal_get_for_staff(user=world.office, pk=10**9) is None


def test_only_decided_reconsiderations_can_be_sued_after(world: World, appeals) -> None:
    up = appeals["upheld_2024"]
    assert list(reconsiderations_to_sue_after(application_id=up.application_id)) == [up]
    open_one = appeals["open_2025"]
    assert not reconsiderations_to_sue_after(
        application_id=open_one.application_id
    ).exists()
