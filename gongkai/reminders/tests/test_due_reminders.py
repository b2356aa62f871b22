"""The daily reminder (issue 7, the clock: "reminders to the responsible clerk and
the office before the due date, in the app and by e-mail"): once a day per case, to
the case's unit staff and the office, not to other units; e-mail to the applicant
who chose it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import override_settings

from gongkai.applications import services
from gongkai.applications.models import Application, Channel, Notification
from gongkai.applications.services import DUE_REMINDER, ItemInput
from gongkai.applications.tests.conftest import World
from gongkai.core import clock
from gongkai.reminders.tasks import send_due_reminders

pytestmark = pytest.mark.django_db


def _case(world: World, *, due_in_days: int, routed: bool = True) -> Application:
    """An open case whose due date is ``due_in_days`` calendar days from today."""
    today = clock.today()
    app = world.register(today - timedelta(days=3))
    if routed:
        services.application_route(
            application=app, unit=world.unit_a, actor=world.office, on=today
        )
    Application.objects.filter(pk=app.pk).update(
        due_on=today + timedelta(days=due_in_days)
    )
    Notification.objects.all().delete()  # the routing notices: not what we test
    return app


def _reminded(app: Application) -> set[str]:
    return {
        n.user.username if n.user else ""
        for n in Notification.objects.filter(application=app, kind=DUE_REMINDER)
    }


def test_a_case_due_soon_reminds_its_unit_clerk_and_the_office(
    mailed_world: World,
) -> None:
    w = mailed_world
    app = _case(w, due_in_days=1)
    result = send_due_reminders.enqueue()
    assert result.return_value == 1
    assert _reminded(app) == {w.office.username, w.clerk_a.username}
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([w.office.email, w.clerk_a.email])
    assert all(app.tracking_number in m.body for m in mail.outbox)
    assert all("即将到期或已逾期" in m.subject for m in mail.outbox)


def test_a_case_is_reminded_once_a_day_however_often_the_task_runs(
    mailed_world: World,
) -> None:
    app = _case(mailed_world, due_in_days=0)
    send_due_reminders.enqueue()
    notices, mails = Notification.objects.count(), len(mail.outbox)
    assert notices == 2
    assert mails == 2
    assert send_due_reminders.enqueue().return_value == 0
    assert Notification.objects.count() == notices
    assert len(mail.outbox) == mails
    assert "今日到期" in Notification.objects.filter(application=app).first().text


def test_overdue_cases_are_reminded_and_far_ones_are_not(mailed_world: World) -> None:
    overdue = _case(mailed_world, due_in_days=-10)
    far = _case(mailed_world, due_in_days=60)
    assert services.notify_due_reminders(today=clock.today(), working_days=5) == 1
    assert (
        "已逾期"
        in Notification.objects.get(application=overdue, user=mailed_world.clerk_a).text
    )
    assert _reminded(far) == set()


def test_a_closed_case_is_not_reminded(mailed_world: World) -> None:
    app = _case(mailed_world, due_in_days=1)
    services.application_withdraw(
        application=app, on=clock.today(), actor=mailed_world.office
    )
    Notification.objects.all().delete()
    mail.outbox.clear()
    assert services.notify_due_reminders(today=clock.today()) == 0
    assert mail.outbox == []


def test_before_routing_the_office_is_reminded(mailed_world: World) -> None:
    w = mailed_world
    app = _case(w, due_in_days=2, routed=False)
    services.notify_due_reminders(today=clock.today())
    assert _reminded(app) == {w.office.username}
    assert [m.to for m in mail.outbox] == [[w.office.email]]


def test_one_email_per_person_lists_all_their_cases(mailed_world: World) -> None:
    w = mailed_world
    first, second = _case(w, due_in_days=1), _case(w, due_in_days=2)
    services.notify_due_reminders(today=clock.today())
    to_clerk = [m for m in mail.outbox if m.to == [w.clerk_a.email]]
    assert len(to_clerk) == 1
    assert first.tracking_number in to_clerk[0].body
    assert second.tracking_number in to_clerk[0].body
    assert to_clerk[0].subject.startswith("2 件")


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9,  # discard: nothing listens, the connection is refused
    EMAIL_TIMEOUT=2,
)
def test_a_failing_mail_server_keeps_the_in_app_reminder(mailed_world: World) -> None:
    app = _case(mailed_world, due_in_days=1)
    assert services.notify_due_reminders(today=clock.today()) == 1
    assert len(_reminded(app)) == 2


# -- the applicant -------------------------------------------------------------------
def _register(world: World, *, delivery: str, email: str) -> Application:
    today = clock.today()
    return services.application_register(
        organisation=world.county,
        applicant_type="natural_person",
        applicant_name="李四",
        id_type="resident_id",
        id_number="110101199003074514",
        form_wanted="electronic",
        delivery=delivery,
        channel=Channel.IN_PERSON,
        received_on=today,
        items=[ItemInput(name="某文件")],
        actor=world.office,
        today=today,
        email=email,
        address="某市某路1号",
    ).application


def test_the_applicant_who_chose_email_is_told_of_the_registration(
    mailed_world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        app = _register(mailed_world, delivery="email", email="lisi@example.com")
    to_applicant = [m for m in mail.outbox if m.to == ["lisi@example.com"]]
    assert len(to_applicant) == 1
    assert app.tracking_number in to_applicant[0].subject
    assert "已收到您的政府信息公开申请" in to_applicant[0].body


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
)
def test_the_applicant_email_waits_for_the_worker(
    mailed_world: World, django_capture_on_commit_callbacks
) -> None:
    """The request that registers (or decides) does not talk to the mail server:
    the e-mail is a task; the worker sends it."""
    from django_tasks import task_backends
    from django_tasks.backends.dummy import DummyBackend

    from gongkai.reminders.tasks import email_applicant

    with django_capture_on_commit_callbacks(execute=True):
        app = _register(mailed_world, delivery="email", email="lisi@example.com")
    assert [m for m in mail.outbox if m.to == ["lisi@example.com"]] == []
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    queued = [r for r in backend.results if r.task.name == "email_applicant"]
    assert [r.args for r in queued] == [[app.pk, "registered"]]
    email_applicant.call(*queued[0].args)  # what the worker does
    assert [m.to for m in mail.outbox] == [["lisi@example.com"]]


@pytest.mark.parametrize(
    ("delivery", "email", "kind", "sent"),
    [
        ("email", "lisi@example.com", "decided", True),
        ("email", "lisi@example.com", "routed", False),  # an internal step
        ("post", "lisi@example.com", "decided", False),  # chose the post
    ],
)
def test_which_changes_are_emailed_to_the_applicant(
    mailed_world: World, delivery: str, email: str, kind: str, sent: bool
) -> None:
    app = _register(mailed_world, delivery=delivery, email=email)
    mail.outbox.clear()
    services.notify_applicant(application_id=app.pk, kind=kind)
    assert [m.to for m in mail.outbox] == ([[email]] if sent else [])


def test_no_address_no_email(mailed_world: World) -> None:
    app = _register(mailed_world, delivery="post", email="")
    Application.objects.filter(pk=app.pk).update(delivery="email")
    mail.outbox.clear()
    services.notify_applicant(application_id=app.pk, kind="decided")
    assert mail.outbox == []


def test_reminder_text_counts_working_days() -> None:
    # 2025-03-07 is a Friday: the Monday after is one working day on.
    from gongkai.deadlines.selectors import calendar_build

    calendar = calendar_build(today=date(2025, 3, 7), organisation=None)
    app = Application(tracking_number="T-1", due_on=date(2025, 3, 10))
    text = services._reminder_text(app, date(2025, 3, 10), date(2025, 3, 7), calendar)
    assert text == "T-1 答复期限 2025-03-10，还有 1 个工作日到期"
