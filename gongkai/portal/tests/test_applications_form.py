"""The public application form (第二十七条至第二十九条, no account): every check of
第二十九条 beside its field, everything typed kept, a case with its 受理编号 and
查询码, the look-up with the right and the wrong code, masking on the case page,
attachments checked by content, junk input answered with 400/404, never 500."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import (
    Application,
    ApplicationAttachment,
    ApplicationEvent,
)
from gongkai.applications.outcomes import ApplicantType
from gongkai.applications.status import Status
from gongkai.orgs.models import Organisation
from gongkai.portal.applications import SUBMITTED_KEY

pytestmark = pytest.mark.django_db

NEW = reverse("portal:application_new")
CHECK = reverse("portal:application_check")
QUERY = reverse("portal:application_query")
SUBMITTED = reverse("portal:application_submitted")
GOOD_ID = "110101199003074514"
BAD_CHECK_DIGIT = "110101199003074515"
CREDIT_CODE = "91350100M000100Y43"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    # Fixed timestamps: the bytes (and so the test ids, which pytest-xdist's workers
    # must agree on) are the same in every process.
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in (
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document/>"),
        ):
            z.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def _items(*rows: tuple[str, str, str]) -> dict[str, str]:
    data = {
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "20",
    }
    for i, (name, number, description) in enumerate(rows):
        data[f"items-{i}-name"] = name
        data[f"items-{i}-document_number"] = number
        data[f"items-{i}-description"] = description
    return data


def good(county: Organisation, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "organisation": str(county.pk),
        "applicant_category": "natural_person",
        "organisation_kind": "",
        "applicant_name": "张三丰",
        "id_type": "resident_id",
        "id_number": GOOD_ID,
        "phone": "13812345678",
        "email": "zhang@example.cn",
        "address": "河南省驻马店市遂平县示例路1号",
        "form_wanted": "electronic",
        "delivery": "email",
        **_items(("2024年示例县财政预算报告", "示财〔2024〕1号", "")),
    }
    data.update(changes)
    return data


def html(response: Any) -> str:
    return str(response.content, "utf-8")


def submit(client: Client, data: dict[str, Any]) -> Any:
    return client.post(NEW, data)


def submitted(client: Client, county: Organisation, **changes: Any) -> Any:
    response = submit(client, good(county, **changes))
    assert response.status_code == 302, html(response)
    return client.session[SUBMITTED_KEY]


# -- the form ---------------------------------------------------------------------
def test_the_form_lists_the_organs_and_needs_no_account(
    client: Client, county: Organisation, department: Organisation
) -> None:
    response = client.get(NEW)
    assert response.status_code == 200
    page = html(response)
    assert county.name in page
    assert department.name in page
    assert "csrfmiddlewaretoken" in page
    assert 'hx-post="' + CHECK in page
    assert "自然人" in page
    assert "法人或其他组织" in page
    for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"):
        assert label in page
    for label in ("纸质", "电子", "查阅", "自取", "邮寄", "电子邮件", "在线"):
        assert label in page


def test_submit_creates_a_case_with_tracking_number_and_query_code(
    client: Client, county: Organisation
) -> None:
    """第二十九条 complete, received online today (第三十一条), 20 working days due."""
    response = submit(
        client,
        good(
            county,
            **_items(
                ("2024年示例县财政预算报告", "", ""),
                ("", "示政〔2023〕12号", ""),
                ("", "", "2023年示例县城区道路改造工程的招标文件"),
            ),
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == SUBMITTED
    app = Application.objects.get()
    assert app.channel == "online"
    assert app.status == Status.RECEIVED
    assert app.applicant_type == ApplicantType.NATURAL_PERSON
    assert app.items.count() == 3
    assert app.due_on is not None
    shown = client.get(SUBMITTED)
    page = html(shown)
    assert app.tracking_number in page
    code = shown.context["shown"]["query_code"]
    assert code in page
    assert code not in app.query_code_hash
    assert "window.print()" in page
    assert "no-store" in shown["Cache-Control"]
    again = html(client.get(SUBMITTED))  # shown once
    assert code not in again
    assert "只显示一次" in again


def test_an_organisation_applies_with_its_credit_code(
    client: Client, county: Organisation
) -> None:
    submitted(
        client,
        county,
        applicant_category="organisation",
        organisation_kind="legal_services",
        applicant_name="某某律师事务所",
        id_type="credit_code",
        id_number=CREDIT_CODE,
    )
    app = Application.objects.get()
    assert app.applicant_type == ApplicantType.LEGAL_SERVICES
    assert app.id_number == CREDIT_CODE


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"id_number": BAD_CHECK_DIGIT}, "id_number", "校验"),
        ({"id_number": "1101011990"}, "id_number", "18"),
        ({"applicant_category": ""}, "applicant_category", "请选择申请人类型"),
        ({"applicant_name": "  "}, "applicant_name", "请填写申请人姓名"),
        ({"applicant_name": "名" * 201}, "applicant_name", "200"),
        ({"id_type": ""}, "id_type", "证件类型"),
        ({"id_type": "credit_code"}, "id_type", "自然人应提供"),
        ({"phone": "12345", "email": "x"}, "phone", "电话号码「12345」格式不正确"),
        ({"email": "not-an-email"}, "email", "格式不正确"),
        ({"email": ""}, "email", "选择电子邮件获取的，请填写电子邮箱"),
        ({"phone": "", "email": "", "address": ""}, "phone", "至少填写一种联系方式"),
        (
            {"delivery": "post", "address": ""},
            "address",
            "选择邮寄的，请填写通信地址",
        ),
        ({"form_wanted": ""}, "form_wanted", "提供形式"),
        ({"delivery": ""}, "delivery", "获取信息的方式"),
        (
            {"form_wanted": "inspection", "delivery": "email"},
            "delivery",
            "不能通过「电子邮件」获取",
        ),
        ({"address": "地" * 301}, "address", "300"),
        ({"organisation": ""}, "organisation", "请选择受理机关"),
        ({"organisation": "abc"}, "organisation", "请从列表中选择受理机关"),
        ({"organisation": "99999999999999999999"}, "organisation", "请从列表中选择"),
        ({"applicant_name": "张\x00三"}, "applicant_name", ""),
    ],
)
def test_every_problem_is_shown_beside_its_field_and_nothing_typed_is_lost(
    client: Client,
    county: Organisation,
    changes: dict[str, str],
    field: str,
    message: str,
) -> None:
    """第二十九条: each problem beside its field, a clear Chinese message."""
    data = good(county, **changes)
    response = submit(client, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    page = html(response)
    assert 'value="13812345678"' in page or data["phone"] != "13812345678"
    assert "示财〔2024〕1号" in page  # the items are kept too
    assert not Application.objects.exists()


def test_an_organisation_must_give_its_kind_and_a_credit_code(
    client: Client, county: Organisation
) -> None:
    response = submit(
        client,
        good(county, applicant_category="organisation", id_number=GOOD_ID),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "组织类别" in errors["organisation_kind"][0]
    assert "统一社会信用代码" in errors["id_type"][0]


def test_every_problem_at_once(client: Client, county: Organisation) -> None:
    """第三十条: everything to correct is told at once."""
    response = submit(
        client,
        good(
            county,
            applicant_name="",
            id_number=BAD_CHECK_DIGIT,
            phone="",
            email="",
            address="",
            form_wanted="",
        ),
    )
    errors = response.context["form"].errors
    assert {"applicant_name", "id_number", "phone", "form_wanted"} <= set(errors)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("", "", "")], "请至少填写一项所需信息"),
        ([("", "", "所有文件")], "不足以确定所需信息"),
        ([("", "", "字" * 2001)], "2000"),
        ([("名" * 301, "", "")], "300"),
    ],
)
def test_item_problems_are_shown_on_their_row(
    client: Client, county: Organisation, rows: list[tuple[str, str, str]], message: str
) -> None:
    response = submit(client, good(county, **_items(*rows)))
    assert response.status_code == 400
    items = response.context["items"]
    text = " ".join(
        str(e) for f in items.forms for errors in f.errors.values() for e in errors
    )
    assert message in text
    if rows[0][2]:
        assert rows[0][2][:50] in html(response)  # kept as typed


def test_an_empty_row_among_filled_ones_is_dropped_and_deleted_rows_ignored(
    client: Client, county: Organisation
) -> None:
    data = good(
        county,
        **_items(("", "", ""), ("某文件", "", ""), ("", "", "所有")),
    )
    data["items-2-DELETE"] = "on"
    submitted_ = submit(client, data)
    assert submitted_.status_code == 302
    assert list(Application.objects.get().items.values_list("name", flat=True)) == [
        "某文件"
    ]


def test_adding_a_row_without_javascript_keeps_what_was_typed(
    client: Client, county: Organisation
) -> None:
    data = good(county, applicant_name="李四", add_item="1")
    response = submit(client, data)
    assert response.status_code == 200
    page = html(response)
    assert 'value="李四"' in page
    assert 'name="items-1-name"' in page  # one more row
    assert "示财〔2024〕1号" in page
    assert not response.context["has_errors"]
    assert not Application.objects.exists()


def test_html_and_emoji_are_stored_as_typed_and_escaped(
    client: Client, county: Organisation
) -> None:
    name = "<script>alert(1)</script>张😀"
    shown = submitted(
        client,
        county,
        applicant_category="organisation",
        organisation_kind="other_organisation",
        applicant_name=name,
        id_type="credit_code",
        id_number=CREDIT_CODE,
        **_items(("<b>预算</b>😀", "", "")),
    )
    app = Application.objects.get()
    assert app.applicant_name == name
    assert app.items.get().name == "<b>预算</b>😀"
    page = html(client.get(reverse("portal:application_case", args=[shown["id"]])))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;张😀" in page
    assert "&lt;b&gt;预算&lt;/b&gt;😀" in page


def test_a_tampered_item_count_is_a_400_not_a_500(
    client: Client, county: Organisation
) -> None:
    data = good(county)
    data["items-TOTAL_FORMS"] = "abc"
    data["applicant_name"] = ""
    response = submit(client, data)
    assert response.status_code == 400
    assert "applicant_name" in response.context["form"].errors  # still all at once
    data["items-TOTAL_FORMS"] = "100000"
    assert submit(client, data).status_code == 400


# -- as the person types -------------------------------------------------------------
def test_the_field_check_returns_the_id_check_digit_error(
    client: Client, county: Organisation
) -> None:
    data = good(county, id_number=BAD_CHECK_DIGIT)
    response = client.post(CHECK, data, headers={"HX-Trigger-Name": "id_number"})
    assert response.status_code == 200
    body = html(response)
    assert 'id="err-id_number"' in body
    assert "校验" in body
    ok = client.post(CHECK, good(county), headers={"HX-Trigger-Name": "id_number"})
    assert "校验" not in html(ok)
    assert 'id="err-id_number"' in html(ok)


def test_the_field_check_updates_dependent_fields_out_of_band(
    client: Client, county: Organisation
) -> None:
    data = good(county, delivery="post", address="")
    body = html(client.post(CHECK, data, headers={"HX-Trigger-Name": "delivery"}))
    assert 'id="err-delivery"' in body
    assert 'id="err-address" aria-live="polite" hx-swap-oob="true"' in body
    assert "选择邮寄的，请填写通信地址" in body


def test_the_field_check_of_an_item_row(client: Client, county: Organisation) -> None:
    data = good(county, **_items(("", "", "相关文件")))
    body = html(
        client.post(CHECK, data, headers={"HX-Trigger-Name": "items-0-description"})
    )
    assert 'id="err-items-0-description"' in body
    assert "不足以确定所需信息" in body


def test_the_field_check_of_a_tampered_form_is_a_400(
    client: Client, county: Organisation
) -> None:
    data = good(county)
    data["items-TOTAL_FORMS"] = "x"
    headers = {"HX-Trigger-Name": "items-0-name"}
    assert client.post(CHECK, data, headers=headers).status_code == 400
    body = html(client.post(CHECK, data, headers={"HX-Trigger-Name": "phone"}))
    assert 'id="err-phone"' in body


def test_the_field_check_refuses_unknown_fields_and_get(
    client: Client, county: Organisation
) -> None:
    assert (
        client.post(
            CHECK, good(county), headers={"HX-Trigger-Name": "nope"}
        ).status_code
        == 400
    )
    assert client.get(CHECK).status_code == 405


def test_csrf_is_required(county: Organisation) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(NEW, good(county)).status_code == 403


# -- attachments ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("身份证.png", PNG_BYTES, "image/png"),
        ("身份证.PDF", PDF_BYTES, "application/pdf"),
        ("证明.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "image/jpeg"),
        (
            "证明.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_attachments_are_kept_with_their_type_and_sha256(
    client: Client, county: Organisation, name: str, content: bytes, content_type: str
) -> None:
    import hashlib

    submitted(client, county, attachments=SimpleUploadedFile(name, content))
    attachment = ApplicationAttachment.objects.get()
    assert attachment.original_name == name
    assert attachment.content_type == content_type
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert attachment.size == len(content)
    assert attachment.file.read() == content
    assert ApplicationEvent.objects.filter(kind="attached").count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "身份证.pdf",
            PNG_BYTES,
            "文件「身份证.pdf」的扩展名是 .pdf，但文件内容是PNG 图片",
        ),
        ("身份证.png", b"MZ\x90\x00 not an image", "无法识别的格式"),
        ("申请书.docx", b"PK\x03\x04 broken zip", "不是Word 文档"),
        ("脚本.exe", PDF_BYTES, "文件「脚本.exe」的类型不能上传"),
        ("空.pdf", b"", "是空文件"),
        ("<img src=x>.pdf", b"<html>", "&lt;img src=x&gt;.pdf"),
    ],
)
def test_attachments_are_checked_by_content_not_extension(
    client: Client, county: Organisation, name: str, content: bytes, message: str
) -> None:
    data = good(county, attachments=SimpleUploadedFile(name, content))
    response = submit(client, data)
    assert response.status_code == 400
    page = html(response)
    assert message in page
    assert "请重新选择要上传的附件" in page  # files are not kept by the browser
    assert 'value="张三丰"' in page
    assert not Application.objects.exists()
    assert not ApplicationAttachment.objects.exists()


def test_an_oversize_attachment_is_refused_naming_the_file(
    client: Client, county: Organisation, settings: Any
) -> None:
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = 1024
    big = PDF_BYTES + b"0" * 2000
    response = submit(
        client, good(county, attachments=SimpleUploadedFile("大文件.pdf", big))
    )
    assert response.status_code == 400
    assert "文件「大文件.pdf」" in html(response)
    assert "超过了单个文件 1 KB 的上限" in html(response)
    assert not Application.objects.exists()


# -- the query and the case page -------------------------------------------------
def test_query_with_the_right_code_opens_the_case_masked(
    client: Client, county: Organisation
) -> None:
    shown = submitted(client, county)
    other = Client()
    response = other.post(
        QUERY,
        {
            "tracking_number": shown["tracking_number"],
            "query_code": shown["query_code"].lower(),
        },
    )
    case_url = reverse("portal:application_case", args=[shown["id"]])
    assert response.status_code == 302
    assert response["Location"] == case_url
    page = other.get(case_url)
    assert page.status_code == 200
    text = html(page)
    assert shown["tracking_number"] in text
    assert "收到申请，已登记" in text
    assert "张**" in text
    assert "张三丰" not in text
    assert "1101**********4514" in text
    assert GOOD_ID not in text
    assert "138****5678" in text
    assert "13812345678" not in text
    assert "z***@example.cn" in text
    assert "zhang@example.cn" not in text
    assert "示例路1号" not in text
    assert "no-store" in page["Cache-Control"]
    assert "暂无已出具的文书" in text


def test_the_provisional_due_date_is_marked(
    client: Client, county: Organisation
) -> None:
    shown = submitted(client, county)
    Application.objects.filter(pk=shown["id"]).update(due_provisional=True)
    text = html(client.get(reverse("portal:application_case", args=[shown["id"]])))
    assert "暂定" in text


@pytest.mark.parametrize(
    "data",
    [
        {"tracking_number": "WRONG", "query_code": "ABCDEFGHJK"},
        {"tracking_number": "<script>", "query_code": "😀"},
    ],
)
def test_a_wrong_number_and_a_wrong_code_get_the_same_answer(
    client: Client, county: Organisation, data: dict[str, str]
) -> None:
    shown = submitted(client, county)
    stranger = Client()
    unknown = stranger.post(QUERY, data)
    wrong = stranger.post(
        QUERY,
        {"tracking_number": shown["tracking_number"], "query_code": "ABCDEFGHJK"},
    )
    assert unknown.status_code == wrong.status_code == 404
    assert (
        unknown.context["form"].non_field_errors()
        == wrong.context["form"].non_field_errors()
    )
    assert "受理编号或查询码不正确" in html(wrong)
    case = stranger.get(reverse("portal:application_case", args=[shown["id"]]))
    assert case.status_code == 404


def test_junk_queries_and_ids_are_400_or_404(
    client: Client, county: Organisation
) -> None:
    assert (
        client.post(
            QUERY, {"tracking_number": "x" * 500, "query_code": "y"}
        ).status_code
        == 400
    )
    assert client.post(QUERY, {}).status_code == 400
    assert client.get("/applications/99999999999999999999/").status_code == 404
    assert client.get("/applications/0/").status_code == 404
    assert client.get("/applications/abc/").status_code == 404
    assert (
        client.get(reverse("portal:application_case", args=[12345])).status_code == 404
    )


def test_the_applicant_session_covers_only_the_cases_queried(
    client: Client, county: Organisation
) -> None:
    first = submitted(client, county)
    other = Client()
    second = submitted(other, county)
    assert (
        client.get(reverse("portal:application_case", args=[first["id"]])).status_code
        == 200
    )
    assert (
        client.get(reverse("portal:application_case", args=[second["id"]])).status_code
        == 404
    )


def test_the_internal_timeline_is_not_shown(
    client: Client, county: Organisation
) -> None:
    shown = submitted(client, county)
    ApplicationEvent.objects.create(
        application_id=shown["id"],
        kind="handed_back",
        on=Application.objects.get().received_on,
        note="内部退回理由XYZ",
    )
    text = html(client.get(reverse("portal:application_case", args=[shown["id"]])))
    assert "内部退回理由XYZ" not in text


def test_letter_downloads_need_the_session_and_a_known_format(
    client: Client, county: Organisation
) -> None:
    shown = submitted(client, county)
    url = reverse("portal:application_letter", args=[shown["id"], 1, "pdf"])
    assert Client().get(url).status_code == 404
    assert client.get(url).status_code == 404  # no such letter
    bad = reverse("portal:application_letter", args=[shown["id"], 1, "exe"])
    assert client.get(bad).status_code == 404


def test_the_applicant_downloads_the_letters_issued_to_them(
    client: Client, county: Organisation, office_admin: Any
) -> None:
    letters = pytest.importorskip(
        "gongkai.letters.services", reason="gongkai.letters is not installed yet"
    )
    shown = submitted(client, county)
    app = Application.objects.get()
    letter = letters.letter_issue(
        application=app, kind="receipt", actor=office_admin, issued_on=app.received_on
    )
    page = html(client.get(reverse("portal:application_case", args=[shown["id"]])))
    assert letter.number in page
    pdf = client.get(
        reverse("portal:application_letter", args=[shown["id"], letter.pk, "pdf"])
    )
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]
    docx = client.get(
        reverse("portal:application_letter", args=[shown["id"], letter.pk, "docx"])
    )
    assert docx.status_code == 200
    assert docx.content.startswith(b"PK")
    stranger = Client()
    url = reverse("portal:application_letter", args=[shown["id"], letter.pk, "pdf"])
    assert stranger.get(url).status_code == 404
