"""The five published seed reports, cell for cell against their truth files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.annual_reports.data import iter_cells
from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.importing import (
    IMPORT_FINDING_CODES,
    ParseResult,
    parse_bytes,
    parse_file,
)
from gongkai.annual_reports.tests.importing.helpers import (
    differences,
    seed,
    seed_paths,
    truth_of,
)

SEEDS = seed_paths()


def _codes(result: ParseResult) -> list[str]:
    return [f.code for f in result.findings]


def _finding_paths(result: ParseResult, code: str) -> set[str]:
    return {
        path_str(c.path) for f in result.findings if f.code == code for c in f.cells
    }


def test_there_are_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_matches_truth_cell_for_cell(path: Path) -> None:
    result = parse_file(path)
    assert result.ok, result.error
    assert result.report is not None
    assert differences(truth_of(path), result.report) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_value_is_traceable_to_its_source_text(path: Path) -> None:
    result = parse_file(path)
    assert result.report is not None
    for cell_path, value in iter_cells(result.report):
        if value is None:
            continue
        span = result.provenance[path_str(cell_path)]
        assert result.text[span.start : span.end] == span.text
        written = "".join(span.text.split()).replace(",", "")
        assert Decimal(written) == Decimal(value), (cell_path, span)
        assert result.text.count("\n", 0, span.start) + 1 == span.line
    for key in ("title", "year", "org"):
        assert key in result.provenance


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_findings_are_documented_and_include_the_checks(path: Path) -> None:
    result = parse_file(path)
    imported = [c for c in _codes(result) if c.startswith("import.")]
    assert imported, "an import always says at least which encoding it read"
    assert set(imported) <= set(IMPORT_FINDING_CODES)
    assert "import.encoding" in imported


def test_000_missing_tables_are_null_and_reported() -> None:
    result = parse_file(seed("000"))
    assert result.report is not None
    assert result.report.applications is None
    assert result.report.appeals is None
    assert _finding_paths(result, "import.table_missing") == {"applications", "appeals"}
    assert {"active.coercion", "active.fees_wan_yuan"} <= _finding_paths(
        result, "import.row_missing"
    )
    assert "table.missing" in _codes(result)  # the check's own finding follows


def test_001_label_variants_are_matched_and_reported() -> None:
    result = parse_file(seed("001"))
    messages = [f.message for f in result.findings if f.code == "import.label_variant"]
    assert any("社会组织" in m and "社会公益组织" in m for m in messages)
    assert any("本年度止件数" in m and "本年废止件数" in m for m in messages)
    assert result.report is not None
    assert result.report.active is not None
    assert result.report.active.fees_wan_yuan == Decimal("1935.87208")
    assert "fee.precision" in _codes(result)  # gongkai check: 5 decimals > 4


def test_002_headerless_appeals_row_is_recovered_and_flagged_inferred() -> None:
    result = parse_file(seed("002"))
    assert result.report is not None
    assert result.report.appeals is not None
    assert result.report.appeals.reconsideration == (1, 0, 0, 0, 1)
    inferred = [f for f in result.findings if f.code == "import.table_inferred"]
    assert len(inferred) == 1
    assert inferred[0].severity == "warning"
    assert [path_str(c.path) for c in inferred[0].cells] == ["appeals"]
    assert "第 48 行" in inferred[0].message


def test_003_rows_giving_only_the_total_keep_applicant_cells_null() -> None:
    result = parse_file(seed("003"))
    assert result.report is not None
    apps = result.report.applications
    assert apps is not None
    assert apps.granted == (None, None, None, None, None, None, 0)
    assert "applications.granted.0" in _finding_paths(result, "import.short_row")


def test_004_scraped_page_blank_nbsp_cells_and_truncated_appeals() -> None:
    result = parse_file(seed("004"))
    assert result.report is not None
    assert result.report.title == "成安县2021年度政府信息公开工作年度报告"
    assert result.report.year == 2021  # not the 2022 publication date
    assert result.report.published_on is not None
    assert result.report.published_on.year == 2022
    truncated = _finding_paths(result, "import.truncated_row")
    assert "appeals.litigation_after_reconsideration.4" in truncated
    assert result.provenance["applications.new.0"].text == "\xa011"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_and_gb18030_copies_parse_identically(path: Path, encoding: str) -> None:
    text = path.read_text("utf-8")
    if encoding == "gbk":
        text = text.replace("\xa0", " ")  # GBK has no NBSP: pages save it as a space
    result = parse_bytes(text.encode(encoding), source=path.name, suffix=".txt")
    assert result.report is not None, result.error
    # GB18030 text without four-byte sequences is byte for byte GBK.
    assert result.detected["encoding"] in {"gbk", encoding}
    if "\xa0" in text and encoding == "gb18030":
        assert result.detected["encoding"] == "gb18030"
    assert differences(truth_of(path), result.report) == []


def test_result_json_line_carries_source_version_and_findings() -> None:
    result = parse_file(seed("002"))
    data = result.to_json()
    assert data["source"] == str(seed("002"))
    assert data["format_version"] == "2021"
    assert {"code", "severity", "message", "cells"} <= set(data["findings"][0])
    assert "error" not in data
