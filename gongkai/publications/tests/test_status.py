"""The workflow table (no database)."""

from __future__ import annotations

from gongkai.publications.status import PENDING, TERMINAL, TRANSITIONS, Status


def test_every_status_has_its_transitions() -> None:
    assert set(TRANSITIONS) == set(Status)


def test_publication_goes_through_both_approvals() -> None:
    assert TRANSITIONS[Status.DRAFT] == {Status.SUBMITTED}
    assert Status.PUBLISHED not in TRANSITIONS[Status.SUBMITTED]
    assert TRANSITIONS[Status.REVIEWED] == {Status.PUBLISHED, Status.DRAFT}


def test_withdrawn_is_final_and_the_clock_runs_before_publication() -> None:
    assert {Status.WITHDRAWN} == TERMINAL
    assert {Status.DRAFT, Status.SUBMITTED, Status.REVIEWED} == PENDING
