"""The search page: highlighted matches, filters by organ, category, 体裁 and date,
sorting, pagination, the empty and no-result states, and a withdrawn item gone at
once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from gongkai.portal.tests.disclosure_data import Site, index
from gongkai.publications.services import item_withdraw
from gongkai.publications.tests.factories import ItemFactory

pytestmark = pytest.mark.django_db


def search(client: Client, status: int = 200, **params: str) -> lxml.html.HtmlElement:
    response = client.get(reverse("portal:search"), params)
    assert response.status_code == status, response.content.decode()[:2000]
    return lxml.html.fromstring(response.content)


def titles(doc: lxml.html.HtmlElement) -> list[str]:
    return [a.text_content() for a in doc.xpath("//ol[@class='results']/li/h3/a")]


def test_a_two_character_word_finds_the_item_with_highlights(
    client: Client, site: Site
) -> None:
    doc = search(client, q="预算")
    assert titles(doc) == [site.policy.title]
    marks = doc.xpath("//ol[@class='results']//mark/text()")
    assert marks
    assert set(marks) == {"预算"}
    assert doc.xpath("//ol[@class='results']//h3/a/@href") == [
        reverse("portal:item", args=[site.policy.pk])
    ]
    assert "找到 1 条结果" in doc.text_content()


def test_empty_and_no_result_states(client: Client, site: Site) -> None:
    assert "请输入检索词" in search(client).text_content()
    assert "请输入检索词" in search(client, q="  ").text_content()
    doc = search(client, q="航天飞机")
    assert titles(doc) == []
    assert "没有找到符合条件的信息" in doc.text_content()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"policy", "notice"}),
        ({"organ": "bureau"}, {"policy"}),
        ({"organ": "county"}, {"notice"}),
        ({"category": "root"}, {"policy"}),  # the category below it counts
        ({"genre": "公告"}, {"notice"}),
        ({"date_from": "2025-03-10"}, {"notice"}),
        ({"date_to": "2025-03-10"}, {"policy"}),
        ({"date_from": "2025-03-05", "date_to": "2025-03-05"}, {"policy"}),
    ],
)
def test_filters(
    client: Client, site: Site, filters: dict[str, str], expected: set[str]
) -> None:
    values = {
        "bureau": str(site.bureau.pk),
        "county": str(site.county.pk),
        "root": str(site.root.pk),
    }
    params = {k: values.get(v, v) for k, v in filters.items()}
    # 公开 is only in the policy's text, 普查 only in the notice's
    found = set()
    for word in ("公开", "普查"):
        found |= set(titles(search(client, 200, q=word, **params)))
    names = {"policy": site.policy.title, "notice": site.notice.title}
    assert found == {names[k] for k in expected}


def test_bad_filters_are_refused_with_a_message(client: Client, site: Site) -> None:
    doc = search(client, 400, q="预算", date_from="2025-05-01", date_to="2025-01-01")
    assert "结束日期不能早于开始日期" in doc.text_content()
    doc = search(client, 400, q="预算", organ="abc")
    assert doc.xpath("//span[@id='err-organ']")
    search(client, 400, q="预算", page="0")


def test_sort_by_date_and_pagination(client: Client, site: Site) -> None:
    items = [
        ItemFactory.create(
            organisation=site.county,
            title=f"关于乡村道路养护的通知{n:02d}",
            body="<p>做好乡村道路养护。</p>",
            written_on=date(2024, 1, 1 + n),
        )
        for n in range(25)
    ]
    index(*items)
    doc = search(client, q="养护", sort="date")
    first = titles(doc)
    assert len(first) == 20
    assert first[0].endswith("24")
    assert first[-1].endswith("05")
    assert "找到 25 条结果" in doc.text_content()
    next_url = doc.xpath("//a[@rel='next']/@href")[0]
    assert set(parse_qs(urlsplit(next_url).query)) == {"q", "sort", "page"}
    assert parse_qs(urlsplit(next_url).query)["page"] == ["2"]
    doc = search(client, q="养护", sort="date", page="2")
    assert [t[-2:] for t in titles(doc)] == ["04", "03", "02", "01", "00"]
    assert doc.xpath("//a[@aria-current='page']/text()") == ["2"]


def test_a_withdrawn_item_is_gone_at_once(
    client: Client,
    site: Site,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    assert titles(search(client, q="预算")) == [site.policy.title]
    with django_capture_on_commit_callbacks(execute=True):
        item_withdraw(
            item=site.policy, actor=site.leader, today=date(2025, 6, 1), comment="错发"
        )
    assert titles(search(client, q="预算")) == []


def test_a_stale_index_entry_of_a_withdrawn_item_is_not_shown(
    client: Client, site: Site
) -> None:
    """Even if the index had not heard of the withdrawal yet."""
    from gongkai.publications.status import Status

    site.policy.status = Status.WITHDRAWN
    site.policy.save()
    assert titles(search(client, q="预算")) == []
