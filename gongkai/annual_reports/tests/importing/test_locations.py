"""Where a finding points in the source text: line, character column and offsets,
so that a one-line page's findings say 第 1 行第 345 字 and the report page can
highlight the span (``importing.locations``)."""

from __future__ import annotations

import re

from gongkai.annual_reports.importing import ParseResult, parse_bytes
from gongkai.annual_reports.importing.locations import (
    WIDE_LINE,
    locate,
    place_findings,
    where,
)
from gongkai.annual_reports.tests.importing.flat_shapes import flat_case
from gongkai.annual_reports.tests.importing.helpers import rng
from gongkai.annual_reports.tests.importing.shapes import make_case
from gongkai.annual_reports.validation.findings import (
    Finding,
    Location,
    Severity,
)

_SAID = re.compile(r"第 (\d+) 行(?:第 (\d+) 字)?")


def _parse(text: str) -> ParseResult:
    return parse_bytes(text.encode(), source="t.txt", suffix=".txt")


def test_locate_counts_lines_and_characters_from_one() -> None:
    text = "ab\ncdef\ng"
    assert locate(text, 0, 1) == Location(1, 1, 0, 1)
    assert locate(text, 5, 7) == Location(2, 3, 5, 7)
    assert locate(text, 8) == Location(3, 1, 8, 8)


def test_the_character_is_named_only_in_a_wide_line() -> None:
    narrow = "x" * WIDE_LINE
    wide = "x" * (WIDE_LINE + 1)
    assert where(narrow, locate(narrow, 50, 51)) == "第 1 行"
    assert where(wide, locate(wide, 50, 51)) == "第 1 行第 51 字"


def test_a_location_survives_the_stored_form() -> None:
    at = Location(1, 345, 344, 350)
    finding = Finding("import.split_inferred", Severity.INFO, "m", (), {}, at)
    data = finding.to_dict()
    assert data["at"] == {"line": 1, "column": 345, "start": 344, "end": 350}
    assert Finding.from_dict(data).at == at
    assert "at" not in Finding("x", Severity.INFO, "m").to_dict()
    assert Finding.from_dict({**data, "at": {"line": "?"}}).at is None


def test_findings_of_a_one_line_report_name_the_character() -> None:
    case = flat_case("glued", rng("locations"))
    assert "\n" not in case.text
    result = _parse(case.text)
    located = [f for f in result.findings if f.at is not None]
    assert located
    said = 0
    for f in located:
        assert f.at is not None
        assert f.at.line == 1
        assert f.at.column == f.at.start + 1
        assert 0 <= f.at.start < f.at.end <= len(case.text)
        match = _SAID.search(f.message)
        if match is None:
            continue
        said += 1
        assert match.group(2) is not None, f.message  # never 第 1 行 alone
        assert int(match.group(2)) == f.at.column
    assert said
    for f in result.findings:
        if f.code in ("import.split_inferred", "import.split_uncertain") and f.at:
            run = re.search(r"的数字「([0-9 ]+)」", f.message)
            if run is not None:  # the span is the glued run itself
                assert case.text[f.at.start : f.at.end] == run.group(1)


def _tabbed_with_a_wrong_total() -> tuple[str, int]:
    """A tabbed report whose 新收 总计 is 1,000 too high; (text, offset of it)."""
    text = make_case("tabbed", rng("x")).text
    line = next(x for x in text.split("\n") if "本年新收" in x and "\t" in x)
    head, _, total = line.rpartition("\t")
    wrong = f"{head}\t{int(total) + 1000}"
    at = text.index(line) + len(head) + 1
    return text.replace(line, wrong, 1), at


def test_findings_of_a_report_in_lines_name_the_line_alone() -> None:
    text, _ = _tabbed_with_a_wrong_total()
    result = _parse(text)
    assert any(f.at is not None for f in result.findings)
    for f in result.findings:
        if f.at is None:
            continue
        line_start = text.rfind("\n", 0, f.at.start) + 1
        assert f.at.column == f.at.start - line_start + 1
        assert f.at.line == text.count("\n", 0, f.at.start) + 1
        assert "字" not in "".join(m.group() for m in _SAID.finditer(f.message))


def test_check_findings_point_at_the_cells_they_name() -> None:
    text, at = _tabbed_with_a_wrong_total()
    result = _parse(text)
    broken = [
        f
        for f in result.findings
        if f.severity == Severity.ERROR
        and any(c.path == ("applications", "new", 6) for c in f.cells)
    ]
    assert broken
    for f in broken:
        assert f.at is not None
        assert f.at.line == text.count("\n", 0, at) + 1
        assert f.at.start <= at < f.at.end


def test_findings_are_placed_when_read_and_placing_again_changes_nothing() -> None:
    """``ParseResult.findings`` places the parser's raw findings lazily (a caller
    that wants the report alone pays nothing); placing placed findings again (an
    import that cleans a result) keeps every message and location."""
    case = flat_case("glued", rng("locations"))
    result = _parse(case.text)
    assert all(f.at is None or f.at.column == 0 for f in result.raw_findings)
    placed = result.findings
    assert placed is result.findings  # computed once
    assert any(f.at is not None and f.at.column > 1 for f in placed)
    again = place_findings(placed, result.text, result.provenance)
    assert [(f.message, f.at) for f in again] == [(f.message, f.at) for f in placed]
