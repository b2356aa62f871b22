from __future__ import annotations

import re
from datetime import date

from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.annual_reports import events
from gongkai.annual_reports.models import AnnualReport, AnnualReportEvent, Status
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.applications.tests.factories import ApplicationFactory
from gongkai.backoffice.tests.helpers import editor_post
from gongkai.orgs.models import Organisation


def url(name: str, report: AnnualReport) -> str:
    return reverse(f"backoffice:{name}", args=[report.pk])


def test_dashboard_lists_the_users_reports(
    client: Client,
    draft: AnnualReport,
    published: AnnualReport,
    handler: User,
    other_org: Organisation,
) -> None:
    elsewhere = annual_report(organisation=other_org, year=2024)
    client.force_login(handler)
    response = client.get(reverse("backoffice:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert url("edit", draft) in html
    assert url("edit", published) in html
    assert url("edit", elsewhere) not in html
    assert "草稿" in html
    assert "已发布" in html


def test_dashboard_requires_login(client: Client, db: None) -> None:
    response = client.get(reverse("backoffice:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_create_a_report_then_reopen_it(
    client: Client, handler: User, department: Organisation
) -> None:
    client.force_login(handler)
    response = client.post(
        reverse("backoffice:create"), {"organisation": department.pk, "year": 2022}
    )
    report = AnnualReport.objects.get(organisation=department, year=2022)
    assert response["Location"] == url("edit", report)
    assert report.status == Status.DRAFT
    assert report.error_count == 0  # a blank report has warnings only
    again = client.post(
        reverse("backoffice:create"), {"organisation": department.pk, "year": 2022}
    )
    assert again["Location"] == url("edit", report)
    assert AnnualReport.objects.filter(organisation=department).count() == 1


def test_cannot_create_for_another_organ(
    client: Client, handler: User, other_org: Organisation
) -> None:
    client.force_login(handler)
    response = client.post(
        reverse("backoffice:create"), {"organisation": other_org.pk, "year": 2022}
    )
    assert response.status_code == 200
    assert not AnnualReport.objects.filter(organisation=other_org).exists()


def test_publish_is_refused_while_there_are_errors(
    client: Client, draft: AnnualReport, office_admin: User
) -> None:
    client.force_login(office_admin)
    total = draft.statistics["appeals"]["reconsideration"][4]
    response = client.post(
        url("publish", draft),
        editor_post(draft, appeals__reconsideration__4=str(total + 1)),
        follow=True,
    )
    html = response.content.decode()
    assert "不能发布" in html
    assert "「行政复议」四种结果之和 与 总计" in html
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.statistics["appeals"]["reconsideration"][4] == total + 1  # saved


def test_publish_with_wrong_input_neither_saves_nor_publishes(
    client: Client, draft: AnnualReport, office_admin: User
) -> None:
    client.force_login(office_admin)
    before = draft.statistics
    response = client.post(
        url("publish", draft), editor_post(draft, applications__new__0="十二")
    )
    assert response.status_code == 200
    assert 'value="十二"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.statistics == before


def test_publish_without_errors(
    client: Client, draft: AnnualReport, office_admin: User
) -> None:
    client.force_login(office_admin)
    response = client.post(
        url("publish", draft),
        editor_post(draft, published_on="2025-01-25"),
        follow=True,
    )
    assert "报告已发布" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_on.isoformat() == "2025-01-25"
    public = Client().get(reverse("portal:report", args=[draft.organisation_id, 2024]))
    assert public.status_code == 200


def test_unpublish_requires_a_reason(
    client: Client, published: AnnualReport, leader: User
) -> None:
    client.force_login(leader)
    response = client.post(url("unpublish", published), {"reason": "  "})
    assert response.status_code == 200
    assert "撤回发布须说明理由" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    client.post(url("unpublish", published), {"reason": "数据有误，需更正"})
    published.refresh_from_db()
    assert published.status == Status.DRAFT
    event = AnnualReportEvent.objects.filter(report=published).first()
    assert event.action == events.REPORT_UNPUBLISHED
    assert event.note == "数据有误，需更正"


def test_published_report_is_read_only_in_the_editor(
    client: Client, published: AnnualReport, office_admin: User
) -> None:
    client.force_login(office_admin)
    html = client.get(url("edit", published)).content.decode()
    assert "报告已发布，不能直接修改" in html
    assert re.search(r'<input[^>]*name="applications.new.0"[^>]*disabled', html)
    assert "hx-post" not in html
    response = client.post(url("edit", published), editor_post(published), follow=True)
    assert "请先撤回发布" in response.content.decode()


def test_a_wrong_publication_date_neither_saves_nor_publishes(
    client: Client, draft: AnnualReport, office_admin: User
) -> None:
    client.force_login(office_admin)
    response = client.post(
        url("publish", draft),
        editor_post(draft, published_on="2025-02-30", overview="改了"),
    )
    html = response.content.decode()
    assert "发布日期有误" in html
    assert 'value="2025-02-30"' in html
    assert "改了" in html  # what was typed in the editor is kept
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.overview != "改了"


def test_create_computed_from_cases_and_recompute(
    client: Client, handler: User, department: Organisation
) -> None:
    """A report created with 由办件计算 counts the organ's cases; after more cases
    arrive, 按办件重新计算 counts them again and keeps the typed section 二."""
    ApplicationFactory.create_batch(
        2, organisation=department, received_on=date(2023, 3, 1)
    )
    client.force_login(handler)
    client.post(
        reverse("backoffice:create"),
        {"organisation": department.pk, "year": 2023, "compute": "on"},
    )
    report = AnnualReport.objects.get(organisation=department, year=2023)
    assert report.source == "computed"
    assert report.statistics["applications"]["new"][6] == 2
    client.post(url("edit", report), editor_post(report, active__rules__0="3"))
    ApplicationFactory.create(organisation=department, received_on=date(2023, 5, 1))
    response = client.post(url("compute", report))
    assert response["Location"] == url("edit", report)
    report.refresh_from_db()
    assert report.statistics["applications"]["new"][6] == 3
    assert report.statistics["active"]["rules"][0] == 3


def test_recompute_needs_the_right_to_edit(
    client: Client, draft: AnnualReport, outsider: User
) -> None:
    client.force_login(outsider)
    assert client.post(url("compute", draft)).status_code in (403, 404)
    assert client.get(url("compute", draft)).status_code in (403, 404, 405)
