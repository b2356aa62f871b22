"""The fee panel: issue the notice, record the payment with its receipt, conclude
on non-payment (国办函〔2020〕109号); 403/404, never 500; typed input kept."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.applications import services as s
from gongkai.applications.models import Application, FeeNotice
from gongkai.applications.status import Status
from gongkai.applications.tests.conftest import World, _fresh_calendars, world
from gongkai.core import clock

__all__ = ["_fresh_calendars", "world"]

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch):
    days = {"today": date(2025, 1, 31)}
    monkeypatch.setattr(clock, "today", lambda: days["today"])
    return days


@pytest.fixture
def case(world: World) -> Application:
    received = date(2025, 1, 15)
    app = world.register(received)
    s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=received
    )
    return s.application_start(application=app, actor=world.clerk_a, on=received)


def _post(client: Client, case: Application, action: str, data):
    return client.post(reverse("backoffice:fees:action", args=[case.pk, action]), data)


def test_who_gets_what(client: Client, world: World, case, today) -> None:
    url = reverse("backoffice:fees:panel", args=[case.pk])
    assert client.get(url).status_code == 302
    client.force_login(world.clerk_b)
    assert client.get(url).status_code == 403
    assert _post(client, case, "notice", {}).status_code == 403
    client.force_login(world.leader)  # may look, not act
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["forms"] == {}
    assert _post(client, case, "notice", {}).status_code == 403
    client.force_login(world.clerk_a)
    assert client.get(reverse("backoffice:fees:panel", args=[10**9])).status_code == 404
    assert _post(client, case, "refund", {}).status_code == 404
    assert (
        client.get(reverse("backoffice:fees:receipt", args=[case.pk])).status_code
        == 404
    )


def test_notice_errors_keep_the_input(
    client: Client, world: World, case, today
) -> None:
    client.force_login(world.clerk_a)
    typed = {
        "method": "per_item",
        "quantity": "abc",
        "sent_on": "2025-01-20",
        "received_on": "2025-01-20",
    }
    response = _post(client, case, "notice", typed)
    assert response.status_code == 400
    html = response.content.decode()
    assert "件数或页数应为整数" in html
    assert 'value="abc"' in html
    free = _post(client, case, "notice", {**typed, "quantity": "3"})
    assert free.status_code == 400
    assert "费用为0元，无需发出收费通知" in free.content.decode()
    future = _post(
        client, case, "notice", {**typed, "quantity": "40", "received_on": "2025-02-03"}
    )
    assert future.status_code == 400
    assert "日期不能晚于今天" in future.content.decode()
    assert not FeeNotice.objects.exists()


def test_notice_payment_receipt(client: Client, world: World, case, today) -> None:
    """Fee Measures art. 3 and §3.4: 40 pages → 100 元, pay by 2025-02-21."""
    client.force_login(world.clerk_a)
    done = _post(
        client,
        case,
        "notice",
        {
            "method": "per_page",
            "quantity": "40",
            "sent_on": "2025-01-20",
            "received_on": "2025-01-20",
        },
    )
    assert done.status_code == 302
    panel = client.get(done["Location"])
    html = panel.content.decode()
    assert "100.00 元" in html
    assert "2025-02-21" in html
    assert set(panel.context["forms"]) == {"paid", "lapsed"}
    fake = SimpleUploadedFile("收据.pdf", b"not a pdf at all")
    bad = _post(
        client,
        case,
        "paid",
        {"paid_on": "2025-01-27", "amount": "100", "receipt": fake},
    )
    assert bad.status_code == 400
    assert "不是PDF" in bad.content.decode()
    assert 'value="100"' in bad.content.decode()
    wrong = _post(client, case, "paid", {"paid_on": "2025-01-27", "amount": "1e9999"})
    assert wrong.status_code == 400
    good = SimpleUploadedFile("收据.pdf", PDF)
    paid = _post(
        client,
        case,
        "paid",
        {"paid_on": "2025-01-27", "amount": "100.00", "receipt": good},
    )
    assert paid.status_code == 302
    receipt = client.get(reverse("backoffice:fees:receipt", args=[case.pk]))
    assert receipt.status_code == 200
    assert receipt["Content-Type"] == "application/pdf"
    assert receipt.content == PDF
    assert (
        client.get(reverse("backoffice:fees:panel", args=[case.pk])).context["forms"]
        == {}
    )
    again = _post(client, case, "paid", {"paid_on": "2025-01-28", "amount": "100"})
    assert again.status_code == 400


def test_non_payment_concludes_the_case(
    client: Client, world: World, case, today
) -> None:
    """§3.4: not paid in 20 working days → deemed abandoned (其他处理 2)."""
    client.force_login(world.office)
    _post(
        client,
        case,
        "notice",
        {
            "method": "per_page",
            "quantity": "40",
            "sent_on": "2025-01-20",
            "received_on": "2025-01-20",
        },
    )
    early = _post(client, case, "lapsed", {"on": "2025-01-31"})
    assert early.status_code == 400
    assert "缴费期限 2025-02-21 尚未届满" in early.content.decode()
    today["today"] = date(2025, 3, 3)
    done = _post(client, case, "lapsed", {"on": "2025-02-24"})
    assert done.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Status.ABANDONED, "other_fee_unpaid")
    assert (
        client.get(reverse("backoffice:fees:panel", args=[case.pk])).context["forms"]
        == {}
    )
