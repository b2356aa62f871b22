"""Publishing from the editor: the date the person picks, a re-publication's own
date, and blank cells (allowed in a draft, refused at publication)."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.annual_reports.data import blank_report
from gongkai.annual_reports.models import AnnualReport, Status
from gongkai.annual_reports.services import report_unpublish
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.backoffice.tests.helpers import editor_post
from gongkai.core import clock
from gongkai.orgs.models import Organisation


def url(name: str, report: AnnualReport) -> str:
    return reverse(f"backoffice:{name}", args=[report.pk])


def test_a_blank_report_does_not_read_ready_to_publish(
    client: Client, department: Organisation, office_admin: User
) -> None:
    report = annual_report(
        organisation=department,
        data=blank_report(org=department.name, year=2024),
    )
    client.force_login(office_admin)
    html = client.get(url("edit", report)).content.decode()
    assert "可以发布" not in html
    assert "个空白单元格" in html
    live = client.post(
        reverse("backoffice:check", args=[report.pk]), editor_post(report)
    )
    assert "可以发布" not in live.content.decode()
    response = client.post(url("publish", report), editor_post(report), follow=True)
    assert "空白单元格" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_the_publish_form_offers_today_and_takes_the_picked_date(
    client: Client, draft: AnnualReport, office_admin: User
) -> None:
    client.force_login(office_admin)
    html = client.get(url("edit", draft)).content.decode()
    assert f'value="{clock.today().isoformat()}"' in html
    client.post(url("publish", draft), editor_post(draft, published_on="2025-02-03"))
    draft.refresh_from_db()
    assert draft.published_on == date(2025, 2, 3)


def test_republishing_takes_the_new_date(
    client: Client, published: AnnualReport, leader: User
) -> None:
    """The bug was: a withdrawn report published again kept its first date."""
    assert published.published_on == date(2024, 1, 20)
    report_unpublish(report=published, actor=leader, reason="更正数据")
    client.force_login(leader)
    client.post(url("publish", published), {"published_on": "2024-03-05"})
    published.refresh_from_db()
    assert (published.status, published.published_on) == (
        Status.PUBLISHED,
        date(2024, 3, 5),
    )
