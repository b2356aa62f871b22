"""What parsing one published report gives: the contract between the parser
(``importing``) and everything that stores or shows an import."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from gongkai.annual_reports.data import ReportData, report_to_dict
from gongkai.annual_reports.importing.figures import NarrativeFigure, narrative_figures
from gongkai.annual_reports.validation.findings import Finding


@dataclass(frozen=True)
class SourceSpan:
    """Where a parsed value came from, in ``ParseResult.text``."""

    line: int  # 1-based line number in the extracted text
    start: int  # character offsets into the extracted text, [start, end)
    end: int
    text: str  # the characters as they stand in the source (e.g. "\xa011", "1,234")

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class ParseResult:
    source: str  # the path as given
    report: ReportData | None  # None when the file could not be read at all
    #: What was recovered and how sure, and the check, as the parser made them;
    #: ``findings`` gives them with where each points in ``text``.
    raw_findings: tuple[Finding, ...] = ()
    text: str = (
        ""  # the text the parser read (decoded / extracted from HTML, DOCX, PDF)
    )
    provenance: Mapping[str, SourceSpan] = field(
        default_factory=dict
    )  # path_str -> span
    error: str | None = None  # why the file could not be read
    detected: Mapping[str, str] = field(default_factory=dict)  # kind, encoding, ...

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, each with its location in ``text`` where one is known
        (see :mod:`importing.locations`); placed when first asked for, so that a
        caller that only wants the report pays nothing for it."""
        from gongkai.annual_reports.importing.locations import (  # needs SourceSpan
            place_findings,
        )

        return tuple(place_findings(self.raw_findings, self.text, self.provenance))

    @cached_property
    def narrative_figures(self) -> tuple[NarrativeFigure, ...]:
        """The numbers of the running text (never cells), kept apart for the checks
        that compare the narrative with the tables; found when first asked for."""
        if self.report is None:
            return ()
        cells = getattr(self.provenance, "cells", None)  # importing.context.Provenance
        values = cells.values() if isinstance(cells, dict) else self.provenance.values()
        return narrative_figures(self.text, [(v.start, v.end) for v in values])

    @property
    def ok(self) -> bool:
        return self.error is None and self.report is not None

    def to_json(self) -> dict[str, Any]:
        """One line of ``gongkai parse`` output: the schema object plus source,
        format_version and findings (or error)."""
        if self.report is None:
            return {
                "source": self.source,
                "error": self.error or "无法解析",
                "findings": [f.to_dict() for f in self.findings],
            }
        data = report_to_dict(self.report, extended=False)
        data["source"] = self.source
        data["format_version"] = self.report.format_version
        if self.report.supplementary:
            data["supplementary"] = dict(self.report.supplementary)
        data["findings"] = [f.to_dict() for f in self.findings]
        data["narrative_figures"] = [f.to_dict() for f in self.narrative_figures]
        if self.error:
            data["error"] = self.error
        return data
