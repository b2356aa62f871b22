"""Cases taken to a decision through the applications services, for letter tests."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pdfplumber

from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.applications.outcomes import Outcome
from gongkai.applications.tests.conftest import World

RECEIVED = date(2025, 3, 3)
DECIDED = date(2025, 3, 20)


def decided(
    world: World,
    outcome: str,
    *,
    reason: str = "经审查，所申请信息属于本机关内部讨论的过程稿。",
    items: int = 1,
    responsible_organ: str = "",
) -> Application:
    app = world.register(RECEIVED, items=items)
    app = s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=RECEIVED
    )
    withheld = []
    if outcome == Outcome.PARTLY_DISCLOSED:
        first = app.items.order_by("position").first()
        assert first is not None
        withheld = [
            s.Withheld(
                first.pk, Outcome.WITHHELD_PROCESS_INFORMATION, "会议纪要的讨论部分"
            )
        ]
    return s.application_decide(
        application=app,
        outcome=outcome,
        decided_on=DECIDED,
        actor=world.clerk_a,
        reason=reason,
        withheld=withheld,
        not_this_organ=bool(responsible_organ),
        responsible_organ=responsible_organ,
    )


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)
