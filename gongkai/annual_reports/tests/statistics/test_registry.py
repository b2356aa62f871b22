"""The statistics registry: one origin per cell, derived cells that satisfy the
relations of the format (国办公开办函〔2021〕30号), collectors keyed by plain codes."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import iter_cells
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.statistics import registry
from gongkai.annual_reports.statistics.registry import (
    CELLS,
    STATISTICS,
    Origin,
    computed_cells,
    derive,
    origin_of,
    register_collector,
    report_from_cells,
    unregister_collector,
)
from gongkai.annual_reports.validation.findings import Severity
from gongkai.annual_reports.validation.rules import check_report

RELATIONS = {
    "applications.balance",
    "applications.total_column",
    "applications.outcome_total",
    "appeals.group_total",
    "cells.suspect",
}


def test_every_cell_of_the_format_has_exactly_one_origin() -> None:
    declared = Counter(p for s in STATISTICS.values() for p in s.cells)
    assert set(declared) == set(CELLS)
    assert [p for p, n in declared.items() if n != 1] == []
    assert len(CELLS) == 10 + 25 * 7 + 15


@pytest.mark.parametrize(
    ("path", "origin"),
    [
        (("active", "rules", 0), Origin.COLLECTED),  # typed where no records
        (("active", "fees_wan_yuan"), Origin.COLLECTED),
        (("applications", "new", 0), Origin.COLLECTED),
        (("applications", "new", 6), Origin.DERIVED),  # 总计 column
        (("applications", "withheld", 3, 5), Origin.COLLECTED),
        (("applications", "withheld", 3, 6), Origin.DERIVED),
        (("applications", "total", 0), Origin.DERIVED),  # (七)总计
        (("applications", "carried_forward", 2), Origin.DERIVED),  # 四 结转
        (("appeals", "litigation_direct", 3), Origin.COLLECTED),
        (("appeals", "litigation_direct", 4), Origin.DERIVED),  # the group's 总计
    ],
)
def test_origins(path, origin) -> None:
    assert origin_of(path) == origin


def test_collected_cells_name_their_workflow() -> None:
    sources = {
        s.code: s.source for s in STATISTICS.values() if s.origin == Origin.COLLECTED
    }
    assert set(sources.values()) == {"applications", "appeals", "publications"}
    section_two = [s for s in STATISTICS.values() if s.code.startswith("active")]
    assert {s.source for s in section_two} == {"publications"}
    # an organ that keeps no such records in gongkai keeps what it typed
    assert all(s.typed_fallback for s in section_two)


def test_a_collector_that_finds_no_records_leaves_typed_cells() -> None:
    typed = {("active", "licensing"): 7, ("active", "rules", 0): 2}
    cells = computed_cells(typed=typed, collected={"active:rules": {("issued",): 5}})
    assert cells[("active", "licensing")] == 7  # not collected: typed
    assert cells[("active", "rules", 0)] == 5  # collected
    assert cells[("active", "rules", 1)] == 0


def _inputs() -> st.SearchStrategy[dict[Path, int | None]]:
    """Any values (blank, zero or a count) for every cell that is not derived."""
    free = [p for p in CELLS if origin_of(p) != Origin.DERIVED]
    cell = st.one_of(st.none(), st.integers(0, 500))
    return st.fixed_dictionaries(dict.fromkeys(free, cell))


@settings(max_examples=80, deadline=None)
@given(cells=_inputs(), stale=st.integers(0, 99))
def test_derived_cells_satisfy_every_relation_of_the_checks(cells, stale) -> None:
    # whatever the input holds for a derived cell is replaced
    cells = {**cells, ("applications", "total", 0): stale}
    report = report_from_cells(derive(cells), org="某县人民政府", year=2024)
    found = {f.code for f in check_report(report)}
    assert found & RELATIONS == set()


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_derive_reproduces_a_consistent_report(seed: int) -> None:
    cells = dict(iter_cells(sample_report(org="某县人民政府", year=2024, seed=seed)))
    free = {p: v for p, v in cells.items() if origin_of(p) != Origin.DERIVED}
    assert derive(free) == cells


def test_blank_inputs_derive_blank_totals() -> None:
    derived = derive(dict.fromkeys(CELLS))
    assert derived[("applications", "total", 6)] is None
    assert derived[("appeals", "reconsideration", 4)] is None


@pytest.fixture
def outcome_collector():
    def collect(*, organisation_ids, year):
        return {
            ("disclosed", "natural_person"): 5,
            ("withheld_third_party_interests", "business"): 2,
            ("other", "natural_person"): 1,
        }

    others = registry.collectors()  # e.g. the appeals collector (app ready)
    for code in others:
        unregister_collector(code)
    register_collector("applications:outcomes", collect)
    yield collect
    unregister_collector("applications:outcomes")
    for code, fn in others.items():
        register_collector(code, fn)


def test_a_registered_collector_fills_its_cells(outcome_collector) -> None:
    collected = registry.collect(organisation_ids=[1], year=2024)
    cells = computed_cells(typed={("active", "licensing"): 7}, collected=collected)
    assert cells[("applications", "granted", 0)] == 5
    assert cells[("applications", "withheld", 3, 1)] == 2
    assert cells[("applications", "other", 2, 0)] == 1
    assert cells[("applications", "unable", 0, 0)] == 0  # counted: none
    assert cells[("applications", "total", 0)] == 6
    assert cells[("applications", "total", 6)] == 8
    assert cells[("applications", "new", 0)] is None  # no collector registered
    assert cells[("active", "licensing")] == 7
    assert cells[("active", "rules", 0)] is None


def test_a_collector_is_registered_once_and_only_for_a_collected_statistic(
    outcome_collector,
) -> None:
    with pytest.raises(ValueError, match="already"):
        register_collector("applications:outcomes", outcome_collector)
    with pytest.raises(KeyError):
        register_collector("applications:total_column", outcome_collector)
    with pytest.raises(KeyError):
        register_collector("active:no_such_row", outcome_collector)


def test_a_key_of_no_cell_is_refused() -> None:
    stat = STATISTICS["applications:outcomes"]
    with pytest.raises(KeyError):
        registry.collected_cells(stat, {("granted_twice", "natural_person"): 1})
    with pytest.raises(KeyError):
        registry.collected_cells(stat, {("disclosed", "alien"): 1})


def test_a_computed_report_with_no_collector_is_blank_and_says_so() -> None:
    cells = computed_cells(typed={}, collected={})
    report = report_from_cells(cells, org="某县人民政府", year=2024)
    findings = check_report(report)
    assert {f.code for f in findings} == {"cell.blank"}
    assert all(f.severity == Severity.WARNING for f in findings)


def test_every_statistic_code_is_unique_and_names_its_table() -> None:
    for code, stat in STATISTICS.items():
        assert code == stat.code
        assert code.split(":")[0] in fmt.TABLE_LABELS
