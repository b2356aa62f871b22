"""The six sections of a report page, in the order of the format."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData


@dataclass(frozen=True)
class PageSection:
    number: int  # 1 … 6; the tables block carries 2
    heading: str
    paragraphs: tuple[str, ...] = ()
    html: SafeString | None = None  # the tables (sections 二 to 四), already rendered


def paragraphs(text: str | None) -> tuple[str, ...]:
    """One paragraph per non-blank line, with indentation (「　　」) removed."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def page_sections(data: ReportData, tables: SafeString) -> list[PageSection]:
    """一 (narrative), the tables of 二、三、四, then 五 and 六 (narratives)."""
    headings = fmt.SECTION_HEADINGS
    narrative = data.narrative
    return [
        PageSection(1, headings[0], paragraphs(narrative.overview)),
        PageSection(2, headings[1], html=tables),
        PageSection(5, headings[4], paragraphs(narrative.problems)),
        PageSection(6, headings[5], paragraphs(narrative.other)),
    ]
