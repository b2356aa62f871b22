"""The auditors' comparison and the source-text view, each beside a bare baseline on
the same data in the same run.

- ``compare_600_reports_s``: ``compare_reports`` over 200 organs × 3 years (the main
  figures of every report, cells marked from the stored findings, and the
  carry-over checked between each organ's consecutive years).  Baseline
  ``compare_sql_600_reports_s``: a raw SQL aggregate over the same 600 rows in a
  temporary SQLite database (org, year, statistics as JSON text), one
  ``json_extract`` per figure plus the carry-over self-join (org, year - 1) comparing
  last year's 结转下年度 with this year's 上年结转 in the 7 applicant columns, rows
  fetched into Python.
- ``source_lines_2000_spans_s``: ``source_lines`` cutting a 100,000-character
  extracted text with 2,000 marked spans into numbered lines.  Baseline
  ``source_lines_baseline_s``: ``text.splitlines()`` on the same text plus a bare loop
  slicing the same 2,000 spans.

Each time is the best of a few runs (``time.perf_counter``); each ratio is gongkai's
time over the baseline's.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.comparison import MAIN_FIGURES, ReportInput, compare_reports
from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.validation.rules import check_report
from gongkai.imports.source import source_lines

T = fmt.TOTAL_COLUMN
COLUMNS = len(fmt.APPLICANT_COLUMNS)  # 7: six applicant columns and 总计


def _inputs() -> list[ReportInput]:
    out = []
    for org in range(200):
        for year in (2021, 2022, 2023):
            data = sample_report(org=f"机关{org}", year=year)
            out.append(
                ReportInput(
                    report_id=len(out) + 1,
                    organisation_id=org,
                    organisation=f"机关{org}",
                    year=year,
                    statistics=report_to_dict(data, extended=False),
                    findings=tuple(f.to_dict() for f in check_report(data)),
                )
            )
    return out


def _best(function: Callable[[], Any], repeat: int = 10) -> float:
    function()  # warm up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


# -- the SQL baseline ---------------------------------------------------------------
def _json_path(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def _figure_sql(figure: Any) -> str:
    """One figure as SQL: a json_extract, or the sum of several (blanks as 0)."""
    parts = [f"json_extract(statistics, '{_json_path(p)}')" for p in figure.paths]
    if len(parts) == 1:
        return parts[0]
    return "(" + " + ".join(f"coalesce({p}, 0)" for p in parts) + ")"


def figures_sql() -> str:
    columns = ",\n  ".join(_figure_sql(f) for f in MAIN_FIGURES)
    return f"SELECT id, org, year,\n  {columns}\nFROM reports ORDER BY id"


def carry_sql() -> str:
    extract = ",\n    ".join(
        f"json_extract(statistics, '$.applications.carried_forward[{c}]') AS f{c}, "
        f"json_extract(statistics, '$.applications.carried_over[{c}]') AS o{c}"
        for c in range(COLUMNS)
    )
    pairs = ", ".join(f"prev.f{c}, cur.o{c}" for c in range(COLUMNS))
    differ = "\n   OR ".join(
        f"coalesce(prev.f{c}, 0) <> coalesce(cur.o{c}, 0)" for c in range(COLUMNS)
    )
    # Built from fixed column numbers only, no outside input.
    return (
        f"WITH carry AS (SELECT id, org, year, {extract} FROM reports)\n"  # noqa: S608
        f"SELECT prev.id, cur.id, cur.org, cur.year, {pairs}\n"
        "FROM carry AS cur JOIN carry AS prev\n"
        "  ON prev.org = cur.org AND prev.year = cur.year - 1\n"
        f"WHERE {differ}\nORDER BY cur.id"
    )


def _database(path: Path, reports: list[ReportInput]) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE reports (id INTEGER PRIMARY KEY, org TEXT NOT NULL, "
        "year INTEGER NOT NULL, statistics TEXT NOT NULL)"
    )
    db.execute("CREATE UNIQUE INDEX reports_org_year ON reports (org, year)")
    db.executemany(
        "INSERT INTO reports VALUES (?, ?, ?, ?)",
        [
            (
                r.report_id,
                r.organisation,
                r.year,
                json.dumps(r.statistics, ensure_ascii=False),
            )
            for r in reports
        ],
    )
    db.commit()
    return db


def _sql_comparison(db: sqlite3.Connection) -> tuple[list[Any], list[Any]]:
    return db.execute(FIGURES).fetchall(), db.execute(CARRY).fetchall()


FIGURES = figures_sql()
CARRY = carry_sql()


def _same_answer(comparison: Any, rows: list[Any], carries: list[Any]) -> int:
    """Check that the SQL gives gongkai's figures and carry-over mismatches (so the
    two do the same work); the number of mismatched organ-years."""
    got = [tuple(_number(v) for v in row[3:]) for row in rows]
    want = [tuple(cell.value for cell in row.cells) for row in comparison.rows]
    if got != want:
        raise RuntimeError("the SQL baseline's figures differ from compare_reports")
    pairs = {
        (c.previous.report_id, c.current.report_id) for c in comparison.carry_overs
    }
    if {(previous, current) for previous, current, *_ in carries} != pairs:
        raise RuntimeError("the SQL baseline's carry-over pairs differ")
    return len(pairs)


def _number(value: Any) -> Any:
    return Decimal(value) if isinstance(value, str) else value


# -- the source lines baseline -------------------------------------------------------
def _bare_lines(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    return text.splitlines(), [text[start:end] for start, end in spans]


# ---------------------------------------------------------------------------------
def run() -> dict[str, float]:
    reports = _inputs()
    comparison = compare_reports(reports)
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-compare-") as tmp:
        db = _database(Path(tmp) / "reports.sqlite3", reports)
        try:
            pairs = _same_answer(comparison, *_sql_comparison(db))
            compare_s = _best(lambda: compare_reports(reports))
            sql_s = _best(lambda: _sql_comparison(db))
        finally:
            db.close()
    print(
        f"compare {len(reports)} reports: {compare_s * 1000:.1f} ms (baseline raw SQL "
        f"aggregate over the same rows, SQLite json_extract of {len(MAIN_FIGURES)} "
        f"figures + carry-over self-join: {sql_s * 1000:.1f} ms, ratio "
        f"{compare_s / sql_s:.1f}); {pairs} organ-years with a carry-over mismatch"
    )

    text = ("本年新收申请\t12\t3\t0\t0\t1\t0\t16\n" * 5000)[:100_000]
    spans = {f"p{i}": {"start": i * 50 + 7, "end": i * 50 + 9} for i in range(2000)}
    bare_spans = sorted((s["start"], s["end"]) for s in spans.values())
    lines_s = _best(lambda: source_lines(text, spans))
    bare_s = _best(lambda: _bare_lines(text, bare_spans))
    print(
        f"source lines, {len(text):,} characters, {len(spans):,} spans: "
        f"{lines_s * 1000:.2f} ms (baseline text.splitlines() + slicing the spans: "
        f"{bare_s * 1000:.2f} ms, ratio {lines_s / bare_s:.1f})"
    )
    return {
        "compare_600_reports_s": compare_s,
        "compare_sql_600_reports_s": sql_s,
        "compare_vs_sql_ratio": compare_s / sql_s,
        "source_lines_2000_spans_s": lines_s,
        "source_lines_baseline_s": bare_s,
        "source_lines_ratio": lines_s / bare_s,
    }


if __name__ == "__main__":
    run()
