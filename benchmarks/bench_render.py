"""Rendering speed: milliseconds per report in each format (median of several runs).

A portal serves every published report in four formats and renders them on demand,
so each must stay well below a second; PDF (WeasyPrint laying out CJK text and
subsetting the font) is the slow one.
"""

from __future__ import annotations

import statistics
import time

from gongkai.annual_reports.rendering import FORMATS, render
from gongkai.annual_reports.rendering.html import render_tables_fragment
from gongkai.annual_reports.sample import sample_report

RUNS = {"html": 30, "docx": 10, "xlsx": 10, "pdf": 5}
LIMIT_MS = {"html": 50, "docx": 500, "xlsx": 500, "pdf": 3000}


def _median_ms(function, runs: int) -> float:
    function()  # warm up: imports, font loading
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run() -> dict[str, float]:
    report = sample_report(org="示范县人民政府", year=2024)
    results: dict[str, float] = {}
    for name in FORMATS:
        ms = _median_ms(lambda name=name: render(report, name), RUNS[name])
        results[f"render_{name}_ms"] = round(ms, 2)
        print(f"  render {name:5} {ms:9.1f} ms   (limit {LIMIT_MS[name]} ms)")
    ms = _median_ms(lambda: render_tables_fragment(report), RUNS["html"])
    results["render_tables_fragment_ms"] = round(ms, 2)
    print(f"  tables fragment {ms:5.1f} ms   (limit {LIMIT_MS['html']} ms)")
    return results


if __name__ == "__main__":
    run()
