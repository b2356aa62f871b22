"""Rendering speed: milliseconds per report in each format, beside a bare baseline
rendered in the same run from the same 200 cell values.

The report is ``sample_report(org="示范县人民政府", year=2024)`` with a narrative of
a few paragraphs.  gongkai draws the official layout (merged header cells, labels,
escaping, CSS, fonts, page setup); each baseline is the least a library can do to
put the same numbers in a file of that format:

- HTML: a plain ``"".join`` of ``<td>`` strings, one ``<table>``, no spans, no
  escaping, no CSS.  Also the baseline of the tables-only fragment.
- DOCX: python-docx, one plain table holding the values (no merges, no styling).
- XLSX: openpyxl, the values appended to one plain sheet.
- PDF: WeasyPrint laying out a minimal HTML page with the same numbers and the
  same Chinese text as gongkai's document (its visible text, digits removed), in
  paragraphs, no tables, in the same CJK font.

Each time is the best of N runs (``time.perf_counter``) after one warm-up run
(imports, font loading); the ratio is gongkai's time over the baseline's.
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Callable
from typing import Any

from gongkai.annual_reports.data import Narrative, ReportData, iter_cells
from gongkai.annual_reports.rendering import FORMATS, render
from gongkai.annual_reports.rendering.html import SERIF_FONTS, render_tables_fragment
from gongkai.annual_reports.sample import sample_report

RUNS = {"html": 200, "tables_fragment": 200, "docx": 10, "xlsx": 10, "pdf": 5}

_OVERVIEW = (
    "本年度，示范县人民政府坚持“公开为常态、不公开为例外”，围绕县委、县政府中心工作，"
    "依法做好政府信息主动公开、依申请公开和政府信息管理工作，不断提升政务公开质量。",
    "主动公开方面，县政府门户网站全年发布政府信息四千余条，及时公开规范性文件、"
    "财政预决算、重大建设项目、公共资源配置和社会公益事业建设等重点领域信息；"
    "通过政策解读、新闻发布会和政务新媒体回应社会关切，解读文件均与政策同步发布。",
    "依申请公开方面，严格执行受理、登记、审核、答复各环节的规定，依法按时答复，"
    "对不予公开的申请逐项说明理由和依据，并告知申请人救济途径。",
    "政府信息管理方面，建立健全公开前保密审查机制，定期清理已公开的规范性文件，"
    "对失效、废止的文件及时标注，确保公开内容准确、完整、规范。",
    "平台建设方面，完善政府网站信息公开专栏，统一栏目设置和内容规范，"
    "推动政务服务事项办事指南在线公开，方便群众查询和办理。",
    "监督保障方面，将政务公开工作纳入年度绩效考核，组织业务培训三次，"
    "开展网站和政务新媒体季度检查，对发现的问题督促限期整改。",
)
_PROBLEMS = (
    "一是部分单位公开内容不够全面，更新不够及时；二是依申请公开答复的说理需进一步加强；"
    "三是政策解读形式较为单一。",
    "下一步，将加强业务培训和考核，细化答复文书规范，丰富图文、视频等解读形式，"
    "持续提升政务公开的规范化、标准化水平。",
)
_OTHER = ("本年度未收取信息处理费。本机关政府信息公开工作年度报告同步在门户网站发布。",)

NARRATIVE = Narrative(
    overview="\n".join(_OVERVIEW),
    problems="\n".join(_PROBLEMS),
    other="\n".join(_OTHER),
)


def _best_ms(function: Callable[[], Any], runs: int) -> float:
    function()  # warm up: imports, font loading
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _rows(report: ReportData) -> list[list[Any]]:
    """The report's 200 cell values, one list per table row (row path)."""
    rows: dict[tuple[Any, ...], list[Any]] = {}
    for path, value in iter_cells(report):
        key = path[:-1] if isinstance(path[-1], int) else path
        rows.setdefault(key, []).append(value)
    return list(rows.values())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


# -- baselines --------------------------------------------------------------------
def baseline_html(rows: list[list[Any]]) -> bytes:
    return (
        "<table>"
        + "".join(
            "<tr>" + "".join(f"<td>{_text(v)}</td>" for v in row) + "</tr>"
            for row in rows
        )
        + "</table>"
    ).encode("utf-8")


def baseline_docx(rows: list[list[Any]]) -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for table_row, row in zip(table.rows, rows, strict=True):
        for cell, value in zip(table_row.cells, row, strict=False):
            cell.text = _text(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def baseline_xlsx(rows: list[list[Any]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def visible_text(document: str) -> str:
    """The text a reader sees in gongkai's HTML document, digits removed."""
    body = re.sub(r"(?s)<(head|style|script)\b.*?</\1>", "", document)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", body))
    lines = (re.sub(r"[\d.]+", "", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def baseline_pdf_page(rows: list[list[Any]], text: str) -> str:
    numbers = " ".join(_text(v) for row in rows for v in row)
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<style>body {{ font-family: {SERIF_FONTS}; }}</style></head>"
        f"<body>{paragraphs}<p>{numbers}</p></body></html>"
    )


def baseline_pdf(page: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=page).render().write_pdf()


# ---------------------------------------------------------------------------------
def run() -> dict[str, float]:
    report = sample_report(org="示范县人民政府", year=2024, narrative=NARRATIVE)
    rows = _rows(report)
    cells = sum(len(r) for r in rows)
    text = visible_text(render(report, "html").decode("utf-8"))
    page = baseline_pdf_page(rows, text)
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    print(
        f"  report: {cells} cells in {len(rows)} rows, {cjk} Chinese characters of "
        "text; each time the best of N runs: "
        + ", ".join(f"{name} {n}" for name, n in RUNS.items())
    )
    baselines: dict[str, tuple[str, Callable[[], Any]]] = {
        "html": (
            "one plain <table> joined from <td> strings",
            lambda: baseline_html(rows),
        ),
        "docx": ("python-docx, one plain table", lambda: baseline_docx(rows)),
        "xlsx": ("openpyxl, one plain sheet", lambda: baseline_xlsx(rows)),
        "pdf": (
            "WeasyPrint, minimal page, same numbers and text, no tables",
            lambda: baseline_pdf(page),
        ),
    }
    cases: list[tuple[str, Callable[[], Any], str, Callable[[], Any]]] = [
        (name, lambda name=name: render(report, name), *baselines[name])
        for name in FORMATS
    ]
    cases.append(
        (
            "tables_fragment",
            lambda: render_tables_fragment(report),
            *baselines["html"],
        )
    )
    results: dict[str, float] = {}
    for name, function, what, baseline in cases:
        ms = _best_ms(function, RUNS[name])
        base_ms = _best_ms(baseline, RUNS[name])
        ratio = ms / base_ms
        results[f"render_{name}_ms"] = ms
        results[f"render_{name}_baseline_ms"] = base_ms
        results[f"render_{name}_ratio"] = ratio
        print(
            f"render {name}: {ms:.2f} ms (baseline {what}: {base_ms:.2f} ms, "
            f"ratio {ratio:.1f})"
        )
    return results


if __name__ == "__main__":
    run()
