"""A stand-in parser for the imports tests that are not about parsing: passed to
``import_paths(parse=fake_parse)``; the end-to-end tests use the real parser."""

from __future__ import annotations

import json
import re

from gongkai.annual_reports.data import report_from_dict
from gongkai.annual_reports.importing.result import ParseResult, SourceSpan
from gongkai.annual_reports.validation.rules import check_report


def fake_parse(
    data: bytes, *, source: str, suffix: str = "", previous: object = None
) -> ParseResult:
    """Reads files holding the interchange JSON, whatever their suffix.  Provenance:
    where ``"new"`` row's 总计 value is in the text (enough to test the links)."""
    text = data.decode("utf-8", errors="replace")
    if text.startswith("CRASH"):
        raise RuntimeError("parser bug")
    try:
        obj = json.loads(text)
    except ValueError:
        return ParseResult(
            source=source, report=None, text=text, error="不是可识别的年度报告"
        )
    loaded = report_from_dict(obj)
    provenance: dict[str, SourceSpan] = {}
    match = re.search(r'"new": \[\s*(-?\d+)', text)
    if match and loaded.report.applications is not None:
        start, end = match.span(1)
        line = text.count("\n", 0, start) + 1
        provenance["applications.new.0"] = SourceSpan(line, start, end, text[start:end])
    return ParseResult(
        source=source,
        report=loaded.report,
        raw_findings=tuple(check_report(loaded.report, loaded.findings)),
        text=text,
        provenance=provenance,
        detected={"kind": "json", "encoding": "utf-8"},
    )
