"""A clerk who must differ from a figure computed from the cases overrides the cell
on its drill-down page, with a reason: the report shows the override, the computed
value is kept under it, and withdrawing restores it."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import Role
from gongkai.annual_reports.models import ReportCellOverride
from gongkai.annual_reports.services import report_compute
from gongkai.applications.tests.factories import ApplicationFactory, staff
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
CELL = "applications.new.0"


def test_override_a_computed_cell_with_a_reason_then_withdraw(client: Client) -> None:
    org = OrganisationFactory.create()
    clerk = staff(org, Role.HANDLER)
    ApplicationFactory.create_batch(2, organisation=org, received_on=date(2025, 3, 2))
    report = report_compute(organisation=org, year=2025, actor=clerk)
    url = reverse("backoffice:drilldown", args=[report.pk, CELL])
    client.force_login(clerk)
    assert "更正此单元格" in client.get(url).content.decode()
    # no reason: refused, and what was typed is kept
    response = client.post(url, {"value": "３", "note": ""})
    assert response.status_code == 400
    assert 'value="３"' in response.content.decode()
    assert not ReportCellOverride.objects.exists()
    response = client.post(url, {"value": "３", "note": "一件当面申请漏登"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.statistics["applications"]["new"][0] == 3
    override = ReportCellOverride.objects.get(report=report, path=CELL, active=True)
    assert override.machine_value == 2
    assert override.note == "一件当面申请漏登"
    assert "一件当面申请漏登" in client.get(url).content.decode()
    client.post(url, {"withdraw": "1"})
    report.refresh_from_db()
    assert report.statistics["applications"]["new"][0] == 2


def test_only_those_who_edit_the_draft_may_override(client: Client) -> None:
    org = OrganisationFactory.create()
    ApplicationFactory.create(organisation=org, received_on=date(2025, 3, 2))
    report = report_compute(organisation=org, year=2025, actor=None)
    url = reverse("backoffice:drilldown", args=[report.pk, CELL])
    other = staff(OrganisationFactory.create(), Role.HANDLER)
    client.force_login(other)
    assert client.post(url, {"value": "5", "note": "x"}).status_code == 403
    auditor = staff(org, Role.AUDITOR)
    client.force_login(auditor)
    page = client.get(url)
    if page.status_code == 200:
        assert "更正此单元格" not in page.content.decode()
    assert client.post(url, {"value": "5", "note": "x"}).status_code == 403
    assert not ReportCellOverride.objects.exists()
