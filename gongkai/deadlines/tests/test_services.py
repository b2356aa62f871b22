"""holiday_year_enter and the calendar built from the office's table."""

from __future__ import annotations

from datetime import date
from typing import cast

import pytest

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.core.errors import PermissionDenied
from gongkai.deadlines import services
from gongkai.deadlines.calendar import Source
from gongkai.deadlines.errors import HolidayTableError
from gongkai.deadlines.models import DayKind, HolidayDay, HolidayYear, HolidayYearEvent
from gongkai.deadlines.selectors import calendar_build, holiday_tables
from gongkai.deadlines.services import holiday_year_enter
from gongkai.deadlines.tests.factories import RegionalHolidayFactory
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

D = date.fromisoformat
TODAY = D("2026-12-01")
# A test arrangement for 2027 (not the real notice): 春节 2-5 至 2-11, 2-13 (Sat) worked
REST = [(D("2027-01-01"), "元旦")] + [
    (D(f"2027-02-{d:02d}"), "春节") for d in range(5, 12)
]
WORK = [(D("2027-02-13"), "春节")]


@pytest.fixture
def office_admin():
    return StaffUserFactory(role=Role.OFFICE_ADMIN)


def _enter(actor, **changes):
    args = {
        "year": 2027,
        "notice_title": "国务院办公厅关于2027年部分节假日安排的通知",
        "notice_number": "国办发明电〔2026〕1号",
        "notice_date": D("2026-11-10"),
        "rest_days": REST,
        "working_days": WORK,
        "actor": actor,
    }
    return holiday_year_enter(**{**args, **changes})


def test_enter_writes_the_year_its_days_and_one_event(office_admin):
    entry = _enter(office_admin)
    assert entry.days.filter(kind=DayKind.REST).count() == 8
    assert entry.days.get(kind=DayKind.WORK).date == D("2027-02-13")
    event = HolidayYearEvent.objects.get()
    assert event.action == "deadlines.holiday_year_entered"
    assert event.actor == office_admin
    assert event.payload["before"] is None
    assert ["2027-02-13", "春节"] in event.payload["after"]["work"]


def test_entering_again_replaces_and_records_before_and_after(office_admin):
    _enter(office_admin)
    _enter(office_admin, working_days=[])
    assert HolidayYear.objects.count() == 1
    assert not HolidayDay.objects.filter(kind=DayKind.WORK).exists()
    event = HolidayYearEvent.objects.first()
    assert event.action == "deadlines.holiday_year_replaced"
    assert event.payload["before"]["work"] == [["2027-02-13", "春节"]]


def test_the_hook_runs_on_commit(office_admin, django_capture_on_commit_callbacks):
    seen: list[int] = []
    services.HOLIDAY_YEAR_ENTERED_HOOKS.append(seen.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            _enter(office_admin)
    finally:
        services.HOLIDAY_YEAR_ENTERED_HOOKS.remove(seen.append)
    assert seen == [2027]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"working_days": [(D("2027-02-12"), "春节")]}, "不是周六或周日"),
        ({"rest_days": [*REST, (D("2027-02-05"), "春节")]}, "重复出现"),
        ({"year": 1999}, "年份 1999 超出范围"),
        ({"notice_title": "  "}, "请填写通知标题"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(office_admin, changes, message):
    with pytest.raises(HolidayTableError, match=message):
        _enter(office_admin, **changes)
    assert not HolidayYear.objects.exists()


def test_only_an_office_admin_may_enter():
    with pytest.raises(PermissionDenied):
        _enter(StaffUserFactory(role=Role.HANDLER))
    _enter(UserFactory(is_superuser=True))


def test_the_office_table_replaces_the_provisional_year(office_admin):
    before = calendar_build(today=TODAY).deadline(D("2027-01-25"), 20)
    assert before.provisional_years == (2027,)
    provisional = calendar_build(today=TODAY)
    assert provisional.add_working_days(D("2027-02-10"), 1) == D("2027-02-11")
    _enter(office_admin)
    assert holiday_tables()[2027].source == Source.OFFICE
    calendar = calendar_build(today=TODAY)
    after = calendar.deadline(D("2027-01-25"), 20)
    assert not after.provisional
    # 1-26..2-4 (8), 2-12 (9), 2-13 worked (10), 2-15..2-19 (15), 2-22..2-26 (20)
    assert after.date == D("2027-02-26")
    assert calendar.is_working_day(D("2027-02-13"))
    assert calendar.add_working_days(D("2027-02-10"), 1) == D("2027-02-12")
    assert calendar.source_of(2026) == Source.CHINESECALENDAR
    assert calendar.last_year == 2028


def test_regional_holidays_apply_to_the_organ_and_below():
    regional = RegionalHolidayFactory(date=D("2025-03-04"))
    department = cast(Organisation, DepartmentFactory(parent=regional.organisation))
    other = cast(Organisation, DepartmentFactory())
    received = D("2025-03-03")
    for organ, expected in ((department, D("2025-03-05")), (other, D("2025-03-04"))):
        calendar = calendar_build(today=TODAY, organisation=organ)
        assert calendar.add_working_days(received, 1) == expected
