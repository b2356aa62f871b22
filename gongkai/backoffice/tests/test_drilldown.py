"""The report page's computed cells link to the cases they count: the list has as
many cases as the cell says, each person sees only the cases they may see, personal
data is masked, and there are no links for anonymous visitors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from gongkai.accounts.models import Membership, Role, User
from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.services import report_publish
from gongkai.annual_reports.statistics.drilldown import cell_query, cell_record_ids
from gongkai.annual_reports.statistics.outcomes import outcome_cell
from gongkai.applications.models import Application
from gongkai.core.tests.shared_rows import rows_kept_for_the_scope
from gongkai.demo.services import COUNTY, UNIT, demo_load
from gongkai.orgs.models import Organisation

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 1)
YEAR = 2024
CELLS = [
    ("applications", "new", 0),
    ("applications", "new", 6),
    ("applications", "carried_over", 6),
    ("applications", "granted", 6),
    ("applications", "total", 6),
    ("applications", "carried_forward", 6),
    outcome_cell("unable_not_held", "natural_person"),
    ("appeals", "reconsideration", 4),
]
ROW = re.compile(r'<tr>\s*<td><a href="/staff/cases/(\d+)/">')


@pytest.fixture(scope="module")
def _demo_county(
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """The demo county with a year of cases, loaded once for this module's tests
    (they only build on it; what each changes is rolled back after it)."""

    def load() -> None:
        with override_settings(DATA_DIR=tmp_path_factory.mktemp("demo")):
            demo_load(today=TODAY, new_cases=60)

    yield from rows_kept_for_the_scope(django_db_blocker, load)


@pytest.fixture
def report(_demo_county: None, db: None) -> AnnualReport:
    return AnnualReport.objects.get(organisation__name=COUNTY, year=YEAR)


def _url(report: AnnualReport, path: tuple[str | int, ...]) -> str:
    return reverse("backoffice:drilldown", args=[report.pk, path_str(path)])


def _listed(client, report: AnnualReport, path) -> list[int]:
    response = client.get(_url(report, path))
    assert response.status_code == 200
    return [int(pk) for pk in ROW.findall(response.content.decode())]


def _counted(report: AnnualReport, path) -> list[int]:
    return cell_record_ids(
        cell_query(path), organisation_ids=[report.organisation_id], year=YEAR
    )


def _cell(report: AnnualReport, path) -> int:
    value = report.statistics
    for key in path:
        value = value[key]
    return int(value)


def test_the_office_sees_exactly_the_cases_each_cell_counts(client, report) -> None:
    client.force_login(User.objects.get(username="lingdao"))  # 分管领导, not superuser
    for path in CELLS:
        listed = _listed(client, report, path)
        if path[0] == "applications":
            assert sorted(listed) == _counted(report, path), path
            assert len(listed) == _cell(report, path), path
        else:  # an appeal row names its case: one case may have two appeals
            assert len(_counted(report, path)) == _cell(report, path) > 0


def test_the_report_page_links_computed_cells_only(client, report) -> None:
    client.force_login(User.objects.get(username="gongkaiban"))
    page = client.get(reverse("backoffice:edit", args=[report.pk])).content.decode()
    assert _url(report, ("applications", "new", 0)) in page
    assert _url(report, ("appeals", "litigation_direct", 4)) in page
    # section 二 is computed from the demo county's items (demo.disclosure)
    assert _url(report, ("active", "normative_docs", 0)) in page
    typed = AnnualReport.objects.get(organisation__name=COUNTY, year=YEAR - 1)
    page = client.get(reverse("backoffice:edit", args=[typed.pk])).content.decode()
    assert "/cells/" not in page
    response = client.get(_url(typed, ("applications", "new", 0)))
    assert response.status_code == 404


def test_a_unit_clerk_sees_only_their_units_cases(client, report) -> None:
    admin = User.objects.get(username="gongkaiban")
    report_publish(report=report, actor=admin, today=TODAY)
    path = ("applications", "new", 6)
    counted = set(_counted(report, path))
    unit = Organisation.objects.get(name=UNIT)
    clerk = User.objects.get(username="caizheng")
    client.force_login(clerk)
    mine = set(_listed(client, report, path))
    expected = set(
        Application.objects.filter(pk__in=counted, unit=unit).values_list(
            "pk", flat=True
        )
    )
    assert mine == expected
    assert 0 < len(mine) < len(counted)
    # A clerk of another unit sees that unit's cases, none of the 财政局's.
    other = Organisation.objects.get(name="示范县自然资源局")
    theirs_clerk = User.objects.create_user(username="ziyuan", password="x" * 12)
    Membership.objects.create(user=theirs_clerk, organisation=other, role=Role.HANDLER)
    client.force_login(theirs_clerk)
    theirs = set(_listed(client, report, path))
    assert not theirs & mine
    assert all(Application.objects.get(pk=pk).unit_id == other.pk for pk in theirs)
    page = client.get(_url(report, path)).content.decode()
    assert "不属于您的查看范围" in page


def test_a_clerk_cannot_drill_into_a_draft_of_an_organ_above(client, report) -> None:
    client.force_login(User.objects.get(username="caizheng"))
    assert client.get(_url(report, ("applications", "new", 6))).status_code == 403


def test_personal_data_is_masked(client, report) -> None:
    client.force_login(User.objects.get(username="gongkaiban"))
    page = client.get(_url(report, ("applications", "new", 0))).content.decode()
    cases = Application.objects.filter(
        organisation__name=COUNTY, applicant_type="natural_person"
    )[:20]
    for case in cases:
        assert case.id_number not in page
        assert case.applicant_name not in page or len(case.applicant_name) == 1


def test_anonymous_gets_no_links_and_no_list(client, report) -> None:
    admin = User.objects.get(username="gongkaiban")
    report_publish(report=report, actor=admin, today=TODAY)
    public = client.get(reverse("portal:report", args=[report.organisation_id, YEAR]))
    assert public.status_code == 200
    assert "/cells/" not in public.content.decode()
    response = client.get(_url(report, ("applications", "new", 6)))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_cells_without_records_are_404(client, report) -> None:
    client.force_login(User.objects.get(username="gongkaiban"))
    for cell in ("active.nope.0", "applications.new.99", "x.y", "1", "appeals.x.1"):
        url = reverse("backoffice:drilldown", args=[report.pk, cell])
        assert client.get(url).status_code == 404, cell
    missing = reverse("backoffice:drilldown", args=[999999, "applications.new.0"])
    assert client.get(missing).status_code == 404
