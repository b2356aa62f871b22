"""Importing published annual reports: a file in, ``ReportData`` and findings out.

``parse_file(path)`` / ``parse_bytes(data, source=..., suffix=...)`` read plain text
(UTF-8, GBK, GB18030), HTML, DOCX and PDF with a text layer, and never raise for bad
content: a file that cannot be read gives a ``ParseResult`` with ``error`` set.

How it works (one module each): ``decoding`` (kind and encoding) → ``html`` /
``docx`` / ``pdf`` / ``doc.split_text`` (every format becomes lines of cells with
offsets) → ``labels`` (each cell: label, number, blank, heading or text) → ``scan``
(rows of cells, in the format's order) → ``resolve`` (cells fitted to columns) →
``active`` / ``build`` (ReportData, 2019 mapping, findings, provenance) →
``metadata`` (title, organ, year) → ``validation.rules.check_report`` →
``locations`` (where in the text each finding points).
"""

from __future__ import annotations

from gongkai.annual_reports.importing.codes import IMPORT_FINDING_CODES
from gongkai.annual_reports.importing.parser import parse_bytes, parse_file
from gongkai.annual_reports.importing.result import ParseResult, SourceSpan

__all__ = [
    "IMPORT_FINDING_CODES",
    "ParseResult",
    "SourceSpan",
    "parse_bytes",
    "parse_file",
]
