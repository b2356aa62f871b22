"""Every error answer under /api/ has the documented shape, and ERROR_CODES is
exactly the list of codes the API answers: each is provoked here, and
docs/reference/api.md lists the same codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.test import Client, override_settings

from gongkai.accounts.tests.factories import UserFactory
from gongkai.annual_reports.models import AnnualReport
from gongkai.api.errors import ERROR_CODES
from gongkai.api.reports import MAX_JSON_DEPTH
from gongkai.api.tests.cases import (
    make_office,
    seed_cases,
    seed_records,
    submission,
)
from gongkai.applications import services
from gongkai.documents.errors import PdfUnavailableError
from gongkai.orgs.tests.factories import OrganisationFactory
from gongkai.publications.selectors import checklist_for

DOCS = Path(__file__).resolve().parents[3] / "docs" / "reference" / "api.md"


def _check(client: Client, body: str | bytes) -> Any:
    return client.post("/api/v1/check", body, content_type="application/json")


def _server_error(client: Client, monkeypatch: pytest.MonkeyPatch) -> Any:
    def broken(**kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("gongkai.api.reports.report_list_published", broken)
    return Client(raise_request_exception=False).get("/api/v1/reports")


def _case_step(path: str, body: dict[str, Any], **kw: Any) -> Any:
    """As the county's office (an API token), ``path`` of a case just received."""
    office = make_office()
    case = office.register()
    return Client().post(
        f"/api/v1/applications/{case.pk}/{path}",
        body,
        content_type="application/json",
        **office.auth("office"),
    )


def _csrf_refused(client: Client, _: pytest.MonkeyPatch) -> Any:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory.create())
    return browser.post("/api/v1/applications/1/start", {}, "application/json")


def _incomplete_submission(client: Client, _: pytest.MonkeyPatch) -> Any:
    body = submission(OrganisationFactory.create(), applicant_name="")
    return client.post("/api/v1/applications", body, "application/json")


def _second_correction(client: Client, _: pytest.MonkeyPatch) -> Any:
    body = {
        "points": ["请写明文号"],
        "deadline": "2025-03-20",
        "notice_on": "2025-03-04",
    }
    office = make_office()
    case = office.register()
    for _attempt in range(2):
        response = Client().post(
            f"/api/v1/applications/{case.pk}/correction",
            body,
            content_type="application/json",
            **office.auth("office"),
        )
    return response


def _as_office(path: str, **kw: Any) -> Any:
    """GET (or, with ``data``, a multipart POST) ``path`` as the county's office,
    on a case just received (``{case}`` in ``path``)."""
    office = make_office()
    case = office.register()
    url = "/api/v1" + path.format(case=case.pk)
    if "data" in kw:
        return Client().post(url, kw["data"], **office.auth("office"))
    return Client().get(url, **office.auth("office"))


def _wrong_letter_kind(client: Client, _: pytest.MonkeyPatch) -> Any:
    office = make_office()
    case = office.register()
    services.application_decide(
        application=case,
        outcome="disclosed",
        decided_on=case.received_on,
        actor=office.office,
    )
    return client.get(
        f"/api/v1/applications/{case.pk}/letters/draft",
        {"kind": "withheld_state_secret"},
        **office.auth("office"),
    )


def _no_pdf_renderer(client: Client, monkeypatch: pytest.MonkeyPatch) -> Any:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise PdfUnavailableError("无法生成 PDF：缺少中文字体")

    office = make_office()
    records = seed_records(office, seed_cases(office))
    monkeypatch.setattr("gongkai.letters.services.letter_pdf", broken)
    return client.get(
        f"/api/v1/letters/{records.letter.pk}.pdf", **office.auth("office")
    )


def _publication(code: str) -> Any:
    """As the county's office (who drafts, submits and may review), a step on a
    draft that gets ``code``."""
    office = make_office()
    client = Client()

    def post(path: str, body: dict[str, Any], who: str = "office") -> Any:
        url = f"/api/v1/publications{path}"
        return client.post(
            url, body, content_type="application/json", **office.auth(who)
        )

    if code == "guide_not_found":
        return client.get(f"/api/v1/publications/organs/{office.county.pk}/guide")
    draft = {"organisation_id": office.county.pk, "title": "通知", "body": "<p>x</p>"}
    if code == "publication_invalid":
        return post("/drafts", {**draft, "channels": ["广播"]})
    if code == "publication_review_incomplete":  # clerk A's, the office reviews
        draft["organisation_id"] = office.unit_a.pk
        item = post("/drafts", draft, "clerk_a").json()["id"]
        post(f"/items/{item}/submit", {}, "clerk_a")
        return post(f"/items/{item}/review", {"answers": {}})
    item = post("/drafts", draft).json()["id"]
    if code == "publication_invalid_transition":
        return post(f"/items/{item}/withdraw", {"comment": "误发"})
    post(f"/items/{item}/submit", {})
    if code == "publication_comment_required":
        return post(f"/items/{item}/return", {"comment": ""})
    questions = checklist_for(organisation=office.county)
    answers = {str(q.pk): q.pass_answer for q in questions}  # passed: one's own
    return post(f"/items/{item}/review", {"answers": answers})


#: code → a request that gets it.
PROVOKE: dict[str, Callable[[Client, pytest.MonkeyPatch], Any]] = {
    "report_not_found": lambda c, _: c.get("/api/v1/reports/1/2024"),
    "not_found": lambda c, _: c.get("/api/v1/no-such-thing"),
    "method_not_allowed": lambda c, _: c.delete("/api/v1/reports"),
    "invalid_request": lambda c, _: c.get("/api/v1/reports", {"year": "去年"}),
    "invalid_json": lambda c, _: _check(c, "{not json"),
    "invalid_report": lambda c, _: _check(c, "[1, 2, 3]"),
    "request_too_large": lambda c, _: _check(c, b"[" + b" " * 3_000_000 + b"]"),
    "bad_request": lambda c, _: c.get("/api/v1/reports", HTTP_HOST="evil.example"),
    "server_error": _server_error,
    "unauthorized": lambda c, _: c.get("/api/v1/applications"),
    "permission_denied": _csrf_refused,
    "application_not_found": lambda c, _: c.get(
        "/api/v1/applications/track/X-2025-00001", HTTP_X_QUERY_CODE="ABCDEFGHJK"
    ),
    "organisation_not_found": lambda c, _: c.get(
        "/api/v1/deadlines/due", {"received": "2025-09-25", "organisation": "999999"}
    ),
    "application_invalid": lambda c, _: _case_step("start", {"on": "2003-01-01"}),
    "application_content_invalid": _incomplete_submission,
    "invalid_transition": lambda c, _: _case_step("archive", {}),
    "invalid_state": _second_correction,
    "deadline_invalid": lambda c, _: c.get(
        "/api/v1/deadlines/due", {"received": "2005-06-01"}
    ),
    "fee_invalid": lambda c, _: c.get(
        "/api/v1/fees/quote",
        {"method": "per_page", "quantity": "40", "items_before_in_month": "3"},
    ),
    "fee_notice_not_found": lambda c, _: _as_office("/applications/{case}/fee-notice"),
    "attachment_invalid": lambda c, _: _as_office(
        "/applications/{case}/attachments",
        data={"kind": "other", "file": ContentFile(b"MZ", name="a.pdf")},
    ),
    "file_not_found": lambda c, _: _as_office("/applications/{case}/delivery-proof"),
    "appeal_invalid": lambda c, _: _case_step(
        "appeals",
        {"kind": "reconsideration", "filed_on": "2025-03-10", "body": "某市人民政府"},
    ),
    "appeal_not_found": lambda c, _: _as_office("/appeals/999999"),
    "letter_invalid": _wrong_letter_kind,
    "letter_not_found": lambda c, _: _as_office("/letters/999999.pdf"),
    "document_unavailable": _no_pdf_renderer,
    "item_not_found": lambda c, _: c.get("/api/v1/publications/items/999999"),
    "guide_not_found": lambda c, _: _publication("guide_not_found"),
    "publication_invalid": lambda c, _: _publication("publication_invalid"),
    "publication_invalid_transition": lambda c, _: _publication(
        "publication_invalid_transition"
    ),
    "publication_self_approval": lambda c, _: _publication("publication_self_approval"),
    "publication_review_incomplete": lambda c, _: _publication(
        "publication_review_incomplete"
    ),
    "publication_comment_required": lambda c, _: _publication(
        "publication_comment_required"
    ),
}


def test_every_code_is_provoked_by_a_test() -> None:
    assert set(PROVOKE) == set(ERROR_CODES)


@pytest.mark.parametrize("code", sorted(PROVOKE))
def test_each_code_is_answered_in_the_documented_shape(
    client: Client, db: None, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    response = PROVOKE[code](client, monkeypatch)
    assert response.status_code == ERROR_CODES[code][0]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "detail"}
    assert body["code"] == code
    assert body["message"]


def test_the_reference_lists_exactly_the_codes() -> None:
    text = DOCS.read_text("utf-8")
    errors = text[text.index("## Errors") :]
    documented = re.findall(r"^\| `([a-z_]+)` \| (\d{3}) \|", errors, re.MULTILINE)
    assert documented, "no error table found: the pattern is stale"
    assert {c: int(s) for c, s in documented} == {
        c: status for c, (status, _) in ERROR_CODES.items()
    }


def test_the_openapi_description_lists_the_codes(client: Client) -> None:
    description = client.get("/api/v1/openapi.json").json()["info"]["description"]
    assert [c for c in ERROR_CODES if f"`{c}`" not in description] == []


def test_405_keeps_the_allowed_methods(client: Client) -> None:
    response = client.put("/api/v1/check", "{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["code"] == "method_not_allowed"


def test_outside_the_api_a_404_is_still_a_page(client: Client, db: None) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100)
def test_oversize_follows_the_setting(client: Client, db: None) -> None:
    response = _check(client, "[" + " " * 200 + "]")
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


@pytest.mark.parametrize("depth", [1000, 100_000, MAX_JSON_DEPTH + 1])
@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{", "}")])
def test_deeply_nested_json_is_a_400(
    client: Client, db: None, depth: int, opening: str, closing: str
) -> None:
    prefix = '{"a": ' if opening == "{" else "["
    body = prefix * depth + "1" + closing * depth
    response = _check(client, body)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_json"
    assert "嵌套过深" in response.json()["message"]


def test_a_report_nested_as_deep_as_allowed_is_checked(
    client: Client, db: None
) -> None:
    nested: Any = 1
    for _ in range(MAX_JSON_DEPTH - 2):  # the report and appeals: two more
        nested = [nested]
    body = {"year": 2024, "org": "某县", "active": None, "applications": None}
    body["appeals"] = {"reconsideration": nested}
    response = client.post("/api/v1/check", body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["ok"] is False


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('{"year": NaN}', "NaN"),
        ('{"year": Infinity}', "Infinity"),
        ('{"year": ' + "9" * 5000 + "}", "位数过多"),
    ],
)
def test_numbers_json_does_not_have_are_invalid_json(
    client: Client, db: None, body: str, words: str
) -> None:
    response = _check(client, body)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_json"
    assert words in response.json()["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/reports/-9999999999999999999/14289364160",
        "/api/v1/reports/99999999999999999999/2024",
        "/api/v1/reports/9223372036854775808/2024",
        "/api/v1/reports/0/2024",
        "/api/v1/reports/1/0",
        "/api/v1/reports/1/99999",
        "/api/v1/reports/abc/2024",
    ],
)
def test_a_path_number_out_of_range_is_a_404(
    client: Client, db: None, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("year", ["99999999999999999999", "-1", "0", "999", "10000"])
def test_a_query_number_out_of_range_is_a_400(
    client: Client, db: None, year: str
) -> None:
    response = client.get("/api/v1/reports", {"year": year})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_request"
    assert "查询参数 year" in body["message"]
    assert body["detail"][0]["loc"] == ["query", "year"]


def _answer(client: Client, url: str) -> tuple[int, bytes, list[tuple[str, str]]]:
    response = client.get(url)
    headers = sorted(
        (k, v) for k, v in response.items() if k not in {"Date", "Content-Length"}
    )
    # A page names its own path (the language form's "next", the 长者模式 link's
    # quoted "next"), and the CSRF token in it is masked afresh for every response.
    content = response.content.replace(url.encode(), b"URL")
    for quoted in {quote(url, safe=""), quote(url)}:
        content = content.replace(quoted.encode(), b"URL")
    content = re.sub(rb"[A-Za-z0-9]{64}", b"TOKEN", content)
    return response.status_code, content, headers


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/reports/{org}/{year}",
        "/reports/{org}/{year}/",
        "/reports/{org}/{year}/report.pdf",
        "/reports/{org}/{year}/report.xlsx",
    ],
)
def test_the_public_cannot_tell_a_draft_from_nothing(
    client: Client, draft: AnnualReport, url: str
) -> None:
    """A draft is as absent as a report never written: same status, same body,
    same headers."""
    org = draft.organisation_id
    of_draft = _answer(client, url.format(org=org, year=draft.year))
    of_nothing = _answer(client, url.format(org=org, year=draft.year + 1))
    of_no_organ = _answer(client, url.format(org=org + 1000, year=draft.year))
    assert of_draft[0] == 404
    assert of_draft == of_nothing == of_no_organ


@pytest.mark.parametrize("org", ["a\x00b", "长" * 201])
def test_a_query_text_the_database_cannot_take_is_a_400(
    client: Client, db: None, org: str
) -> None:
    response = client.get("/api/v1/reports", {"org": org})
    assert response.status_code == 400
    assert "查询参数 org" in response.json()["message"]
