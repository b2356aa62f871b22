"""Rendering a report in the official layout of 国办公开办函〔2021〕30号.

``render(report, "pdf")`` gives the bytes of one format.  Renderers read only the
``ReportData`` they are given (never the database), and draw the tables from
:mod:`gongkai.annual_reports.layout`.  Each format's module is imported when first
used, so rendering HTML does not load WeasyPrint, python-docx or openpyxl.  Page
setup, Chinese fonts and the DOCX and PDF machinery are :mod:`gongkai.documents`'s,
shared with the letters an organ sends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from pathlib import PurePath
from typing import Final

from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.rendering.errors import RenderError, UnknownFormatError

__all__ = [
    "FORMATS",
    "RenderError",
    "UnknownFormatError",
    "format_for_path",
    "render",
    "suggested_filename",
]

#: Format name → (file suffix, content type).
FORMATS: Final[dict[str, tuple[str, str]]] = {
    "html": (".html", "text/html; charset=utf-8"),
    "docx": (
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (".pdf", "application/pdf"),
    "xlsx": (
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}

# Format name → (module, function) rendering a report to bytes (HTML: to str).
_RENDERERS: Final = {
    "html": ("gongkai.annual_reports.rendering.html", "render_html"),
    "docx": ("gongkai.annual_reports.rendering.docx", "render_docx"),
    "pdf": ("gongkai.annual_reports.rendering.pdf", "render_pdf"),
    "xlsx": ("gongkai.annual_reports.rendering.xlsx", "render_xlsx"),
}

_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def render(report: ReportData, to: str) -> bytes:
    """The report in format ``to`` (a key of ``FORMATS``); HTML is UTF-8."""
    if to not in _RENDERERS:
        raise UnknownFormatError(f"不支持的格式 {to!r}，可选：{'、'.join(FORMATS)}")
    module_name, function_name = _RENDERERS[to]
    renderer: Callable[[ReportData], bytes | str] = getattr(
        import_module(module_name), function_name
    )
    result = renderer(report)
    return result.encode("utf-8") if isinstance(result, str) else result


def format_for_path(path: str | PurePath) -> str | None:
    """The format whose suffix ``path`` has (``report.PDF`` → ``"pdf"``), or None."""
    suffix = PurePath(path).suffix.lower()
    if suffix == ".htm":
        return "html"
    return next((name for name, (s, _) in FORMATS.items() if s == suffix), None)


def suggested_filename(report: ReportData, to: str) -> str:
    """A download name: the report's title and the format's suffix."""
    stem = _UNSAFE_FILENAME.sub("_", report.display_title).strip(" ._") or "report"
    return stem[:120] + FORMATS[to][0]
