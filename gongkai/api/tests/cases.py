"""Disclosure applications for the API tests: a county with two units, staff of
each, API tokens, and cases made through the services (as production makes them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.files.base import ContentFile

from gongkai.accounts.models import Role, User
from gongkai.accounts.tokens import api_token_create
from gongkai.appeals.models import Appeal
from gongkai.appeals.services import appeal_file
from gongkai.applications import fees
from gongkai.applications import services as s
from gongkai.applications.models import (
    Application,
    ApplicationAttachment,
    Channel,
    Consultation,
    FeeNotice,
)
from gongkai.applications.tests.factories import staff
from gongkai.letters.models import Letter
from gongkai.letters.services import letter_issue
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

ID_NUMBER = "110101199003074514"  # a valid 居民身份证号码 (check digit 4)
PHONE = "13812345678"


def submission(organisation: Organisation, **changes: Any) -> dict[str, Any]:
    """A complete body of POST /applications."""
    return {
        "organisation_id": organisation.pk,
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": ID_NUMBER,
        "phone": PHONE,
        "email": "zhangsan@example.cn",
        "address": "河南省驻马店市遂平县某街道1号",
        "form_wanted": "electronic",
        "delivery": "email",
        "items": [{"name": "2024年某项目环境影响评价文件", "document_number": ""}],
        **changes,
    }


@dataclass
class Office:
    county: Organisation
    unit_a: Organisation
    unit_b: Organisation
    office: User  # 公开办管理员 of the county
    leader: User  # 分管领导 of the county
    clerk_a: User  # 承办人 of unit A
    clerk_b: User  # 承办人 of unit B
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, who: str) -> str:
        if who not in self.tokens:
            user: User = getattr(self, who)
            self.tokens[who] = api_token_create(user=user, name=f"{who} 系统").secret
        return self.tokens[who]

    def auth(self, who: str) -> dict[str, Any]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token(who)}"}

    def register(self, received_on: date = date(2025, 3, 3)) -> Application:
        return s.application_register(
            organisation=self.county,
            applicant_type="natural_person",
            applicant_name="李四",
            id_type="resident_id",
            id_number=ID_NUMBER,
            phone=PHONE,
            email="lisi@example.cn",
            address="河南省驻马店市遂平县某街道2号",
            form_wanted="electronic",
            delivery="email",
            channel=Channel.IN_PERSON,
            submitted_on=received_on,
            items=[
                s.ItemInput(name="2024年财政预算执行情况报告"),
                s.ItemInput(name="2024年某工程招标文件"),
            ],
            actor=self.office,
            today=received_on,
        ).application


def make_office() -> Office:
    county = OrganisationFactory.create(name="接口测试县人民政府", code="419999")
    unit_a = DepartmentFactory.create(name="接口测试县自然资源局", parent=county)
    unit_b = DepartmentFactory.create(name="接口测试县教育局", parent=county)
    return Office(
        county=county,
        unit_a=unit_a,
        unit_b=unit_b,
        office=staff(county, Role.OFFICE_ADMIN),
        leader=staff(county, Role.LEADER),
        clerk_a=staff(unit_a, Role.HANDLER),
        clerk_b=staff(unit_b, Role.HANDLER),
    )


@dataclass
class Seeded:
    """Cases in several states, for operations on real ids."""

    received: Application
    routed: Application
    in_progress: Application
    awaiting_correction: Application
    consulting: Application
    consultation: Consultation
    decided: Application

    def all(self) -> list[Application]:
        return [
            self.received,
            self.routed,
            self.in_progress,
            self.awaiting_correction,
            self.consulting,
            self.decided,
        ]


def seed_cases(o: Office) -> Seeded:
    day = date(2025, 3, 3)
    received = o.register(day)
    routed = s.application_route(
        application=o.register(day), unit=o.unit_a, actor=o.office, on=day
    )
    in_progress = s.application_start(
        application=s.application_route(
            application=o.register(day), unit=o.unit_a, actor=o.office, on=day
        ),
        actor=o.clerk_a,
        on=day,
    )
    awaiting = o.register(day)
    s.application_request_correction(
        application=awaiting,
        points=["请写明文件的文号"],
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 20),
        actor=o.office,
    )
    consulting = o.register(day)
    consultation = s.application_consult(
        application=consulting,
        party_kind="third_party",
        party_name="某建设公司",
        sent_on=date(2025, 3, 6),
        actor=o.office,
    )
    decided = s.application_decide(
        application=o.register(day),
        outcome="disclosed",
        decided_on=date(2025, 3, 10),
        actor=o.office,
    )
    return Seeded(
        received=received,
        routed=routed,
        in_progress=in_progress,
        awaiting_correction=Application.objects.get(pk=awaiting.pk),
        consulting=Application.objects.get(pk=consulting.pk),
        consultation=consultation,
        decided=decided,
    )


@dataclass
class Records:
    """What a case file holds besides its steps, for operations on real ids: a fee
    notice (on the case in progress), an appeal and an issued letter (on the decided
    case), and an attachment (on the case just received)."""

    fee_notice: FeeNotice
    appeal: Appeal
    letter: Letter
    attachment: ApplicationAttachment


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def seed_records(o: Office, seeded: Seeded) -> Records:
    fee_notice = fees.application_fee_notice(
        application=seeded.in_progress,
        actor=o.office,
        method="per_page",
        quantity=50,  # pages 31–50 at 10 元: 200 元
        sent_on=date(2025, 3, 4),
        received_on=date(2025, 3, 5),
    )
    appeal = appeal_file(
        application=seeded.decided,
        kind="reconsideration",
        filed_on=date(2025, 4, 1),
        body="接口测试市人民政府",
        actor=o.office,
        today=date(2025, 4, 1),
        case_number="接复〔2025〕1号",
    )
    letter = letter_issue(
        application=seeded.decided,
        kind="disclosed",
        actor=o.office,
        issued_on=date(2025, 3, 10),
        text="李四：\n本机关于2025年3月3日收到您的申请，经审查，予以公开。",
    )
    attachment = s.application_attach(
        application=seeded.received,
        kind="identity_proof",
        uploaded_file=ContentFile(PDF_BYTES, name="身份证明.pdf"),
        actor=o.office,
    )
    return Records(fee_notice, appeal, letter, attachment)
