"""Drill-down: every computed cell of sections 三 and 四 maps to the records it
counts, and exactly as many as the cell says."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.statistics.drilldown import (
    APPEALS,
    APPLICATIONS,
    DECISIONS,
    DOCUMENTS,
    cell_is_drillable,
    cell_query,
    cell_record_ids,
)
from gongkai.annual_reports.statistics.outcomes import outcome_cell
from gongkai.annual_reports.statistics.registry import CELLS
from gongkai.demo.services import COUNTY, demo_load


def test_a_leaf_cell_is_one_outcome_and_one_applicant_type() -> None:
    q = cell_query(outcome_cell("withheld_state_secret", "business"))
    assert (q.statistic, q.kind) == ("applications:outcomes", APPLICATIONS)
    assert (q.rows, q.columns) == (("withheld_state_secret",), ("business",))


def test_the_total_column_is_every_applicant_type() -> None:
    q = cell_query(("applications", "new", fmt.TOTAL_COLUMN))
    assert q.rows == ("new",)
    assert len(q.columns) == 6
    assert q.statistic == "applications:total_column"


def test_the_outcome_total_is_every_outcome_and_carried_forward_is_open_cases() -> None:
    total = cell_query(("applications", "total", 0))
    assert len(total.rows) == 21
    assert total.columns == ("natural_person",)
    forward = cell_query(("applications", "carried_forward", 2))
    assert forward.rows == ("carried_forward",)
    assert forward.statistic == "applications:carried_forward"


def test_appeal_cells() -> None:
    q = cell_query(("appeals", "litigation_direct", 3))
    assert (q.kind, q.rows, q.columns) == (
        APPEALS,
        ("litigation_direct",),
        ("pending",),
    )
    assert len(cell_query(("appeals", "reconsideration", 4)).columns) == 4


def test_section_two_cells_list_documents_or_decision_entries() -> None:
    q = cell_query(("active", "normative_docs", 2))
    assert (q.statistic, q.kind, q.rows, q.columns) == (
        "active:normative_docs",
        DOCUMENTS,
        ("normative_docs",),
        ("in_force",),
    )
    assert cell_query(("active", "fees_wan_yuan")).kind == DECISIONS


@pytest.mark.parametrize(
    "path", [("applications", "new", 9), ("active", "rules", 3), ("active",)]
)
def test_unknown_cells_count_no_records(path) -> None:
    assert not cell_is_drillable(path)
    with pytest.raises(KeyError):
        cell_query(path)


@pytest.mark.django_db
def test_every_computed_cell_lists_exactly_its_value(settings, tmp_path) -> None:
    settings.DATA_DIR = tmp_path
    demo_load(today=date(2025, 3, 1), new_cases=60)
    report = AnnualReport.objects.get(organisation__name=COUNTY, year=2024)
    data = report_data(report=report)
    drillable = [
        p
        for p in CELLS
        if cell_is_drillable(p) and cell_query(p).kind in (APPLICATIONS, APPEALS)
    ]
    assert len(drillable) == len(fmt.APPLICATION_ROWS) * 7 + 3 * 5  # 三 and 四
    nonzero = 0
    for path in drillable:
        ids = cell_record_ids(
            cell_query(path), organisation_ids=[report.organisation_id], year=2024
        )
        assert len(ids) == get_cell(data, path), path
        nonzero += bool(ids)
    assert nonzero > 40
