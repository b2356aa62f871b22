"""What the public sees: the office's own published reports.  An imported report
(another organ's published file, read for the auditors) reaches the portal and the
API only when a person with publish rights chooses to show it there."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports import events
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import AnnualReport, Source, Status
from gongkai.annual_reports.selectors import report_get_visible, report_list_published
from gongkai.annual_reports.services import report_publish, report_show_publicly
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own() -> AnnualReport:
    org = OrganisationFactory.create(name="本县人民政府")
    leader = StaffUserFactory.create(role=Role.LEADER, organisation=org)
    return report_publish(
        report=annual_report(organisation=org, year=2024),
        actor=leader,
        today=date(2025, 1, 20),
    )


@pytest.fixture
def imported() -> AnnualReport:
    """As ``gongkai import`` stores it: published (the organ published the file)."""
    report = annual_report(organisation=OrganisationFactory.create(name="外县人民政府"))
    AnnualReport.objects.filter(pk=report.pk).update(
        source=Source.IMPORTED, status=Status.PUBLISHED
    )
    report.refresh_from_db()
    return report


@pytest.fixture
def office_admin():
    return StaffUserFactory.create(
        role=Role.OFFICE_ADMIN, organisation=OrganisationFactory.create()
    )


def test_an_imported_report_is_not_public_until_a_person_shows_it(
    own, imported, office_admin
) -> None:
    assert list(report_list_published()) == [own]
    with pytest.raises(ReportNotFound):
        report_get_visible(
            organisation_id=imported.organisation_id, year=imported.year, user=None
        )
    report_show_publicly(report=imported, actor=office_admin, shown=True, note="审定")
    assert set(report_list_published()) == {own, imported}
    assert (
        report_get_visible(
            organisation_id=imported.organisation_id, year=imported.year, user=None
        )
        == imported
    )
    event = imported.events.first()
    assert (event.action, event.actor, event.note) == (
        events.REPORT_SHOWN_PUBLICLY,
        office_admin,
        "审定",
    )
    report_show_publicly(report=imported, actor=office_admin, shown=False)
    assert list(report_list_published()) == [own]
    assert imported.events.first().action == events.REPORT_HIDDEN_PUBLICLY


def test_portal_and_api_follow(client: Client, own, imported, office_admin) -> None:
    home = client.get(reverse("portal:home")).content.decode()
    assert "本县人民政府" in home
    assert "外县人民政府" not in home
    api = client.get("/api/v1/reports").json()
    assert [r["org"] for r in api] == ["本县人民政府"]
    page = client.get(
        reverse("portal:report", args=[imported.organisation_id, imported.year])
    )
    assert page.status_code == 404
    report_show_publicly(report=imported, actor=office_admin, shown=True)
    assert "外县人民政府" in client.get(reverse("portal:home")).content.decode()
    api = client.get("/api/v1/reports").json()
    assert sorted(r["org"] for r in api) == ["外县人民政府", "本县人民政府"]


def test_only_people_with_publish_rights_show_an_imported_report(imported) -> None:
    for user in (
        UserFactory.create(),
        StaffUserFactory.create(
            role=Role.HANDLER, organisation=OrganisationFactory.create()
        ),
        StaffUserFactory.create(role=Role.AUDITOR, organisation=imported.organisation),
    ):
        with pytest.raises(PermissionDenied):
            report_show_publicly(report=imported, actor=user, shown=True)
    leader = StaffUserFactory.create(
        role=Role.LEADER, organisation=imported.organisation
    )
    report_show_publicly(report=imported, actor=leader, shown=True)
    with pytest.raises(InvalidState, match="已在公开页面展示"):
        report_show_publicly(report=imported, actor=leader, shown=True)


def test_the_offices_own_reports_need_no_showing(own, office_admin) -> None:
    leader = StaffUserFactory.create(role=Role.LEADER, organisation=own.organisation)
    with pytest.raises(InvalidState, match="发布后即公开"):
        report_show_publicly(report=own, actor=leader, shown=True)


def test_an_imported_report_is_not_withdrawn_but_hidden(imported, office_admin) -> None:
    from gongkai.annual_reports.services import report_unpublish

    leader = StaffUserFactory.create(
        role=Role.LEADER, organisation=imported.organisation
    )
    with pytest.raises(InvalidState, match="取消在公开页面展示"):
        report_unpublish(report=imported, actor=leader, reason="误导入")


def test_staff_see_an_unshown_import_as_an_import_not_a_draft(
    client: Client, imported, office_admin
) -> None:
    client.force_login(
        StaffUserFactory.create(
            role=Role.OFFICE_ADMIN, organisation=imported.organisation
        )
    )
    url = reverse("portal:report", args=[imported.organisation_id, imported.year])
    html = client.get(url).content.decode()
    assert "导入的报告" in html
    assert "尚未在本站公开展示" in html
    assert reverse("imports:report", args=[imported.pk]) in html
    assert "本报告尚未发布" not in html
    report_show_publicly(report=imported, actor=office_admin, shown=True)
    assert "导入的报告" not in client.get(url).content.decode()
