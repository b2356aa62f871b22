"""Fees, files, appeals and letters through the JSON API: the office with an API
token, who gets 404 (cannot see the case) or 403 (sees it, may not act), uploads
checked by content, downloads declared by type, and the applicant's letters with the
query code."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client, override_settings

from gongkai.api.tests.cases import (
    PDF_BYTES,
    Office,
    Records,
    Seeded,
    make_office,
    seed_cases,
    seed_records,
    submission,
)
from gongkai.appeals.models import Appeal
from gongkai.applications import services as s
from gongkai.applications.models import Application, ApplicationAttachment
from gongkai.applications.selectors import calendar_cache_clear
from gongkai.core import clock
from gongkai.documents.errors import PdfUnavailableError

pytestmark = pytest.mark.django_db

API = "/api/v1"
TODAY = date(2025, 6, 30)
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


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


@pytest.fixture
def records(o: Office, seeded: Seeded) -> Records:
    return seed_records(o, seeded)


def post(
    client: Client, path: str, body: dict[str, Any], who: str | None, o: Office
) -> Any:
    extra: dict[str, Any] = o.auth(who) if who else {}
    return client.post(API + path, body, content_type="application/json", **extra)


def upload(
    client: Client, path: str, data: dict[str, Any], who: str | None, o: Office
) -> Any:
    extra: dict[str, Any] = o.auth(who) if who else {}
    return client.post(API + path, data, **extra)  # multipart


def get(client: Client, path: str, who: str | None, o: Office, **query: Any) -> Any:
    extra: dict[str, Any] = o.auth(who) if who else {}
    return client.get(API + path, query, **extra)


def _file(data: bytes, name: str) -> ContentFile[bytes]:
    return ContentFile(data, name=name)


# -- fees -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "amount", "lines"),
    [
        # 国办函〔2020〕109号 第三条 按件: 1–10 free, 11–30 100 元, 31–40 200 元
        ({"method": "per_item", "quantity": 12}, "200.00", 2),
        (
            {"method": "per_item", "quantity": 5, "items_before_in_month": 28},
            "800.00",
            2,
        ),
        # 按量: 1–30 free, 31–100 10 元, 101–200 20 元, 201+ 40 元
        ({"method": "per_page", "quantity": 30}, "0.00", 1),
        ({"method": "per_page", "quantity": 201}, "2740.00", 4),
    ],
)
def test_fee_quote_follows_article_3_of_the_fee_measures(
    client: Client, query: dict[str, Any], amount: str, lines: int
) -> None:
    r = client.get(API + "/fees/quote", query)
    assert r.status_code == 200, r.json()
    assert r.json()["amount"] == amount
    assert len(r.json()["lines"]) == lines
    assert r.json()["chargeable"] is (amount != "0.00")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        (
            {"method": "per_page", "quantity": 40, "items_before_in_month": 3},
            "fee_invalid",
        ),
        ({"method": "per_item", "quantity": 0}, "invalid_request"),
        ({"method": "by_weight", "quantity": 3}, "invalid_request"),
        ({"method": "per_page", "quantity": 10**12}, "invalid_request"),
    ],
)
def test_a_bad_fee_quote_is_a_400(
    client: Client, query: dict[str, Any], code: str
) -> None:
    r = client.get(API + "/fees/quote", query)
    assert r.status_code == 400
    assert r.json()["code"] == code


def test_fee_notice_payment_with_receipt_and_download(
    client: Client, o: Office, seeded: Seeded
) -> None:
    url = f"/applications/{seeded.in_progress.pk}/fee-notice"
    assert get(client, url, "office", o).json()["code"] == "fee_notice_not_found"
    body = {
        "method": "per_page",
        "quantity": 50,
        "sent_on": "2025-03-04",
        "received_on": "2025-03-05",
    }
    r = post(client, url, body, "clerk_a", o)
    assert r.status_code == 201, r.json()
    notice = r.json()
    assert notice["amount"] == "200.00"
    assert notice["pay_by"] == "2025-04-02"  # 20 working days after 2025-03-05
    assert post(client, url, body, "office", o).json()["code"] == "invalid_state"
    # the receipt is checked by content, not by its name
    fake = {
        "amount": "200",
        "paid_on": "2025-03-20",
        "receipt": _file(b"GIF89a....", "收据.pdf"),
    }
    r = upload(client, url + "/receipt", fake, "office", o)
    assert r.status_code == 400
    assert r.json()["code"] == "attachment_invalid"
    assert "收据.pdf" in r.json()["message"]
    wrong = post(
        client,
        url + "/paid",
        {"amount": "150.00", "paid_on": "2025-03-20"},
        "office",
        o,
    )
    assert wrong.json()["code"] == "application_invalid"
    good = {
        "amount": "200.00",
        "paid_on": "2025-03-20",
        "receipt": _file(PDF_BYTES, "收据.pdf"),
    }
    r = upload(client, url + "/receipt", good, "office", o)
    assert r.status_code == 200, r.json()
    assert r.json()["paid_amount"] == "200.00"
    assert r.json()["has_receipt"] is True
    download = client.get(r.json()["receipt_url"], **o.auth("office"))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download.content == PDF_BYTES
    assert get(client, url, "clerk_b", o).json()["code"] == "application_not_found"


def test_unpaid_fee_concludes_as_other_2(
    client: Client, o: Office, records: Records
) -> None:
    case = records.fee_notice.application
    url = f"/applications/{case.pk}/fee-notice/lapsed"
    early = post(client, url, {"on": "2025-03-20"}, "office", o)
    assert early.json()["code"] == "application_invalid"  # pay_by not passed yet
    r = post(client, url, {"on": "2025-04-10"}, "office", o)
    assert r.status_code == 200, r.json()
    assert r.json()["lapsed_on"] == "2025-04-10"
    assert r.json()["status"] == "abandoned"
    assert Application.objects.get(pk=case.pk).outcome == "other_fee_unpaid"


def test_a_zero_fee_notice_is_refused(
    client: Client, o: Office, seeded: Seeded
) -> None:
    body = {"method": "per_page", "quantity": 20}
    r = post(
        client, f"/applications/{seeded.in_progress.pk}/fee-notice", body, "office", o
    )
    assert r.status_code == 400
    assert r.json()["code"] == "fee_invalid"


# -- attachments ---------------------------------------------------------------------------
def test_attachments_upload_list_download(
    client: Client, o: Office, seeded: Seeded
) -> None:
    url = f"/applications/{seeded.received.pk}/attachments"
    r = upload(
        client,
        url,
        {"kind": "identity_proof", "file": _file(PNG_BYTES, "证件.png")},
        "office",
        o,
    )
    assert r.status_code == 201, r.json()
    assert r.json()["content_type"] == "image/png"
    listing = get(client, url, "office", o).json()
    assert [a["original_name"] for a in listing] == ["证件.png"]
    download = client.get(listing[0]["download_url"], **o.auth("office"))
    assert download.status_code == 200
    assert download["Content-Type"] == "image/png"
    assert download.content == PNG_BYTES
    # another unit's clerk cannot see the case at all
    assert get(client, url, "clerk_b", o).json()["code"] == "application_not_found"
    other = client.get(listing[0]["download_url"], **o.auth("clerk_b"))
    assert other.status_code == 404


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"MZ\x90\x00 not a pdf", "申请书.pdf", "不是PDF"),
        (b"", "空.pdf", "空文件"),
        (PDF_BYTES, "脚本.exe", "不能上传"),
    ],
)
def test_a_bad_upload_is_a_400_naming_the_file(
    client: Client, o: Office, seeded: Seeded, data: bytes, name: str, words: str
) -> None:
    url = f"/applications/{seeded.received.pk}/attachments"
    r = upload(client, url, {"kind": "other", "file": _file(data, name)}, "office", o)
    assert r.status_code == 400
    assert r.json()["code"] == "attachment_invalid"
    assert name in r.json()["message"]
    assert words in r.json()["message"]
    assert not ApplicationAttachment.objects.filter(
        application=seeded.received
    ).exists()


@override_settings(GONGKAI_ATTACHMENT_MAX_BYTES=100)
def test_an_upload_over_the_limit_is_a_400(
    client: Client, o: Office, seeded: Seeded
) -> None:
    big = PDF_BYTES + b"%" * 200
    url = f"/applications/{seeded.received.pk}/attachments"
    r = upload(
        client, url, {"kind": "other", "file": _file(big, "大.pdf")}, "office", o
    )
    assert r.status_code == 400
    assert r.json()["code"] == "attachment_invalid"
    assert "上限" in r.json()["message"]


def test_a_leader_sees_attachments_but_may_not_upload(
    client: Client, o: Office, seeded: Seeded
) -> None:
    url = f"/applications/{seeded.received.pk}/attachments"
    assert get(client, url, "leader", o).status_code == 200
    r = upload(
        client, url, {"kind": "other", "file": _file(PDF_BYTES, "a.pdf")}, "leader", o
    )
    assert r.status_code == 403
    assert r.json()["code"] == "permission_denied"


def test_the_applicant_adds_a_file_with_the_query_code(
    client: Client, o: Office
) -> None:
    submitted = client.post(
        API + "/applications", submission(o.county), "application/json"
    ).json()
    url = f"/applications/track/{submitted['tracking_number']}/attachments"
    data = {"kind": "identity_proof", "file": _file(PDF_BYTES, "身份证.pdf")}
    wrong = client.post(API + url, data, HTTP_X_QUERY_CODE="WRONGCODE2")
    assert wrong.status_code == 404
    assert wrong.json()["code"] == "application_not_found"
    data["file"] = _file(PDF_BYTES, "身份证.pdf")
    r = client.post(API + url, data, HTTP_X_QUERY_CODE=submitted["query_code"])
    assert r.status_code == 201, r.json()
    assert r.json() == {
        "kind": "identity_proof",
        "kind_label": "身份证明",
        "original_name": "身份证.pdf",
        "size": len(PDF_BYTES),
    }


# -- delivery with proof ----------------------------------------------------------------
def test_delivery_with_proof(client: Client, o: Office, seeded: Seeded) -> None:
    url = f"/applications/{seeded.decided.pk}/delivery-proof"
    assert get(client, url, "office", o).json()["code"] == "file_not_found"
    bad = {
        "delivered_by": "email",
        "on": "2025-03-11",
        "proof": _file(b"<html>", "回执.pdf"),
    }
    assert upload(client, url, bad, "office", o).json()["code"] == "attachment_invalid"
    good = {
        "delivered_by": "email",
        "on": "2025-03-11",
        "proof": _file(PDF_BYTES, "回执.pdf"),
    }
    r = upload(client, url, good, "office", o)
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "delivered"
    assert r.json()["delivered_on"] == "2025-03-11"
    download = get(client, url, "office", o)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    again = upload(
        client, url, {**good, "proof": _file(PDF_BYTES, "回执.pdf")}, "office", o
    )
    assert again.status_code == 409


# -- appeals ---------------------------------------------------------------------------------
def test_an_appeal_is_filed_decided_and_listed_article_51(
    client: Client, o: Office, seeded: Seeded
) -> None:
    url = f"/applications/{seeded.decided.pk}/appeals"
    early = {
        "kind": "reconsideration",
        "filed_on": "2025-03-01",
        "body": "某市人民政府",
    }
    assert post(client, url, early, "office", o).json()["code"] == "appeal_invalid"
    body = {**early, "filed_on": "2025-04-01", "case_number": "复〔2025〕3号"}
    r = post(client, url, body, "office", o)
    assert r.status_code == 201, r.json()
    appeal = r.json()
    assert appeal["pending"] is True
    assert appeal["outcome_label"] == "尚未审结"
    decision = f"/appeals/{appeal['id']}/decision"
    r = post(
        client, decision, {"outcome": "upheld", "decided_on": "2025-05-20"}, "office", o
    )
    assert r.status_code == 200, r.json()
    assert r.json()["outcome_label"] == "结果维持"
    assert [e["kind"] for e in r.json()["events"]] == ["filed", "decided"]
    again = post(
        client, decision, {"outcome": "other", "decided_on": "2025-05-21"}, "office", o
    )
    assert again.status_code == 409
    # a lawsuit after reconsideration names it (行政诉讼法第四十五条)
    suit = {
        "kind": "litigation_after_reconsideration",
        "filed_on": "2025-05-25",
        "body": "某区人民法院",
    }
    assert post(client, url, suit, "office", o).json()["code"] == "appeal_invalid"
    r = post(client, url, {**suit, "follows_id": appeal["id"]}, "office", o)
    assert r.status_code == 201, r.json()
    assert r.json()["follows_id"] == appeal["id"]
    listing = get(client, "/appeals", "office", o, pending="true").json()
    assert [a["kind"] for a in listing["items"]] == ["litigation_after_reconsideration"]
    assert get(client, "/appeals", "clerk_b", o).json()["count"] == 0
    assert (
        get(client, f"/appeals/{appeal['id']}", "clerk_b", o).json()["code"]
        == "appeal_not_found"
    )
    assert len(get(client, url, "leader", o).json()) == 2


def test_a_leader_may_see_an_appeal_but_not_record_it(
    client: Client, o: Office, records: Records
) -> None:
    path = f"/appeals/{records.appeal.pk}"
    assert get(client, path, "leader", o).status_code == 200
    r = post(
        client,
        path + "/decision",
        {"outcome": "corrected", "decided_on": "2025-05-01"},
        "leader",
        o,
    )
    assert r.status_code == 403
    assert Appeal.objects.get(pk=records.appeal.pk).is_pending


def test_an_appeal_date_out_of_range_is_a_400(
    client: Client, o: Office, records: Records
) -> None:
    r = post(
        client,
        f"/appeals/{records.appeal.pk}/decision",
        {"outcome": "other", "decided_on": "2031-01-01"},
        "office",
        o,
    )
    assert r.status_code == 400
    assert "decided_on" in r.json()["message"]


# -- letters -----------------------------------------------------------------------------------
def test_draft_issue_list_and_download_a_letter(
    client: Client, o: Office, seeded: Seeded
) -> None:
    case = seeded.decided
    draft = get(
        client,
        f"/applications/{case.pk}/letters/draft",
        "office",
        o,
        kind="disclosed",
        issued_on="2025-03-10",
    )
    assert draft.status_code == 200, draft.json()
    assert case.tracking_number in draft.json()["text"]
    wrong = get(
        client,
        f"/applications/{case.pk}/letters/draft",
        "office",
        o,
        kind="withheld_state_secret",
    )
    assert wrong.json()["code"] == "letter_invalid"
    missing = get(
        client, f"/applications/{case.pk}/letters/draft", "office", o, kind="fee"
    )
    assert missing.status_code == 409  # no fee notice recorded
    text = "李四：\n经审查，您申请的信息予以公开，见附件。"
    r = post(
        client,
        f"/applications/{case.pk}/letters",
        {"kind": "disclosed", "issued_on": "2025-03-10", "text": text},
        "office",
        o,
    )
    assert r.status_code == 201, r.json()
    letter = r.json()
    assert letter["body"] == text
    assert letter["number"]
    marked = {"kind": "disclosed", "text": "李四：\n〔请填写：理由〕"}
    assert (
        post(client, f"/applications/{case.pk}/letters", marked, "office", o).json()[
            "code"
        ]
        == "letter_invalid"
    )
    listing = get(client, f"/applications/{case.pk}/letters", "leader", o).json()
    assert [x["id"] for x in listing] == [letter["id"]]
    docx = client.get(letter["docx_url"], **o.auth("office"))
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(docx.content)).namelist()
    pdf = client.get(letter["pdf_url"], **o.auth("office"))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert (
        client.get(letter["pdf_url"], **o.auth("clerk_b")).json()["code"]
        == "letter_not_found"
    )
    assert client.get(letter["pdf_url"]).status_code == 401
    assert (
        client.get(API + f"/letters/{letter['id']}.txt", **o.auth("office")).status_code
        == 400
    )


def test_a_leader_may_read_letters_but_not_draft_them(
    client: Client, o: Office, seeded: Seeded
) -> None:
    r = get(
        client,
        f"/applications/{seeded.decided.pk}/letters/draft",
        "leader",
        o,
        kind="disclosed",
    )
    assert r.status_code == 403


def test_the_applicant_downloads_their_letters_with_the_query_code(
    client: Client, o: Office, records: Records, monkeypatch: pytest.MonkeyPatch
) -> None:
    registered = s.application_register(
        organisation=o.county,
        applicant_type="natural_person",
        applicant_name="王五",
        id_type="resident_id",
        id_number="110101199003074514",
        form_wanted="electronic",
        delivery="email",
        email="w@example.cn",
        channel="online",
        received_on=date(2025, 3, 3),
        items=[s.ItemInput(name="某文件")],
        actor=None,
        today=date(2025, 3, 3),
    )
    case = registered.application
    s.application_start(
        application=s.application_route(
            application=case, unit=o.unit_a, actor=o.office, on=date(2025, 3, 3)
        ),
        actor=o.clerk_a,
        on=date(2025, 3, 3),
    )
    consult = s.application_consult(
        application=case,
        party_kind="third_party",
        party_name="某公司",
        sent_on=date(2025, 3, 4),
        actor=o.office,
    )
    assert consult is not None
    from gongkai.letters.services import letter_issue

    to_third_party = letter_issue(
        application=case,
        kind="consultation",
        actor=o.office,
        issued_on=date(2025, 3, 4),
        text="某公司：\n征求意见。",
    )
    track = f"/applications/track/{case.tracking_number}/letters"
    code: dict[str, Any] = {"HTTP_X_QUERY_CODE": registered.query_code}
    assert (
        client.get(API + track, **code).json() == []
    )  # the letter to the third party is not theirs
    hidden = client.get(API + f"{track}/{to_third_party.pk}.pdf", **code)
    assert hidden.status_code == 404
    assert hidden.json()["code"] == "letter_not_found"
    # another applicant's letter is as absent as none
    foreign = client.get(API + f"{track}/{records.letter.pk}.pdf", **code)
    assert foreign.status_code == 404
    seeded_case = records.letter.application
    own = f"/applications/track/{seeded_case.tracking_number}/letters"
    assert client.get(API + own, **code).json()["code"] == "application_not_found"
    # with the right code: their own letters
    s2 = s.application_decide(
        application=Application.objects.get(pk=case.pk),
        outcome="disclosed",
        decided_on=date(2025, 3, 20),
        actor=o.office,
    )
    reply = letter_issue(
        application=s2,
        kind="disclosed",
        actor=o.office,
        issued_on=date(2025, 3, 20),
        text="王五：\n予以公开。",
    )
    listing = client.get(API + track, **code).json()
    assert [x["id"] for x in listing] == [reply.pk]
    assert "issued_by" not in listing[0]
    r = client.get(listing[0]["docx_url"], **code)
    assert r.status_code == 200
    assert "no-store" in r["Cache-Control"]
    wrong = client.get(listing[0]["docx_url"], HTTP_X_QUERY_CODE="AAAAAAAAAA")
    assert wrong.status_code == 404
    assert wrong.json()["code"] == "application_not_found"

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise PdfUnavailableError("无法生成 PDF：缺少中文字体")

    monkeypatch.setattr("gongkai.letters.services.letter_pdf", broken)
    unavailable = client.get(listing[0]["pdf_url"], **code)
    assert unavailable.status_code == 503
    assert unavailable.json()["code"] == "document_unavailable"


def test_an_id_out_of_range_is_a_404(client: Client, o: Office) -> None:
    for path in [
        "/appeals/0",
        "/appeals/99999999999999999999",
        "/letters/0.pdf",
        "/applications/0/fee-notice",
    ]:
        r = client.get(API + path, **o.auth("office"))
        assert r.status_code == 404, path
        assert r.json()["code"] == "not_found"


def test_a_proof_kept_without_the_content_check_is_served_as_bytes(
    client: Client, o: Office, seeded: Seeded
) -> None:
    """A proof stored before the service checked proofs by content (an older
    version kept any file) is still answered, as ``application/octet-stream`` (a
    declared type), not as what its name claims."""
    seeded.decided.delivery_proof.save(
        "proof.pdf", ContentFile(b"signed by the applicant"), save=True
    )
    r = get(client, f"/applications/{seeded.decided.pk}/delivery-proof", "office", o)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/octet-stream"
    assert r.content == b"signed by the applicant"


def test_the_delivery_service_checks_the_proof_whoever_calls_it(
    o: Office, seeded: Seeded
) -> None:
    with pytest.raises(s.AttachmentInvalid, match=r"proof\.pdf"):
        s.application_deliver(
            application=seeded.decided,
            delivered_by="post",
            on=date(2025, 3, 12),
            actor=o.office,
            proof=_file(b"signed by the applicant", "proof.pdf"),
        )
    seeded.decided.refresh_from_db()
    assert not seeded.decided.delivery_proof
    assert seeded.decided.status != "delivered"


def test_a_fee_larger_than_the_notice_can_record_is_a_400(
    client: Client, o: Office, seeded: Seeded
) -> None:
    """按件 from item 31 on, every band of 10 items costs 100 元 more per item: 90 000
    items come to over 10¹⁰ 元, more than the amount column holds (PostgreSQL
    would refuse the row)."""
    body = {"method": "per_item", "quantity": 90_000}
    r = post(
        client, f"/applications/{seeded.in_progress.pk}/fee-notice", body, "office", o
    )
    assert r.status_code == 400
    assert r.json()["code"] == "fee_invalid"
    assert "超出" in r.json()["message"]
