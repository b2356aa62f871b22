"""The report page for an auditor reviewing an import (issue 8): inferred splits
highlighted with their confidence and corrected in one click (htmx, or a plain
form POST), what the import did not find, and naming the organ and the year."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.annual_reports.models import AnnualReport, ReportCellOverride
from gongkai.imports import events
from gongkai.imports.models import ImportEvent, ImportRecord, RecordStatus
from gongkai.imports.review import SEARCH_LIMIT, split_get
from gongkai.imports.services import import_paths
from gongkai.imports.services.review import CHOSEN_SPLIT_NOTE
from gongkai.imports.tests.fakes import fake_parse
from gongkai.imports.tests.flat_report import UNCERTAIN_KEY, UNIQUE_KEY, import_flat
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def flat(tmp_path: Path) -> AnnualReport:
    return import_flat(tmp_path)


def login(client: Client, user) -> Client:
    client.force_login(user)
    return client


def cell_classes(html: str, path: str) -> str:
    match = re.search(rf'<td class="([^"]*)"[^>]*data-path="{re.escape(path)}"', html)
    assert match is not None, path
    return match.group(1)


def test_flat_report_imported_and_corrected_through_the_page(
    client, importer, flat
) -> None:
    """One flattened one-line report, through the import service (real parser),
    then reviewed on its page: highlighted with the confidence, one cut chosen,
    another accepted, one cell typed."""
    login(client, importer)
    url = reverse("imports:report", args=[flat.pk])
    html = client.get(url).content.decode()
    assert "推断拆分的单元格" in html
    assert "imp-inferred-low" in cell_classes(html, UNCERTAIN_KEY)
    assert "imp-inferred-high" in cell_classes(html, UNIQUE_KEY)
    # the confidence is written out, not only coloured
    assert re.search(r'imp-band-low">.*?低', html, re.S)
    assert "合理性" in html  # how the split was decided
    split = split_get(report=flat, key=UNCERTAIN_KEY)
    assert split is not None
    # another cut, by plain form POST (no JS)
    response = client.post(
        reverse("imports:split", args=[flat.pk]),
        {"key": UNCERTAIN_KEY, "choice": "0"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(url)
    overrides = ReportCellOverride.objects.filter(report=flat, active=True)
    assert overrides.exists()
    assert all(o.note.startswith(CHOSEN_SPLIT_NOTE) for o in overrides)
    flat.refresh_from_db()
    assert list(flat.statistics["active"]["normative_docs"]) == list(
        split.alternatives[0]
    )
    # accept the one-cut split of 规章, with htmx
    response = client.post(
        reverse("imports:split", args=[flat.pk]),
        {"key": UNIQUE_KEY, "action": "accept"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(url)
    assert ImportEvent.objects.filter(action=events.SPLIT_ACCEPTED).count() == 1
    # type a value into a cell of an inferred run
    path = "applications.new.0"
    response = client.post(
        reverse("imports:cell", args=[flat.pk, path]),
        {"value": "42", "note": "来源为 42"},
    )
    assert response.status_code == 302
    flat.refresh_from_db()
    assert flat.statistics["applications"]["new"][0] == 42
    html = client.get(url).content.decode()
    assert "imp-inferred-done" in cell_classes(html, UNCERTAIN_KEY)
    assert "imp-inferred-done" in cell_classes(html, UNIQUE_KEY)
    assert "imp-inferred-done" in cell_classes(html, path)
    assert "已确认" in html


def test_cell_panel_offers_the_alternatives(client, importer, flat) -> None:
    login(client, importer)
    html = client.get(
        reverse("imports:cell", args=[flat.pk, UNCERTAIN_KEY]),
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "可信度低" in html
    assert 'name="choice" value="0"' in html
    assert 'name="action" value="accept"' in html
    assert reverse("imports:split", args=[flat.pk]) in html


def test_staff_without_the_right_to_correct_sees_but_cannot_click(
    client, auditor, flat
) -> None:
    login(client, auditor)
    html = client.get(reverse("imports:report", args=[flat.pk])).content.decode()
    assert "推断拆分的单元格" in html
    assert 'name="choice"' not in html
    response = client.post(
        reverse("imports:split", args=[flat.pk]), {"key": UNCERTAIN_KEY, "choice": "0"}
    )
    assert response.status_code == 403
    assert not ReportCellOverride.objects.exists()


def test_a_refused_click_says_why(client, importer, flat) -> None:
    login(client, importer)
    response = client.post(
        reverse("imports:split", args=[flat.pk]),
        {"key": UNCERTAIN_KEY, "choice": "99"},
        follow=True,
    )
    assert "没有这种候选拆分" in response.content.decode()
    response = client.post(
        reverse("imports:split", args=[flat.pk]), {"key": UNCERTAIN_KEY}, follow=True
    )
    assert "请确认推断的拆分，或选择一种候选拆分" in response.content.decode()


# ---------------------------------------------------------------------------
# Not found in the source
# ---------------------------------------------------------------------------
def _import_json(path: Path, **changes) -> None:
    data = json.loads(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    import_paths(
        paths=[path],
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )


def test_a_missing_table_is_said_not_found_and_filled_in_beside_the_source(
    client, importer, write_report
) -> None:
    _import_json(write_report("a.txt", org="甲县人民政府", year=2022), appeals=None)
    report = AnnualReport.objects.get()
    login(client, importer)
    url = reverse("imports:report", args=[report.pk])
    html = client.get(url).content.decode()
    assert "未在来源文本中找到「四、政府信息公开行政复议、行政诉讼情况」表" in html
    assert "本报告未提供该统计表" not in html
    assert "imp-notfound" in cell_classes(html, "appeals.reconsideration.0")
    assert 'id="imp-source"' in html  # the source text beside
    panel = client.get(
        reverse("imports:cell", args=[report.pk, "appeals.reconsideration.0"])
    ).content.decode()
    assert "未在来源文本中找到这张表" in panel
    assert 'name="value"' in panel
    response = client.post(
        reverse("imports:cell", args=[report.pk, "appeals.reconsideration.0"]),
        {"value": "2", "note": "来源第 3 行"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.statistics["appeals"]["reconsideration"][0] == 2
    override = ReportCellOverride.objects.get(report=report)
    assert (override.value, override.actor) == (2, importer)
    assert "开始补填" in client.get(url).content.decode()


def test_a_failed_file_gets_its_organ_and_year_on_its_page(
    client, importer, auditor, write_report
) -> None:
    _import_json(write_report("a.txt", org="甲县人民政府", year=2022), year=None)
    record = ImportRecord.objects.get(status=RecordStatus.FAILED)
    login(client, importer)
    listing = client.get(reverse("imports:list")).content.decode()
    url = reverse("imports:record", args=[record.pk])
    assert url in listing
    html = client.get(url).content.decode()
    assert "未在来源文本中找到统计年度" in html
    assert "imp-source" in html
    assert "甲县人民政府" in html
    assert '<label for="id_year">' in html
    client.force_login(auditor)  # no role: may look, not assign
    assert client.post(url, {"name": "甲县人民政府", "year": "2022"}).status_code == 403
    client.force_login(importer)
    response = client.post(url, {"name": "", "year": "2022"})
    assert "请选择一个机关，或填写机关名称" in response.content.decode()
    response = client.post(url, {"name": "甲县人民政府", "year": "2022"})
    report = AnnualReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:report", args=[report.pk])
    assert report.year == 2022
    assert report.organisation.name == "甲县人民政府"
    assert ImportEvent.objects.filter(action=events.RECORD_ASSIGNED).exists()
    assert "已指定为" in client.get(url).content.decode()


def test_naming_another_year_on_the_report_page(client, importer, flat) -> None:
    login(client, importer)
    response = client.post(
        reverse("imports:assign", args=[flat.pk]),
        {"name": flat.organisation.name, "year": "2021"},
        follow=True,
    )
    assert "已更改报告的机关和年度" in response.content.decode()
    flat.refresh_from_db()
    assert flat.year == 2021
    assert "imports.report_assigned" in response.content.decode()


def test_the_organ_is_typed_with_suggestions_not_picked_from_every_organ(
    client, importer, flat
) -> None:
    """A province holds thousands of organs: the page names none of them but the
    report's own; the input asks the search for suggestions as one types."""
    for i in range(30):
        OrganisationFactory(name=f"远方县第{i:02d}局")
    html = login(client, importer).get(reverse("imports:report", args=[flat.pk]))
    page = html.content.decode()
    assert 'name="organisation"' not in page
    assert "远方县" not in page
    search = reverse("imports:organisation_search")
    (field,) = re.findall(r"<input[^>]*name=\"name\"[^>]*>", page)
    assert 'list="imp-organs"' in field
    assert f'hx-get="{search}"' in field
    assert f'value="{flat.organisation.name}"' in field
    assert '<datalist id="imp-organs"></datalist>' in page


def test_the_organ_search_suggests_at_most_twenty_names_starting_ones_first(
    client, auditor
) -> None:
    for i in range(30):
        OrganisationFactory(name=f"远方县第{i:02d}局")
    OrganisationFactory(name="市远方县联络处", short_name="远方办")
    login(client, auditor)
    url = reverse("imports:organisation_search")
    options = re.findall(
        r'<option value="([^"]*)"', client.get(url, {"q": "远方"}).content.decode()
    )
    assert len(options) == SEARCH_LIMIT
    assert options == sorted(options)  # every one starts with the text: by name
    assert "市远方县联络处" not in options
    tail = client.get(url, {"name": "第2"}).content.decode()  # htmx sends the input
    assert re.findall(r'<option value="([^"]*)"', tail) == [
        f"远方县第{i:02d}局" for i in range(20, 30)
    ]
    assert "<option" not in client.get(url, {"q": " "}).content.decode()
    short = client.get(url, {"q": "远方办"}).content.decode()
    assert '<option value="市远方县联络处">远方办</option>' in short


def test_without_javascript_a_typed_name_finds_the_existing_organ(
    client, importer, flat
) -> None:
    other = OrganisationFactory(name="乙县人民政府")
    login(client, importer).post(
        reverse("imports:assign", args=[flat.pk]),
        {"name": " 乙县人民政府 ", "year": str(flat.year)},
    )
    flat.refresh_from_db()
    assert flat.organisation == other
