"""The files a report can be downloaded as: the renderers' formats, and JSON (the
interchange form of annual-report.schema.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.annual_reports.data import ReportData, report_to_dict

JSON_CONTENT_TYPE: Final = "application/json; charset=utf-8"


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
    return ReportFile(
        render(data, to=ext), FORMATS[ext][1], suggested_filename(data, ext)
    )
