"""The review form's notes and their timeline, the 修订或替代 field and several
attachments per save, a 政策解读 on its document's timeline, the publishing links
shown only to the roles that may use them, and the live preview of the body."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.accounts.models import Role
from gongkai.applications.tests.factories import staff
from gongkai.backoffice.tests.publications.conftest import TODAY, Pub
from gongkai.publications.models import InformationItem, ReviewAnswer
from gongkai.publications.selectors import checklist_for
from gongkai.publications.status import Status
from gongkai.publications.tests.factories import ItemFactory, NormativeFactory

pytestmark = pytest.mark.django_db

THIRD_PARTY = "是否涉及商业秘密、个人隐私等第三方合法权益"
PREVIEW = reverse("backoffice:publications:body_preview")


def _step(pk: int, action: str) -> str:
    return reverse("backoffice:publications:step", args=[pk, action])


def _page(pk: int) -> str:
    return reverse("backoffice:publications:item", args=[pk])


# -- 1. the 保密审查 notes -----------------------------------------------------------
def test_第十七条_review_form_takes_a_note_and_the_timeline_shows_it(
    pub: Pub,
) -> None:
    item = pub.draft()
    pub.client(pub.handler).post(_step(item.pk, "submit"))
    third = next(
        q for q in checklist_for(organisation=pub.unit) if q.text == THIRD_PARTY
    )
    browser = pub.client(pub.reviewer)
    assert f'name="q{third.pk}_note"' in browser.get(_page(item.pk)).content.decode()
    data = pub.answers() | {f"q{third.pk}": "yes"}
    answer = browser.post(_step(item.pk, "review"), data)
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "请在该项说明理由" in text
    assert "请说明理由" in text  # beside the note of that question
    note = "已征得权利人书面同意（第十五条）"
    answer = browser.post(_step(item.pk, "review"), data | {f"q{third.pk}_note": note})
    assert answer.status_code == 302
    kept = ReviewAnswer.objects.get(event__item=item, question=third)
    assert (kept.answer, kept.note) == ("yes", note)
    shown = pub.client(pub.leader).get(_page(item.pk)).content.decode()
    assert note in shown
    assert "经说明后公开" in shown


# -- 2. 修订或替代 and several attachments -------------------------------------------
def test_edit_form_offers_the_organs_published_normative_documents(
    pub: Pub,
) -> None:
    old = NormativeFactory.create(organisation=pub.unit, title="旧版管理办法")
    ItemFactory.create(organisation=pub.unit, title="一般性通知")
    NormativeFactory.create(organisation=pub.other, title="教育局的办法")
    item = pub.draft()
    url = reverse("backoffice:publications:item_edit", args=[item.pk])
    browser = pub.client(pub.handler)
    page = browser.get(url).content.decode()
    select = re.search(r'<select name="replaces".*?</select>', page, re.S)
    assert select is not None
    assert "旧版管理办法" in select.group()
    assert "一般性通知" not in select.group()
    assert "教育局的办法" not in select.group()
    data = {
        "title": item.title,
        "body": item.body,
        "disclosure": "proactive",
        "normative_kind": "normative",
        "replaces": old.pk,
        "attachment": [
            SimpleUploadedFile("附件一.pdf", b"%PDF-1 one"),
            SimpleUploadedFile("附件二.docx", b"PK two"),
        ],
    }
    assert browser.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.replaces == old
    assert sorted(a.original_name for a in item.attachments.all()) == [
        "附件一.pdf",
        "附件二.docx",
    ]
    page = browser.get(url).content.decode()
    assert re.search(rf'<option value="{old.pk}" selected>', page)


def test_a_bad_file_among_several_keeps_none(pub: Pub) -> None:
    browser = pub.client(pub.handler)
    answer = browser.post(
        reverse("backoffice:publications:item_new"),
        {
            "organisation": pub.unit.pk,
            "title": "带附件的通知",
            "disclosure": "proactive",
            "attachment": [
                SimpleUploadedFile("好的.pdf", b"%PDF-1 ok"),
                SimpleUploadedFile("空的.pdf", b""),
            ],
        },
    )
    assert answer.status_code == 400
    assert "带附件的通知" in answer.content.decode()
    assert not InformationItem.objects.exists()


def test_a_replaces_of_another_organ_is_refused_on_the_form(pub: Pub) -> None:
    elsewhere = NormativeFactory.create(organisation=pub.other)
    answer = pub.client(pub.office).post(
        reverse("backoffice:publications:item_new"),
        {
            "organisation": pub.unit.pk,
            "title": "修订版",
            "body": "<p>正文</p>",
            "disclosure": "proactive",
            "replaces": elsewhere.pk,  # offered to the county's office
        },
    )
    assert answer.status_code == 400
    assert "自己发布的文件" in answer.content.decode()
    assert not InformationItem.objects.filter(title="修订版").exists()


# -- 3. a 政策解读 on its document's timeline -----------------------------------------
def test_saving_an_interpretation_shows_on_the_documents_timeline(pub: Pub) -> None:
    item = pub.published(normative_kind="normative")
    browser = pub.client(pub.handler)
    answer = browser.post(
        reverse("backoffice:publications:interpretation", args=[item.pk]),
        {"kind": "text", "title": "《办法》答记者问", "body": "<p>问：…</p>"},
    )
    assert answer.status_code == 302
    shown = browser.get(_page(item.pk)).content.decode()
    timeline = shown[shown.index("办理记录") :]
    assert "保存政策解读" in timeline
    assert "《办法》答记者问" in timeline
    assert TODAY.isoformat() in timeline


# -- 4. links only to the roles that may use them -----------------------------------
def _links(html: str, marker: str) -> list[str]:
    block = re.search(rf'<nav class="{marker}".*?</nav>', html, re.S)
    return re.findall(r'href="([^"]+)"', block.group()) if block else []


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("handler", 3),
        ("reviewer", 2),
        ("leader", 2),
        ("office", 3),
        ("auditor", 0),
    ],
)
def test_home_shows_each_publishing_link_only_to_who_may_use_it(
    pub: Pub, who: str, shown: int
) -> None:
    user = staff(pub.county, Role.AUDITOR) if who == "auditor" else getattr(pub, who)
    browser = pub.client(user)
    home = browser.get(reverse("backoffice:home"))
    assert home.status_code == 200
    links = _links(home.content.decode(), "card quick-links")
    assert len(links) == shown
    for url in links:
        assert browser.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["handler", "reviewer", "leader", "office"])
def test_the_menu_of_the_publications_pages_leads_to_no_403(pub: Pub, who: str) -> None:
    browser = pub.client(getattr(pub, who))
    page = browser.get(reverse("backoffice:publications:items")).content.decode()
    links = _links(page, "breadcrumbs")
    assert links
    for url in links:
        assert browser.get(url).status_code == 200, url
    hidden = reverse("backoffice:publications:checklist")
    assert (hidden in links) is (who == "office")


# -- 5. the live preview of the body ------------------------------------------------
def test_the_body_is_previewed_as_the_sanitiser_keeps_it(pub: Pub) -> None:
    browser = pub.client(pub.handler)
    form = browser.get(reverse("backoffice:publications:item_new")).content.decode()
    assert f'hx-post="{PREVIEW}"' in form
    assert 'hx-params="body"' in form
    assert 'id="id_body-preview"' in form
    assert "表格（table" in form  # the help lists what is kept
    answer = browser.post(
        PREVIEW,
        {"body": '<h2>一、总则</h2><p onclick="x()">正文</p><script>alert(1)</script>'},
    )
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "<h2>一、总则</h2>" in html
    assert "<p>正文</p>" in html
    assert "script" not in html
    assert "onclick" not in html
    assert (
        "正文为空"
        in browser.post(PREVIEW, {"body": "<script>x</script>"}).content.decode()
    )


def test_the_preview_is_for_those_with_a_rich_text_form(pub: Pub) -> None:
    assert pub.client(pub.reviewer).post(PREVIEW, {"body": "x"}).status_code == 200
    assert pub.client(pub.leader).post(PREVIEW, {"body": "x"}).status_code == 403
    auditor = staff(pub.county, Role.AUDITOR)
    assert pub.client(auditor).post(PREVIEW, {"body": "x"}).status_code == 403
    assert pub.client(pub.handler).get(PREVIEW).status_code == 405


def test_amend_form_keeps_the_replaces_it_names(pub: Pub) -> None:
    old = NormativeFactory.create(organisation=pub.unit, title="旧版办法")
    item = pub.published(normative_kind="normative", replaces=old)
    url = reverse("backoffice:publications:item_amend", args=[item.pk])
    page = pub.client(pub.office).get(url).content.decode()
    assert re.search(rf'<option value="{old.pk}" selected>', page)
    assert item.status == Status.PUBLISHED
