"""The appeals pages: who gets what (403/404, never 500), forms that keep what was
typed, and the services' Chinese errors above the form."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.tests.factories import UserFactory
from gongkai.appeals.models import Appeal
from gongkai.appeals.tests.factories import decided_case, filed
from gongkai.applications.tests.conftest import World, _fresh_calendars, world
from gongkai.core import clock

__all__ = ["_fresh_calendars", "world"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2025, 12, 1))


@pytest.fixture
def case(world: World):
    return decided_case(world, date(2025, 3, 3), date(2025, 3, 20))


def _as(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_anonymous_and_roleless_users_are_kept_out(client: Client, case) -> None:
    url = reverse("backoffice:appeals:case", args=[case.pk])
    assert client.get(url).status_code == 302  # to the login page
    assert _as(client, UserFactory.create()).get(url).status_code == 403
    assert client.get(reverse("backoffice:appeals:list")).status_code == 403


def test_unknown_ids_are_404(client: Client, world: World) -> None:
    _as(client, world.office)
    for url in (
        reverse("backoffice:appeals:case", args=[10**9]),
        reverse("backoffice:appeals:detail", args=[10**9]),
    ):
        response = client.get(url)
        assert response.status_code == 404
    assert client.get("/staff/appeals/case/99999999999999999999/").status_code == 404


def test_another_units_clerk_gets_403(client: Client, world: World, case) -> None:
    appeal = filed(world, case, date(2025, 4, 1))
    _as(client, world.clerk_b)
    assert (
        client.get(reverse("backoffice:appeals:case", args=[case.pk])).status_code
        == 403
    )
    url = reverse("backoffice:appeals:detail", args=[appeal.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"outcome": "upheld"}).status_code == 403
    assert list(client.get(reverse("backoffice:appeals:list")).context["appeals"]) == []


def test_file_keeps_what_was_typed_and_shows_the_chinese_error(
    client: Client, world: World, case
) -> None:
    url = reverse("backoffice:appeals:case", args=[case.pk])
    _as(client, world.clerk_a)
    typed = {
        "kind": "reconsideration",
        "filed_on": "2025-03-19",  # before the reply of 2025-03-20
        "body": "示例市人民政府<script>alert(1)</script>",
        "case_number": "示复〔2025〕12号",
    }
    response = client.post(url, typed)
    assert response.status_code == 400
    html = response.content.decode()
    assert "早于该申请的答复日期 2025-03-20" in html
    assert "示复〔2025〕12号" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    bad = client.post(url, {**typed, "filed_on": "2025-13-45", "follows": "x"})
    assert bad.status_code == 400
    assert "请按 年-月-日 填写日期" in bad.content.decode()
    assert not Appeal.objects.exists()
    done = client.post(url, {**typed, "filed_on": "2025-04-01"})
    appeal = Appeal.objects.get()
    assert done.status_code == 302
    assert done["Location"] == reverse("backoffice:appeals:detail", args=[appeal.pk])
    assert appeal.body == typed["body"]  # stored as typed
    page = client.get(done["Location"]).content.decode()
    assert "记录审结结果" in page


def test_lawsuit_after_reconsideration_offers_the_decided_ones(
    client: Client, world: World, case
) -> None:
    rec = filed(world, case, date(2025, 4, 1), decided=date(2025, 5, 6))
    url = reverse("backoffice:appeals:case", args=[case.pk])
    _as(client, world.office)
    form = client.get(url).context["form"]
    assert list(form.fields["follows"].queryset) == [rec]
    response = client.post(
        url,
        {
            "kind": "litigation_after_reconsideration",
            "filed_on": "2025-05-10",
            "body": "示例县人民法院",
            "follows": str(rec.pk),
        },
    )
    assert response.status_code == 302
    assert Appeal.objects.get(kind="litigation_after_reconsideration").follows == rec


def test_record_the_outcome(client: Client, world: World, case) -> None:
    appeal = filed(world, case, date(2025, 4, 1))
    url = reverse("backoffice:appeals:detail", args=[appeal.pk])
    _as(client, world.clerk_a)
    early = client.post(url, {"outcome": "corrected", "decided_on": "2025-03-01"})
    assert early.status_code == 400
    assert "早于申请复议或起诉的日期 2025-04-01" in early.content.decode()
    bad = client.post(url, {"outcome": "won", "decided_on": "2025-05-01"})
    assert bad.status_code == 400
    assert "请从列表中选择审结结果" in bad.content.decode()
    done = client.post(
        url, {"outcome": "corrected", "decided_on": "2025-05-01", "detail": "撤销"}
    )
    assert done.status_code == 302
    appeal.refresh_from_db()
    assert (appeal.outcome, appeal.outcome_detail) == ("corrected", "撤销")
    page = client.get(url)
    assert page.context["form"] is None
    again = client.post(url, {"outcome": "upheld", "decided_on": "2025-05-02"})
    assert again.status_code == 400
    assert "不能再次记录结果" in again.content.decode()


def test_the_list_in_scope_and_by_state(client: Client, world: World, case) -> None:
    open_one = filed(world, case, date(2025, 4, 1))
    done = filed(world, case, date(2025, 4, 2), decided=date(2025, 6, 1))
    _as(client, world.office)
    url = reverse("backoffice:appeals:list")
    assert set(client.get(url).context["appeals"]) == {open_one, done}
    assert list(client.get(url, {"state": "pending"}).context["appeals"]) == [open_one]
    assert list(client.get(url, {"state": "decided"}).context["appeals"]) == [done]
    assert client.get(url, {"page": "999999", "state": "<x>"}).status_code == 200
