"""Each service: permission, transition, the one event, the due date (国务院令第711号)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import services as s
from gongkai.applications.models import Application, ApplicationEvent, Notification
from gongkai.applications.outcomes import Outcome
from gongkai.applications.selectors import (
    application_calendar,
    application_get_by_query,
)
from gongkai.applications.status import Status
from gongkai.applications.tests.conftest import World
from gongkai.core.errors import DomainError, InvalidState, PermissionDenied
from gongkai.deadlines.calendar import BusinessCalendar

pytestmark = pytest.mark.django_db(transaction=False)


def _cal(world: World, today: date) -> BusinessCalendar:
    return application_calendar(organisation=world.county, today=today)


def _routed(world: World, received: date) -> Application:
    app = world.register(received)
    return s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=received
    )


# -- intake -------------------------------------------------------------------
def test_register_gives_a_tracking_number_query_code_and_due_date(
    world: World, django_capture_on_commit_callbacks
) -> None:
    """第三十三条第二款: 20 working days; vector 2025-01-20 → 2025-02-21."""
    with django_capture_on_commit_callbacks(execute=True):
        done = s.application_register(
            organisation=world.county,
            applicant_type="business",
            applicant_name="某公司",
            id_type="credit_code",
            id_number="91350100M000100Y43",
            phone="0396-1234567",
            address="河南省驻马店市示例路1号",
            form_wanted="paper",
            delivery="post",
            channel="registered_post",
            received_on=date(2025, 1, 20),
            items=[
                s.ItemInput(name="某文件"),
                s.ItemInput(document_number="某发〔2024〕1号"),
            ],
            actor=world.office,
            today=date(2025, 1, 21),
        )
    app = done.application
    assert app.tracking_number == "411728-2025-00001"
    assert app.due_on == date(2025, 2, 21)
    assert not app.due_provisional
    assert app.items.count() == 2
    assert app.events.get().kind == "registered"
    assert done.query_code not in app.query_code_hash
    found = application_get_by_query(
        tracking_number=app.tracking_number, query_code=done.query_code
    )
    assert found == app
    assert (
        application_get_by_query(tracking_number=app.tracking_number, query_code="X")
        is None
    )
    assert Notification.objects.filter(application=app).exists()
    second = world.register(date(2025, 1, 21))
    assert second.tracking_number == "411728-2025-00002"


def test_public_submission_is_online_only(world: World) -> None:
    with pytest.raises(PermissionDenied):
        s.application_register(
            organisation=world.county,
            applicant_type="natural_person",
            applicant_name="李四",
            id_type="resident_id",
            id_number="110101199003074514",
            form_wanted="electronic",
            delivery="online",
            channel="in_person",
            received_on=date(2025, 1, 20),
            items=[s.ItemInput(name="某文件")],
            actor=None,
            today=date(2025, 1, 20),
        )


def test_register_needs_an_item(world: World) -> None:
    """第二十九条第二款第（二）项."""
    with pytest.raises(DomainError, match="第二十九条"):
        s.application_register(
            organisation=world.county,
            applicant_type="natural_person",
            applicant_name="李四",
            id_type="resident_id",
            id_number="1",
            form_wanted="electronic",
            delivery="online",
            channel="online",
            received_on=date(2025, 1, 20),
            items=[s.ItemInput()],
            actor=None,
            today=date(2025, 1, 20),
        )
    assert not Application.objects.exists()


def test_a_clerk_cannot_register_for_another_organ(world: World) -> None:
    with pytest.raises(PermissionDenied):
        world.register.__func__(  # type: ignore[attr-defined]
            World(**{**vars(world), "office": world.clerk_a}), date(2025, 1, 20)
        )


# -- routing and permissions --------------------------------------------------
def test_only_the_office_routes(world: World) -> None:
    app = world.register(date(2025, 1, 20))
    with pytest.raises(PermissionDenied):
        s.application_route(
            application=app,
            unit=world.unit_a,
            actor=world.clerk_a,
            on=date(2025, 1, 20),
        )
    app = s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=date(2025, 1, 20)
    )
    assert app.status == Status.ROUTED
    assert app.unit == world.unit_a


def test_a_unit_clerk_cannot_act_on_another_units_case(world: World) -> None:
    app = _routed(world, date(2025, 1, 20))
    with pytest.raises(PermissionDenied):
        s.application_start(application=app, actor=world.clerk_b, on=date(2025, 1, 21))
    app = s.application_start(
        application=app, actor=world.clerk_a, on=date(2025, 1, 21)
    )
    assert app.status == Status.IN_PROGRESS
    with pytest.raises(PermissionDenied):
        s.application_decide(
            application=app,
            outcome=Outcome.DISCLOSED,
            decided_on=date(2025, 2, 3),
            actor=world.clerk_b,
        )
    app = s.application_decide(
        application=app,
        outcome=Outcome.DISCLOSED,
        decided_on=date(2025, 2, 3),
        actor=world.office,  # the office can act on every case of its organ
    )
    assert app.status == Status.DECIDED


def test_hand_back_needs_a_reason_and_clears_the_unit(world: World) -> None:
    app = _routed(world, date(2025, 1, 20))
    with pytest.raises(DomainError):
        s.application_hand_back(
            application=app, reason=" ", actor=world.clerk_a, on=date(2025, 1, 21)
        )
    app = s.application_hand_back(
        application=app,
        reason="不属本局职责",
        actor=world.clerk_a,
        on=date(2025, 1, 21),
    )
    assert app.status == Status.RECEIVED
    assert app.unit is None
    assert app.events.last().note == "不属本局职责"


def test_a_forbidden_transition_is_refused_and_writes_nothing(world: World) -> None:
    app = _routed(world, date(2025, 1, 20))
    events = app.events.count()
    with pytest.raises(s.InvalidTransition):
        s.application_deliver(
            application=app,
            delivered_by="email",
            on=date(2025, 1, 22),
            actor=world.office,
        )
    with pytest.raises(s.InvalidTransition):
        s.application_archive(application=app, on=date(2025, 1, 22), actor=world.office)
    assert app.events.count() == events
    assert Application.objects.get(pk=app.pk).status == Status.ROUTED


def test_every_service_writes_exactly_one_event(world: World) -> None:
    app = _routed(world, date(2025, 1, 20))
    assert list(app.events.values_list("kind", flat=True)) == ["registered", "routed"]
    event = app.events.last()
    assert event is not None
    assert event.before["status"] == "received"
    assert event.after["status"] == "routed"
    assert event.actor == world.office


# -- 补正 (第三十条) -------------------------------------------------------------
def test_correction_restarts_the_clock(world: World) -> None:
    """第三十条: 7 wd for the notice (vector 2026-02-10 → 2026-02-26); the clock
    stops and restarts from the day the corrected application arrives."""
    app = _routed(world, date(2026, 2, 10))
    result = s.application_request_correction(
        application=app,
        points=["请写明所需信息的文号", "请提供身份证明"],
        notice_on=date(2026, 2, 26),
        deadline=date(2026, 3, 13),
        actor=world.clerk_a,
    )
    assert result.warnings == ()
    app = result.application
    assert app.status == Status.AWAITING_CORRECTION
    assert app.due_on is None  # clock stopped
    with pytest.raises(InvalidState, match="一次性"):
        s.application_request_correction(
            application=app,
            points=["再补一点"],
            notice_on=date(2026, 2, 27),
            deadline=date(2026, 3, 13),
            actor=world.clerk_a,
        )
    app = s.application_correction_received(
        application=app, on=date(2026, 3, 5), actor=world.clerk_a
    )
    cal = _cal(world, date(2026, 3, 5))
    assert app.status == Status.IN_PROGRESS
    assert app.due_on == cal.add_working_days(date(2026, 3, 5), 20)
    assert app.due_on == s.application_compute_due(application=app).reply_due


def test_a_late_correction_notice_is_recorded_with_a_warning(world: World) -> None:
    """第三十条: the notice is due within 7 working days of receipt."""
    app = _routed(world, date(2026, 2, 10))
    result = s.application_request_correction(
        application=app,
        points=["请写明文号"],
        notice_on=date(2026, 2, 27),
        deadline=date(2026, 3, 13),
        actor=world.clerk_a,
    )
    assert result.warnings
    assert "2026-02-26" in result.warnings[0]
    assert result.application.correction.late


def test_no_correction_in_time_abandons_the_application(world: World) -> None:
    """第三十条: no correction in time → 视为放弃 (其他处理 1)."""
    app = _routed(world, date(2025, 3, 3))
    s.application_request_correction(
        application=app,
        points=["请写明文号"],
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 19),
        actor=world.clerk_a,
    )
    with pytest.raises(DomainError, match="尚未届满"):
        s.application_correction_lapsed(
            application=app, on=date(2025, 3, 19), actor=world.clerk_a
        )
    app = s.application_correction_lapsed(
        application=app, on=date(2025, 3, 20), actor=world.clerk_a
    )
    assert app.status == Status.ABANDONED
    assert app.outcome == Outcome.OTHER_NO_CORRECTION
    assert app.decided_on == date(2025, 3, 20)
    assert app.outcome_basis == "第三十条"


# -- consultation (第三十二条、第三十四条) -------------------------------------------
def test_consultation_time_is_not_counted(world: World) -> None:
    """第三十三条第三款: time consulting a third party is not counted."""
    app = _routed(world, date(2025, 1, 20))
    k = s.application_consult(
        application=app,
        party_kind="third_party",
        party_name="某公司",
        sent_on=date(2025, 1, 22),
        actor=world.clerk_a,
    )
    app.refresh_from_db()
    assert app.status == Status.CONSULTING
    app = s.application_consultation_answered(
        consultation=k, answered_on=date(2025, 2, 5), actor=world.clerk_a, answer="同意"
    )
    cal = _cal(world, date(2025, 2, 5))
    excluded = cal.working_days_between(date(2025, 1, 22), date(2025, 2, 5))
    assert excluded > 0
    assert app.status == Status.IN_PROGRESS
    assert app.due_on == cal.add_working_days(date(2025, 2, 21), excluded)


def test_two_consultations_return_to_work_after_the_last_answer(world: World) -> None:
    """第三十四条: another organ consulted too."""
    app = _routed(world, date(2025, 1, 20))
    k1 = s.application_consult(
        application=app,
        party_kind="third_party",
        party_name="某公司",
        sent_on=date(2025, 1, 22),
        actor=world.clerk_a,
    )
    k2 = s.application_consult(
        application=app,
        party_kind="organ",
        party_name="示例县财政局",
        sent_on=date(2025, 1, 23),
        actor=world.clerk_a,
    )
    app = s.application_consultation_answered(
        consultation=k1, answered_on=date(2025, 1, 24), actor=world.clerk_a
    )
    assert app.status == Status.CONSULTING
    app = s.application_consultation_answered(
        consultation=k2, answered_on=date(2025, 1, 27), actor=world.clerk_a
    )
    assert app.status == Status.IN_PROGRESS


# -- extension (第三十三条第二款) -----------------------------------------------------
def test_extension_once_at_most_20_days_by_the_leader(world: World) -> None:
    """第三十三条第二款: vector 2025-09-25 → 40 wd = 2025-11-26."""
    app = _routed(world, date(2025, 9, 25))
    app = s.application_start(
        application=app, actor=world.clerk_a, on=date(2025, 9, 26)
    )
    for who in (world.clerk_a, world.office):
        with pytest.raises(PermissionDenied, match="第三十三条"):
            s.application_extend(
                application=app,
                days=20,
                approved_on=date(2025, 10, 20),
                notice_sent_on=date(2025, 10, 20),
                actor=who,
            )
    with pytest.raises(DomainError, match="20"):
        s.application_extend(
            application=app,
            days=21,
            approved_on=date(2025, 10, 20),
            notice_sent_on=date(2025, 10, 20),
            actor=world.leader,
        )
    app = s.application_extend(
        application=app,
        days=20,
        approved_on=date(2025, 10, 20),
        notice_sent_on=date(2025, 10, 20),
        actor=world.leader,
    )
    assert app.status == Status.EXTENDED
    assert app.due_on == date(2025, 11, 26)
    with pytest.raises(InvalidState, match="一次"):
        s.application_extend(
            application=app,
            days=5,
            approved_on=date(2025, 10, 21),
            notice_sent_on=date(2025, 10, 21),
            actor=world.leader,
        )


# -- decisions ------------------------------------------------------------------
def test_partial_disclosure_needs_withheld_items_with_grounds(world: World) -> None:
    """第三十七条."""
    app = world.register(date(2025, 1, 20), items=2)
    items = list(app.items.all())
    with pytest.raises(DomainError, match="第三十七条"):
        s.application_decide(
            application=app,
            outcome=Outcome.PARTLY_DISCLOSED,
            decided_on=date(2025, 2, 3),
            actor=world.office,
        )
    with pytest.raises(DomainError, match="不予公开的理由"):
        s.application_decide(
            application=app,
            outcome=Outcome.PARTLY_DISCLOSED,
            decided_on=date(2025, 2, 3),
            actor=world.office,
            withheld=[s.Withheld(items[1].pk, Outcome.DISCLOSED)],
        )
    app = s.application_decide(
        application=app,
        outcome=Outcome.PARTLY_DISCLOSED,
        decided_on=date(2025, 2, 3),
        actor=world.office,
        withheld=[
            s.Withheld(items[1].pk, Outcome.WITHHELD_THIRD_PARTY_INTERESTS, "商业秘密")
        ],
    )
    assert app.outcome_basis == "第三十七条"
    item = app.items.get(pk=items[1].pk)
    assert item.withheld
    assert item.withheld_ground == "withheld_third_party_interests"


def test_not_this_organ_names_the_responsible_organ(world: World) -> None:
    """第三十六条第（五）项."""
    app = world.register(date(2025, 1, 20))
    with pytest.raises(DomainError, match="第三十六条第（五）项"):
        s.application_decide(
            application=app,
            outcome=Outcome.UNABLE_NOT_HELD,
            decided_on=date(2025, 2, 3),
            actor=world.office,
            not_this_organ=True,
        )
    app = s.application_decide(
        application=app,
        outcome=Outcome.UNABLE_NOT_HELD,
        decided_on=date(2025, 2, 3),
        actor=world.office,
        not_this_organ=True,
        responsible_organ="示例市生态环境局",
    )
    assert app.responsible_organ == "示例市生态环境局"
    assert app.outcome_basis == "第三十六条第（五）项"


@pytest.mark.parametrize(
    "outcome",
    [
        o
        for o in Outcome.values
        if o != "partly_disclosed" and o != "other_no_correction"
    ],
)
def test_every_outcome_can_be_decided_with_its_basis(
    world: World, outcome: str
) -> None:
    app = world.register(date(2025, 1, 20))
    app = s.application_decide(
        application=app,
        outcome=outcome,
        decided_on=date(2025, 2, 3),
        actor=world.office,
    )
    assert app.outcome == outcome
    assert app.decided_on == date(2025, 2, 3)
    assert app.due_on == date(2025, 2, 21)  # kept as it was when decided


def test_decide_refuses_an_unknown_outcome_and_a_date_before_receipt(
    world: World,
) -> None:
    app = world.register(date(2025, 1, 20))
    with pytest.raises(DomainError):
        s.application_decide(
            application=app,
            outcome="nope",
            decided_on=date(2025, 2, 3),
            actor=world.office,
        )
    with pytest.raises(DomainError, match="早于"):
        s.application_decide(
            application=app,
            outcome=Outcome.DISCLOSED,
            decided_on=date(2025, 1, 10),
            actor=world.office,
        )


def test_withdraw_deliver_archive(world: World) -> None:
    app = world.register(date(2025, 1, 20))
    app = s.application_withdraw(
        application=app, on=date(2025, 1, 22), actor=world.office
    )
    assert app.status == Status.WITHDRAWN
    assert app.outcome == Outcome.OTHER
    app = s.application_archive(
        application=app, on=date(2025, 2, 1), actor=world.office
    )
    assert app.status == Status.ARCHIVED

    app = world.register(date(2025, 1, 20))
    app = s.application_decide(
        application=app,
        outcome=Outcome.DISCLOSED,
        decided_on=date(2025, 2, 3),
        actor=world.office,
    )
    with pytest.raises(DomainError, match="早于答复日期"):
        s.application_deliver(
            application=app,
            delivered_by="email",
            on=date(2025, 2, 1),
            actor=world.office,
        )
    app = s.application_deliver(
        application=app, delivered_by="email", on=date(2025, 2, 4), actor=world.office
    )
    assert app.status == Status.DELIVERED
    assert app.delivered_on == date(2025, 2, 4)


def test_transfer_concludes_here_and_registers_there(world: World) -> None:
    """第三十六条第（五）项: concluded here as 非本机关, the other organ named."""
    from gongkai.orgs.tests.factories import OrganisationFactory

    other = OrganisationFactory.create(name="邻县人民政府", code="411729")
    done = s.application_register(
        organisation=world.county,
        applicant_type="natural_person",
        applicant_name="王五",
        id_type="resident_id",
        id_number="110101199003074514",
        phone="13800000000",
        form_wanted="electronic",
        delivery="online",
        channel="online",
        received_on=date(2025, 1, 20),
        items=[s.ItemInput(name="某文件")],
        actor=None,
        today=date(2025, 1, 20),
    )
    new = s.application_transfer(
        application=done.application,
        to=other,
        actor=world.office,
        on=date(2025, 1, 22),
        today=date(2025, 1, 22),
    )
    old = Application.objects.get(pk=done.application.pk)
    assert old.status == Status.TRANSFERRED
    assert old.outcome == Outcome.UNABLE_NOT_HELD
    assert old.responsible_organ == other.name
    assert new.organisation == other
    assert new.received_on == date(2025, 1, 22)
    assert new.tracking_number == "411729-2025-00001"
    assert (
        application_get_by_query(
            tracking_number=new.tracking_number, query_code=done.query_code
        )
        == new
    )


def test_entering_a_holiday_year_recomputes_open_cases(world: World) -> None:
    app = world.register(date(2025, 1, 20))
    Application.objects.filter(pk=app.pk).update(due_on=date(2030, 1, 1))
    assert s.application_recompute_open_dues(2025) == 1
    app.refresh_from_db()
    assert app.due_on == date(2025, 2, 21)


def test_events_are_only_written_by_services(world: World) -> None:
    app = world.register(date(2025, 1, 20))
    assert ApplicationEvent.objects.filter(application=app).count() == 1


def test_correction_steps_need_a_pending_correction_notice(world: World) -> None:
    """第三十条: the clock restarts only when a corrected application answers a
    notice; with no notice pending, neither "received" nor "start" may stand in."""
    app = _routed(world, date(2026, 2, 10))
    with pytest.raises(InvalidState):  # no notice was sent
        s.application_correction_received(
            application=app, on=date(2026, 2, 12), actor=world.clerk_a
        )
    app = s.application_request_correction(
        application=app,
        points=["请写明文号"],
        notice_on=date(2026, 2, 12),
        deadline=date(2026, 3, 13),
        actor=world.clerk_a,
    ).application
    with pytest.raises(InvalidState):  # restart only by the correction's arrival
        s.application_start(application=app, actor=world.clerk_a, on=date(2026, 2, 13))
    assert ApplicationEvent.objects.filter(application=app, kind="started").count() <= 1


def test_dates_years_off_are_refused_not_computed(world: World) -> None:
    app = world.register(date(2025, 1, 20))
    for wrong in (date(9999, 12, 31), date(2031, 1, 21)):
        with pytest.raises(DomainError, match="五年以上"):
            s.application_decide(
                application=app,
                outcome=Outcome.DISCLOSED,
                decided_on=wrong,
                actor=world.office,
            )
    with pytest.raises(DomainError, match="五年以上"):
        s.application_route(
            application=app, unit=world.unit_a, actor=world.office, on=date(9999, 1, 1)
        )
    app.refresh_from_db()
    assert app.status == Status.RECEIVED
