"""When the line scan finds no table (or only part of one), read the text again
without line breaks (:mod:`flat`) and take each table from whichever reading found
more of it.

The flat reading is only tried when the text shows signs of glued cells (few
lines, a label running into seven digits, a number with a leading zero) and a table
is missing while words of it are in the text, or the line scan reported missing,
short or unassigned rows: clean reports never pay for it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.importing import format2019 as f19
from gongkai.annual_reports.importing.build import Built
from gongkai.annual_reports.importing.codes import INFO, finding
from gongkai.annual_reports.importing.context import Provenance
from gongkai.annual_reports.importing.flat import FlatTables, read_flat
from gongkai.annual_reports.importing.metadata import Metadata
from gongkai.annual_reports.validation.findings import Finding

TABLES = ("active", "applications", "appeals")
_KEYS = {
    "active": ("规章", "行政许可", "行政处罚"),
    "applications": ("予以公开", "新收", "不予公开"),
    "appeals": ("结果维持", "尚未审结", "复议后起诉"),
}
_PARTIAL = frozenset(
    {
        "import.row_missing",
        "import.short_row",
        "import.truncated_row",
        "import.unassigned",
    }
)
#: Findings of the line scan about a table that the flat reading replaces.
_REPLACED = frozenset(
    {
        "import.table_missing",
        "import.row_missing",
        "import.short_row",
        "import.truncated_row",
        "import.extra_cells",
        "import.header_missing",
        "import.table_inferred",
        "import.duplicate_row",
        "import.not_integer",
        "import.label_variant",
        "import.number_format",
    }
)
#: Signs of glued cells: a label running into seven or more digits, or a number
#: written with a leading zero after another (``0 043``: a lost separator before 43).
_LONG_RUN = re.compile(r"[0-9]{7,}")
_LOST_SEPARATOR = re.compile(r"[0-9][ \xa0\u3000]0[0-9]")
_FEW_LINES = 20


def _wanted(text: str, built: Built) -> bool:
    report = built.report
    missing = any(
        getattr(report, name) is None and any(k in text for k in _KEYS[name])
        for name in TABLES
    )
    if not missing and not any(f.code in _PARTIAL for f in built.findings):
        return False  # the common case: decided without scanning the text
    if text.count("\n") < _FEW_LINES or _LOST_SEPARATOR.search(text):
        return True
    return any(
        "\u4e00" <= text[m.start() - 1] <= "\u9fff" or text[m.start() - 1] in ")）"
        for m in _LONG_RUN.finditer(text)
        if m.start()
    )


def filled(table: Any) -> int:
    """Non-null cells of a table (a dataclass of rows, counts and tuples)."""
    if table is None:
        return 0
    count = 0
    stack: list[Any] = [getattr(table, f) for f in table.__dataclass_fields__]
    while stack:
        value = stack.pop()
        if isinstance(value, tuple):
            stack.extend(value)
        elif value is not None:
            count += 1
    return count


def _version_finding(flat: FlatTables) -> Finding:
    """The finding the line scan's build gives a 2019 report (same words)."""
    markers = "、".join(f"「{m}」" for m in dict.fromkeys(flat.markers_2019)) or (
        f"「{f19.OTHER_SINGLE_ROW}」为单行"
    )
    return finding(
        "import.format_2019",
        INFO,
        f"按 2019 年试行格式（国办公开办函〔2019〕60号）读取（依据：{markers}）；"
        "能对应 2021 格式的单元格按 2021 格式读取，其余保存在补充数据中",
    )


def recover_flat(
    text: str, built: Built, meta: Metadata, previous: ReportData | None
) -> Built:
    if not _wanted(text, built):
        return built
    flat = read_flat(text, previous)
    replaced = [
        name
        for name in TABLES
        if flat.table(name) is not None
        and filled(flat.table(name)) > filled(getattr(built.report, name))
    ]
    if not replaced:
        return built
    report = built.report
    for name in replaced:
        report = replace(report, **{name: flat.table(name)})  # type: ignore[arg-type]
    version_findings = []
    if flat.version != report.format_version and (
        "applications" in replaced or ("active" in replaced and flat.supplementary)
    ):
        report = replace(report, format_version=flat.version)
        version_findings.append(_version_finding(flat))
    if "active" in replaced and flat.supplementary:
        report = replace(report, supplementary=flat.supplementary)
    findings = [
        f
        for f in built.findings
        if not (
            (f.code == "import.unassigned")
            or (
                f.code in _REPLACED
                and f.cells
                and all(c.path and c.path[0] in replaced for c in f.cells)
            )
        )
    ]
    provenance = built.provenance
    if isinstance(provenance, Provenance):
        for key in [k for k in provenance.cells if k.split(".", 1)[0] in replaced]:
            del provenance.cells[key]
        for name in replaced:
            for key, cell in flat.cells.get(name, {}).items():
                provenance.set_cell(key, cell)
    findings.extend(version_findings)
    for name in replaced:
        findings.extend(flat.findings.get(name, []))
    recognised = bool(
        meta.title
        or meta.year
        or report.active
        or report.applications
        or report.appeals
    )
    return Built(report, findings, provenance, recognised)
