"""The files a report can be downloaded as: the renderers' formats, and JSON (the
interchange form of annual-report.schema.json)."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from django.core.cache import cache
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.annual_reports.data import ReportData, report_to_dict

JSON_CONTENT_TYPE: Final = "application/json; charset=utf-8"
RENDERING_CACHE_SECONDS: Final = 30 * 24 * 3600
#: The code a rendered file comes from: part of its cache key, so that a changed
#: renderer never serves a file the old one made.
RENDERING_SOURCES: Final = ("annual_reports/rendering", "documents")


@dataclass(frozen=True)
class DownloadFormat:
    ext: str
    label: str | Promise
    inline: bool = False  # shown in the browser rather than saved


#: In the order of the links on the report page.
DOWNLOADS: Final = {
    f.ext: f
    for f in (
        DownloadFormat("html", _("网页（HTML）"), inline=True),
        DownloadFormat("docx", _("Word 文档（DOCX）")),
        DownloadFormat("pdf", _("PDF 文件")),
        DownloadFormat("xlsx", _("Excel 表格（XLSX）")),
        DownloadFormat("json", _("统计数据（JSON）")),
    )
}


@dataclass(frozen=True)
class ReportFile:
    content: bytes
    content_type: str
    filename: str


@functools.cache
def rendering_version() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in RENDERING_SOURCES:
        for path in sorted((root / folder).rglob("*.py")):
            if "tests" not in path.relative_to(root).parts:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def report_file(data: ReportData, ext: str) -> ReportFile:
    """The report as a file of format ``ext`` (a key of ``DOWNLOADS``)."""
    from gongkai.annual_reports.rendering import FORMATS, render, suggested_filename

    if ext == "json":
        text = json.dumps(
            report_to_dict(data, extended=False), ensure_ascii=False, indent=2
        )
        stem = suggested_filename(data, "html").removesuffix(FORMATS["html"][0])
        return ReportFile(
            (text + "\n").encode("utf-8"), JSON_CONTENT_TYPE, f"{stem}.json"
        )
    # Rendering a PDF takes ~0.4–0.8 s (benchmarks/bench_render.py): keep each
    # rendering, keyed by what it is rendered from, so a changed report is a new key
    # and nothing needs invalidating.
    source = json.dumps(report_to_dict(data), ensure_ascii=False, sort_keys=True)
    key = (
        "report-file:"
        + hashlib.sha256(
            f"{rendering_version()}|{ext}|{translation.get_language()}|{source}".encode()
        ).hexdigest()
    )
    content = cache.get(key)
    if content is None:
        content = render(data, to=ext)
        cache.set(key, content, timeout=RENDERING_CACHE_SECONDS)
    return ReportFile(content, FORMATS[ext][1], suggested_filename(data, ext))
