"""The one pipeline that writes a report: machine values, each cell's origin, the
check with the rules version, and exactly one event per rebuild."""

from __future__ import annotations

import pytest

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.annual_reports import events
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.origins import CELL_PATH_STRS, Kind
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.selectors import (
    report_cell_origin,
    report_cell_origins,
    report_current_findings,
    report_findings_stale,
)
from gongkai.annual_reports.services import (
    report_rebuild,
    report_recheck,
    report_recheck_stale,
    report_save,
)
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.annual_reports.validation.rules import RULES_VERSION
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LICENSING = "active.licensing"


def test_save_stamps_the_rules_version_and_writes_one_event() -> None:
    report = annual_report()
    assert report.rules_version == RULES_VERSION
    assert not report_findings_stale(report=report)
    assert list(report.events.values_list("action", flat=True)) == [
        events.REPORT_CREATED
    ]


def test_every_cell_of_a_typed_report_is_typed_by_its_author() -> None:
    org = OrganisationFactory.create()
    clerk = StaffUserFactory.create(role=Role.HANDLER, organisation=org)
    report = report_save(
        organisation=org,
        year=2024,
        data=sample_report(org=org.name, year=2024),
        actor=clerk,
    )
    event = report.events.get()
    origins = report_cell_origins(report=report)
    assert set(origins) == set(CELL_PATH_STRS)  # every cell has exactly one
    assert {(o.kind, o.by_id, o.event_id) for o in origins.values()} == {
        (Kind.TYPED, clerk.pk, event.pk)
    }
    assert list(report.origins) == [cell_origins.DEFAULT_KEY]  # packed: one origin


def test_a_second_save_retypes_only_the_changed_cells() -> None:
    org = OrganisationFactory.create()
    first = StaffUserFactory.create(role=Role.HANDLER, organisation=org)
    second = StaffUserFactory.create(role=Role.REVIEWER, organisation=org)
    data = sample_report(org=org.name, year=2024)
    report_save(organisation=org, year=2024, data=data, actor=first)
    changed = data.with_cell(("active", "licensing"), 99)
    report = report_save(organisation=org, year=2024, data=changed, actor=second)
    licensing = report_cell_origin(report=report, path=LICENSING)
    assert licensing is not None
    assert (licensing.kind, licensing.by_id) == (Kind.TYPED, second.pk)
    assert licensing.event_id == report.events.first().pk  # the update's event
    punishment = report_cell_origin(report=report, path="active.punishment")
    assert punishment is not None
    assert punishment.by_id == first.pk


def test_rebuild_records_computed_and_aggregated_origins() -> None:
    """A computed or aggregated report goes through the same pipeline: each cell
    names the statistic or the reports it came from."""
    report = annual_report()
    data = sample_report(org=report.organisation.name, year=report.year, seed=3)
    origins = {
        path: cell_origins.computed(statistic=f"S.{path}") for path in CELL_PATH_STRS
    }
    origins["appeals.reconsideration.0"] = cell_origins.aggregated(reports=[7, 3])
    report_rebuild(
        report=report,
        machine=data,
        origins=origins,
        actor=None,
        action=events.REPORT_UPDATED,
    )
    report.refresh_from_db()
    computed = report_cell_origin(report=report, path=LICENSING)
    assert computed is not None
    assert (computed.kind, computed.statistic) == (Kind.COMPUTED, f"S.{LICENSING}")
    summed = report_cell_origin(report=report, path="appeals.reconsideration.0")
    assert summed is not None
    assert (summed.kind, summed.report_ids) == (Kind.AGGREGATED, (3, 7))
    assert report.events.count() == 2  # created, then this rebuild: one event each
    assert report.statistics["active"]["licensing"] == data.active.licensing


def test_origin_of_a_path_that_is_no_cell_is_none() -> None:
    report = annual_report()
    assert report_cell_origin(report=report, path="applications.new") is None
    assert report_cell_origin(report=report, path="title") is None


# ---------------------------------------------------------------------------
# Rules version: recheck
# ---------------------------------------------------------------------------
def _stale(report: AnnualReport) -> AnnualReport:
    """As if stored under older rules that found nothing."""
    AnnualReport.objects.filter(pk=report.pk).update(
        rules_version="old", findings=[], error_count=0, warning_count=0
    )
    report.refresh_from_db()
    return report


def test_stale_findings_are_rechecked_on_read() -> None:
    org = OrganisationFactory.create()
    data = sample_report(org=org.name, year=2024).with_cell(
        ("applications", "new", 0), 999
    )
    report = _stale(annual_report(organisation=org, data=data))
    assert report_findings_stale(report=report)
    codes = {f.code for f in report_current_findings(report=report)}
    assert "applications.balance" in codes  # not the stale empty list


def test_recheck_stores_new_findings_and_counts_the_changes(capsys) -> None:
    from gongkai.cli import main

    org = OrganisationFactory.create()
    broken = sample_report(org=org.name, year=2024).with_cell(
        ("applications", "new", 0), 999
    )
    changed = _stale(annual_report(organisation=org, data=broken))
    unchanged = annual_report(year=2023)
    AnnualReport.objects.filter(pk=unchanged.pk).update(rules_version="old")
    current = annual_report(year=2022)
    assert main(["recheck"]) == 0
    out = capsys.readouterr().out
    assert "重新检查了 2 份报告，其中 1 份的检查结果有变化" in out
    changed.refresh_from_db()
    assert changed.rules_version == RULES_VERSION
    assert changed.error_count > 0
    event = changed.events.first()
    assert event.action == events.REPORT_RECHECKED
    assert event.payload["previous_rules_version"] == "old"
    unchanged.refresh_from_db()
    assert unchanged.rules_version == RULES_VERSION
    assert not unchanged.events.filter(action=events.REPORT_RECHECKED).exists()
    assert current.events.count() == 1
    assert report_recheck_stale(actor=None) == (0, 0)  # nothing stale any more


def test_recheck_keeps_statistics_and_overrides() -> None:
    from gongkai.annual_reports.services import report_cell_override

    org = OrganisationFactory.create()
    admin = StaffUserFactory.create(role=Role.OFFICE_ADMIN, organisation=org)
    report = annual_report(organisation=org)
    report_cell_override(report=report, path=LICENSING, value=5, actor=admin)
    report.refresh_from_db()
    before = dict(report.statistics)
    old = {"code": "old.rule", "severity": "error", "message": "旧规则", "cells": []}
    AnnualReport.objects.filter(pk=report.pk).update(
        rules_version="old", findings=[old], error_count=1
    )
    assert report_recheck(report=report, actor=None) is True
    report.refresh_from_db()
    assert report.statistics == before
    assert report.statistics["active"]["licensing"] == 5
    assert (report.findings, report.error_count) == ([], 0)
