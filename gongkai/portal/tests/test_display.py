"""The large-text, high-contrast mode (适老化, GB/T 37668): a plain link in every
page's header turns it on and off without script, the choice is kept in a cookie,
and the page says its language as a BCP 47 tag."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from gongkai.portal.display import COOKIE

pytestmark = pytest.mark.django_db


def toggle(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return doc.xpath("//header//a[contains(@class, 'display-toggle')]")[0]


def test_the_toggle_is_a_link_that_turns_the_mode_on_and_off(client: Client) -> None:
    url = reverse("portal:search") + "?q=" + quote("预算")
    doc = lxml.html.fromstring(client.get(url).content)
    assert doc.get("lang") == "zh-Hans"
    assert doc.get("class") is None
    link = toggle(doc)
    assert link.text_content().startswith("长者模式")
    target = urlsplit(link.get("href"))
    assert target.path == reverse("portal:display")
    assert parse_qs(target.query) == {"mode": ["large"], "next": [url]}

    response = client.get(link.get("href"))
    assert response.status_code == 302
    assert response["Location"] == url
    assert response.cookies[COOKIE].value == "large"
    assert response.cookies[COOKIE]["max-age"] == 365 * 24 * 3600

    doc = lxml.html.fromstring(client.get(url).content)
    assert doc.get("class") == "display-large"
    link = toggle(doc)
    assert link.text_content().startswith("退出长者模式")
    response = client.get(link.get("href"))
    assert response.cookies[COOKIE].value == ""  # deleted
    assert lxml.html.fromstring(client.get(url).content).get("class") is None


def test_the_toggle_goes_back_only_to_this_site(client: Client) -> None:
    response = client.get(
        reverse("portal:display"), {"mode": "large", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("portal:home")


def test_an_unknown_mode_cookie_is_the_normal_mode(client: Client) -> None:
    client.cookies[COOKIE] = "<script>"
    doc = lxml.html.fromstring(client.get(reverse("portal:home")).content)
    assert doc.get("class") is None


def test_the_large_mode_stylesheet_is_served(client: Client) -> None:
    from django.contrib.staticfiles import finders

    path = finders.find("portal/portal.css")
    assert path is not None
    css = Path(path).read_text("utf-8")
    assert "html.display-large" in css
    assert ":focus-visible" in css
    assert "@media (max-width" in css


def test_english_pages_say_en(client: Client) -> None:
    client.cookies["django_language"] = "en"
    doc = lxml.html.fromstring(client.get(reverse("portal:home")).content)
    assert doc.get("lang") == "en"
