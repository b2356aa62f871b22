"""Applications through every outcome family (with 补正, a consultation, an
extension), then sections 三 computed and compared with an independent count; the
computed report passes ``gongkai check`` (no error)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.services import report_compute
from gongkai.annual_reports.statistics.outcomes import APPLICANT_COLUMN, OUTCOME_ROWS
from gongkai.annual_reports.validation.findings import Severity
from gongkai.annual_reports.validation.rules import check_report
from gongkai.applications import services as s
from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.applications.tests.conftest import World

pytestmark = pytest.mark.django_db

FAMILIES = [
    Outcome.DISCLOSED,
    Outcome.PARTLY_DISCLOSED,
    Outcome.WITHHELD_PROCESS_INFORMATION,
    Outcome.UNABLE_NOT_HELD,
    Outcome.NOT_PROCESSED_REPEATED,
    Outcome.OTHER_FEE_UNPAID,
]


def test_every_family_through_the_workflow_and_the_computed_report(
    world: World,
) -> None:
    expected: dict[tuple[str, str], int] = {}

    def count(row: str, applicant: str) -> None:
        expected[(row, applicant)] = expected.get((row, applicant), 0) + 1

    types = list(ApplicantType.values)
    # one case carried over from 2024, decided in 2025
    old = world.register(date(2024, 12, 20))
    count("carried_over", old.applicant_type)
    s.application_decide(
        application=old,
        outcome=Outcome.DISCLOSED,
        decided_on=date(2025, 1, 10),
        actor=world.office,
    )
    count(Outcome.DISCLOSED, old.applicant_type)

    for i, outcome in enumerate(FAMILIES):
        applicant = types[i % len(types)]
        app = world.register(date(2025, 3, 3 + i), applicant_type=applicant, items=2)
        count("new", applicant)
        app = s.application_route(
            application=app, unit=world.unit_a, actor=world.office, on=app.received_on
        )
        if i == 0:  # 补正 (第三十条)
            s.application_request_correction(
                application=app,
                points=["请写明文号"],
                notice_on=date(2025, 3, 5),
                deadline=date(2025, 3, 19),
                actor=world.clerk_a,
            )
            app = s.application_correction_received(
                application=app, on=date(2025, 3, 10), actor=world.clerk_a
            )
        if i == 1:  # a third-party consultation (第三十二条)
            k = s.application_consult(
                application=app,
                party_kind="third_party",
                party_name="某公司",
                sent_on=date(2025, 3, 10),
                actor=world.clerk_a,
            )
            app = s.application_consultation_answered(
                consultation=k, answered_on=date(2025, 3, 20), actor=world.clerk_a
            )
        if i == 2:  # an extension (第三十三条第二款)
            app = s.application_start(
                application=app, actor=world.clerk_a, on=date(2025, 3, 6)
            )
            app = s.application_extend(
                application=app,
                days=15,
                approved_on=date(2025, 3, 25),
                notice_sent_on=date(2025, 3, 25),
                actor=world.leader,
            )
        withheld = []
        if outcome == Outcome.PARTLY_DISCLOSED:
            item = app.items.order_by("position").last()
            assert item is not None
            withheld = [s.Withheld(item.pk, Outcome.WITHHELD_STATE_SECRET)]
        app = s.application_decide(
            application=app,
            outcome=outcome,
            decided_on=date(2025, 4, 1),
            actor=world.clerk_a,
            withheld=withheld,
        )
        count(outcome, applicant)
        s.application_deliver(
            application=app,
            delivered_by="email",
            on=date(2025, 4, 2),
            actor=world.clerk_a,
        )

    # abandoned (其他处理 1), withdrawn, and one still open at 31 December
    lapsed = world.register(date(2025, 5, 6), applicant_type="research")
    count("new", "research")
    s.application_request_correction(
        application=lapsed,
        points=["请提供身份证明"],
        notice_on=date(2025, 5, 7),
        deadline=date(2025, 5, 20),
        actor=world.office,
    )
    s.application_correction_lapsed(
        application=lapsed, on=date(2025, 5, 21), actor=world.office
    )
    count(Outcome.OTHER_NO_CORRECTION, "research")
    gone = world.register(date(2025, 6, 3), applicant_type="legal_services")
    count("new", "legal_services")
    s.application_withdraw(application=gone, on=date(2025, 6, 5), actor=world.office)
    count(Outcome.OTHER, "legal_services")
    world.register(date(2025, 12, 29))
    count("new", "natural_person")
    count("carried_forward", "natural_person")

    report = report_compute(organisation=world.county, year=2025, actor=world.office)
    data = report_data(report=report)
    for row in ("new", "carried_over"):
        for t in types:
            assert get_cell(
                data, ("applications", row, APPLICANT_COLUMN[t])
            ) == expected.get((row, t), 0)
    for code in Outcome.values:
        for t in types:
            path = (*OUTCOME_ROWS[code], APPLICANT_COLUMN[t])
            assert get_cell(data, path) == expected.get((code, t), 0), path
    for t in types:
        assert get_cell(
            data, ("applications", "carried_forward", APPLICANT_COLUMN[t])
        ) == expected.get(("carried_forward", t), 0)
    total = sum(n for (row, _), n in expected.items() if row in Outcome.values)
    assert get_cell(data, ("applications", "total", 6)) == total
    errors = [f for f in check_report(data) if f.severity == Severity.ERROR]
    assert errors == []
    assert report.source == "computed"
    assert report.origins  # every computed cell names its statistic
