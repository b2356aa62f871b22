"""Section 二 of the annual report from the records: 第二十条第（一）项 counted as of
31 December (本年制发 / 本年废止 / 现行有效), and the units' decision counts and fees
(第二十条第（五）、（六）、（八）项), with the records each cell counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gongkai.accounts.models import Role
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.services import report_compute
from gongkai.annual_reports.services.reports import report_save
from gongkai.annual_reports.statistics.drilldown import (
    DECISIONS,
    DOCUMENTS,
    cell_query,
    cell_record_ids,
)
from gongkai.annual_reports.validation.findings import Severity
from gongkai.annual_reports.validation.rules import check_report
from gongkai.applications.tests.factories import staff
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory
from gongkai.publications.models import InformationItem, NormativeKind, Validity
from gongkai.publications.selectors import decision_totals, normative_counts
from gongkai.publications.status import Status
from gongkai.publications.tests.factories import (
    DecisionCountFactory,
    ItemFactory,
    NormativeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def county():
    return OrganisationFactory.create(name="某县人民政府")


def _documents(org) -> dict[str, InformationItem]:
    d = NormativeFactory.create
    return {
        # issued in 2024, still in force at the end of 2025
        "old": d(organisation=org, written_on=date(2024, 5, 1)),
        # issued in 2025
        "new": d(organisation=org, written_on=date(2025, 2, 1)),
        # issued in 2023, repealed in 2025
        "repealed": d(
            organisation=org,
            written_on=date(2023, 1, 1),
            validity=Validity.REPEALED,
            repealed_on=date(2025, 6, 30),
        ),
        # repealed in 2026: in force on 31 December 2025
        "repealed_later": d(
            organisation=org,
            written_on=date(2022, 1, 1),
            validity=Validity.REPEALED,
            repealed_on=date(2026, 1, 15),
        ),
        # lapsed in 2025: not in force, not counted as repealed
        "lapsed": d(
            organisation=org,
            written_on=date(2020, 1, 1),
            validity=Validity.LAPSED,
            lapsed_on=date(2025, 3, 1),
        ),
        # amended in place in 2025: one document, in force
        "amended": d(
            organisation=org, written_on=date(2021, 1, 1), amended_on=date(2025, 4, 1)
        ),
        # issued in 2026: not yet
        "future": d(organisation=org, written_on=date(2026, 2, 1)),
        # withdrawn (published by mistake): not counted
        "withdrawn": d(
            organisation=org, written_on=date(2025, 3, 1), status=Status.WITHDRAWN
        ),
        # a draft: not counted
        "draft": d(
            organisation=org,
            written_on=date(2025, 3, 1),
            status=Status.DRAFT,
            index_number=None,
            published_on=None,
        ),
        # a 规章
        "rule": d(
            organisation=org,
            written_on=date(2025, 7, 1),
            normative_kind=NormativeKind.RULE,
        ),
        # not a normative document at all
        "notice": ItemFactory.create(organisation=org, written_on=date(2025, 7, 1)),
    }


def test_article_20_1_counts_as_of_31_december(county) -> None:
    """第二十条第（一）项: 本年制发, 本年废止, 现行有效 as of 31 December."""
    _documents(county)
    counts = normative_counts(organisation_ids=[county.pk], year=2025)
    # issued: new; repealed: repealed; in force: old, new, repealed_later, amended
    assert counts["normative_docs"] == (1, 1, 4)
    assert counts["rules"] == (1, 0, 1)
    assert normative_counts(organisation_ids=[county.pk], year=2024)[
        "normative_docs"
    ] == (1, 0, 5)  # old; repealed, repealed_later, lapsed, amended, old in force


def test_a_revision_issued_as_a_new_document_replaces_the_old(county) -> None:
    old = NormativeFactory.create(organisation=county, written_on=date(2022, 1, 1))
    NormativeFactory.create(
        organisation=county, written_on=date(2025, 9, 1), replaces=old
    )
    assert normative_counts(organisation_ids=[county.pk], year=2025)[
        "normative_docs"
    ] == (1, 0, 1)
    assert normative_counts(organisation_ids=[county.pk], year=2024)[
        "normative_docs"
    ] == (0, 0, 1)


def test_decision_counts_sum_over_units(county) -> None:
    unit = DepartmentFactory.create(parent=county)
    DecisionCountFactory.create(
        organisation=county, licensing=3, punishment=1, fees_wan_yuan=Decimal("1.5")
    )
    DecisionCountFactory.create(
        organisation=unit, licensing=4, coercion=2, fees_wan_yuan=Decimal("0.25")
    )
    DecisionCountFactory.create(organisation=unit, year=2024, licensing=100)
    totals = decision_totals(organisation_ids=[county.pk, unit.pk], year=2025)
    assert (totals.licensing, totals.punishment, totals.coercion) == (7, 1, 2)
    assert totals.fees_wan_yuan == Decimal("1.75")
    assert str(totals.fees_wan_yuan) == "1.75"
    assert decision_totals(organisation_ids=[county.pk], year=2023) is None


def test_a_computed_report_takes_section_two_from_publications(county) -> None:
    office = staff(county, Role.OFFICE_ADMIN)
    docs = _documents(county)
    entry = DecisionCountFactory.create(
        organisation=county,
        licensing=12,
        punishment=3,
        coercion=0,
        fees_wan_yuan=Decimal("2.3456"),
    )
    report = report_compute(organisation=county, year=2025, actor=office)
    data = report_data(report=report)
    assert [get_cell(data, ("active", "normative_docs", c)) for c in range(3)] == [
        1,
        1,
        4,
    ]
    assert get_cell(data, ("active", "licensing")) == 12
    assert get_cell(data, ("active", "fees_wan_yuan")) == Decimal("2.3456")
    origins = cell_origins.unpack(report.origins)
    assert origins["active.normative_docs.2"] == cell_origins.computed(
        statistic="active:normative_docs"
    )
    assert origins["active.fees_wan_yuan"] == cell_origins.computed(
        statistic="active:fees_wan_yuan"
    )
    errors = [f.code for f in check_report(data) if f.severity == Severity.ERROR]
    assert errors == []  # a computed section 二 passes `gongkai check`
    # drill-down: each cell lists exactly what it counts
    query = cell_query(("active", "normative_docs", 2))
    assert query.kind == DOCUMENTS
    ids = cell_record_ids(query, organisation_ids=[county.pk], year=2025)
    assert ids == sorted(
        docs[k].pk for k in ("old", "new", "repealed_later", "amended")
    )
    repealed = cell_record_ids(
        cell_query(("active", "normative_docs", 1)),
        organisation_ids=[county.pk],
        year=2025,
    )
    assert repealed == [docs["repealed"].pk]
    query = cell_query(("active", "licensing"))
    assert query.kind == DECISIONS
    assert cell_record_ids(query, organisation_ids=[county.pk], year=2025) == [entry.pk]


def test_an_organ_without_records_keeps_its_typed_section_two(county) -> None:
    office = staff(county, Role.OFFICE_ADMIN)
    first = report_compute(organisation=county, year=2025, actor=office)
    typed = report_data(report=first).with_cell(("active", "rules", 0), 4)
    report_save(organisation=county, year=2025, data=typed, actor=office)
    report = report_compute(organisation=county, year=2025, actor=office)
    assert get_cell(report_data(report=report), ("active", "rules", 0)) == 4
    assert cell_origins.unpack(report.origins)["active.rules.0"]["kind"] == "typed"
