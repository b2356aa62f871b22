"""Dates out of range, wrong ids and wrong choices in the case forms: a Chinese
error beside the field and nothing written, never a server error."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.applications.models import ApplicationEvent
from gongkai.applications.services import application_route
from gongkai.applications.tests.conftest import World
from gongkai.backoffice.tests.cases.helpers import act

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "on", ["9999-12-31", "2099-01-01", "1900-01-01", "2025-02-29", "昨天"]
)
def test_an_action_date_out_of_range(
    client: Client, world: World, set_today, on: str
) -> None:
    case = world.register(date(2025, 3, 3))
    events = ApplicationEvent.objects.filter(application=case).count()
    response = act(client, world.office, case, "start", on=on)
    assert response.status_code == 400
    html = response.content.decode()
    assert "field-error" in html
    assert f'value="{on}"' in html
    assert ApplicationEvent.objects.filter(application=case).count() == events


def test_an_intake_date_out_of_range(client: Client, world: World, set_today) -> None:
    client.force_login(world.office)
    response = client.post(
        "/staff/cases/new/",
        {
            "organisation": world.county.pk,
            "channel": "in_person",
            "submitted_on": "9999-12-31",
        },
    )
    assert response.status_code == 200
    assert "超出可办理的范围" in response.content.decode()


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("route", {"unit": "99999999999999999999", "on": "2025-03-04"}),
        ("route", {"unit": "abc", "on": "2025-03-04"}),
        ("decide", {"outcome": "nonsense", "decided_on": "2025-03-04"}),
        ("consult", {"party_kind": "x", "party_name": "甲", "sent_on": "2025-03-04"}),
        ("transfer", {"to": "0", "on": "2025-03-04"}),
    ],
)
def test_wrong_choices(
    client: Client, world: World, set_today, action: str, data: dict[str, str]
) -> None:
    case = world.register(date(2025, 3, 3))
    response = act(client, world.office, case, action, **data)
    assert response.status_code == 400
    assert "field-error" in response.content.decode()


def test_answering_an_unknown_consultation(
    client: Client, world: World, set_today
) -> None:
    case = world.register(date(2025, 3, 3))
    application_route(
        application=case, unit=world.unit_a, actor=world.office, on=date(2025, 3, 3)
    )
    act(
        client,
        world.clerk_a,
        case,
        "consult",
        party_kind="organ",
        party_name="市局",
        sent_on="2025-03-04",
    )
    other = world.register(date(2025, 3, 3))
    act(
        client,
        world.office,
        other,
        "consult",
        party_kind="organ",
        party_name="省局",
        sent_on="2025-03-04",
    )
    foreign = other.consultations.get()
    response = act(
        client,
        world.clerk_a,
        case,
        "consultation_answered",
        consultation=foreign.pk,
        answered_on="2025-03-05",
    )
    assert response.status_code == 400
    assert "不属于本申请" in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.answered_on is None
