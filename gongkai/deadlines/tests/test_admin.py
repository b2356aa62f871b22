"""The office types a year into the admin: saved through the service, bad input
shown in Chinese with everything typed kept."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.deadlines.models import DayKind, HolidayYear, HolidayYearEvent

pytestmark = pytest.mark.django_db

URL = "/admin/deadlines/holidayyear/add/"
FORM = {
    "year": "2027",
    "notice_title": "国务院办公厅关于2027年部分节假日安排的通知",
    "notice_number": "国办发明电〔2026〕1号",
    "notice_date": "2026-11-10",
    "rest_days_text": "2027-01-01 元旦\n2027-02-05 至 2027-02-11 春节",
    "working_days_text": "2027-02-13 春节",
    "days-TOTAL_FORMS": "0",
    "days-INITIAL_FORMS": "0",
    "events-TOTAL_FORMS": "0",
    "events-INITIAL_FORMS": "0",
}


@pytest.fixture
def office_client(client):
    user = StaffUserFactory(role=Role.OFFICE_ADMIN, is_superuser=True)
    client.force_login(user)
    return client


def test_add_a_year(office_client):
    response = office_client.post(URL, FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = HolidayYear.objects.get(year=2027)
    assert entry.days.filter(kind=DayKind.REST).count() == 8
    assert entry.days.get(kind=DayKind.WORK).date == date(2027, 2, 13)
    assert HolidayYearEvent.objects.filter(holiday_year=entry).count() == 1
    page = office_client.get(f"/admin/deadlines/holidayyear/{entry.pk}/change/")
    assert "2027-02-13 春节" in page.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("working_days_text", "2027-02-12 春节", "不是周六或周日"),
        ("rest_days_text", "2027-02-05 春节\n二月五日 春节", "第 2 行"),
        ("rest_days_text", "2027-02-05 春节\n2027-02-05 春节", "重复出现"),
    ],
)
def test_bad_input_is_explained_and_kept(office_client, field, value, message):
    response = office_client.post(URL, {**FORM, field: value})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "国办发明电〔2026〕1号" in page  # what was typed is still there
    assert not HolidayYear.objects.exists()


def test_a_handler_cannot_enter_holidays(client):
    client.force_login(StaffUserFactory(role=Role.HANDLER))
    assert client.post(URL, FORM).status_code == 403
    assert not HolidayYear.objects.exists()


def test_change_a_year_replaces_its_days(office_client):
    office_client.post(URL, FORM)
    entry = HolidayYear.objects.get(year=2027)
    data: dict[str, object] = {**FORM, "working_days_text": ""}
    days, events = list(entry.days.all()), list(entry.events.all())
    data |= {"days-TOTAL_FORMS": len(days), "days-INITIAL_FORMS": len(days)}
    data |= {"events-TOTAL_FORMS": len(events), "events-INITIAL_FORMS": len(events)}
    for prefix, rows in (("days", days), ("events", events)):
        for i, row in enumerate(rows):
            data[f"{prefix}-{i}-id"] = row.pk
            data[f"{prefix}-{i}-holiday_year"] = entry.pk
    url = f"/admin/deadlines/holidayyear/{entry.pk}/change/"
    response = office_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not entry.days.filter(kind=DayKind.WORK).exists()
    assert entry.events.first().action == "deadlines.holiday_year_replaced"
