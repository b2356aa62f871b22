"""Cases to appeal against, made through the applications services."""

from __future__ import annotations

from datetime import date

from gongkai.appeals.models import Appeal, AppealKind
from gongkai.appeals.services import appeal_decide, appeal_file
from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.applications.outcomes import Outcome
from gongkai.applications.tests.conftest import World


def decided_case(
    world: World,
    received: date,
    decided: date,
    outcome: str = Outcome.WITHHELD_PROCESS_INFORMATION,
) -> Application:
    """A case of unit A, received and decided on the given days."""
    app = world.register(received)
    app = s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=received
    )
    app = s.application_start(application=app, actor=world.clerk_a, on=received)
    return s.application_decide(
        application=app, outcome=outcome, decided_on=decided, actor=world.clerk_a
    )


def filed(
    world: World,
    application: Application,
    on: date,
    kind: str = AppealKind.RECONSIDERATION,
    *,
    decided: date | None = None,
    outcome: str = "upheld",
    follows: Appeal | None = None,
) -> Appeal:
    appeal = appeal_file(
        application=application,
        kind=kind,
        filed_on=on,
        body="示例市人民政府"
        if kind == AppealKind.RECONSIDERATION
        else "示例县人民法院",
        actor=world.office,
        today=date(2030, 1, 1),
        follows=follows,
    )
    if decided is not None:
        appeal = appeal_decide(
            appeal=appeal,
            outcome=outcome,
            decided_on=decided,
            actor=world.office,
            today=date(2030, 1, 1),
        )
    return appeal
