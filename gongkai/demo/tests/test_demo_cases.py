"""The demo county's year of applications: made through the services, every outcome
family and applicant type, some carried over and some open at 31 December, and the
county's report of that year computed from them (sections 三 and 四) passing
``gongkai check``."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from gongkai.annual_reports.models import AnnualReport, Source
from gongkai.annual_reports.models import Status as ReportStatus
from gongkai.appeals.models import Appeal
from gongkai.applications.models import Application, ApplicationEvent, Notification
from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.cli import main
from gongkai.demo.services import COUNTY, demo_load

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 1)
YEAR = 2024
START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)


@pytest.fixture
def loaded(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    demo_load(today=TODAY)
    return tmp_path


def _report(year: int) -> AnnualReport:
    return AnnualReport.objects.get(organisation__name=COUNTY, year=year)


def _the_county_report_is_computed_and_passes_check(loaded, capsys) -> None:
    report = _report(YEAR)
    assert report.source == Source.COMPUTED
    assert report.status == ReportStatus.DRAFT
    assert report.error_count == 0
    path = loaded / "county.json"
    path.write_text(json.dumps(report.statistics, ensure_ascii=False), "utf-8")
    assert main(["check", str(path)]) == 0
    assert "0 个错误" in capsys.readouterr().out


def _sections_three_equal_an_independent_count() -> None:
    apps = list(Application.objects.filter(organisation__name=COUNTY))
    stats = _report(YEAR).statistics["applications"]
    new = [a for a in apps if START <= a.received_on <= END]
    over = [
        a
        for a in apps
        if a.received_on < START and (a.decided_on is None or a.decided_on >= START)
    ]
    forward = [
        a
        for a in apps
        if a.received_on <= END and (a.decided_on is None or a.decided_on > END)
    ]
    assert len(new) > 300
    assert stats["new"][-1] == len(new)
    assert stats["carried_over"][-1] == len(over) > 0
    assert stats["carried_forward"][-1] == len(forward) > 0
    # Last year's typed 结转下年度 is this year's computed 上年结转, column by column.
    previous = _report(YEAR - 1).statistics["applications"]
    assert previous["carried_forward"] == stats["carried_over"]
    granted = sum(
        1
        for a in apps
        if a.outcome == Outcome.DISCLOSED
        and a.decided_on is not None
        and START <= a.decided_on <= END
    )
    assert stats["granted"][-1] == granted


def _every_outcome_and_applicant_type_occurs() -> None:
    decided = Counter(
        Application.objects.filter(
            organisation__name=COUNTY, decided_on__gte=START, decided_on__lte=END
        ).values_list("outcome", flat=True)
    )
    assert set(decided) == set(Outcome.values)
    received = Counter(
        Application.objects.filter(
            organisation__name=COUNTY, received_on__gte=START
        ).values_list("applicant_type", flat=True)
    )
    assert set(received) == set(ApplicantType.values)


def _cases_went_through_the_services() -> None:
    apps = Application.objects.filter(organisation__name=COUNTY)
    kinds = Counter(ApplicationEvent.objects.values_list("kind", flat=True))
    assert kinds["registered"] == apps.count()
    for kind in (
        "routed",
        "started",
        "correction_requested",
        "correction_received",
        "correction_lapsed",
        "consulted",
        "consultation_answered",
        "extended",
        "decided",
        "withdrawn",
        "delivered",
        "archived",
    ):
        assert kinds[kind] > 0, kind
    # Every concluded case has its item(s) and a realistic Chinese name.
    first = apps.order_by("pk").first()
    assert first is not None
    assert first.items.exists()
    assert not Notification.objects.filter(read=False).exists()


def _appeals_fill_section_four() -> None:
    appeals = _report(YEAR).statistics["appeals"]
    assert appeals["reconsideration"][-1] > 0
    assert appeals["litigation_direct"][-1] > 0
    filed = Appeal.objects.filter(filed_on__lte=END).count()
    assert filed > 0
    assert sum(group[-1] for group in appeals.values()) > 0


def _loading_again_changes_nothing() -> None:
    before = (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        Appeal.objects.count(),
        _report(YEAR).updated_at,
    )
    demo_load(today=TODAY)
    after = (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        Appeal.objects.count(),
        _report(YEAR).updated_at,
    )
    assert after == before


def test_a_year_of_cases_and_the_computed_report(loaded, capsys) -> None:
    """One load (a few seconds), every property of the demo year checked on it."""
    _the_county_report_is_computed_and_passes_check(loaded, capsys)
    _sections_three_equal_an_independent_count()
    _every_outcome_and_applicant_type_occurs()
    _cases_went_through_the_services()
    _appeals_fill_section_four()
    _loading_again_changes_nothing()


def test_the_cases_are_deterministic(settings, tmp_path) -> None:
    settings.DATA_DIR = tmp_path
    demo_load(today=TODAY, new_cases=30)
    names = list(
        Application.objects.order_by("tracking_number").values_list(
            "tracking_number", "applicant_name", "received_on", "outcome"
        )
    )
    Appeal.objects.exclude(follows=None).delete()
    Appeal.objects.all().delete()
    Application.objects.all().delete()
    demo_load(today=TODAY, new_cases=30)
    again = list(
        Application.objects.order_by("tracking_number").values_list(
            "tracking_number", "applicant_name", "received_on", "outcome"
        )
    )
    assert [n[1:] for n in again] == [n[1:] for n in names]
