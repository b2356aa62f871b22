"""``gongkai check`` speed: ``check_report`` over 2,000 sample reports, beside a bare
baseline on the same reports in the same run.

The reports are ``sample_report`` with 2,000 different seeds; in every tenth one a
cell of 三(一)予以公开 is off by one, so two sum relations break and the checks have
findings to write.  ``check_report`` runs every rule of the format (blank cells,
negative counts, the fee, the four kinds of sum relation, the suspect cell) and
writes each finding with its message and cells.

The baseline is a hand-written loop doing only the arithmetic of the sum relations
on the same ``ReportData`` objects (each column's 一 + 二 = 三(七) + 四, each row's
six applicant columns = 总计, each column's 三 leaf rows = (七)总计, each appeal
group's four results = 总计), counting the relations that break, with no messages
or findings.  The run checks that it counts as many broken relations as
``check_report`` reports errors, so both find the same problems.

Each time is the best of a few passes over all reports (``time.perf_counter``); the
ratio is the baseline's reports/s over ``check_report``'s (how many times slower).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.validation.findings import Severity
from gongkai.annual_reports.validation.rules import check_report

REPORTS = 2000
BROKEN_EVERY = 10
RUNS = 3


def reports() -> list[ReportData]:
    out = []
    for seed in range(REPORTS):
        report = sample_report(org="示范县人民政府", year=2024, seed=seed)
        if seed % BROKEN_EVERY == 0:
            apps = report.applications
            if apps is None:
                raise RuntimeError("sample report without section 三")
            report = report.with_cell(
                ("applications", "granted", 0), (apps.granted[0] or 0) + 1
            )
        out.append(report)
    return out


def bare_relations(report: ReportData) -> int:
    """The number of broken sum relations (the arithmetic of ``check_report`` only;
    the sample reports have no blank cells)."""
    broken = 0
    apps = report.applications
    if apps is not None:
        leaves = (
            apps.granted,
            apps.partially_granted,
            *apps.withheld,
            *apps.unable,
            *apps.not_processed,
            *apps.other,
        )
        total, new, over, forward = (
            apps.total,
            apps.new,
            apps.carried_over,
            apps.carried_forward,
        )
        for c in range(7):
            broken += new[c] + over[c] != total[c] + forward[c]
            broken += sum(row[c] for row in leaves) != total[c]
        for row in (new, over, *leaves, total, forward):
            broken += sum(row[:6]) != row[6]
    appeals = report.appeals
    if appeals is not None:
        for row in (
            appeals.reconsideration,
            appeals.litigation_direct,
            appeals.litigation_after_reconsideration,
        ):
            broken += sum(row[:4]) != row[4]
    return broken


def _best_s(function: Callable[[Any], Any], items: Sequence[Any]) -> float:
    for item in items[:50]:  # warm up
        function(item)
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        for item in items:
            function(item)
        best = min(best, time.perf_counter() - start)
    return best


def run() -> dict[str, float]:
    data = reports()
    errors = sum(
        f.severity == Severity.ERROR for report in data for f in check_report(report)
    )
    broken = sum(bare_relations(report) for report in data)
    if errors != broken:
        raise RuntimeError(
            f"the baseline finds {broken} broken relations, check_report {errors} errors"
        )
    check_rate = len(data) / _best_s(check_report, data)
    bare_rate = len(data) / _best_s(bare_relations, data)
    ratio = bare_rate / check_rate
    print(
        f"check {len(data):,} reports ({errors} errors): {check_rate:,.0f} reports/s "
        f"(baseline bare loop over the sum relations: {bare_rate:,.0f} reports/s, "
        f"ratio {ratio:.1f})"
    )
    return {
        "check_reports_per_s": check_rate,
        "check_baseline_reports_per_s": bare_rate,
        "check_ratio": ratio,
    }


if __name__ == "__main__":
    run()
