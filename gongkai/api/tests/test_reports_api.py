from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import User
from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.sample import sample_report


def sample_json() -> dict[str, Any]:
    return report_to_dict(sample_report(org="某县人民政府", year=2024), extended=False)


def post_check(client: Client, body: str | bytes) -> Any:
    return client.post("/api/v1/check", body, content_type="application/json")


def test_list_gives_published_reports_only(
    client: Client, published: AnnualReport, draft: AnnualReport
) -> None:
    response = client.get("/api/v1/reports")
    assert response.status_code == 200
    items = response.json()
    assert [(i["org_id"], i["year"]) for i in items] == [
        (published.organisation_id, 2023)
    ]
    item = items[0]
    assert item["org"] == "示范测试县财政局"
    assert item["published_on"] == "2024-01-20"
    assert item["page_url"] == f"/reports/{published.organisation_id}/2023/"
    assert item["api_url"] == f"/api/v1/reports/{published.organisation_id}/2023"


def test_list_filters(client: Client, published: AnnualReport) -> None:
    assert len(client.get("/api/v1/reports", {"org": "财政"}).json()) == 1
    assert client.get("/api/v1/reports", {"org": "教育"}).json() == []
    assert client.get("/api/v1/reports", {"year": 2022}).json() == []
    response = client.get("/api/v1/reports", {"year": "去年"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_request"


def test_detail_gives_schema_json_and_findings(
    client: Client, published: AnnualReport
) -> None:
    response = client.get(f"/api/v1/reports/{published.organisation_id}/2023")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "published"
    assert body["ok"] is True
    assert body["report"]["applications"] == published.statistics["applications"]
    assert set(body["report"]) == {
        "title",
        "year",
        "org",
        "active",
        "applications",
        "appeals",
        "notes",
    }
    assert isinstance(body["findings"], list)


def test_draft_is_not_found_for_the_public_but_visible_to_staff(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    url = f"/api/v1/reports/{draft.organisation_id}/2024"
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["code"] == "report_not_found"
    client.force_login(handler)
    assert client.get(url).json()["status"] == "draft"


def test_check_a_consistent_report(client: Client, db: None) -> None:
    response = post_check(client, json.dumps(sample_json()))
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert response.json()["errors"] == 0


def test_check_names_the_broken_relation_and_cell(client: Client, db: None) -> None:
    report = sample_json()
    report["applications"]["granted"][0] += 3
    body = post_check(client, json.dumps(report)).json()
    assert body["ok"] is False
    codes = {f["code"] for f in body["findings"]}
    assert {"applications.total_column", "applications.outcome_total"} <= codes
    suspect = next(f for f in body["findings"] if f["code"] == "cells.suspect")
    assert suspect["cells"] == [
        {
            "path": "applications.granted.0",
            "row": "三、本年度办理结果 （一）予以公开",
            "column": "自然人",
        }
    ]


def test_check_reports_schema_problems_as_findings(client: Client, db: None) -> None:
    report = sample_json()
    report["appeals"]["reconsideration"] = [1, 2]
    response = post_check(client, json.dumps(report))
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is False
    assert "schema.length" in {f["code"] for f in body["findings"]}


@pytest.mark.parametrize(
    ("body", "status", "code", "words"),
    [
        ("", 400, "invalid_json", "请求体为空"),
        ("{not json", 400, "invalid_json", "第 1 行第 2 列"),
        (b"\xff\xfe{}", 400, "invalid_json", "UTF-8"),
        ("[1, 2, 3]", 422, "invalid_report", "JSON 对象"),
        ('"report"', 422, "invalid_report", "JSON 对象"),
    ],
)
def test_malformed_bodies_are_refused_with_a_clear_message(
    client: Client, body: str | bytes, status: int, code: str, words: str
) -> None:
    response = post_check(client, body)
    assert response.status_code == status
    assert response.json()["code"] == code
    assert words in response.json()["message"]


def test_openapi_document_loads(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert {
        "/api/v1/reports",
        "/api/v1/reports/{org_id}/{year}",
        "/api/v1/check",
    } <= set(document["paths"])
    body = document["paths"]["/api/v1/check"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert (
        schema["properties"]["applications"]["properties"]["withheld"]["maxItems"] == 8
    )


def test_chinese_is_written_as_utf8(client: Client, published: AnnualReport) -> None:
    response = client.get("/api/v1/reports")
    assert "示范测试县财政局".encode() in response.content
    assert "charset=utf-8" in response["Content-Type"]
