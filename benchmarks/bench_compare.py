"""The auditors' comparison and the source-text view, without a database.

- ``compare_600_reports_s``: 200 organs over 3 years (carry-over checked between
  each organ's consecutive years), limit 1 s.
- ``source_lines_2000_spans_s``: a 100,000-character extracted text with 2,000
  marked spans cut into lines, limit 0.2 s.
"""

from __future__ import annotations

import time

from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.validation.rules import check_report
from gongkai.imports.compare import ReportInput, compare_reports
from gongkai.imports.source import source_lines

LIMITS = {"compare_600_reports_s": 1.0, "source_lines_2000_spans_s": 0.2}


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


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> dict[str, float]:
    reports = _inputs()
    text = ("本年新收申请\t12\t3\t0\t0\t1\t0\t16\n" * 4000)[:100_000]
    spans = {f"p{i}": {"start": i * 50 + 7, "end": i * 50 + 9} for i in range(2000)}
    results = {
        "compare_600_reports_s": _best(lambda: compare_reports(reports)),
        "source_lines_2000_spans_s": _best(lambda: source_lines(text, spans)),
    }
    for name, value in results.items():
        print(f"{name}: {value:.4f} (limit {LIMITS[name]})")
    return results


if __name__ == "__main__":
    run()
