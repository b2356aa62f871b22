"""The world of the permission matrix (``test_permission_matrix``): a county with two
units, a user of every role, a case of each unit taken through the real services,
and the reports the report and imports pages need."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.accounts.models import ApiToken, Role, User
from gongkai.accounts.tokens import api_token_create
from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.models import AnnualReport, ReportCellOverride
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.services import (
    report_cell_override,
    report_compute,
    report_publish,
)
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.appeals.models import Appeal, AppealKind
from gongkai.appeals.services import appeal_file
from gongkai.applications import fees
from gongkai.applications import services as s
from gongkai.applications.models import (
    Application,
    ApplicationAttachment,
    AttachmentKind,
    Channel,
    Consultation,
)
from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.applications.tests.factories import staff
from gongkai.imports.models import SourceFile
from gongkai.imports.services import import_paths
from gongkai.imports.services.batches import batch_create_from_paths
from gongkai.imports.tests.fakes import fake_parse
from gongkai.letters.models import Letter
from gongkai.letters.services import letter_issue
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory
from gongkai.portal.tests.disclosure_data import PublicSample, publish_sample
from gongkai.publications.models import InformationItem, ItemAttachment
from gongkai.publications.services import item_attach, item_create

#: "Today" of every request: after every date of the cases.
TODAY = date(2025, 12, 1)
RECEIVED_A = date(2025, 3, 3)
RECEIVED_B = date(2025, 3, 4)
DECIDED_A = date(2025, 3, 20)
#: The identity number of case A's applicant (a valid check digit).
ID_A = "110101199003074514"
ID_B = "11010519491231002X"
#: Case A's contact details: masked like the identity number.
PHONE_A = "13812345678"
EMAIL_A = "zhangsan.a@example.cn"
ADDRESS_A = "示范县城关镇人民路1号"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

#: The roles of the matrix, in the order of its columns.
ROLES = (
    "anonymous",
    "applicant",
    "office",
    "leader",
    "clerk_a",
    "reviewer_a",
    "clerk_b",
    "reviewer_b",
    "auditor",
)
STAFF_ROLES = ROLES[2:]


@dataclass
class MatrixWorld:
    city: Organisation
    county: Organisation
    unit_a: Organisation
    unit_b: Organisation
    users: dict[str, User]
    tokens: dict[str, str]  # role → API token secret
    case_a: Application
    case_b: Application
    query_code_a: str
    query_code_b: str
    letter_a: Letter
    attachment_a: ApplicationAttachment
    appeal_a: Appeal
    published: AnnualReport  # the county's report of 2024, published
    computed: AnnualReport  # the county's report of 2025, computed from the cases
    consultation: Consultation
    draft_a: AnnualReport  # unit A's report, a draft
    draft_b: AnnualReport  # unit B's report, a draft
    imported: AnnualReport  # the county's report of 2023, imported
    unconfirmed: Organisation  # an organ an import created
    source: SourceFile
    correction: ReportCellOverride  # a correction of the imported report
    batch_id: int  # a background import batch
    public: PublicSample  # the county's published item, category, guide …
    pub_draft: InformationItem  # unit A's draft item, by clerk A (staff pages)
    pub_attachment: ItemAttachment  # its attachment


def _case(
    *,
    county: Organisation,
    unit: Organisation,
    office: User,
    clerk: User,
    received: date,
    name: str,
    id_number: str,
) -> s.Registered:
    registered = s.application_register(
        organisation=county,
        applicant_type=ApplicantType.NATURAL_PERSON,
        applicant_name=name,
        id_type="resident_id",
        id_number=id_number,
        phone=PHONE_A,
        email=EMAIL_A,
        address=ADDRESS_A,
        form_wanted="electronic",
        delivery="email",
        channel=Channel.IN_PERSON,
        received_on=received,
        items=[s.ItemInput(name="2024年道路建设资金使用情况")],
        actor=office,
        today=received,
    )
    app = s.application_route(
        application=registered.application, unit=unit, actor=office, on=received
    )
    s.application_start(application=app, actor=clerk, on=received)
    return registered


def _imports(tmp: Path, county: Organisation) -> int:
    for name, org in (("县2023.txt", county.name), ("乡2023.txt", "示范县某某乡")):
        data = sample_report(org=org, year=2023, seed=1)
        (tmp / name).write_text(
            json.dumps(report_to_dict(data), ensure_ascii=False), "utf-8"
        )
    summary = import_paths(
        paths=[tmp / "县2023.txt", tmp / "乡2023.txt"],
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )
    assert summary.outcomes
    # a file whose import found no year (its page lets a person name it)
    no_year = report_to_dict(sample_report(org=county.name, year=2023, seed=1))
    no_year["year"] = None
    (tmp / "无年度.txt").write_text(json.dumps(no_year, ensure_ascii=False), "utf-8")
    import_paths(
        paths=[tmp / "无年度.txt"],
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )
    # a background batch (the upload pages' kind), its file still queued
    queued = tmp / "queued"
    queued.mkdir()
    (queued / "县2022.txt").write_text((tmp / "县2023.txt").read_text("utf-8"), "utf-8")
    batch = batch_create_from_paths(
        paths=[queued], actor=None, now=datetime(2025, 3, 2, tzinfo=UTC)
    )
    return batch.pk


def build_world(tmp: Path) -> MatrixWorld:
    city = OrganisationFactory.create(name="示范市人民政府", code="411700")
    county = OrganisationFactory.create(
        name="示范县人民政府", short_name="示范县政府", code="411728", parent=city
    )
    unit_a = DepartmentFactory.create(name="示范县自然资源局", parent=county)
    unit_b = DepartmentFactory.create(name="示范县教育局", parent=county)
    users = {
        "office": staff(county, Role.OFFICE_ADMIN, username="office"),
        "leader": staff(county, Role.LEADER, username="leader"),
        "clerk_a": staff(unit_a, Role.HANDLER, username="clerk_a"),
        "reviewer_a": staff(unit_a, Role.REVIEWER, username="reviewer_a"),
        "clerk_b": staff(unit_b, Role.HANDLER, username="clerk_b"),
        "reviewer_b": staff(unit_b, Role.REVIEWER, username="reviewer_b"),
        "auditor": staff(county, Role.AUDITOR, username="auditor"),
    }
    tokens = {
        role: api_token_create(user=user, name=f"matrix {role}").secret
        for role, user in users.items()
    }
    office, clerk_a = users["office"], users["clerk_a"]

    registered_a = _case(
        county=county,
        unit=unit_a,
        office=office,
        clerk=clerk_a,
        received=RECEIVED_A,
        name="张三",
        id_number=ID_A,
    )
    case_a = registered_a.application
    attachment_a = s.application_attach(
        application=case_a,
        kind=AttachmentKind.IDENTITY_PROOF,
        uploaded_file=SimpleUploadedFile("身份证.pdf", PDF),
        actor=clerk_a,
    )
    consultation = s.application_consult(
        application=case_a,
        party_kind="third_party",
        party_name="示范县某某公司",
        sent_on=date(2025, 3, 4),
        actor=clerk_a,
    )
    s.application_consultation_answered(
        consultation=consultation,
        answered_on=date(2025, 3, 5),
        actor=clerk_a,
        answer="同意公开",
        received_by_them_on=date(2025, 3, 4),
    )
    notice = fees.application_fee_notice(
        application=case_a,
        actor=clerk_a,
        method="per_item",
        quantity=30,
        sent_on=date(2025, 3, 6),
        received_on=date(2025, 3, 6),
    )
    fees.application_fee_paid(
        application=case_a,
        actor=clerk_a,
        paid_on=date(2025, 3, 7),
        amount=Decimal(notice.amount),
        receipt_file=SimpleUploadedFile("收据.pdf", PDF),
    )
    case_a = s.application_decide(
        application=Application.objects.get(pk=case_a.pk),
        outcome=Outcome.DISCLOSED,
        decided_on=DECIDED_A,
        actor=clerk_a,
    )
    letter_a = letter_issue(
        application=case_a, kind=Outcome.DISCLOSED, actor=clerk_a, issued_on=DECIDED_A
    )
    case_a = s.application_deliver(
        application=case_a,
        delivered_by="email",
        on=DECIDED_A,
        actor=clerk_a,
        proof=SimpleUploadedFile("送达回执.pdf", PDF),
    )
    appeal_a = appeal_file(
        application=case_a,
        kind=AppealKind.RECONSIDERATION,
        filed_on=date(2025, 4, 1),
        body="示范市人民政府",
        actor=office,
        today=TODAY,
    )
    registered_b = _case(
        county=county,
        unit=unit_b,
        office=office,
        clerk=users["clerk_b"],
        received=RECEIVED_B,
        name="李四",
        id_number=ID_B,
    )

    published = annual_report(organisation=county, year=2024)
    published = report_publish(report=published, actor=office, today=date(2025, 1, 20))
    computed = report_compute(organisation=county, year=2025, actor=office)
    draft_a = annual_report(organisation=unit_a, year=2024, seed=2)
    draft_b = annual_report(organisation=unit_b, year=2024, seed=3)
    batch_id = _imports(tmp, county)
    imported = AnnualReport.objects.get(organisation=county, year=2023)
    correction = report_cell_override(
        report=imported, path="applications.new.0", value=12, actor=office
    )
    unconfirmed = Organisation.objects.get(name="示范县某某乡")
    source = SourceFile.objects.get(name="县2023.txt")

    assert ApiToken.objects.count() == len(tokens)
    pub_draft = item_create(
        organisation=unit_a,
        actor=clerk_a,
        today=TODAY,
        title="关于做好秋季防汛工作的通知",
        body="<p>各乡镇：做好防汛准备。</p>",
    )
    return MatrixWorld(
        city=city,
        county=county,
        unit_a=unit_a,
        unit_b=unit_b,
        users=users,
        tokens=tokens,
        case_a=Application.objects.get(pk=case_a.pk),
        case_b=registered_b.application,
        query_code_a=registered_a.query_code,
        query_code_b=registered_b.query_code,
        letter_a=letter_a,
        attachment_a=attachment_a,
        appeal_a=appeal_a,
        published=published,
        computed=computed,
        consultation=consultation,
        draft_a=draft_a,
        draft_b=draft_b,
        imported=imported,
        unconfirmed=unconfirmed,
        source=source,
        correction=correction,
        batch_id=batch_id,
        public=publish_sample(county),
        pub_draft=pub_draft,
        pub_attachment=item_attach(
            item=pub_draft, actor=clerk_a, today=TODAY, content=PDF, name="附件.pdf"
        ),
    )
