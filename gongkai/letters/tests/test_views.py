"""The staff pages of letters (``backoffice.letters_views``): who gets what, bad
input kept with a clear error, downloads."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.outcomes import Outcome
from gongkai.documents.fonts import cjk_font_installed
from gongkai.letters.models import Letter, LetterTemplate
from gongkai.letters.tests.conftest import World
from gongkai.letters.tests.helpers import RECEIVED, decided

pytestmark = pytest.mark.django_db
needs_cjk = pytest.mark.skipif(not cjk_font_installed(), reason="no CJK font")


def login(client: Client, user: object) -> Client:
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_template_pages_are_the_offices(client: Client, world: World) -> None:
    url = reverse("backoffice:letters:templates")
    assert client.get(url).status_code == 302  # login first
    login(client, world.clerk_a)
    assert client.get(url).status_code == 403
    edit = reverse(
        "backoffice:letters:template_edit", args=[world.county.pk, Outcome.DISCLOSED]
    )
    assert client.get(edit).status_code == 403
    login(client, world.office)
    page = client.get(url)
    assert page.status_code == 200
    assert "非本机关政府信息告知书" in page.content.decode()
    edit_page = client.get(edit).content.decode()
    assert "{{救济途径}}" in edit_page  # the list of placeholders
    assert "系统默认" in page.content.decode()
    unit_edit = reverse(
        "backoffice:letters:template_edit", args=[world.unit_a.pk, "correction"]
    )
    assert client.get(unit_edit).status_code == 200  # an organ below the office
    missing = reverse(
        "backoffice:letters:template_edit", args=[world.county.pk, "no_such_kind"]
    )
    assert client.get(missing).status_code == 404
    assert client.get(f"{url}?org=999999").status_code == 404
    nowhere = reverse(
        "backoffice:letters:template_edit", args=[999999, Outcome.DISCLOSED]
    )
    assert client.get(nowhere).status_code == 404


def test_template_edit_unknown_placeholder_keeps_what_was_typed(
    client: Client, world: World
) -> None:
    login(client, world.office)
    url = reverse(
        "backoffice:letters:template_edit", args=[world.county.pk, Outcome.DISCLOSED]
    )
    typed = "{{申请人}}：\n您于{{申请时间}}提出的申请<script>x</script>"
    page = client.post(url, {"title": "答复书", "body": typed, "action": "save"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "{{申请时间}}" in html
    assert "不存在" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html  # kept, escaped
    assert not LetterTemplate.objects.filter(organisation=world.county).exists()
    preview = client.post(
        url,
        {
            "title": "{{机关名称}}\n答复书",
            "body": "{{申请人}}：\n正文。",
            "action": "preview",
        },
    )
    assert "letter-preview" in preview.content.decode()
    bad_preview = client.post(
        url, {"title": "{{标题}}", "body": "{{申请人}}：", "action": "preview"}
    )
    assert bad_preview.status_code == 200
    assert "{{标题}}" in bad_preview.content.decode()
    saved = client.post(
        url,
        {
            "title": "{{机关名称}}\n答复书",
            "body": "{{申请人}}：\n正文。",
            "action": "save",
        },
    )
    assert saved.status_code == 302
    own = LetterTemplate.objects.get(organisation=world.county, kind=Outcome.DISCLOSED)
    assert own.updated_by == world.office
    client.post(url, {"action": "reset"})
    assert not LetterTemplate.objects.filter(organisation=world.county).exists()


def test_settings_page(client: Client, world: World) -> None:
    url = reverse("backoffice:letters:settings", args=[world.county.pk])
    login(client, world.clerk_a)
    assert client.get(url).status_code == 403
    login(client, world.office)
    assert client.get(url).status_code == 200
    bad = client.post(url, {"number_pattern": "〔{{年}}〕{{编号}}号"})
    assert bad.status_code == 200
    assert "{{编号}}" in bad.content.decode()
    good = client.post(
        url, {"number_pattern": "示县〔{{年}}〕{{序号}}号", "court": "示例区人民法院"}
    )
    assert good.status_code == 302


@needs_cjk
def test_draft_edit_issue_and_download(client: Client, world: World) -> None:
    app = decided(world, Outcome.WITHHELD_INTERNAL_AFFAIRS, reason="")
    Application.objects.filter(pk=app.pk).update(applicant_name="<i>王五</i>")
    case_url = reverse("backoffice:letters:case", args=[app.pk])
    draft_url = reverse("backoffice:letters:draft", args=[app.pk, app.outcome])
    login(client, world.clerk_b)
    assert client.get(case_url).status_code == 403
    assert client.get(draft_url).status_code == 403
    login(client, world.clerk_a)
    page = client.get(case_url)
    assert page.status_code == 200
    assert "&lt;i&gt;王五&lt;/i&gt;" in page.content.decode()
    draft = client.get(draft_url)
    html = draft.content.decode()
    assert "〔请填写：理由〕" in html
    text = draft.context["form"].initial["text"]
    refused = client.post(
        draft_url, {"issued_on": "2025-03-20", "text": text, "action": "issue"}
    )
    assert refused.status_code == 200
    assert "待填写" in refused.content.decode()
    assert not Letter.objects.exists()
    bad_date = client.post(
        draft_url, {"issued_on": "2025-02-30", "text": text, "action": "issue"}
    )
    assert bad_date.status_code == 200
    assert "YYYY-MM-DD" in bad_date.content.decode()
    filled = text.replace("〔请填写：理由〕", "所申请信息为本机关的人事管理信息。")
    preview = client.post(
        draft_url, {"issued_on": "2025-03-20", "text": filled, "action": "preview"}
    )
    assert "letter-preview" in preview.content.decode()
    issued = client.post(
        draft_url, {"issued_on": "2025-03-20", "text": filled, "action": "issue"}
    )
    assert issued.status_code == 302
    letter = Letter.objects.get()
    assert "人事管理信息" in letter.body
    pdf = client.get(reverse("backoffice:letters:download", args=[letter.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]
    docx = client.get(reverse("backoffice:letters:download", args=[letter.pk, "docx"]))
    assert docx.status_code == 200
    assert docx.content.startswith(b"PK")
    assert (
        client.get(
            reverse("backoffice:letters:download", args=[letter.pk, "odt"])
        ).status_code
        == 404
    )
    for fmt, magic in (("pdf", b"%PDF"), ("zip", b"PK")):
        got = client.get(reverse("backoffice:letters:case_file", args=[app.pk, fmt]))
        assert got.status_code == 200
        assert got.content.startswith(magic)
    login(client, world.clerk_b)
    assert (
        client.get(
            reverse("backoffice:letters:download", args=[letter.pk, "pdf"])
        ).status_code
        == 403
    )
    assert (
        client.get(
            reverse("backoffice:letters:case_file", args=[app.pk, "zip"])
        ).status_code
        == 403
    )


def test_bad_ids_are_404(client: Client, world: World) -> None:
    login(client, world.office)
    for url in (
        "/staff/letters/case/999999/",
        "/staff/letters/case/999999/draft/disclosed/",
        "/staff/letters/case/999999/file.pdf",
        "/staff/letters/999999/pdf/",
        "/staff/letters/case/99999999999999999999/",
        "/staff/letters/case/0/",
    ):
        assert client.get(url).status_code == 404, url


def test_undecided_case_draft_says_what_to_do(client: Client, world: World) -> None:
    app = world.register(RECEIVED)
    login(client, world.office)
    page = client.get(reverse("backoffice:letters:draft", args=[app.pk, "disclosed"]))
    assert page.status_code == 200
    assert "尚未作出办理结果" in page.content.decode()


def test_admin_pages(admin_client: Client, world: World) -> None:
    for name in ("lettertemplate", "letter", "lettersettings"):
        page = admin_client.get(reverse(f"admin:letters_{name}_changelist"))
        assert page.status_code == 200, name
    add = reverse("admin:letters_lettertemplate_add")
    refused = admin_client.post(
        add, {"kind": "correction", "title": "t", "body": "{{坏占位符}}"}
    )
    assert refused.status_code == 200
    assert "{{坏占位符}}" in refused.content.decode()
    assert admin_client.get(reverse("admin:letters_letter_add")).status_code == 403
