"""Applications through every outcome family (with 补正, a consultation, an
extension, a fee notice left unpaid, and appeals against the answers), then sections
三 and 四 computed and compared with an independent count; the computed report passes
``gongkai check`` (no error)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.services import report_compute
from gongkai.annual_reports.statistics.outcomes import APPLICANT_COLUMN, OUTCOME_ROWS
from gongkai.annual_reports.validation.findings import Severity
from gongkai.annual_reports.validation.rules import check_report
from gongkai.appeals import services as appeal_services
from gongkai.applications import fees
from gongkai.applications import services as s
from gongkai.applications.models import Application
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
    answered: dict[str, Application] = {}
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
        if outcome == Outcome.OTHER_FEE_UNPAID:  # 国办函〔2020〕109号: not paid
            app = s.application_start(
                application=app, actor=world.clerk_a, on=app.received_on
            )
            notice = fees.application_fee_notice(
                application=app,
                actor=world.clerk_a,
                method="per_page",
                quantity=120,
                sent_on=date(2025, 3, 12),
                received_on=date(2025, 3, 13),
            )
            assert notice.amount == Decimal("1100.00")  # 70 × 10 + 20 × 20
            app = fees.application_fee_lapsed(
                application=app, actor=world.clerk_a, on=notice.pay_by + timedelta(1)
            )
            assert app.outcome == Outcome.OTHER_FEE_UNPAID
            count(outcome, applicant)
            continue
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
        answered[outcome] = app

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

    # Section 四: appeals against the answers (行政复议法、行政诉讼法), counted
    # independently: result in the year decided, 尚未审结 when open at 31 December.
    appeals: dict[tuple[str, int], int] = {}

    def appeal_count(kind: str, column: int) -> None:
        appeals[(kind, column)] = appeals.get((kind, column), 0) + 1

    today = date(2026, 3, 1)
    withheld_case = answered[Outcome.WITHHELD_PROCESS_INFORMATION]
    first = appeal_services.appeal_file(
        application=withheld_case,
        kind="reconsideration",
        filed_on=date(2025, 4, 20),
        body="示例市人民政府",
        actor=world.clerk_a,
        today=today,
    )
    appeal_services.appeal_decide(
        appeal=first,
        outcome="upheld",
        decided_on=date(2025, 6, 1),
        actor=world.clerk_a,
        today=today,
    )
    appeal_count("reconsideration", 0)
    appeal_services.appeal_file(
        application=withheld_case,
        kind="litigation_after_reconsideration",
        filed_on=date(2025, 6, 20),
        body="示例市中级人民法院",
        actor=world.clerk_a,
        today=today,
        follows=first,
    )  # open at 31 December
    appeal_count("litigation_after_reconsideration", 3)
    direct = appeal_services.appeal_file(
        application=answered[Outcome.UNABLE_NOT_HELD],
        kind="litigation_direct",
        filed_on=date(2025, 5, 6),
        body="示例县人民法院",
        actor=world.clerk_a,
        today=today,
    )
    appeal_services.appeal_decide(
        appeal=direct,
        outcome="corrected",
        decided_on=date(2025, 11, 3),
        actor=world.clerk_a,
        today=today,
    )
    appeal_count("litigation_direct", 1)
    late = appeal_services.appeal_file(
        application=answered[Outcome.PARTLY_DISCLOSED],
        kind="reconsideration",
        filed_on=date(2025, 12, 1),
        body="示例市人民政府",
        actor=world.clerk_a,
        today=today,
    )
    appeal_services.appeal_decide(  # decided the next year: open at 31 December 2025
        appeal=late,
        outcome="other",
        decided_on=date(2026, 1, 20),
        actor=world.clerk_a,
        today=today,
    )
    appeal_count("reconsideration", 3)

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
    for kind in (
        "reconsideration",
        "litigation_direct",
        "litigation_after_reconsideration",
    ):
        for column in range(4):
            assert get_cell(data, ("appeals", kind, column)) == appeals.get(
                (kind, column), 0
            ), (kind, column)
        assert get_cell(data, ("appeals", kind, 4)) == sum(
            appeals.get((kind, c), 0) for c in range(4)
        )
    errors = [f for f in check_report(data) if f.severity == Severity.ERROR]
    assert errors == []
    assert report.source == "computed"
    assert report.origins  # every computed cell names its statistic
