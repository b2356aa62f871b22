"""Real published reports, cell for cell: right, or flagged as doubtful; never silently wrong.

The files in ``real/`` are government annual reports as public sources hold them (see
``real/SOURCES.md``): glued crawl text, PDF text turned into markdown.  Each has a
``.truth.json`` established by reading the text (and, for glued digit runs, the cell
boundaries of the same page's HTML), not by running the parser.  Where the printed
numbers break the check relations, the truth keeps what was printed.

The rule for every cell of the three tables: the parser's value equals the truth, or
the cell is covered by a finding that says the parser doubts it (``DOUBT_CODES``).
Check findings (``applications.*``) do not count: they fire on a correctly read report
whose own numbers disagree, so they do not tell the auditor that the reading is unsure.
A file on which the parser is silently wrong today is marked xfail(strict=True) with the
cells, so the marker has to go when the parser is fixed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual_reports.data import ReportData, report_from_dict
from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.importing import (
    IMPORT_FINDING_CODES,
    ParseResult,
    parse_file,
)
from gongkai.annual_reports.tests.importing.helpers import cells, differences

REAL = Path(__file__).parent / "real"
FILES = sorted(REAL.glob("*.txt"))
TABLES = ("active", "applications", "appeals")

#: Parser findings that mark a cell (or its row or table) as doubtful.  Notices that only
#: describe the input (import.encoding, import.flat_text, import.label_variant,
#: import.number_format, import.format_2019, import.pdf_layout) do not count.
DOUBT_CODES = frozenset(
    {
        "import.split_inferred",
        "import.split_uncertain",
        "import.truncated_row",
        "import.short_row",
        "import.extra_cells",
        "import.row_missing",
        "import.table_missing",
        "import.table_inferred",
        "import.header_missing",
        "import.label_fuzzy",
        "import.duplicate_row",
        "import.not_integer",
        "import.unassigned",
        "import.encoding_uncertain",
    }
)

#: Files on which the parser is silently wrong today: file stem -> the cells.
SILENTLY_WRONG: dict[str, str] = {}

#: Files whose title or organ the parser gets wrong without a finding: stem -> why.
METADATA_WRONG: dict[str, str] = {}


def truth_of(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (REAL / f"{path.stem}.truth.json").read_text("utf-8")
    )
    return data


def _tables(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in TABLES}


def table_cells(data: dict[str, Any]) -> dict[str, Any]:
    """Every cell of the three tables by path (a missing table counts as one cell)."""
    return dict(cells(_tables(data)))


def doubted(result: ParseResult, *, warnings_only: bool = False) -> set[str]:
    """Paths (cells, rows or tables) a doubt finding covers; ``warnings_only``: only
    findings the auditor is warned by (not a notice such as import.split_inferred)."""
    return {
        path_str(c.path)
        for f in result.findings
        if f.code in DOUBT_CODES and not (warnings_only and f.severity == "info")
        for c in f.cells
    }


def is_covered(cell: str, covered: set[str]) -> bool:
    return any(cell == p or cell.startswith(p + ".") for p in covered)


def silent_cells(
    result: ParseResult, truth: dict[str, Any]
) -> list[tuple[str, Any, Any]]:
    """(path, want, got) for every wrong table cell no doubt finding covers."""
    assert result.report is not None, result.error
    covered = doubted(result)
    return [
        (path, want, got)
        for path, want, got in differences(_tables(truth), result.report)
        if path.split(".")[0] in TABLES and not is_covered(path, covered)
    ]


def accuracy(result: ParseResult, truth: dict[str, Any]) -> tuple[int, int, int]:
    """(right cells, all cells, cells covered by a doubt finding), nulls included."""
    assert result.report is not None, result.error
    want = table_cells(truth)
    wrong = {
        path
        for path, _w, _g in differences(_tables(truth), result.report)
        if path in want
    }
    covered = doubted(result)
    flagged = sum(1 for path in want if is_covered(path, covered))
    return len(want) - len(wrong), len(want), flagged


def _marked(path: Path, known: dict[str, str]) -> Any:
    reason = known.get(path.stem)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 9
    glued = [p for p in FILES if p.stem.startswith("pingtan_")]
    assert len(glued) == 6
    for path in FILES:
        assert (REAL / f"{path.stem}.truth.json").is_file(), path.name
    assert "pingtan_2021.txt" in (REAL / "SOURCES.md").read_text("utf-8")


def test_doubt_codes_are_parser_codes() -> None:
    assert set(DOUBT_CODES) <= set(IMPORT_FINDING_CODES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_truth_is_valid_interchange_form(path: Path) -> None:
    loaded = report_from_dict(truth_of(path))
    assert loaded.findings == ()
    assert loaded.report.year == truth_of(path)["year"]


@pytest.mark.parametrize("path", [_marked(p, SILENTLY_WRONG) for p in FILES])
def test_every_cell_is_right_or_flagged(path: Path) -> None:
    result = parse_file(path)
    assert result.ok, result.error
    truth = truth_of(path)
    right, total, _flagged = accuracy(result, truth)
    assert silent_cells(result, truth) == [], f"{right}/{total} cells right"


@pytest.mark.parametrize("path", [_marked(p, METADATA_WRONG) for p in FILES])
def test_year_title_and_organ(path: Path) -> None:
    """The year must be right; title and organ right, or missing and reported."""
    result = parse_file(path)
    assert result.report is not None, result.error
    truth = truth_of(path)
    assert result.report.year == truth["year"]
    codes = {f.code for f in result.findings}
    if result.report.org is None:
        assert "report.org_missing" in codes
    else:
        assert result.report.org == truth["org"]
    assert result.report.title in (None, truth["title"])


PINGTAN = [p for p in FILES if p.stem.startswith("pingtan_")][1:]


def previous_of(path: Path) -> ReportData:
    year = int(path.stem.rsplit("_", 1)[1])
    return report_from_dict(truth_of(REAL / f"pingtan_{year - 1}.txt")).report


@pytest.mark.parametrize("path", PINGTAN, ids=lambda p: p.stem)
def test_previous_year_never_makes_a_cell_silently_wrong(path: Path) -> None:
    """The same organ's previous year helps cut glued digits; where the real numbers
    do not continue (2023–2025), it must not make a wrong split look certain."""
    result = parse_file(path, previous=previous_of(path))
    assert silent_cells(result, truth_of(path)) == []


def test_continuity_with_the_previous_year_decides_a_real_split() -> None:
    """2022's 行政规范性文件 8855698: 665 (2021) + 88 − 55 = 698 picks 88 | 55 | 698."""
    path = REAL / "pingtan_2022.txt"
    result = parse_file(path, previous=previous_of(path))
    assert result.report is not None
    assert result.report.active is not None
    assert result.report.active.normative_docs == (88, 55, 698)
    inferred = [
        f
        for f in result.findings
        if f.code == "import.split_inferred"
        and any(path_str(c.path).startswith("active.normative_docs") for c in f.cells)
    ]
    assert inferred
    assert "连续性" in inferred[0].message


def test_accuracy_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints right/all cells (nulls included) and the share flagged, per file."""
    lines = []
    for path in FILES:
        result = parse_file(path)
        assert result.report is not None, result.error
        truth = truth_of(path)
        right, total, flagged = accuracy(result, truth)
        silent = len(silent_cells(result, truth))
        warned = doubted(result, warnings_only=True)
        # wrong cells that only a notice (import.split_inferred) covers: decided, not doubted
        only_noticed = [
            p
            for p, _w, _g in differences(_tables(truth), result.report)
            if p.split(".")[0] in TABLES
            and is_covered(p, doubted(result))
            and not is_covered(p, warned)
        ]
        lines.append(
            f"{path.stem:16} {right:3}/{total} right ({right / total:.1%}), "
            f"{flagged} flagged, {silent} silently wrong, "
            f"{len(only_noticed)} wrong under a notice only"
        )
    with capsys.disabled():
        print("\nreal corpus cell accuracy\n" + "\n".join(lines))
    assert len(lines) == len(FILES)
