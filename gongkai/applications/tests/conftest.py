from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from gongkai.accounts.models import Role, User
from gongkai.applications.models import Application, Channel
from gongkai.applications.outcomes import ApplicantType
from gongkai.applications.selectors import calendar_cache_clear
from gongkai.applications.services import ItemInput, application_register
from gongkai.applications.tests.factories import staff
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory


@dataclass
class World:
    county: Organisation
    unit_a: Organisation
    unit_b: Organisation
    office: User  # 公开办管理员 of the county
    leader: User  # 分管领导 of the county
    clerk_a: User  # 承办人 of unit A
    clerk_b: User  # 承办人 of unit B

    def register(
        self,
        received_on: date,
        *,
        applicant_type: str = ApplicantType.NATURAL_PERSON,
        items: int = 1,
        organisation: Organisation | None = None,
    ) -> Application:
        person = applicant_type == ApplicantType.NATURAL_PERSON
        return application_register(
            organisation=organisation or self.county,
            applicant_type=applicant_type,
            applicant_name="张三" if person else "某公司",
            id_type="resident_id" if person else "credit_code",
            id_number="110101199003074514" if person else "91350100M000100Y43",
            phone="13800000000",
            email="zhangsan@example.cn",
            form_wanted="electronic",
            delivery="email",
            channel=Channel.IN_PERSON,
            received_on=received_on,
            items=[ItemInput(name=f"信息{i}") for i in range(items)],
            actor=self.office,
            today=received_on,
        ).application


@pytest.fixture(autouse=True)
def _fresh_calendars() -> Iterator[None]:
    calendar_cache_clear()
    yield
    calendar_cache_clear()


@pytest.fixture
def world(db: None) -> World:
    county = OrganisationFactory.create(name="示例县人民政府", code="411728")
    unit_a = DepartmentFactory.create(name="示例县自然资源局", parent=county)
    unit_b = DepartmentFactory.create(name="示例县教育局", parent=county)
    return World(
        county=county,
        unit_a=unit_a,
        unit_b=unit_b,
        office=staff(county, Role.OFFICE_ADMIN),
        leader=staff(county, Role.LEADER),
        clerk_a=staff(unit_a, Role.HANDLER),
        clerk_b=staff(unit_b, Role.HANDLER),
    )
