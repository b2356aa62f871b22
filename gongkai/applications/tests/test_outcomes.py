"""The applications app's plain codes are the report's (it never imports
``annual_reports``; test code may)."""

from __future__ import annotations

from gongkai.annual_reports.statistics.outcomes import (
    APPLICANT_TYPES,
    OUTCOME_BY_CODE,
    OUTCOMES,
)
from gongkai.applications.outcomes import BASIS, ApplicantType, Outcome


def test_outcome_codes_match_the_report() -> None:
    assert list(Outcome.values) == [o.code for o in OUTCOMES]


def test_basis_matches_the_report() -> None:
    assert dict(BASIS.items()) == {code: o.basis for code, o in OUTCOME_BY_CODE.items()}


def test_applicant_types_match_the_report() -> None:
    assert list(ApplicantType.values) == [code for code, _ in APPLICANT_TYPES]
