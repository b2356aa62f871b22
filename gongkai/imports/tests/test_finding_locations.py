"""The report page shows where each finding points in the source text (issue 8):
a one-line page's findings name the character, and a button carries the span for
the page's script to highlight."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.tests.importing.flat_shapes import flat_case
from gongkai.annual_reports.tests.importing.helpers import rng
from gongkai.imports.services import import_paths

pytestmark = pytest.mark.django_db


def test_findings_of_a_one_line_page_link_to_their_span(
    client: Client, auditor, tmp_path: Path
) -> None:
    case = flat_case("glued", rng("page-locations"))
    path = tmp_path / "one-line.txt"
    path.write_text(case.text, "utf-8")
    import_paths(
        paths=[path], actor=None, clock=lambda: datetime(2025, 3, 1, tzinfo=UTC)
    )
    report = AnnualReport.objects.get()
    client.force_login(auditor)
    page = client.get(reverse("imports:report", args=[report.pk]))
    doc = lxml.html.fromstring(page.content)
    buttons = doc.xpath(
        "//li[contains(@class, 'imp-finding')]//button[@class='imp-at']"
    )
    assert buttons
    for button in buttons:
        start, end = int(button.get("data-start")), int(button.get("data-end"))
        assert button.get("data-line") == "1"
        assert int(button.get("data-column")) == start + 1
        assert 0 <= start < end <= len(case.text)
    messages = " ".join(
        li.text_content() for li in doc.xpath("//li[contains(@class, 'imp-finding')]")
    )
    assert "第 1 行第 " in messages
