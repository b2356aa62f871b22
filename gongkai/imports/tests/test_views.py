"""The imports pages, with a stand-in parser (the seeds go through the real parser
in test_seeds.py)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.tests.factories import UserFactory
from gongkai.annual_reports.models import AnnualReport, ReportCellOverride
from gongkai.imports.models import SourceFile
from gongkai.imports.services import import_paths
from gongkai.imports.tests.fakes import fake_parse
from gongkai.orgs.models import Organisation

pytestmark = pytest.mark.django_db


def run(*paths: Path) -> None:
    import_paths(
        paths=list(paths),
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )


@pytest.fixture
def two_organs(write_report) -> dict[str, AnnualReport]:
    """甲县 2021 and 2022 (carry-over broken in 自然人), 乙县 2022 (balance broken)."""
    a21 = write_report("甲2021.txt", org="甲县人民政府", year=2021)
    forward = json.loads(a21.read_text("utf-8"))["applications"]["carried_forward"]
    cells = {("applications", "carried_over", c): forward[c] for c in range(7)}
    cells[("applications", "carried_over", 0)] = forward[0] + 3
    write_report("甲2022.txt", org="甲县人民政府", year=2022, cells=cells)
    write_report(
        "乙2022.txt",
        org="乙县人民政府",
        year=2022,
        cells={("applications", "new", 6): 9999},
    )
    run(a21.parent)
    return {
        f"{r.organisation.name[0]}{r.year}": r
        for r in AnnualReport.objects.select_related("organisation")
    }


def login(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_pages_need_a_staff_login(client: Client, two_organs) -> None:
    report = two_organs["乙2022"]
    urls = [
        reverse("imports:list"),
        reverse("imports:compare"),
        reverse("imports:organisations"),
        reverse("imports:report", args=[report.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    login(client, UserFactory(is_staff=False))
    for url in urls:
        assert client.get(url).status_code == 403


def test_list_shows_reports_with_findings_and_filters(
    client, auditor, two_organs
) -> None:
    login(client, auditor)
    page = client.get(reverse("imports:list")).content.decode()
    assert "甲县人民政府" in page
    assert "乙县人民政府" in page
    assert "乙2022.txt" in page
    assert "applications.balance" in page
    assert "机关待确认" in page
    filtered = client.get(
        reverse("imports:list"), {"code": "applications.total_column"}
    ).content.decode()
    assert "乙县人民政府" in filtered
    assert "甲2021.txt" not in filtered
    by_year = client.get(reverse("imports:list"), {"year": 2021}).content.decode()
    assert "甲2021.txt" in by_year
    assert "乙2022.txt" not in by_year


def test_list_shows_failures_of_recent_batches(client, auditor, tmp_path) -> None:
    bad = tmp_path / "坏文件.txt"
    bad.write_text("不是报告", "utf-8")
    run(bad)
    login(client, auditor)
    page = client.get(reverse("imports:list")).content.decode()
    assert "坏文件.txt" in page
    assert "不是可识别的年度报告" in page


def test_confirm_an_organ(client, importer, auditor, two_organs) -> None:
    org = Organisation.objects.get(name="乙县人民政府")
    login(client, auditor)
    page = client.get(reverse("imports:organisations")).content.decode()
    assert "乙县人民政府" in page
    assert reverse("admin:orgs_organisation_change", args=[org.pk]) in page
    assert reverse("imports:organisation_confirm", args=[org.pk]) not in page
    client.post(reverse("imports:organisation_confirm", args=[org.pk]))
    org.refresh_from_db()
    assert not org.confirmed  # an auditor may not confirm
    login(client, importer)
    response = client.post(
        reverse("imports:organisation_confirm", args=[org.pk]), follow=True
    )
    assert "已确认「乙县人民政府」" in response.content.decode()
    org.refresh_from_db()
    assert org.confirmed
    assert (
        "乙县人民政府"
        not in client.get(reverse("imports:organisations")).content.decode()
    )


def test_report_page_shows_source_beside_tables(client, auditor, two_organs) -> None:
    report = two_organs["乙2022"]
    login(client, auditor)
    page = client.get(reverse("imports:report", args=[report.pk])).content.decode()
    # the source text, with line numbers, and the span each value came from
    assert '<div class="imp-line" id="L1">' in page
    assert re.search(r'<mark class="imp-span" data-paths="applications\.new\.0"', page)
    # the parsed tables, every value cell traceable by its path
    assert 'data-path="applications.new.0"' in page
    # the broken cell is highlighted
    assert re.search(
        r'<td class="[^"]*imp-error[^"]*" data-path="applications\.new\.6"', page
    )
    assert "applications.balance" in page
    assert (
        reverse("imports:source", args=[SourceFile.objects.get(name="乙2022.txt").pk])
        in page
    )


def test_report_page_shows_carry_over_with_the_previous_year(
    client, auditor, two_organs
) -> None:
    login(client, auditor)
    page = client.get(
        reverse("imports:report", args=[two_organs["甲2022"].pk])
    ).content.decode()
    assert "report.carry_over" in page
    assert re.search(
        r'<td class="[^"]*imp-carry[^"]*" data-path="applications\.carried_over\.0"',
        page,
    )


def test_cell_panel_and_correction(client, importer, two_organs) -> None:
    report = two_organs["乙2022"]
    url = reverse("imports:cell", args=[report.pk, "applications.new.6"])
    login(client, importer)
    panel = client.get(url).content.decode()
    assert "一、本年新收政府信息公开申请数量" in panel
    assert "总计" in panel
    assert "9999" in panel
    assert "没有更正过" in panel
    response = client.post(
        url, {"value": "12", "note": "来源为 12"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response["HX-Redirect"].endswith("?cell=applications.new.6")
    correction = ReportCellOverride.objects.get()
    assert (correction.value, correction.previous_value, correction.actor) == (
        12,
        9999,
        importer,
    )
    panel = client.get(url).content.decode()
    assert "来源为 12" in panel
    assert "9999 → <strong>12</strong>" in panel
    assert "有效" in panel


def test_invalid_correction_shows_the_reason(client, importer, two_organs) -> None:
    report = two_organs["乙2022"]
    url = reverse("imports:cell", args=[report.pk, "applications.new.6"])
    login(client, importer)
    response = client.post(url, {"value": "-3"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "非负整数" in response.content.decode()
    assert not ReportCellOverride.objects.exists()


def test_auditor_cannot_correct(client, auditor, two_organs) -> None:
    report = two_organs["乙2022"]
    url = reverse("imports:cell", args=[report.pk, "applications.new.6"])
    login(client, auditor)
    assert "保存更正" not in client.get(url).content.decode()
    assert client.post(url, {"value": "1"}).status_code == 403
    assert (
        client.get(reverse("imports:cell", args=[report.pk, "nope"])).status_code == 404
    )


def test_withdraw_a_correction(client, importer, two_organs) -> None:
    report = two_organs["乙2022"]
    login(client, importer)
    client.post(
        reverse("imports:cell", args=[report.pk, "active.licensing"]), {"value": "1"}
    )
    correction = ReportCellOverride.objects.get()
    response = client.post(reverse("imports:correction_withdraw", args=[correction.pk]))
    assert response.status_code == 302
    correction.refresh_from_db()
    assert not correction.active


def test_source_download(client, auditor, two_organs) -> None:
    source = SourceFile.objects.get(name="甲2021.txt")
    login(client, auditor)
    response = client.get(reverse("imports:source", args=[source.pk]))
    assert response.content == bytes(source.content)
    assert "attachment" in response["Content-Disposition"]


def test_compare_highlights_broken_cells_and_carry_over(
    client, auditor, two_organs
) -> None:
    def shown(response) -> list[str]:
        return [row.report.label for row in response.context["comparison"].rows]

    login(client, auditor)
    response = client.get(reverse("imports:compare"))
    # default: every organ in the latest year
    assert sorted(shown(response)) == ["乙县人民政府 2022", "甲县人民政府 2022"]
    page = response.content.decode()
    assert re.search(r'<td class="num imp-broken" data-figure="new"', page)
    assert "echarts.min.js" in page
    assert 'id="imp-chart-data"' in page
    # the previous year is used for the carry-over even when not shown
    assert "「自然人」列" in page
    org = Organisation.objects.get(name="甲县人民政府")
    response = client.get(reverse("imports:compare"), {"org": org.pk})
    assert shown(response) == ["甲县人民政府 2021", "甲县人民政府 2022"]
    page = response.content.decode()
    assert re.search(r'<td class="num imp-carry" data-figure="carried_forward"', page)
    assert "跨年度结转检查" in page
    assert "「自然人」列" in page
    both = client.get(reverse("imports:compare"), {"year": [2021, 2022]})
    data = both.context["chart_data"]
    # by organ (by name), then by year
    assert data["labels"] == [
        "乙县人民政府 2022",
        "甲县人民政府 2021",
        "甲县人民政府 2022",
    ]
    new = next(f for f in data["figures"] if f["key"] == "new")
    assert new["broken"][:2] == [True, False]  # 乙 2022 broken, 甲 2021 consistent


def test_compare_includes_published_reports_made_here(
    client, auditor, two_organs
) -> None:
    from gongkai.annual_reports.models import Status
    from gongkai.annual_reports.tests.factories import annual_report

    org = Organisation.objects.get(name="甲县人民政府")
    made_here = annual_report(organisation=org, year=2020)
    AnnualReport.objects.filter(pk=made_here.pk).update(status=Status.PUBLISHED)
    annual_report(year=2020)  # a draft: not compared
    login(client, auditor)
    response = client.get(reverse("imports:compare"), {"year": 2020})
    rows = response.context["comparison"].rows
    assert [row.report.label for row in rows] == ["甲县人民政府 2020"]
    page = response.content.decode()
    assert reverse("portal:report", args=[org.pk, 2020]) in page
    assert reverse("imports:report", args=[made_here.pk]) not in page


def test_an_imported_report_is_shown_publicly_only_by_choice(
    client: Client, two_organs, importer, auditor
) -> None:
    """Imported reports stay in /imports/ until a person with publish rights shows
    one on the public portal (a button on its page, recorded as an event)."""
    from gongkai.annual_reports import events

    report = two_organs["甲2022"]
    portal = reverse("portal:report", args=[report.organisation_id, report.year])
    assert client.get(portal).status_code == 404
    login(client, auditor)
    page = client.get(reverse("imports:report", args=[report.pk])).content.decode()
    assert "未展示" in page
    assert reverse("imports:show_publicly", args=[report.pk]) not in page
    client.post(reverse("imports:show_publicly", args=[report.pk]), {"shown": "1"})
    report.refresh_from_db()
    assert not report.shown_publicly  # an auditor may not
    login(client, importer)
    page = client.get(reverse("imports:report", args=[report.pk])).content.decode()
    assert "在公开页面展示" in page
    client.post(reverse("imports:show_publicly", args=[report.pk]), {"shown": "1"})
    report.refresh_from_db()
    assert report.shown_publicly
    assert report.events.first().action == events.REPORT_SHOWN_PUBLICLY
    client.logout()
    assert client.get(portal).status_code == 200


def test_findings_stored_under_other_rules_are_flagged_and_rechecked(
    client: Client, two_organs, auditor
) -> None:
    report = two_organs["乙2022"]
    stored = list(report.findings)
    AnnualReport.objects.filter(pk=report.pk).update(rules_version="old", findings=[])
    login(client, auditor)
    listing = client.get(reverse("imports:list")).content.decode()
    assert "按旧规则检查" in listing
    page = client.get(reverse("imports:report", args=[report.pk]))
    shown = [f.to_dict() for f in page.context["page"].findings]
    assert shown == stored  # rechecked on read, not the stale empty list
