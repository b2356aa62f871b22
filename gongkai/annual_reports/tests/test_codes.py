"""One registry of finding codes: every emitter takes its descriptions from it."""

from __future__ import annotations

import pytest

from gongkai.annual_reports import codes
from gongkai.annual_reports.aggregate import aggregate_reports
from gongkai.annual_reports.codes import CODES, Stage, codes_of, describe_code
from gongkai.annual_reports.data import ReportData, blank_report, report_from_dict
from gongkai.annual_reports.importing import IMPORT_FINDING_CODES
from gongkai.annual_reports.importing.codes import finding
from gongkai.annual_reports.validation.findings import Severity
from gongkai.annual_reports.validation.rules import RULES


def test_every_code_has_a_chinese_description_and_a_stage() -> None:
    for code in CODES.values():
        assert code.description, code.code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in code.description), code.code
        assert code.stage in Stage


def test_codes_once_in_none_before_are_registered() -> None:
    assert describe_code("input.invalid")
    assert describe_code("aggregate.table_missing")
    assert codes.CODES["input.invalid"].stage == Stage.EDITOR


def test_an_unknown_code_has_no_description() -> None:
    assert describe_code("no.such_code") == ""


def test_a_code_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="twice"):
        codes.register("table.missing", Severity.ERROR, Stage.CHECK, "重复")


def test_the_rules_take_severity_and_description_from_the_registry() -> None:
    assert {r.code for r in RULES} == set(codes_of(Stage.CHECK))
    for rule in RULES:
        assert rule.description == describe_code(rule.code)
        assert rule.severity == CODES[rule.code].severity


def test_the_parsers_codes_are_the_registrys() -> None:
    assert codes_of(Stage.PARSER) == IMPORT_FINDING_CODES
    assert "import.table_missing" in IMPORT_FINDING_CODES
    with pytest.raises(KeyError):
        finding("table.missing", Severity.ERROR, "不是解析器的代码")


def test_the_loaders_findings_use_loader_codes() -> None:
    loaded = report_from_dict(
        {"year": "x", "active": [], "applications": {"new": [1.5]}, "appeals": None}
    )
    emitted = {f.code for f in loaded.findings}
    assert emitted
    assert emitted <= set(codes_of(Stage.LOADER))


def test_the_aggregation_code_is_registered() -> None:
    whole = blank_report(org="甲", year=2024)
    part = ReportData(year=2024, org="乙", active=whole.active)
    _, findings = aggregate_reports([whole, part], org="县", year=2024)
    assert {f.code for f in findings} == {codes.AGGREGATE_TABLE_MISSING}
    assert {codes.CODES[f.code].stage for f in findings} == {Stage.AGGREGATE}
