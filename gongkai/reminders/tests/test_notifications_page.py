"""The staff notifications page (/staff/notifications/) and the badge in the menu."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.applications.models import Notification
from gongkai.applications.tests.conftest import World
from gongkai.applications.tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

URL = reverse("backoffice:notifications")


def _notify(world: World, user, text: str, *, read: bool = False) -> Notification:
    app = ApplicationFactory.create(organisation=world.county)
    return Notification.objects.create(
        application=app, user=user, kind="due_reminder", text=text, read=read
    )


def test_anonymous_is_sent_to_log_in(client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_a_user_sees_their_own_notifications_and_the_unread_badge(
    world: World, client
) -> None:
    mine = _notify(world, world.clerk_a, "我的提醒<script>x</script>")
    _notify(world, world.clerk_a, "已读的提醒", read=True)
    _notify(world, world.clerk_b, "别人的提醒")
    client.force_login(world.clerk_a)
    page = client.get(URL).content.decode()
    assert "我的提醒&lt;script&gt;" in page  # escaped
    assert "已读的提醒" in page
    assert "别人的提醒" not in page
    assert mine.application.tracking_number in page
    assert 'title="未读通知">1</span>' in page  # the badge in the menu
    unread = client.get(URL, {"show": "unread"}).content.decode()
    assert "我的提醒" in unread
    assert "已读的提醒" not in unread


def test_mark_one_read_leaves_the_others_and_other_users_alone(
    world: World, client
) -> None:
    first = _notify(world, world.clerk_a, "一")
    second = _notify(world, world.clerk_a, "二")
    theirs = _notify(world, world.clerk_b, "三")
    client.force_login(world.clerk_a)
    response = client.post(URL, {"id": [first.pk, theirs.pk]})
    assert response.status_code == 302
    states = dict(Notification.objects.values_list("pk", "read"))
    assert states == {first.pk: True, second.pk: False, theirs.pk: False}
    page = client.get(URL).content.decode()
    assert "已将 1 条通知标为已读" in page


def test_mark_all_read(world: World, client) -> None:
    for text in ("一", "二"):
        _notify(world, world.clerk_a, text)
    client.force_login(world.clerk_a)
    client.post(URL, {"all": "1"})
    assert not Notification.objects.filter(user=world.clerk_a, read=False).exists()
    assert 'title="未读通知"' not in client.get(URL).content.decode()


@pytest.mark.parametrize(
    "data", [{}, {"id": "abc"}, {"id": "9" * 40}, {"id": "-1"}, {"all": "yes"}]
)
def test_bad_input_is_explained_never_a_500(world: World, client, data) -> None:
    note = _notify(world, world.clerk_a, "一")
    client.force_login(world.clerk_a)
    response = client.post(URL, data, follow=True)
    assert response.status_code == 200
    assert "请选择要标为已读的通知" in response.content.decode()
    note.refresh_from_db()
    assert not note.read


@pytest.mark.parametrize("page", ["0", "abc", "99999999999", "-3", "2"])
def test_any_page_number_gives_a_page(world: World, client, page: str) -> None:
    _notify(world, world.clerk_a, "一")
    client.force_login(world.clerk_a)
    assert client.get(URL, {"page": page}).status_code == 200
