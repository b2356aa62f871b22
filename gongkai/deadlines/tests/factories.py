"""factory_boy factories for the holiday table."""

from __future__ import annotations

from datetime import date

from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from gongkai.deadlines.models import DayKind, HolidayDay, HolidayYear, RegionalHoliday
from gongkai.orgs.tests.factories import OrganisationFactory


class HolidayYearFactory(DjangoModelFactory[HolidayYear]):
    class Meta:
        model = HolidayYear
        django_get_or_create = ("year",)

    year = 2027
    notice_title = LazyAttribute(
        lambda o: f"国务院办公厅关于{o.year}年部分节假日安排的通知"
    )
    notice_number = Sequence(lambda n: f"国办发明电〔2026〕{n + 1}号")
    notice_date = LazyAttribute(lambda o: date(o.year - 1, 11, 10))


class HolidayDayFactory(DjangoModelFactory[HolidayDay]):
    class Meta:
        model = HolidayDay

    holiday_year = SubFactory(HolidayYearFactory)
    date = date(2027, 1, 1)
    kind = DayKind.REST
    name = "元旦"


class RegionalHolidayFactory(DjangoModelFactory[RegionalHoliday]):
    class Meta:
        model = RegionalHoliday

    organisation = SubFactory(OrganisationFactory)
    date = date(2025, 3, 4)
    name = "地方节日"
    basis = "自治条例"
