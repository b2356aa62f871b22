"""The public disclosure pages: home, browsing by organ, theme and category, an
item with its metadata block, 政策解读 and attachments, an organ's guide, catalogue
and annual reports."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from gongkai.portal.tests.disclosure_data import Site
from gongkai.publications.status import Status

pytestmark = pytest.mark.django_db


def page(client: Client, url: str, status: int = 200) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == status, url
    return lxml.html.fromstring(response.content)


def links(doc: lxml.html.HtmlElement) -> set[str]:
    return {str(a.get("href")) for a in doc.xpath("//a[@href]")}


def test_home_shows_latest_items_notices_organs_themes_and_reports(
    client: Client, site: Site
) -> None:
    doc = page(client, reverse("portal:home"))
    latest = doc.xpath("//section[@aria-labelledby='latest-heading']//a/text()")
    assert latest[:3] == [site.notice.title, site.policy.title, site.old.title]
    notices = doc.xpath("//section[@aria-labelledby='notices-heading']//li//a/text()")
    assert notices == [site.notice.title]
    found = links(doc)
    assert reverse("portal:organ", args=[site.bureau.pk]) in found
    assert reverse("portal:items") + "?topic=%E8%B4%A2%E6%94%BF" in found  # 财政
    assert reverse("portal:report", args=[site.bureau.pk, 2024]) in found
    assert reverse("portal:application_new") in found
    assert doc.xpath("//form[@role='search']/@action") == [reverse("portal:search")]


def test_home_of_an_empty_site(client: Client, db: None) -> None:
    doc = page(client, reverse("portal:home"))
    assert "暂无信息" in doc.text_content()


def test_item_page_has_the_metadata_block_in_order(client: Client, site: Site) -> None:
    doc = page(client, reverse("portal:item", args=[site.policy.pk]))
    block = doc.xpath("//dl[contains(@class, 'doc-meta')]")[0]
    pairs = [
        (div.xpath("./dt")[0].text_content(), div.xpath("./dd")[0].text_content())
        for div in block.xpath("./div")
    ]
    assert pairs == [
        ("索引号", "CZ-0101-2025-00001"),
        ("主题分类", "财政"),
        ("发布机构", "示范县财政局"),
        ("成文日期", "2025年3月1日"),
        ("文号", "示财〔2025〕3号"),
        ("发布日期", "2025年3月5日"),
        ("体裁", "通知"),
        ("有效性", "有效"),
        ("标题", site.policy.title),
    ]
    # the metadata comes before the title and the body
    html = lxml.html.tostring(doc, encoding="unicode")
    assert html.index("doc-meta") < html.index("<h1") < html.index("二十日内公开")
    found = links(doc)
    assert reverse("portal:interpretation", args=[site.interpretation.pk]) in found
    assert (
        reverse("portal:item_attachment", args=[site.policy.pk, site.attachment.pk])
        in found
    )
    assert reverse("portal:item", args=[site.old.pk]) in found  # what it replaces


def test_a_repealed_item_says_so_with_its_date(client: Client, site: Site) -> None:
    doc = page(client, reverse("portal:item", args=[site.old.pk]))
    assert "废止（2025年3月1日）" in doc.text_content()
    assert reverse("portal:item", args=[site.policy.pk]) in links(doc)  # replaced by


def test_interpretation_links_back_to_its_document(client: Client, site: Site) -> None:
    doc = page(client, reverse("portal:interpretation", args=[site.interpretation.pk]))
    assert site.interpretation.title in doc.text_content()
    assert reverse("portal:item", args=[site.policy.pk]) in links(doc)


def test_attachment_downloads_under_its_name(client: Client, site: Site) -> None:
    url = reverse("portal:item_attachment", args=[site.policy.pk, site.attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK\x03\x04"  # type: ignore[attr-defined]
    assert "attachment" in response["Content-Disposition"]
    assert "filename*=utf-8''" in response["Content-Disposition"]
    other = reverse("portal:item_attachment", args=[site.notice.pk, site.attachment.pk])
    assert client.get(other).status_code == 404


def test_withdrawn_item_and_its_interpretation_and_files_are_gone(
    client: Client, site: Site
) -> None:
    site.policy.status = Status.WITHDRAWN
    site.policy.save()
    assert client.get(reverse("portal:item", args=[site.policy.pk])).status_code == 404
    url = reverse("portal:interpretation", args=[site.interpretation.pk])
    assert client.get(url).status_code == 404
    url = reverse("portal:item_attachment", args=[site.policy.pk, site.attachment.pk])
    assert client.get(url).status_code == 404
    doc = page(client, reverse("portal:home"))
    assert site.policy.title not in doc.text_content()


def test_organ_page_has_guide_catalogue_reports_and_application_link(
    client: Client, site: Site
) -> None:
    doc = page(client, reverse("portal:organ", args=[site.bureau.pk]))
    found = links(doc)
    assert reverse("portal:guide", args=[site.bureau.pk]) in found
    assert reverse("portal:category", args=[site.root.pk]) in found
    assert reverse("portal:category", args=[site.budget.pk]) in found
    assert reverse("portal:report", args=[site.bureau.pk, 2024]) in found
    assert reverse("portal:organ_feed", args=[site.bureau.pk]) in found
    assert f"{reverse('portal:application_new')}?organ={site.bureau.pk}" in found
    tree = doc.xpath("//ul[@class='catalogue-tree']/li/@class")
    assert tree == ["depth-0", "depth-1"]
    assert "2024年度" in doc.text_content()


def test_organ_without_guide(client: Client, site: Site) -> None:
    doc = page(client, reverse("portal:organ", args=[site.county.pk]))
    assert "尚未发布" in doc.text_content()
    assert client.get(reverse("portal:guide", args=[site.county.pk])).status_code == 404
    assert client.get(reverse("portal:organ", args=[99999])).status_code == 404


def test_guide_page(client: Client, site: Site) -> None:
    doc = page(client, reverse("portal:guide", args=[site.bureau.pk]))
    assert doc.xpath("//h1/text()") == ["示范县财政局政府信息公开指南"]
    assert "本机关主动公开的政府信息" in doc.text_content()


def test_category_page_lists_its_items_and_those_below(
    client: Client, site: Site
) -> None:
    doc = page(client, reverse("portal:category", args=[site.root.pk]))
    titles = doc.xpath("//ul[@class='item-list']//a/text()")
    assert titles == [site.policy.title, site.old.title]
    assert reverse("portal:category", args=[site.budget.pk]) in links(doc)
    assert reverse("portal:category_feed", args=[site.root.pk]) in links(doc)
    assert client.get(reverse("portal:category", args=[99999])).status_code == 404


def test_browse_by_theme_and_organ(client: Client, site: Site) -> None:
    doc = page(client, reverse("portal:items") + "?topic=统计")
    assert doc.xpath("//ul[@class='item-list']//a/text()") == [site.notice.title]
    doc = page(client, reverse("portal:items") + f"?organ={site.bureau.pk}")
    titles = doc.xpath("//ul[@class='item-list']//a/text()")
    assert set(titles) == {site.policy.title, site.old.title}
    doc = page(client, reverse("portal:topics"))
    assert doc.xpath("//ul[@class='topic-list']//a/text()") == ["统计", "财政"]
    doc = page(client, reverse("portal:organs"))
    assert doc.xpath("//ul[@class='organ-list']//a/text()") == [
        "示范县人民政府",
        "示范县财政局",
    ]


def test_bad_browse_filters_are_refused_clearly(client: Client, site: Site) -> None:
    response = client.get(reverse("portal:items") + "?organ=abc")
    assert response.status_code == 400
    assert "organ" in response.content.decode()
    assert client.get(reverse("portal:items") + "?organ=99999").status_code == 404


def test_item_lists_are_paginated(client: Client, site: Site) -> None:
    from gongkai.publications.tests.factories import ItemFactory

    ItemFactory.create_batch(25, organisation=site.county, topic="统计")
    doc = page(client, reverse("portal:items") + "?topic=统计")
    assert len(doc.xpath("//ul[@class='item-list']/li")) == 20
    assert doc.xpath("//a[@rel='next']/@href") == ["?topic=%E7%BB%9F%E8%AE%A1&page=2"]
    doc = page(client, reverse("portal:items") + "?topic=统计&page=2")
    assert len(doc.xpath("//ul[@class='item-list']/li")) == 6
    assert doc.xpath("//a[@aria-current='page']/text()") == ["2"]
