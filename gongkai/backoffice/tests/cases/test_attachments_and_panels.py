"""The case page's panels (letters, fee, appeals, files) and the case's files:
uploaded by the staff handling it (type read from the bytes), downloaded only by
staff who may see the case."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.applications import services as s
from gongkai.applications.models import ApplicationAttachment
from gongkai.applications.tests.conftest import World
from gongkai.backoffice.tests.cases.helpers import detail_url

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def _routed(world: World):
    case = world.register(date(2025, 3, 3))
    return s.application_route(
        application=case, unit=world.unit_a, actor=world.office, on=date(2025, 3, 3)
    )


def test_the_case_page_links_letters_fee_appeals_and_the_case_file(
    client: Client, world: World, set_today
) -> None:
    case = _routed(world)
    client.force_login(world.clerk_a)
    html = client.get(detail_url(case)).content.decode()
    for name, args in (
        ("backoffice:letters:case", [case.pk]),
        ("backoffice:fees:panel", [case.pk]),
        ("backoffice:appeals:case", [case.pk]),
        ("backoffice:letters:case_file", [case.pk, "zip"]),
        ("backoffice:cases:attach", [case.pk]),
    ):
        assert reverse(name, args=args) in html


def test_upload_then_download_by_the_staff_who_see_the_case(
    client: Client, world: World, set_today
) -> None:
    case = _routed(world)
    client.force_login(world.clerk_a)
    response = client.post(
        reverse("backoffice:cases:attach", args=[case.pk]),
        {"kind": "identity_proof", "file": SimpleUploadedFile("身份证.pdf", PDF)},
    )
    assert response.status_code == 302
    kept = ApplicationAttachment.objects.get(application=case)
    assert kept.content_type == "application/pdf"
    url = reverse("backoffice:cases:attachment", args=[case.pk, kept.pk])
    assert url in client.get(detail_url(case)).content.decode()
    got = client.get(url)
    assert got.status_code == 200
    assert b"".join(got.streaming_content) == PDF  # type: ignore[attr-defined]
    assert got["Cache-Control"] == "private, no-store"
    client.force_login(world.clerk_b)  # another unit's clerk
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(world.clerk_a)
    other = reverse("backoffice:cases:attachment", args=[case.pk, kept.pk + 1000])
    assert client.get(other).status_code == 404


def test_a_file_whose_content_is_not_its_name_is_refused_and_named(
    client: Client, world: World, set_today
) -> None:
    case = _routed(world)
    client.force_login(world.clerk_a)
    response = client.post(
        reverse("backoffice:cases:attach", args=[case.pk]),
        {"kind": "other", "file": SimpleUploadedFile("扫描件.png", PDF)},
    )
    assert response.status_code == 400
    assert "扫描件.png" in response.content.decode()
    assert not ApplicationAttachment.objects.exists()
    client.force_login(world.leader)  # sees the case, does not handle it
    response = client.post(
        reverse("backoffice:cases:attach", args=[case.pk]),
        {"kind": "other", "file": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert response.status_code == 403
