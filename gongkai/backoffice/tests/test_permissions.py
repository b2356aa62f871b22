"""Who may do what: 承办人 and 审核人 edit; 分管领导 publishes; 公开办管理员 does both;
staff of another organ get 403."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.annual_reports.models import AnnualReport, Status
from gongkai.backoffice.tests.helpers import editor_post


def url(name: str, report: AnnualReport) -> str:
    return reverse(f"backoffice:{name}", args=[report.pk])


@pytest.mark.parametrize("role", ["handler", "reviewer", "office_admin"])
def test_editors_can_save(
    role: str, request: pytest.FixtureRequest, client: Client, draft: AnnualReport
) -> None:
    client.force_login(request.getfixturevalue(role))
    response = client.post(url("edit", draft), editor_post(draft, active__coercion="5"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.statistics["active"]["coercion"] == 5


def test_handler_cannot_publish(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    html = client.get(url("edit", draft)).content.decode()
    assert url("publish", draft) not in html
    response = client.post(url("publish", draft), editor_post(draft))
    assert response.status_code == 403
    assert "无权发布" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_leader_can_publish_but_not_edit(
    client: Client, draft: AnnualReport, leader: User
) -> None:
    client.force_login(leader)
    html = client.get(url("edit", draft)).content.decode()
    assert "不能修改其内容" in html
    assert url("publish", draft) in html
    assert client.post(url("edit", draft), editor_post(draft)).status_code == 403
    response = client.post(url("publish", draft), {})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


def test_leader_cannot_smuggle_edits_through_publish(
    client: Client, draft: AnnualReport, leader: User
) -> None:
    client.force_login(leader)
    response = client.post(
        url("publish", draft), editor_post(draft, active__coercion="999")
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.parametrize("name", ["edit", "check", "publish", "unpublish"])
def test_staff_of_another_organ_get_403(
    name: str, client: Client, draft: AnnualReport, outsider: User
) -> None:
    client.force_login(outsider)
    if name == "edit":
        response = client.get(url(name, draft))
    else:
        response = client.post(url(name, draft), editor_post(draft))
    assert response.status_code == 403
    assert "无权" in response.content.decode()


def test_user_without_roles_gets_403(
    client: Client, draft: AnnualReport, plain_user: User
) -> None:
    client.force_login(plain_user)
    assert client.get(url("edit", draft)).status_code == 403


def test_anonymous_is_sent_to_login(client: Client, draft: AnnualReport) -> None:
    response = client.get(url("edit", draft))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_unknown_report_is_404(client: Client, handler: User) -> None:
    client.force_login(handler)
    assert client.get(reverse("backoffice:edit", args=[99999])).status_code == 404


def test_handler_cannot_unpublish(
    client: Client, published: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    response = client.post(url("unpublish", published), {"reason": "想改"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
