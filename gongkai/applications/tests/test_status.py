from __future__ import annotations

import pytest

from gongkai.applications.status import (
    CLOSED,
    OPEN,
    TERMINAL,
    TRANSITIONS,
    Status,
    can_transition,
)

ALL = list(Status)


def test_every_status_has_a_row() -> None:
    assert set(TRANSITIONS) == set(Status)


def test_archived_is_the_only_terminal_status() -> None:
    assert {Status.ARCHIVED} == TERMINAL


def test_a_concluded_case_never_reopens() -> None:
    for s in CLOSED:
        assert not TRANSITIONS[s] & OPEN


@pytest.mark.parametrize("current", ALL)
@pytest.mark.parametrize("to", ALL)
def test_table(current: Status, to: Status) -> None:
    assert can_transition(current, to) is (to in TRANSITIONS[current])


def test_correction_stops_only_to_restart_abandon_or_withdraw() -> None:
    """第三十条: while the correction is awaited the case can only restart (the
    corrected application arrived), be abandoned, or be withdrawn."""
    assert TRANSITIONS[Status.AWAITING_CORRECTION] == {
        Status.IN_PROGRESS,
        Status.ABANDONED,
        Status.WITHDRAWN,
    }
