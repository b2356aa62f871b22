"""Parsing published reports: speed on generated text reports, accuracy on the seeds.

Writes ≥2,000 reports in the four text shapes of the seeds (tab rows, markdown,
headerless rows, scraped pages; see ``tests/importing/shapes.py``) to a temporary
folder, parses every file with ``parse_file`` (one process, one core) and, in the
same run, scans the same files with a bare regular expression (read, decode,
``re.findall(r"\\d+")``): the floor any parser of these files stands on.  Times are
the process's CPU time, so other load on the machine does not count; wall-clock
figures are printed beside them.

Results are streamed, as an import does: the timed loop keeps only whether each
file was read, so the garbage collector does not walk 2,000 results' worth of heap.
The machine the benchmarks run on is shared, so each pass over the files (parse and
regex scan alike, interleaved) is timed ``PASSES`` times and the best pass counts.

Also reports how much of a parse is ``gongkai check`` (``check_report``, run on every
parsed report), and the share of the seeds' cells (nulls included) read right.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gongkai.annual_reports.data import ReportData  # noqa: E402
from gongkai.annual_reports.importing import parse_file  # noqa: E402
from gongkai.annual_reports.tests.importing.helpers import (  # noqa: E402
    as_json,
    cells,
    differences,
    seed_paths,
    truth_of,
)
from gongkai.annual_reports.tests.importing.shapes import SHAPES, make_case  # noqa: E402
from gongkai.annual_reports.validation.rules import check_report  # noqa: E402

REPORTS = 2000
PASSES = 3  # timed passes over the files; the best counts (the machine is shared)
CHECK_SAMPLE = 500  # parsed reports the check is timed on
GOAL = 1000  # reports per second on one core
_NUMBERS = re.compile(r"\d+")


def _write_reports(folder: Path) -> list[Path]:
    paths = []
    for i in range(REPORTS):
        shape = SHAPES[i % len(SHAPES)]
        path = folder / f"{i:05d}_{shape}.txt"
        path.write_text(make_case(shape, random.Random(i)).text, "utf-8")
        paths.append(path)
    return paths


def _timed(function, items):  # type: ignore[no-untyped-def]
    """(calls that failed, CPU seconds, wall seconds) of one pass over ``items``;
    nothing else is kept (``function`` returns None for a success)."""
    cpu, wall = time.process_time(), time.perf_counter()
    failed = sum(function(item) is not None for item in items)
    return failed, time.process_time() - cpu, time.perf_counter() - wall


def _best(passes: list[tuple[int, float, float]]) -> tuple[int, float, float]:
    return min(passes, key=lambda p: p[1])


def _parse_error(path: Path) -> str | None:
    return parse_file(path).error


def _check(report: ReportData) -> None:
    check_report(report)


def _regex_scan(path: Path) -> None:
    _NUMBERS.findall(path.read_bytes().decode("utf-8"))


def seed_accuracy() -> tuple[int, int]:
    """(cells read right, cells) over the seeds, nulls and missing tables included."""
    right = total = 0
    for path in seed_paths():
        truth = as_json(truth_of(path))
        result = parse_file(path)
        got = result.report if result.report is not None else {}
        wrong = {k for k, _, _ in differences(truth, got)}
        for key, _value in cells(truth):
            total += 1
            right += key not in wrong
    return right, total


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-parse-") as tmp:
        paths = _write_reports(Path(tmp))
        for path in paths[:40]:  # warm caches and imports
            parse_file(path)
        parses, scans = [], []
        for _ in range(PASSES):
            parses.append(_timed(_parse_error, paths))
            scans.append(_timed(_regex_scan, paths))
        failed, parse_cpu, parse_wall = _best(parses)
        _, scan_cpu, scan_wall = _best(scans)
        # The check's share, timed on reports gathered in an untimed pass (the
        # first CHECK_SAMPLE files, every shape alike; a sample, so that holding
        # them weighs little on the check's timing).
        sample = [parse_file(p).report for p in paths[:CHECK_SAMPLE]]
        reports = [r for r in sample if r is not None]
    _, check_cpu, _ = _best([_timed(_check, reports) for _ in range(PASSES)])
    parse_rate, scan_rate = len(paths) / parse_cpu, len(paths) / scan_cpu
    check_ms = check_cpu / max(1, len(reports)) * 1000
    parse_ms = parse_cpu / len(paths) * 1000
    right, total = seed_accuracy()
    print(
        f"parse: {parse_rate:,.0f} reports/s (limit: bare regex scan {scan_rate:,.0f} "
        f"reports/s, ratio {scan_rate / parse_rate:.1f}x) — {len(paths)} text reports, "
        f"{failed} failed, results streamed, best of {PASSES} passes, CPU time; "
        f"wall clock {len(paths) / parse_wall:,.0f} vs "
        f"{len(paths) / scan_wall:,.0f} reports/s"
    )
    print(
        f"parse: {parse_ms:.2f} ms/report, of which gongkai check {check_ms:.2f} ms; "
        f"without the check {1000 / max(1e-9, parse_ms - check_ms):,.0f} reports/s "
        f"(goal: {GOAL:,} reports/s on one core)"
    )
    print(f"seed accuracy: {right}/{total} cells right ({right / total:.2%})")
    return {
        "parse_reports_per_s": parse_rate,
        "regex_scan_reports_per_s": scan_rate,
        "parse_vs_regex_ratio": scan_rate / parse_rate,
        "parse_ms_per_report": parse_ms,
        "parse_check_ms_per_report": check_ms,
        "parse_failed_reports": float(failed),
        "seed_cell_accuracy": right / total,
    }


if __name__ == "__main__":
    run()
