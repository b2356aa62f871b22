"""Cell overrides on any report: a typed or computed cell is overridden like an
imported one, kept with who, when and why, and a review is asked when the machine
value changes under it.  (Imported reports: imports/tests/services/test_corrections.)"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports import events
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.codes import CORRECTION_REVIEW as REVIEW_CODE
from gongkai.annual_reports.errors import OverrideRefused
from gongkai.annual_reports.models import AnnualReport, OverrideEnd, ReportCellOverride
from gongkai.annual_reports.origins import CELL_PATH_STRS, Kind
from gongkai.annual_reports.selectors import report_cell_origin, report_data
from gongkai.annual_reports.services import (
    report_cell_override,
    report_cell_override_withdraw,
    report_publish,
    report_rebuild,
    report_save,
)
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.core.errors import PermissionDenied
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LICENSING = "active.licensing"
PATH = ("active", "licensing")


@pytest.fixture
def admin():
    return StaffUserFactory.create(
        role=Role.OFFICE_ADMIN, organisation=OrganisationFactory.create()
    )


def reviews(report: AnnualReport) -> list[dict[str, Any]]:
    report.refresh_from_db()
    return [f for f in report.findings if f["code"] == REVIEW_CODE]


def test_override_of_a_typed_cell_is_kept_with_who_and_why(admin) -> None:
    report = annual_report(organisation=admin.memberships.get().organisation)
    typed = report.statistics["active"]["licensing"]
    override = report_cell_override(
        report=report, path=LICENSING, value=typed + 2, actor=admin, note="台账为准"
    )
    report.refresh_from_db()
    assert report.statistics["active"]["licensing"] == typed + 2
    assert (override.actor, override.note, override.active) == (admin, "台账为准", True)
    assert (override.previous_value, override.machine_value) == (typed, typed)
    origin = report_cell_origin(report=report, path=LICENSING)
    assert origin is not None
    assert (origin.kind, origin.override_id, origin.machine) == (
        Kind.OVERRIDDEN,
        override.pk,
        typed,
    )
    assert origin.under is not None
    assert origin.under.kind == Kind.TYPED
    event = report.events.first()
    assert (event.action, event.actor, event.note) == (
        events.CELL_OVERRIDDEN,
        admin,
        "台账为准",
    )


def test_saving_the_editor_unchanged_keeps_the_machine_value(admin) -> None:
    org = admin.memberships.get().organisation
    report = annual_report(organisation=org)
    typed = report.statistics["active"]["licensing"]
    report_cell_override(report=report, path=LICENSING, value=typed + 2, actor=admin)
    report.refresh_from_db()
    report_save(
        organisation=org, year=report.year, data=report_data(report=report), actor=admin
    )
    assert reviews(report) == []
    origin = report_cell_origin(report=report, path=LICENSING)
    assert origin is not None
    assert origin.machine == typed


def test_retyping_an_overridden_cell_asks_for_review(admin) -> None:
    org = admin.memberships.get().organisation
    report = annual_report(organisation=org)
    typed = report.statistics["active"]["licensing"]
    report_cell_override(report=report, path=LICENSING, value=typed + 2, actor=admin)
    report.refresh_from_db()
    data = report_data(report=report).with_cell(PATH, typed + 5)
    report_save(organisation=org, year=report.year, data=data, actor=admin)
    (review,) = reviews(report)
    assert review["severity"] == "warning"
    assert f"此处填报的值现为 {typed + 5}（更正时为 {typed}）" in review["message"]
    assert report.statistics["active"]["licensing"] == typed + 2  # override holds


def _computed(report: AnnualReport, licensing: int) -> None:
    data = report_data(report=report).with_cell(PATH, licensing)
    report_rebuild(
        report=report,
        machine=data,
        origins={
            p: cell_origins.computed(statistic="T2.licensing") for p in CELL_PATH_STRS
        },
        actor=None,
        action=events.REPORT_UPDATED,
    )


def test_override_of_a_computed_cell_asks_for_review_when_the_computation_changes(
    admin,
) -> None:
    report = annual_report(organisation=admin.memberships.get().organisation)
    _computed(report, 10)
    report_cell_override(report=report, path=LICENSING, value=12, actor=admin)
    _computed(report, 11)  # the records changed: the computation gives 11 now
    (review,) = reviews(report)
    assert review["severity"] == "warning"
    assert "由办理记录计算的值现为 11（更正时为 10）" in review["message"]
    assert report.statistics["active"]["licensing"] == 12
    _computed(report, 12)  # the computation caught up with the override
    (hint,) = reviews(report)
    assert hint["severity"] == "info"
    assert "请确认后撤销更正" in hint["message"]


def test_withdrawing_restores_the_machine_value(admin) -> None:
    report = annual_report(organisation=admin.memberships.get().organisation)
    _computed(report, 10)
    override = report_cell_override(report=report, path=LICENSING, value=3, actor=admin)
    report_cell_override_withdraw(override=override, actor=admin, note="按计算值")
    report.refresh_from_db()
    override.refresh_from_db()
    assert report.statistics["active"]["licensing"] == 10
    origin = report_cell_origin(report=report, path=LICENSING)
    assert origin is not None
    assert origin.kind == Kind.COMPUTED
    assert (override.active, override.end_reason, override.end_note) == (
        False,
        OverrideEnd.WITHDRAWN,
        "按计算值",
    )
    assert report.events.first().payload["restored"] == 10


def test_overrides_are_permission_checked() -> None:
    org = OrganisationFactory.create()
    report = annual_report(organisation=org)
    for user in (
        UserFactory.create(),
        StaffUserFactory.create(role=Role.LEADER, organisation=org),
        StaffUserFactory.create(
            role=Role.HANDLER, organisation=OrganisationFactory.create()
        ),
    ):
        with pytest.raises(PermissionDenied):
            report_cell_override(report=report, path=LICENSING, value=1, actor=user)
    handler = StaffUserFactory.create(role=Role.HANDLER, organisation=org)
    report_cell_override(report=report, path=LICENSING, value=1, actor=handler)
    assert ReportCellOverride.objects.filter(report=report).count() == 1


def test_a_published_report_of_the_office_is_not_overridden(admin) -> None:
    org = admin.memberships.get().organisation
    report = report_publish(
        report=annual_report(organisation=org), actor=admin, today=date(2025, 1, 20)
    )
    with pytest.raises(OverrideRefused, match="请先撤回发布"):
        report_cell_override(report=report, path=LICENSING, value=1, actor=admin)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("applications.new", 1, "不是统计表中的单元格"),
        (LICENSING, -1, "不能为负数"),
        (LICENSING, 10**10, "数值过大"),
        ("active.fees_wan_yuan", "1,5", "逗号只能用作千位分隔符"),
    ],
)
def test_wrong_overrides_are_refused_with_the_reason(
    admin, path, value, message
) -> None:
    report = annual_report(organisation=admin.memberships.get().organisation)
    with pytest.raises(OverrideRefused, match=message):
        report_cell_override(report=report, path=path, value=value, actor=admin)
    assert not ReportCellOverride.objects.exists()
