from __future__ import annotations

from datetime import date
from typing import Any

from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.applications.models import Application


def detail_url(case: Application) -> str:
    return reverse("backoffice:cases:detail", args=[case.pk])


def action_url(case: Application, action: str) -> str:
    return reverse("backoffice:cases:action", args=[case.pk, action])


def act(client: Client, user: User, case: Application, action: str, **data: Any) -> Any:
    """POST ``action`` on ``case`` as ``user`` (dates as ISO strings)."""
    client.force_login(user)
    return client.post(
        action_url(case, action),
        {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in data.items()},
    )


def field_block(html: str, name: str) -> str:
    """The ``<p class="field">`` of the field ``name`` (its input and its errors)."""
    start = html.index(f'<label for="id_{name}">')
    end = html.index("</p>", start)
    return html[start:end]


def due_on(case: Application) -> date:
    """The case's due date as stored now."""
    case.refresh_from_db()
    assert case.due_on is not None
    return case.due_on
