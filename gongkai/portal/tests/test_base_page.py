"""The frame of every page (templates/base.html): the skip link comes first, the
language menu names each language in that language and changes nothing until
the user asks."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

FOCUSABLE = (
    "//a[@href] | //button | //input[not(@type='hidden')] | //select | //textarea"
)


def page(client: Client, language: str = "") -> lxml.html.HtmlElement:
    if language:
        client.post(reverse("set_language"), {"language": language, "next": "/"})
    return lxml.html.fromstring(client.get(reverse("portal:home")).content)


@pytest.mark.parametrize(
    ("language", "text"), [("", "跳到主要内容"), ("en", "Skip to main content")]
)
def test_skip_link_is_the_first_focusable_element(
    client: Client, language: str, text: str
) -> None:
    doc = page(client, language)
    first = doc.xpath(FOCUSABLE)[0]
    assert first.tag == "a"
    assert first.text_content().strip() == text
    target = first.get("href").removeprefix("#")
    assert doc.xpath(f"//main[@id='{target}']")


@pytest.mark.parametrize("language", ["", "en"])
def test_language_menu_names_each_language_in_itself(
    client: Client, language: str
) -> None:
    options = page(client, language).xpath("//select[@name='language']/option")
    assert [(o.get("value"), o.text_content(), o.get("lang")) for o in options] == [
        ("zh-hans", "简体中文", "zh-hans"),
        ("en", "English", "en"),
    ]
    chosen = [o.get("value") for o in options if o.get("selected") is not None]
    assert chosen == [language or "zh-hans"]


def test_language_menu_changes_language_only_when_submitted(client: Client) -> None:
    """No script on the menu (a keyboard user moving through it must not reload
    the page): the choice is sent by its own button."""
    doc = page(client)
    select = doc.xpath("//select[@name='language']")[0]
    assert not [name for name in select.attrib if name.startswith("on")]
    assert "language" not in "".join(doc.xpath("//script/text()"))
    form = select.getparent()
    assert form.xpath(".//button[@type='submit']")
    assert form.get("action") == reverse("set_language")
