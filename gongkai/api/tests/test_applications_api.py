"""The disclosure-application workflow through the JSON API: staff with API tokens
(or the session with CSRF), the applicant with the query code, masking and logged
reveals, and who gets what (another unit's staff: 404; staff who can see a case but
may not act: 403)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.accounts.tokens import api_token_revoke
from gongkai.api.tests.cases import (
    ID_NUMBER,
    Office,
    Seeded,
    make_office,
    seed_cases,
    submission,
)
from gongkai.applications.models import Application, PersonalDataView
from gongkai.applications.selectors import calendar_cache_clear
from gongkai.core import clock
from gongkai.deadlines.calendar import chinesecalendar_table

pytestmark = pytest.mark.django_db

API = "/api/v1"
TODAY = date(2025, 6, 30)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    calendar_cache_clear()


@pytest.fixture
def o(db: None) -> Office:
    return make_office()


@pytest.fixture
def seeded(o: Office) -> Seeded:
    return seed_cases(o)


def post(
    client: Client, path: str, body: dict[str, Any], who: str | None, o: Office
) -> Any:
    extra: dict[str, Any] = o.auth(who) if who else {}
    return client.post(API + path, body, content_type="application/json", **extra)


def get(client: Client, path: str, who: str | None, o: Office, **query: Any) -> Any:
    extra: dict[str, Any] = o.auth(who) if who else {}
    return client.get(API + path, query, **extra)


# -- the workflow ---------------------------------------------------------------
def test_a_case_from_intake_to_archive(client: Client, o: Office) -> None:
    intake = submission(
        o.county,
        channel="in_person",
        submitted_on="2025-03-03",
        items=[{"name": "2024年财政预算执行情况"}, {"name": "某工程招标文件"}],
    )
    r = post(client, "/applications/intake", intake, "office", o)
    assert r.status_code == 201, r.json()
    case = r.json()
    assert case["received_on"] == "2025-03-03"
    assert case["due_on"] == "2025-03-31"  # 20 working days, receipt day not counted
    assert case["due_provisional"] is False
    url = f"/applications/{case['id']}"

    steps: list[tuple[str, dict[str, Any], str, str]] = [
        ("route", {"unit_id": o.unit_a.pk, "on": "2025-03-03"}, "office", "routed"),
        ("start", {"on": "2025-03-04"}, "clerk_a", "in_progress"),
        (
            "correction",
            {
                "points": ["请写明文件的文号", "请说明所需信息的形成时间"],
                "notice_on": "2025-03-05",
                "deadline": "2025-03-20",
            },
            "clerk_a",
            "awaiting_correction",
        ),
        ("correction/received", {"on": "2025-03-12"}, "clerk_a", "in_progress"),
    ]
    for path, body, who, status in steps:
        r = post(client, f"{url}/{path}", body, who, o)
        assert r.status_code == 200, (path, r.json())
        assert r.json()["status"] == status, path
    detail = r.json()
    assert detail["correction"]["points"] == [
        "请写明文件的文号",
        "请说明所需信息的形成时间",
    ]
    assert detail["correction"]["corrected_on"] == "2025-03-12"
    assert detail["due_on"] == "2025-04-10"  # the clock restarted on 12 March

    item = detail["items"][1]["id"]
    decision = {
        "outcome": "partly_disclosed",
        "decided_on": "2025-04-01",
        "reason": "部分内容涉及商业秘密",
        "withheld": [
            {
                "item_id": item,
                "ground": "withheld_third_party_interests",
                "note": "报价",
            }
        ],
    }
    r = post(client, f"{url}/decide", decision, "clerk_a", o)
    assert r.status_code == 200, r.json()
    decided = r.json()
    assert decided["status"] == "decided"
    assert decided["outcome"] == "partly_disclosed"
    assert decided["outcome_basis"] == "第三十七条"
    assert [i["withheld"] for i in decided["items"]] == [False, True]
    assert decided["items"][1]["withheld_ground"] == "withheld_third_party_interests"

    r = post(client, f"{url}/deliver", {"delivered_by": "email"}, "clerk_a", o)
    assert r.json()["status"] == "delivered"
    assert r.json()["delivered_on"] == TODAY.isoformat()  # "on" defaults to today
    r = post(client, f"{url}/archive", {"on": "2025-06-30"}, "office", o)
    assert r.json()["status"] == "archived"
    assert r.json()["next_statuses"] == []

    timeline = get(client, f"{url}/timeline", "office", o).json()
    assert [e["kind"] for e in timeline] == [
        "registered",
        "routed",
        "started",
        "correction_requested",
        "correction_received",
        "decided",
        "delivered",
        "archived",
    ]
    assert timeline[1]["before"]["status"] == "received"
    assert timeline[1]["after"]["status"] == "routed"
    assert timeline[2]["actor"] == str(o.clerk_a)


def test_consultation_extension_transfer_and_withdrawal(
    client: Client, o: Office, seeded: Seeded
) -> None:
    case = seeded.consulting
    answer = f"/applications/{case.pk}/consultations/{seeded.consultation.pk}/answer"
    r = post(
        client, answer, {"answered_on": "2025-03-14", "answer": "同意"}, "office", o
    )
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "in_progress"
    assert r.json()["consultations"][0]["answered_on"] == "2025-03-14"

    extend = {"days": 20, "approved_on": "2025-03-20", "notice_sent_on": "2025-03-20"}
    r = post(client, f"/applications/{case.pk}/extend", extend, "office", o)
    assert r.status_code == 403  # 第三十三条第二款: the head of the office only
    assert "第三十三条第二款" in r.json()["message"]
    r = post(client, f"/applications/{case.pk}/extend", extend, "leader", o)
    assert r.status_code == 200, r.json()
    assert r.json()["extension"]["days"] == 20
    r = post(client, f"/applications/{case.pk}/extend", extend, "leader", o)
    assert r.status_code == 409
    assert r.json()["code"] == "invalid_state"  # once only

    other = make_office_elsewhere()
    body = {"organisation_id": other.pk, "on": "2025-03-04", "reason": "职责调整"}
    r = post(client, f"/applications/{seeded.received.pk}/transfer", body, "office", o)
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "transferred"
    assert r.json()["outcome"] == "unable_not_held"
    assert r.json()["transferred_to"].startswith(f"{other.code}-2025-")

    r = post(client, f"/applications/{seeded.routed.pk}/withdraw", {}, "clerk_a", o)
    assert r.json()["status"] == "withdrawn"


def make_office_elsewhere() -> Any:
    from gongkai.orgs.tests.factories import OrganisationFactory

    return OrganisationFactory.create(name="另一接口测试县人民政府", code="418888")


def test_hand_back_and_the_corrections_end(
    client: Client, o: Office, seeded: Seeded
) -> None:
    r = post(
        client,
        f"/applications/{seeded.routed.pk}/hand-back",
        {"reason": "不属于本单位职责"},
        "clerk_a",
        o,
    )
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "received"
    assert r.json()["unit"] is None
    # the unit no longer sees it
    assert (
        get(client, f"/applications/{seeded.routed.pk}", "clerk_a", o).status_code
        == 404
    )

    lapsed = f"/applications/{seeded.awaiting_correction.pk}/correction/lapsed"
    r = post(client, lapsed, {"on": "2025-03-20"}, "office", o)
    assert r.status_code == 400  # the deadline has not passed
    assert r.json()["code"] == "application_invalid"
    r = post(client, lapsed, {"on": "2025-03-21"}, "office", o)
    assert r.json()["status"] == "abandoned"
    assert r.json()["outcome"] == "other_no_correction"


@pytest.mark.parametrize(
    ("path", "body", "code", "status"),
    [
        ("archive", {}, "invalid_transition", 409),  # a case just received
        ("correction/received", {}, "invalid_transition", 409),  # no notice sent
        ("correction/lapsed", {}, "invalid_transition", 409),
        ("start", {"on": "2099-01-01"}, "application_invalid", 400),
        ("start", {"on": "2003-12-31"}, "application_invalid", 400),
        ("start", {"on": "2025-02-30"}, "invalid_request", 400),
        ("start", {"on": "2025-03-03", "extra": 1}, None, 200),
        ("route", {"unit_id": 2**63 - 1}, "organisation_not_found", 404),
        ("route", {"unit_id": 2**63}, "invalid_request", 400),
        ("decide", {"outcome": "granted"}, "invalid_request", 400),
        ("decide", {"outcome": "partly_disclosed"}, "application_invalid", 400),
        ("hand-back", {"reason": ""}, "invalid_request", 400),
        (
            "correction",
            {"points": ["a\x00b"], "deadline": "2025-07-10"},
            "invalid_request",
            400,
        ),
        ("deliver", {"delivered_by": "pigeon"}, "invalid_request", 400),
    ],
)
def test_bad_steps_get_clear_errors(
    client: Client,
    o: Office,
    seeded: Seeded,
    path: str,
    body: dict[str, Any],
    code: str | None,
    status: int,
) -> None:
    r = post(client, f"/applications/{seeded.received.pk}/{path}", body, "office", o)
    assert r.status_code == status, r.json()
    if code:
        assert r.json()["code"] == code
        assert r.json()["message"]


def test_a_second_correction_notice_is_refused(
    client: Client, o: Office, seeded: Seeded
) -> None:
    body = {"points": ["再补一点"], "deadline": "2025-07-10"}
    url = f"/applications/{seeded.awaiting_correction.pk}/correction"
    r = post(client, url, body, "office", o)
    assert r.status_code == 409
    assert r.json()["code"] == "invalid_state"
    assert "第三十条" in r.json()["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/applications/0",
        "/applications/99999999999999999999",
        "/applications/9223372036854775808/start",
        "/applications/-1/timeline",
        "/applications/abc",
    ],
)
def test_ids_out_of_range_are_404(client: Client, o: Office, path: str) -> None:
    r = client.post(API + path, {}, content_type="application/json", **o.auth("office"))
    assert r.status_code in {404, 405}
    r = get(client, path, "office", o)
    assert r.status_code in {404, 405}
    assert r.json()["code"] in {"not_found", "method_not_allowed"}


def test_a_body_that_is_not_json_is_invalid_json(client: Client, o: Office) -> None:
    r = client.post(API + "/applications", "{not json", content_type="application/json")
    assert r.status_code == 400
    assert r.json()["code"] == "invalid_json"
    deep = "[" * 100_000 + "]" * 100_000
    r = client.post(API + "/applications", deep, content_type="application/json")
    assert r.status_code == 400
    assert r.json()["code"] == "invalid_json"


# -- listing --------------------------------------------------------------------
def test_the_list_filters_and_pages(client: Client, o: Office, seeded: Seeded) -> None:
    r = get(client, "/applications", "office", o)
    assert r.status_code == 200
    assert r.json()["count"] == 6
    r = get(client, "/applications", "office", o, status="routed")
    assert [i["id"] for i in r.json()["items"]] == [seeded.routed.pk]
    r = get(client, "/applications", "office", o, unit=o.unit_a.pk)
    assert {i["id"] for i in r.json()["items"]} == {
        seeded.routed.pk,
        seeded.in_progress.pk,
    }
    r = get(client, "/applications", "office", o, page=2, page_size=4)
    assert (r.json()["count"], len(r.json()["items"])) == (6, 2)
    r = get(client, "/applications", "office", o, q=seeded.decided.tracking_number)
    assert [i["id"] for i in r.json()["items"]] == [seeded.decided.pk]
    assert get(client, "/applications", "office", o, page=0).status_code == 400
    assert get(client, "/applications", "office", o, status="lost").status_code == 400
    r = get(client, "/applications", "office", o, organisation=2**62)
    assert r.status_code == 404
    assert r.json()["code"] == "organisation_not_found"


# -- authentication -------------------------------------------------------------
def test_token_authentication(client: Client, o: Office, seeded: Seeded) -> None:
    r = client.get(API + "/applications")
    assert r.status_code == 401
    assert r.json()["code"] == "unauthorized"
    assert "Authorization: Bearer" in r.json()["message"]

    assert get(client, "/applications", "office", o).status_code == 200
    token = ApiToken.objects.get(user=o.office)
    assert token.last_used_at is not None
    assert token.key_hash != o.token("office")  # only the hash is kept
    assert o.token("office") not in str(ApiToken.objects.values_list())

    for header in ["Bearer gk_not-a-token", "Bearer ", "Bearer " + "x" * 5000]:
        r = client.get(API + "/applications", HTTP_AUTHORIZATION=header)
        assert r.status_code == 401, header
        assert r.json()["code"] == "unauthorized"

    api_token_revoke(token=token, now=clock.now())
    r = get(client, "/applications", "office", o)
    assert r.status_code == 401
    assert "吊销" in r.json()["message"]


def test_a_revoked_token_is_refused_even_with_a_session(
    client: Client, o: Office
) -> None:
    o.token("office")
    token = ApiToken.objects.get(user=o.office)
    api_token_revoke(token=token, now=clock.now())
    client.force_login(o.office)
    r = get(client, "/applications", "office", o)
    assert r.status_code == 401


def test_an_inactive_users_token_is_refused(client: Client, o: Office) -> None:
    o.token("office")
    o.office.is_active = False
    o.office.save()
    assert get(client, "/applications", "office", o).status_code == 401


def test_the_session_needs_csrf_for_writes(o: Office, seeded: Seeded) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(o.office)
    assert browser.get(API + "/applications").status_code == 200  # reading: no CSRF
    url = f"{API}/applications/{seeded.received.pk}/start"
    r = browser.post(url, {}, content_type="application/json")
    assert r.status_code == 403
    assert r.json()["code"] == "permission_denied"
    assert "CSRF" in r.json()["message"]
    browser.get("/accounts/login/")  # sets the csrftoken cookie
    csrf = browser.cookies["csrftoken"].value
    r = browser.post(url, {}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "in_progress"


# -- who gets what ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("who", "read", "act"),
    [
        ("office", 200, 200),
        ("clerk_a", 200, 200),  # the unit the case is routed to
        ("clerk_b", 404, 404),  # another unit: the case does not exist for them
        ("leader", 200, 403),  # sees the county's cases, works on none
        ("outsider", 404, 404),  # the office of another county
    ],
)
def test_who_sees_and_who_acts(
    client: Client, o: Office, seeded: Seeded, who: str, read: int, act: int
) -> None:
    if who == "outsider":
        from gongkai.accounts.models import Role
        from gongkai.applications.tests.factories import staff

        o.outsider = staff(make_office_elsewhere(), Role.OFFICE_ADMIN)  # type: ignore[attr-defined]
    case = seeded.routed.pk
    assert get(client, f"/applications/{case}", who, o).status_code == read
    assert get(client, f"/applications/{case}/timeline", who, o).status_code == read
    r = post(client, f"/applications/{case}/start", {}, who, o)
    assert r.status_code == act, r.json()
    if act == 404:
        missing = post(client, "/applications/999999/start", {}, who, o)
        assert r.json() == missing.json()  # the same answer as no such case
    listed = {i["id"] for i in get(client, "/applications", who, o).json()["items"]}
    assert (case in listed) is (read == 200)


def test_a_unit_clerk_cannot_route(client: Client, o: Office, seeded: Seeded) -> None:
    r = post(
        client,
        f"/applications/{seeded.routed.pk}/route",
        {"unit_id": o.unit_b.pk},
        "clerk_a",
        o,
    )
    assert r.status_code == 403
    assert r.json()["code"] == "permission_denied"


def test_staff_cannot_register_for_an_organ_they_do_not_serve(
    client: Client, o: Office
) -> None:
    other = make_office_elsewhere()
    body = submission(other, channel="in_person", submitted_on="2025-03-03")
    r = post(client, "/applications/intake", body, "office", o)
    assert r.status_code == 403


# -- personal data ---------------------------------------------------------------
def test_personal_data_is_masked_and_a_reveal_is_logged(
    client: Client, o: Office, seeded: Seeded
) -> None:
    case = seeded.routed.pk
    listed = get(client, "/applications", "office", o).json()["items"]
    for item in listed:
        assert item["personal_data"]["id_number"] == "1101**********4514"
        assert item["personal_data"]["phone"] == "138****5678"
    detail = get(client, f"/applications/{case}", "clerk_a", o).json()
    assert detail["revealed"] is False
    assert ID_NUMBER not in str(detail)
    assert not PersonalDataView.objects.exists()

    whole = get(client, f"/applications/{case}", "clerk_a", o, reveal="true").json()
    assert whole["revealed"] is True
    assert whole["personal_data"]["id_number"] == ID_NUMBER
    assert whole["personal_data"]["email"] == "lisi@example.cn"
    view = PersonalDataView.objects.get()
    assert (view.user, view.application_id, view.where) == (o.clerk_a, case, "api")

    r = get(client, f"/applications/{case}", "leader", o, reveal="true")
    assert r.status_code == 403  # sees the case, does not handle it
    r = get(client, f"/applications/{case}", "clerk_b", o, reveal="true")
    assert r.status_code == 404
    assert PersonalDataView.objects.count() == 1


# -- the applicant --------------------------------------------------------------
def test_the_applicant_submits_and_follows_the_case(client: Client, o: Office) -> None:
    r = client.post(
        API + "/applications",
        submission(o.county, applicant_name="<script>alert(1)</script>王😀"),
        content_type="application/json",
    )
    assert r.status_code == 201, r.json()
    submitted = r.json()
    assert submitted["received_on"] == TODAY.isoformat()
    assert submitted["status"] == "received"
    case = Application.objects.get(pk=submitted["id"])
    assert case.channel == "online"
    assert case.applicant_name == "<script>alert(1)</script>王😀"  # stored as typed
    assert submitted["query_code"] not in case.query_code_hash

    url = submitted["track_url"]
    r = client.get(url, HTTP_X_QUERY_CODE=submitted["query_code"])
    assert r.status_code == 200, r.json()
    tracked = r.json()
    assert tracked["tracking_number"] == submitted["tracking_number"]
    assert tracked["due_on"] == submitted["due_on"]
    assert tracked["applicant_name"].startswith("<")
    assert "*" in tracked["applicant_name"]
    assert tracked["personal_data"]["id_number"] == "1101**********4514"
    assert [e["kind"] for e in tracked["timeline"]] == ["registered"]
    # lower case and spaces around the code are forgiven
    r = client.get(url, HTTP_X_QUERY_CODE=f" {submitted['query_code'].lower()} ")
    assert r.status_code == 200

    wrong = client.get(url, HTTP_X_QUERY_CODE="WRONGCODE2")
    unknown = client.get(
        API + "/applications/track/419999-2025-99999", HTTP_X_QUERY_CODE="WRONGCODE2"
    )
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert wrong.json()["code"] == "application_not_found"
    assert client.get(url).status_code == 400  # no code at all
    long = client.get(API + "/applications/track/" + "9" * 500, HTTP_X_QUERY_CODE="X")
    assert long.status_code == 404


def test_the_applicant_sees_the_correction_points_and_not_the_routing(
    client: Client, o: Office
) -> None:
    submitted = client.post(
        API + "/applications", submission(o.county), content_type="application/json"
    ).json()
    case = f"/applications/{submitted['id']}"
    post(client, f"{case}/route", {"unit_id": o.unit_a.pk}, "office", o)
    post(
        client,
        f"{case}/correction",
        {"points": ["请提供身份证明"], "deadline": "2025-07-15"},
        "clerk_a",
        o,
    )
    tracked = client.get(
        submitted["track_url"], HTTP_X_QUERY_CODE=submitted["query_code"]
    ).json()
    assert tracked["status"] == "awaiting_correction"
    assert tracked["correction"] == {
        "points": ["请提供身份证明"],
        "deadline": "2025-07-15",
    }
    assert [e["kind"] for e in tracked["timeline"]] == [
        "registered",
        "correction_requested",
    ]


def test_a_submission_with_problems_names_each_field(client: Client, o: Office) -> None:
    body = submission(
        o.county,
        applicant_name="",
        id_number="110101199003074515",  # wrong check digit
        items=[{"description": "所有文件"}],
    )
    r = client.post(API + "/applications", body, content_type="application/json")
    assert r.status_code == 400
    answer = r.json()
    assert answer["code"] == "application_content_invalid"
    fields = {p["field"] for p in answer["detail"]}
    assert {"applicant_name", "id_number", "description"} <= fields
    item = next(p for p in answer["detail"] if p["field"] == "description")
    assert item["item"] == 0
    assert all(p["message"] and p["code"] for p in answer["detail"])
    assert not Application.objects.exists()


def test_a_submission_to_no_organ_is_404(client: Client, o: Office) -> None:
    body = submission(o.county, organisation_id=2**63 - 1)
    r = client.post(API + "/applications", body, content_type="application/json")
    assert r.status_code == 404
    assert r.json()["code"] == "organisation_not_found"


def test_a_submission_far_over_the_limits_is_refused_early(
    client: Client, o: Office
) -> None:
    body = submission(o.county, items=[{"description": "长" * 5000}])
    r = client.post(API + "/applications", body, content_type="application/json")
    assert r.status_code == 400
    assert r.json()["code"] == "invalid_request"


def test_the_public_due_date_is_provisional_until_the_year_is_entered(
    client: Client, o: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 18))
    submitted = client.post(
        API + "/applications", submission(o.county), content_type="application/json"
    ).json()
    assert submitted["due_on"] > "2027-01-01"
    assert submitted["due_provisional"] is (chinesecalendar_table(2027) is None)


# -- deadlines ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "due", "days"),
    [
        ({"received": "2025-09-25"}, "2025-10-29", 20),  # domain-spec §2.3
        ({"received": "2025-09-25", "extended": "true"}, "2025-11-26", 40),
        ({"received": "2025-01-20"}, "2025-02-21", 20),  # domain-spec §2.3
    ],
)
def test_the_due_date_helper(
    client: Client, db: None, query: dict[str, str], due: str, days: int
) -> None:
    r = client.get(API + "/deadlines/due", query)
    assert r.status_code == 200, r.json()
    assert r.json()["due_on"] == due
    assert r.json()["working_days"] == days
    assert r.json()["provisional"] is False


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ({"received": "2005-06-01"}, 400, "deadline_invalid"),  # before the Regulation
        ({"received": "9999-12-31"}, 400, "deadline_invalid"),
        ({"received": "2025-13-01"}, 400, "invalid_request"),
        ({}, 400, "invalid_request"),
        (
            {"received": "2025-09-25", "organisation": "99999"},
            404,
            "organisation_not_found",
        ),
        ({"received": "2025-09-25", "extended": "maybe"}, 400, "invalid_request"),
    ],
)
def test_the_due_date_helper_refuses_bad_input(
    client: Client, db: None, query: dict[str, str], status: int, code: str
) -> None:
    r = client.get(API + "/deadlines/due", query)
    assert r.status_code == status
    assert r.json()["code"] == code


def test_the_due_date_helper_matches_the_cli(client: Client, db: None) -> None:
    from gongkai.cli import main

    received = "2026-12-28"
    answer = client.get(API + "/deadlines/due", {"received": received}).json()
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["deadline", "--received", received])
    assert out.getvalue().strip().splitlines()[-1] == answer["due_on"]
    assert answer["provisional"] is (chinesecalendar_table(2027) is None)
