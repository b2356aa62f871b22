"""The imports pages show a finding as people read it: the Chinese message, with
the code beside it (``annual_reports.codes.describe_code``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from gongkai.annual_reports.codes import describe_code
from gongkai.annual_reports.models import AnnualReport
from gongkai.imports.services import import_paths
from gongkai.imports.tests.fakes import fake_parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken(write_report) -> AnnualReport:
    """An imported report whose 新收 total is not the sum of its columns."""
    path: Path = write_report(
        "甲2022.txt",
        org="甲县人民政府",
        year=2022,
        cells={("applications", "new", 6): 9999},
    )
    import_paths(
        paths=[path],
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )
    return AnnualReport.objects.get()


def test_list_shows_each_code_with_its_message(client: Client, auditor, broken) -> None:
    client.force_login(auditor)
    doc = lxml.html.fromstring(client.get(reverse("imports:list")).content)
    links = doc.xpath("//td[contains(@class, 'imp-codes')]/a")
    codes = sorted({str(f["code"]) for f in broken.findings})
    assert "applications.total_column" in codes
    shown = {}
    for link in links:
        code = link.xpath(".//code")[0].text_content()
        shown[code] = "".join(link.text_content().split())
    assert sorted(shown) == codes
    for code in codes:
        message = describe_code(code)
        assert message  # every code the checks emit is registered with a message
        assert "".join(message.split()) in shown[code]
        assert shown[code].index("".join(message.split())) < shown[code].index(code)


def test_report_page_shows_messages_beside_codes(
    client: Client, auditor, broken
) -> None:
    client.force_login(auditor)
    url = reverse("imports:report", args=[broken.pk])
    doc = lxml.html.fromstring(client.get(url).content)
    items = doc.xpath("//li[contains(@class, 'imp-finding')]")
    texts = ["".join(li.text_content().split()) for li in items]
    for finding in broken.findings:
        line = next(t for t in texts if finding["code"] in t)
        assert "".join(str(finding["message"]).split()) in line
