from __future__ import annotations

from django.test import Client
from django.urls import reverse

from gongkai.annual_reports.models import AnnualReport


def choose_english(client: Client) -> None:
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302


def test_english_interface_keeps_legal_labels_chinese(
    client: Client, published: AnnualReport
) -> None:
    choose_english(client)
    url = reverse("portal:report", args=[published.organisation_id, published.year])
    html = client.get(url).content.decode()
    assert "Issuing organ" in html
    assert "Cross-checks (勾稽关系)" in html
    assert "Download:" in html
    # the format's headings and labels are law: the same in every locale
    assert "三、收到和处理政府信息公开申请情况" in html
    assert "（三）不予公开" in html
    home = client.get(reverse("portal:home")).content.decode()
    assert "Annual reports on government information disclosure" in home


def test_chinese_is_the_default(client: Client, published: AnnualReport) -> None:
    """Even for an English browser: English is chosen, not inferred."""
    html = client.get(
        reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "政府信息公开工作年度报告" in html
    assert 'lang="zh-hans"' in html


def test_every_interface_string_has_a_compiled_english_translation() -> None:
    import gettext

    from gongkai.locale.translate_en import EN, LEGAL, PO, fill

    text, missing = fill(PO.read_text("utf-8"))
    assert [m for m in missing if m not in LEGAL] == []
    with PO.with_suffix(".mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)
    stale = []
    for msgid, english in EN.items():
        if f'\nmsgid "{msgid}"' not in text:
            continue  # a string no longer used (or split over lines in the .po)
        got: object
        if isinstance(english, tuple):
            got = (catalog.ngettext(msgid, msgid, 1), catalog.ngettext(msgid, msgid, 2))
        else:
            got = catalog.gettext(msgid)
        if got != english:
            stale.append(msgid)
    assert stale == [], "run gongkai/locale/translate_en.py to compile the catalogue"
