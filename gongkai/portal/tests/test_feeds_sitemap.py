"""Atom feeds per organ and per category, and the sitemap of items, guides and
reports."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from lxml import etree

from gongkai.portal.tests.disclosure_data import Site
from gongkai.publications.status import Status

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client: Client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return etree.fromstring(response.content)


def test_organ_feed_is_atom_with_its_items(client: Client, site: Site) -> None:
    response = client.get(reverse("portal:organ_feed", args=[site.bureau.pk]))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.findtext("a:title", namespaces=ATOM) == "示范县财政局 · 政府信息公开"
    entries = feed.findall("a:entry", namespaces=ATOM)
    assert [e.findtext("a:title", namespaces=ATOM) for e in entries] == [
        site.policy.title,
        site.old.title,
    ]
    link = entries[0].find("a:link", namespaces=ATOM).get("href")
    assert link.endswith(reverse("portal:item", args=[site.policy.pk]))
    assert entries[0].findtext("a:published", namespaces=ATOM).startswith("2025-03-05")
    assert "二十日内公开部门预算" in entries[0].findtext("a:summary", namespaces=ATOM)


def test_category_feed_includes_the_categories_below(
    client: Client, site: Site
) -> None:
    feed = xml(client, reverse("portal:category_feed", args=[site.root.pk]))
    titles = [
        e.findtext("a:title", namespaces=ATOM)
        for e in feed.findall("a:entry", namespaces=ATOM)
    ]
    assert titles == [site.policy.title, site.old.title]
    assert client.get(reverse("portal:category_feed", args=[99999])).status_code == 404
    assert client.get(reverse("portal:organ_feed", args=[99999])).status_code == 404


def test_withdrawn_items_leave_the_feed(client: Client, site: Site) -> None:
    site.policy.status = Status.WITHDRAWN
    site.policy.save()
    feed = xml(client, reverse("portal:organ_feed", args=[site.bureau.pk]))
    titles = [
        e.findtext("a:title", namespaces=ATOM)
        for e in feed.findall("a:entry", namespaces=ATOM)
    ]
    assert titles == [site.old.title]


def test_sitemap_index_and_sections(client: Client, site: Site) -> None:
    index = xml(client, reverse("portal:sitemap_index"))
    sections = index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP)
    assert [s.rsplit("/", 1)[1] for s in sections] == [
        "sitemap-pages.xml",
        "sitemap-items.xml",
        "sitemap-guides.xml",
        "sitemap-reports.xml",
    ]

    def locs(section: str) -> list[str]:
        doc = xml(client, reverse("portal:sitemap", args=[section]))
        return [
            loc.split("testserver", 1)[1]
            for loc in doc.xpath("//s:url/s:loc/text()", namespaces=SITEMAP)
        ]

    assert locs("items") == [
        reverse("portal:item", args=[i.pk])
        for i in sorted(site.items, key=lambda i: i.pk)
    ]
    assert locs("guides") == [reverse("portal:guide", args=[site.bureau.pk])]
    assert locs("reports") == [reverse("portal:report", args=[site.bureau.pk, 2024])]
    assert reverse("portal:home") in locs("pages")
    site.policy.status = Status.WITHDRAWN
    site.policy.save()
    assert reverse("portal:item", args=[site.policy.pk]) not in locs("items")
