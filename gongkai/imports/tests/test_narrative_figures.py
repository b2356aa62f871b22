"""The numbers of a report's running text (``ParseResult.narrative_figures``) are
kept on the import record, compactly, and shown on the report page with their
context, so that the reporting-season checks can compare them with the tables."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from gongkai.annual_reports.importing import parse_file
from gongkai.annual_reports.importing.figures import NarrativeFigure
from gongkai.annual_reports.models import AnnualReport
from gongkai.imports.models import ImportRecord
from gongkai.imports.services import import_paths
from gongkai.imports.services.reports import STORED_FIGURES, record_figures
from gongkai.imports.source import text_figures
from gongkai.imports.tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

SEED = next(SEEDS.glob("000_*.txt"))  # 10 figures: 17068余件, 223件次, …


def _import(*paths: Path) -> None:
    import_paths(
        paths=list(paths), actor=None, clock=lambda: datetime(2025, 3, 1, tzinfo=UTC)
    )


def test_the_import_keeps_the_figures_of_the_running_text() -> None:
    _import(SEED)
    record = ImportRecord.objects.get()
    parsed = parse_file(SEED).narrative_figures
    assert parsed
    assert record.narrative_figures == [
        {
            "value": format(f.value, "f"),
            "unit": f.unit,
            "line": f.line,
            "start": f.start,
            "end": f.end,
        }
        for f in parsed
    ]
    text = record.source_file.text
    for stored, figure in zip(record.narrative_figures, parsed, strict=True):
        assert text[stored["start"] : stored["end"]] == figure.text


def test_few_figures_are_kept_and_no_context_is_stored() -> None:
    many = [
        NarrativeFigure(Decimal(i), "件", 1, i * 3, i * 3 + 2, f"{i}件", "…")
        for i in range(STORED_FIGURES + 50)
    ]
    stored = record_figures(many)
    assert len(stored) == STORED_FIGURES
    assert set(stored[0]) == {"value", "unit", "line", "start", "end"}


def test_the_report_page_shows_the_figures_with_their_context(
    client: Client, auditor
) -> None:
    _import(SEED)
    report = AnnualReport.objects.get()
    record = ImportRecord.objects.get()
    client.force_login(auditor)
    page = client.get(reverse("imports:report", args=[report.pk]))
    doc = lxml.html.fromstring(page.content)
    (section,) = doc.xpath("//details[@id='imp-figures']")
    assert "正文中的数字" in section.xpath("./summary")[0].text_content()
    rows = section.xpath(".//tbody/tr")
    assert len(rows) == len(record.narrative_figures)
    text = record.source_file.text
    first = record.narrative_figures[0]
    context = rows[0].xpath(".//td[contains(@class, 'imp-figure-context')]")[0]
    assert context.xpath(".//mark")[0].text == text[first["start"] : first["end"]]
    assert "统一平台总计公开各类信息" in context.text_content()
    button = rows[0].xpath(".//button[@class='imp-at']")[0]
    assert int(button.get("data-start")) == first["start"]
    assert int(button.get("data-end")) == first["end"]
    assert button.get("data-line") == str(first["line"])


def test_no_section_without_figures(client: Client, auditor) -> None:
    _import(SEED)
    ImportRecord.objects.update(narrative_figures=[])
    client.force_login(auditor)
    page = client.get(reverse("imports:report", args=[AnnualReport.objects.get().pk]))
    assert b"imp-figures" not in page.content


def test_stored_figures_that_do_not_fit_the_text_are_left_out() -> None:
    text = "全年受理申请41件。\n收取费用0元。"
    stored = [
        {"value": "41", "unit": "件", "line": 1, "start": 6, "end": 9},
        {"value": "0", "unit": "元", "line": 2, "start": 15, "end": 17},
        {"value": "9", "unit": "件", "line": 9, "start": 90, "end": 92},
        {"value": "?"},
        "junk",
    ]
    shown = text_figures(text, stored)
    assert [(f.figure, f.line, f.column) for f in shown] == [
        ("41件", 1, 7),
        ("0元", 2, 5),
    ]
    assert shown[0].before == "全年受理申请"
    assert shown[1].after == "。"
    assert text_figures(text, None) == []
