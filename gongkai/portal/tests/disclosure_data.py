"""A small public site for the portal's tests: a county and its finance bureau, the
bureau's catalogue (a tree), published items in it (some notices, some with a theme),
a 政策解读 with its document, an attachment, the bureau's guide and an annual report,
all in the search index.  Built with the publications factories."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.core.files.base import ContentFile

from gongkai.accounts.models import Role, User
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.services import report_publish
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.applications.tests.factories import staff
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory
from gongkai.publications.models import (
    CatalogueCategory,
    Guide,
    GuideStatus,
    InformationItem,
    InterpretationKind,
    ItemAttachment,
    PolicyInterpretation,
    Validity,
)
from gongkai.publications.tests.factories import CategoryFactory, ItemFactory
from gongkai.search.publications import item_search_document
from gongkai.search.services import search_document_index

POLICY_BODY = (
    "<p>为进一步规范财政预算公开工作，现将有关事项通知如下。</p>"
    "<p>各单位要在批复后二十日内公开部门预算。</p>"
)


@dataclass
class Site:
    county: Organisation
    bureau: Organisation  # 示范县财政局
    root: CatalogueCategory  # 法定主动公开内容
    budget: CatalogueCategory  # its child 财政预决算
    policy: (
        InformationItem  # 规范性文件 in 财政预决算, with interpretation + attachment
    )
    notice: InformationItem  # a 公告 of the county
    old: InformationItem  # repealed, replaced by ``policy``
    interpretation: PolicyInterpretation
    attachment: ItemAttachment
    guide: Guide
    report: AnnualReport
    leader: User  # 分管领导 of the bureau (may withdraw)
    items: list[InformationItem] = field(default_factory=list)


def index(*items: InformationItem) -> None:
    for item in items:
        search_document_index(document=item_search_document(item))


def make_site() -> Site:
    county = OrganisationFactory.create(name="示范县人民政府", code="411728")
    bureau = DepartmentFactory.create(name="示范县财政局", parent=county, code="CZ")
    root = CategoryFactory.create(
        organisation=bureau, name="法定主动公开内容", code="01"
    )
    budget = CategoryFactory.create(
        organisation=bureau, name="财政预决算", code="0101", parent=root
    )
    old = ItemFactory.create(
        organisation=bureau,
        category=budget,
        title="关于财政资金管理的旧办法",
        body="<p>旧办法全文。</p>",
        index_number="CZ-0101-2023-00001",
        written_on=date(2023, 2, 1),
        validity=Validity.REPEALED,
        repealed_on=date(2025, 3, 1),
        genre="通知",
        topic="财政",
    )
    policy = ItemFactory.create(
        organisation=bureau,
        category=budget,
        title="关于做好财政预算公开工作的通知",
        body=POLICY_BODY,
        index_number="CZ-0101-2025-00001",
        document_number="示财〔2025〕3号",
        written_on=date(2025, 3, 1),
        published_on=date(2025, 3, 5),
        genre="通知",
        topic="财政",
        replaces=old,
    )
    notice = ItemFactory.create(
        organisation=county,
        title="示范县人民政府关于开展人口普查的公告",
        body="<p>定于十一月一日零时开展人口普查。</p>",
        index_number="411728-00-2025-00001",
        written_on=date(2025, 4, 1),
        genre="公告",
        topic="统计",
    )
    interpretation = PolicyInterpretation.objects.create(
        document=policy,
        kind=InterpretationKind.TEXT,
        title="《关于做好财政预算公开工作的通知》政策解读",
        body="<p>一、出台背景。</p>",
        published_on=date(2025, 3, 6),
    )
    attachment = ItemAttachment(
        item=policy,
        original_name="预算公开表格.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        size=4,
        sha256="0" * 64,
    )
    attachment.file.save("table.xlsx", ContentFile(b"PK\x03\x04"), save=True)
    guide = Guide.objects.create(
        organisation=bureau,
        version=1,
        body="<h2>一、主动公开</h2><p>本机关主动公开的政府信息。</p>",
        status=GuideStatus.PUBLISHED,
        published_on=date(2025, 1, 2),
    )
    leader = staff(bureau, Role.LEADER)
    report = report_publish(
        report=annual_report(organisation=bureau, year=2024),
        actor=staff(county, Role.LEADER),
        today=date(2025, 1, 20),
    )
    index(old, policy, notice)
    return Site(
        county=county,
        bureau=bureau,
        root=root,
        budget=budget,
        policy=policy,
        notice=notice,
        old=old,
        interpretation=interpretation,
        attachment=attachment,
        guide=guide,
        report=report,
        leader=leader,
        items=[old, policy, notice],
    )


@pytest.fixture
def site(db: None) -> Site:
    return make_site()


@dataclass
class PublicSample:
    """One of each public object of an organ (for the permission matrix)."""

    category: CatalogueCategory
    item: InformationItem
    attachment: ItemAttachment
    interpretation: PolicyInterpretation
    guide: Guide


def publish_sample(organisation: Organisation) -> PublicSample:
    category = CategoryFactory.create(organisation=organisation, name="政策文件")
    item = ItemFactory.create(
        organisation=organisation, category=category, body=POLICY_BODY, genre="通知"
    )
    attachment = ItemAttachment(
        item=item, original_name="附件.pdf", content_type="application/pdf", size=5
    )
    attachment.file.save("sample.pdf", ContentFile(b"%PDF-"), save=True)
    interpretation = PolicyInterpretation(
        document=item,
        kind=InterpretationKind.GRAPHIC,
        title="图解",
        published_on=item.published_on,
    )
    interpretation.file.save("chart.png", ContentFile(b"\x89PNG"), save=True)
    guide = Guide.objects.create(
        organisation=organisation,
        version=1,
        body="<p>指南。</p>",
        status=GuideStatus.PUBLISHED,
        published_on=item.published_on,
    )
    return PublicSample(category, item, attachment, interpretation, guide)
