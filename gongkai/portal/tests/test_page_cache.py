"""The page cache: public pages are served again from the cache, every kept page is
missed at once when an item is published, amended or withdrawn (the publications
hook), signed-in users are never served or stored, and no CSRF token is shared."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.portal.page_cache import STATUS_HEADER
from gongkai.portal.tests.disclosure_data import Site
from gongkai.publications.models import Guide, GuideStatus
from gongkai.publications.services import item_withdraw

pytestmark = pytest.mark.django_db

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings: Any) -> Iterator[None]:
    settings.GONGKAI_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def status(client: Client, url: str) -> str:
    response = client.get(url)
    return f"{response.status_code} {response.get(STATUS_HEADER, '-')}"


@pytest.mark.parametrize(
    "name",
    ["home", "organ", "guide", "item", "category", "search", "feed", "report"],
)
def test_public_pages_are_served_from_the_cache(
    client: Client, site: Site, name: str
) -> None:
    url = {
        "home": reverse("portal:home"),
        "organ": reverse("portal:organ", args=[site.bureau.pk]),
        "guide": reverse("portal:guide", args=[site.bureau.pk]),
        "item": reverse("portal:item", args=[site.policy.pk]),
        "category": reverse("portal:category", args=[site.root.pk]),
        "search": reverse("portal:search") + "?q=预算",
        "feed": reverse("portal:organ_feed", args=[site.bureau.pk]),
        "report": reverse("portal:report", args=[site.bureau.pk, 2024]),
    }[name]
    assert status(client, url) == "200 miss"
    assert status(client, url) == "200 hit"
    assert status(Client(), url) == "200 hit"


def test_withdrawing_an_item_misses_every_kept_page(
    client: Client,
    site: Site,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    item = reverse("portal:item", args=[site.policy.pk])
    home = reverse("portal:home")
    for url in (item, home):
        client.get(url)
        assert status(client, url) == "200 hit"
    with django_capture_on_commit_callbacks(execute=True):
        item_withdraw(
            item=site.policy, actor=site.leader, today=date(2025, 6, 1), comment="错发"
        )
    assert status(client, item) == "404 -"  # not kept either
    response = client.get(home)
    assert response[STATUS_HEADER] == "miss"
    assert site.policy.title not in response.content.decode()


def test_a_published_guide_shows_at_once(client: Client, site: Site) -> None:
    """Changes of organs, categories, guides, interpretations and reports are part
    of the key (no hook needed)."""
    url = reverse("portal:guide", args=[site.bureau.pk])
    client.get(url)
    assert status(client, url) == "200 hit"
    Guide.objects.create(
        organisation=site.bureau,
        version=2,
        body="<p>第二版指南。</p>",
        status=GuideStatus.PUBLISHED,
        published_on=date(2025, 6, 1),
    )
    response = client.get(url)
    assert response[STATUS_HEADER] == "miss"
    assert "第二版指南" in response.content.decode()


def test_signed_in_users_are_neither_served_nor_stored(
    client: Client, site: Site
) -> None:
    url = reverse("portal:home")
    user = StaffUserFactory.create(username="gongkaiban", organisation=site.county)
    client.force_login(user)
    response = client.get(url)
    assert STATUS_HEADER not in response
    assert f"退出（{user}）" in response.content.decode()
    anonymous = Client().get(url)
    assert anonymous[STATUS_HEADER] == "miss"
    assert f"退出（{user}）" not in anonymous.content.decode()


def test_each_reader_gets_their_own_csrf_token(site: Site) -> None:
    url = reverse("portal:home")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    a, b = first.get(url), second.get(url)
    assert (a[STATUS_HEADER], b[STATUS_HEADER]) == ("miss", "hit")
    token_a, token_b = TOKEN.search(a.content), TOKEN.search(b.content)
    assert token_a
    assert token_b
    assert token_a.group(1) != token_b.group(1)
    assert b"__gongkai_csrf_token__" not in b.content
    assert "csrftoken" in b.cookies
    # the served token works: the language switch is accepted
    answer = second.post(
        reverse("set_language"),
        {
            "language": "en",
            "next": "/",
            "csrfmiddlewaretoken": token_b.group(1).decode(),
        },
    )
    assert answer.status_code == 302


def test_languages_and_display_modes_are_kept_apart(site: Site) -> None:
    url = reverse("portal:home")
    normal, large, english = Client(), Client(), Client()
    large.cookies["gongkai_display"] = "large"
    english.cookies["django_language"] = "en"
    assert normal.get(url)[STATUS_HEADER] == "miss"
    response = large.get(url)
    assert response[STATUS_HEADER] == "miss"
    assert 'class="display-large"' in response.content.decode()
    assert english.get(url)[STATUS_HEADER] == "miss"
    assert 'class="display-large"' not in normal.get(url).content.decode()


def test_the_cache_is_off_with_zero_seconds(
    client: Client, site: Site, settings: Any
) -> None:
    settings.GONGKAI_PAGE_CACHE_SECONDS = 0
    url = reverse("portal:home")
    client.get(url)
    assert STATUS_HEADER not in client.get(url)


def test_errors_are_not_kept(client: Client, site: Site) -> None:
    url = reverse("portal:item", args=[99999])
    assert status(client, url) == "404 -"
    assert status(client, url) == "404 -"


def test_a_request_with_pending_messages_is_neither_served_nor_stored(
    rf: Any, site: Site
) -> None:
    from django.contrib import messages
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.cache import SessionStore

    from gongkai.portal.disclosure_views import home

    def request(message: str = "") -> Any:
        made = rf.get(reverse("portal:home"))
        made.user, made.session = AnonymousUser(), SessionStore()
        made._messages = FallbackStorage(made)
        if message:
            messages.info(made, message)
        return made

    assert STATUS_HEADER not in home(request("已提交"))
    assert home(request())[STATUS_HEADER] == "miss"
    assert STATUS_HEADER not in home(request("已提交"))
