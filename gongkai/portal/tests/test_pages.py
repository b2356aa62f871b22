from __future__ import annotations

import dataclasses

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.sample import sample_report


def report_url(report: AnnualReport) -> str:
    return reverse("portal:report", args=[report.organisation_id, report.year])


def test_report_index_lists_published_reports_only(
    client: Client, published: AnnualReport, draft: AnnualReport
) -> None:
    response = client.get(reverse("portal:reports"))
    assert response.status_code == 200
    html = response.content.decode()
    assert report_url(published) in html
    assert report_url(draft) not in html
    assert "示范测试县财政局" in html
    assert "示范测试县人民政府" in html  # the county heads its department


def test_report_index_filters_by_organ_name_and_year(
    client: Client, published: AnnualReport
) -> None:
    html = client.get(reverse("portal:reports"), {"q": "财政"}).content.decode()
    assert report_url(published) in html
    html = client.get(reverse("portal:reports"), {"q": "教育"}).content.decode()
    assert report_url(published) not in html
    assert "没有符合条件的已发布年度报告" in html
    html = client.get(reverse("portal:reports"), {"year": "2023"}).content.decode()
    assert report_url(published) in html


def test_report_page_shows_sections_tables_and_checks(
    client: Client, published: AnnualReport
) -> None:
    response = client.get(report_url(published))
    assert response.status_code == 200
    html = response.content.decode()
    headings = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)
    assert 'data-path="applications.withheld.3.6"' in html
    assert "勾稽关系" in html
    assert "未发现错误" in html
    assert "2024年1月20日" in html
    assert "草稿" not in html
    for ext in ("html", "docx", "pdf", "xlsx", "json"):
        assert f"report.{ext}" in html


def test_draft_is_404_for_the_public(client: Client, draft: AnnualReport) -> None:
    response = client.get(report_url(draft))
    assert response.status_code == 404
    assert "没有找到这份年度报告" in response.content.decode()
    assert client.get(report_url(draft) + "report.json").status_code == 404


def test_draft_is_404_for_staff_of_another_organ(
    client: Client, draft: AnnualReport, outsider: User
) -> None:
    client.force_login(outsider)
    assert client.get(report_url(draft)).status_code == 404


def test_draft_is_visible_to_staff_with_banner(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    response = client.get(report_url(draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert "草稿" in html
    assert "本报告尚未发布" in html
    assert "no-store" in response["Cache-Control"]


def test_unknown_report_is_a_chinese_404(client: Client, db: None) -> None:
    response = client.get("/reports/999/2020/")
    assert response.status_code == 404
    assert "返回年度报告目录" in response.content.decode()
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_downloads_have_the_right_content_types(
    client: Client, published: AnnualReport
) -> None:
    base = report_url(published)
    expected = {
        "html": ("text/html", b"<!DOCTYPE html>"),
        "docx": (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK",
        ),
        "pdf": ("application/pdf", b"%PDF"),
        "xlsx": (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            b"PK",
        ),
        "json": ("application/json", b"{"),
    }
    for ext, (content_type, magic) in expected.items():
        response = client.get(f"{base}report.{ext}")
        assert response.status_code == 200, ext
        assert response["Content-Type"].startswith(content_type), ext
        assert response.content.startswith(magic), ext
        assert f".{ext}" in response["Content-Disposition"], ext
    assert client.get(f"{base}report.html")["Content-Disposition"].startswith("inline")
    assert client.get(f"{base}report.exe").status_code == 404


def test_json_download_is_the_schema_form(
    client: Client, published: AnnualReport
) -> None:
    data = client.get(f"{report_url(published)}report.json").json()
    assert set(data) == {
        "title",
        "year",
        "org",
        "active",
        "applications",
        "appeals",
        "notes",
    }
    assert data["year"] == 2023
    assert data["org"] == "示范测试县财政局"
    assert data["applications"] == published.statistics["applications"]
    assert isinstance(data["active"]["fees_wan_yuan"], str)


def test_a_rendered_download_is_kept_and_a_changed_report_is_rendered_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A PDF takes ~0.5 s to render: the second download of the same report reads
    the cache; a report whose figures changed is a different file."""
    from django.core.cache import cache

    from gongkai.annual_reports import rendering
    from gongkai.portal.downloads import report_file

    cache.clear()
    calls: list[str] = []
    real = rendering.render

    def counting(data: ReportData, *, to: str) -> bytes:
        calls.append(to)
        return real(data, to=to)

    monkeypatch.setattr(rendering, "render", counting)
    data = sample_report(org="某县人民政府", year=2024)
    first = report_file(data, "docx")
    assert report_file(data, "docx").content == first.content
    assert calls == ["docx"]
    report_file(data, "xlsx")
    assert calls == ["docx", "xlsx"]
    changed = dataclasses.replace(data, year=2023)
    report_file(changed, "docx")
    assert calls == ["docx", "xlsx", "docx"]
