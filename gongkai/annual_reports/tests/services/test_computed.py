"""report_compute: sections 三 from the cases; section 二 kept as typed where the
organ keeps no publications records (``publications/tests`` computes it)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.annual_reports import events
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.errors import ComputedCellChanged
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.services import report_compute
from gongkai.annual_reports.services.overrides import report_cell_override
from gongkai.annual_reports.services.reports import report_save
from gongkai.annual_reports.statistics.registry import (
    Counts,
    register_collector,
    unregister_collector,
)
from gongkai.applications.tests.factories import ApplicationFactory, staff
from gongkai.core.errors import PermissionDenied
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_compute_counts_cases_and_keeps_typed_cells() -> None:
    org = OrganisationFactory.create()
    office = staff(org, Role.OFFICE_ADMIN)
    ApplicationFactory.create_batch(3, organisation=org, received_on=date(2025, 2, 3))
    ApplicationFactory.create(
        organisation=org, received_on=date(2024, 2, 3)
    )  # carried over
    first = report_compute(organisation=org, year=2025, actor=office)
    typed = report_data(report=first).with_cell(("active", "rules", 0), 4)
    report_save(organisation=org, year=2025, data=typed, actor=office)
    report = report_compute(organisation=org, year=2025, actor=office)
    data = report_data(report=report)
    assert get_cell(data, ("applications", "new", 0)) == 3
    assert get_cell(data, ("applications", "carried_over", 0)) == 1
    assert get_cell(data, ("applications", "carried_forward", 6)) == 4
    assert get_cell(data, ("active", "rules", 0)) == 4
    unpacked = cell_origins.unpack(report.origins)
    assert unpacked["applications.new.0"] == cell_origins.computed(
        statistic="applications:received"
    )
    assert unpacked["active.rules.0"]["kind"] == "typed"
    assert report.events.filter(action=events.REPORT_COMPUTED).count() == 2


def test_a_registered_collector_takes_precedence() -> None:
    org = OrganisationFactory.create()

    def seven(*, organisation_ids: Collection[int], year: int) -> Counts:
        return {("business",): 7}

    register_collector("applications:received", seven)
    try:
        report = report_compute(organisation=org, year=2025, actor=None)
    finally:
        unregister_collector("applications:received")
    assert get_cell(report_data(report=report), ("applications", "new", 1)) == 7


def test_only_report_editors_compute() -> None:
    org = OrganisationFactory.create()
    with pytest.raises(PermissionDenied):
        report_compute(organisation=org, year=2025, actor=staff(org, Role.AUDITOR))


def test_a_save_may_not_rewrite_a_computed_cell() -> None:
    """Computed cells change through their records or an override with a reason; a
    save that changes one saves nothing and names the cell."""
    org = OrganisationFactory.create()
    office = staff(org, Role.OFFICE_ADMIN)
    ApplicationFactory.create_batch(2, organisation=org, received_on=date(2025, 2, 3))
    report = report_compute(organisation=org, year=2025, actor=office)
    before = report_data(report=report)
    edited = before.with_cell(("applications", "new", 0), 5).with_cell(
        ("active", "rules", 0), 4
    )
    with pytest.raises(ComputedCellChanged, match="本年新收") as caught:
        report_save(organisation=org, year=2025, data=edited, actor=office)
    assert caught.value.paths == ("applications.new.0",)
    report.refresh_from_db()
    assert get_cell(report_data(report=report), ("active", "rules", 0)) is None
    # the typed section may still be saved, and an override is the way to differ
    report_save(
        organisation=org,
        year=2025,
        data=before.with_cell(("active", "rules", 0), 4),
        actor=office,
    )
    report_cell_override(
        report=report, path="applications.new.0", value=5, actor=office, note="补录"
    )
    report.refresh_from_db()
    assert get_cell(report_data(report=report), ("applications", "new", 0)) == 5
