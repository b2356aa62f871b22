"""``application_register`` checks every point of 第二十九条 at once and fixes the
receipt date per channel by 第三十一条; ``application_attach`` keeps a file only if
its content is the type its name says, within the size limit."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications import intake
from gongkai.applications import services as s
from gongkai.applications.models import Application, ApplicationAttachment
from gongkai.applications.tests.conftest import World
from gongkai.core.errors import PermissionDenied

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def register(world: World, **changes: Any) -> s.Registered:
    kwargs: dict[str, Any] = {
        "organisation": world.county,
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": "110101199003074514",
        "phone": "13800000000",
        "form_wanted": "paper",
        "delivery": "pickup",
        "channel": "in_person",
        "received_on": TODAY,
        "items": [s.ItemInput(name="某文件")],
        "actor": world.office,
        "today": TODAY,
    }
    kwargs.update(changes)
    return s.application_register(**kwargs)


def problems(world: World, **changes: Any) -> dict[str, list[str]]:
    with pytest.raises(s.ApplicationContentInvalid) as caught:
        register(world, **changes)
    assert not Application.objects.exists()
    out: dict[str, list[str]] = {}
    for p in caught.value.problems:
        out.setdefault(p.field, []).append(p.code)
    return out


# -- 第二十九条 -------------------------------------------------------------------
def test_every_problem_of_article_29_is_raised_at_once_with_its_field(
    world: World,
) -> None:
    found = problems(
        world,
        applicant_name="",
        id_number="110101199003074515",
        phone="",
        delivery="post",
        form_wanted="inspection",
        items=[s.ItemInput(name="某文件"), s.ItemInput(description="所有文件")],
    )
    assert found["applicant_name"] == ["name.missing"]
    assert found["id_number"] == ["resident_id.check"]
    assert "contact.missing" in found["contact"]
    assert found["address"] == ["address.missing_for_post"]
    assert found["delivery"] == ["delivery.incompatible"]
    assert found["description"] == ["item.unclear"]


def test_item_problems_name_their_item(world: World) -> None:
    with pytest.raises(s.ApplicationContentInvalid) as caught:
        register(world, items=[s.ItemInput(name="某文件"), s.ItemInput()])
    (problem,) = caught.value.problems
    assert (problem.field, problem.code, problem.item) == ("items", "item.empty", 1)
    assert "第2项" in problem.message
    assert "第二十九条" in str(caught.value)


def test_an_organisation_gives_its_credit_code(world: World) -> None:
    assert problems(world, applicant_type="business")["id_type"] == [
        "identity_type.organisation"
    ]
    assert problems(world, applicant_type="nonsense")["applicant_type"] == [
        "applicant_kind.missing"
    ]


def test_overlong_and_control_characters_are_problems_not_server_errors(
    world: World,
) -> None:
    found = problems(
        world,
        phone="1" * 41,
        address="地" * 301,
        items=[s.ItemInput(name="名" * 301, document_number="号\x00")],
    )
    assert "text.too_long" in found["phone"]
    assert found["address"] == ["text.too_long"]
    assert found["name"] == ["text.too_long"]
    assert found["document_number"] == ["text.control_char"]


def test_register_problems_writes_nothing(world: World) -> None:
    found = s.application_register_problems(
        applicant_type="natural_person",
        applicant_name="张三",
        id_type="resident_id",
        id_number="110101199003074515",
        form_wanted="electronic",
        delivery="online",
        items=[s.ItemInput(name="某文件")],
        today=TODAY,
        phone="13800000000",
    )
    assert [p.field for p in found] == ["id_number"]
    assert not Application.objects.exists()


def test_the_id_number_is_stored_normalised(world: World) -> None:
    app = register(
        world, id_number=" 11010119900307451x ".replace("x", "4")
    ).application
    assert app.id_number == "110101199003074514"


# -- 第三十一条 --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("channel", "dates", "received"),
    [
        ("in_person", {"submitted_on": date(2025, 3, 3)}, date(2025, 3, 3)),
        (
            "registered_post",
            {"signed_for_on": date(2025, 3, 4), "submitted_on": date(2025, 3, 1)},
            date(2025, 3, 4),
        ),
        (
            "ordinary_post",
            {"arrived_on": date(2025, 3, 3), "confirmed_on": date(2025, 3, 3)},
            date(2025, 3, 3),
        ),
        ("online", {"confirmed_on": date(2025, 3, 5)}, date(2025, 3, 5)),
        ("fax", {"confirmed_on": date(2025, 3, 6)}, date(2025, 3, 6)),
        ("email", {"confirmed_on": date(2025, 3, 7)}, date(2025, 3, 7)),
        ("fax", {"received_on": date(2025, 3, 6)}, date(2025, 3, 6)),
    ],
)
def test_article_31_receipt_date_per_channel(
    world: World, channel: str, dates: dict[str, date], received: date
) -> None:
    done = register(world, channel=channel, **{"received_on": None, **dates})
    assert done.application.received_on == received
    assert done.warnings == ()
    event = done.application.events.get()
    assert event.on == received
    assert event.after["receipt"] == {
        k: v.isoformat() for k, v in dates.items() if k != "received_on"
    }


def test_article_31_ordinary_post_needs_the_confirmation_date(world: World) -> None:
    """第三十一条: 平信 — the day the applicant confirmed, not the day it arrived."""
    found = problems(world, channel="ordinary_post", received_on=date(2025, 3, 3))
    assert found == {"confirmed_on": ["applications.receipt_date_missing"]}
    found = problems(
        world,
        channel="ordinary_post",
        received_on=None,
        arrived_on=date(2025, 3, 5),
        confirmed_on=date(2025, 3, 4),
    )
    assert found == {"confirmed_on": ["applications.receipt_date_invalid"]}


def test_article_31_a_late_confirmation_is_registered_with_a_warning(
    world: World,
) -> None:
    done = register(
        world,
        channel="ordinary_post",
        received_on=None,
        arrived_on=date(2025, 3, 3),
        confirmed_on=date(2025, 3, 5),
    )
    assert done.application.received_on == date(2025, 3, 5)
    assert "第三十一条" in done.warnings[0]
    assert done.application.events.get().note == done.warnings[0]


def test_article_31_registered_post_needs_the_day_signed_for(world: World) -> None:
    found = problems(world, channel="registered_post", received_on=None)
    assert found == {"signed_for_on": ["applications.receipt_date_missing"]}


def test_receipt_date_problems_come_with_the_content_problems(world: World) -> None:
    found = problems(
        world, channel="in_person", received_on=date(2025, 3, 11), applicant_name=""
    )
    assert found == {
        "submitted_on": ["received_on.future"],
        "applicant_name": ["name.missing"],
    }
    found = problems(
        world,
        channel="in_person",
        received_on=date(2025, 3, 3),
        submitted_on=date(2025, 3, 4),
    )
    assert found == {"received_on": ["received_on.mismatch"]}
    assert problems(world, channel="pigeon") == {"channel": ["channel.invalid"]}


def test_the_model_lengths_are_the_intake_limits() -> None:
    for name, limit in intake.MAX_LENGTHS.items():
        assert Application._meta.get_field(name).max_length == limit
    from gongkai.applications.models import ApplicationItem

    for name, limit in intake.ITEM_MAX_LENGTHS.items():
        assert ApplicationItem._meta.get_field(name).max_length == limit


# -- attachments -------------------------------------------------------------------
def test_attach_keeps_the_sniffed_type_and_sha256(world: World) -> None:
    app = register(world).application
    attachment = s.application_attach(
        application=app,
        kind="identity_proof",
        uploaded_file=SimpleUploadedFile("证件.png", PNG),
        actor=world.office,
    )
    assert attachment.content_type == "image/png"
    assert attachment.sha256 == hashlib.sha256(PNG).hexdigest()
    assert attachment.file.name.endswith(".png")
    assert app.events.filter(kind="attached").count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("证件.jpg", PNG, "文件「证件.jpg」的扩展名是 .jpg，但文件内容是PNG 图片"),
        ("证件.ofd", b"PK\x03\x04", "不是OFD 版式文件"),
        ("证件", PNG, "文件「证件」的类型不能上传"),
    ],
)
def test_attach_checks_content_not_extension(
    world: World, name: str, content: bytes, message: str
) -> None:
    app = register(world).application
    with pytest.raises(s.AttachmentInvalid, match=message) as caught:
        s.application_attach(
            application=app,
            kind="identity_proof",
            uploaded_file=SimpleUploadedFile(name, content),
            actor=world.office,
        )
    assert caught.value.name == name
    assert not ApplicationAttachment.objects.exists()


def test_attach_refuses_a_file_over_the_setting(world: World, settings: Any) -> None:
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = 10
    app = register(world).application
    with pytest.raises(s.AttachmentInvalid, match="超过了单个文件 10 字节 的上限"):
        s.application_attach(
            application=app,
            kind="identity_proof",
            uploaded_file=SimpleUploadedFile("证件.png", PNG),
            actor=world.office,
        )


def test_the_default_limit_is_10_mb() -> None:
    assert s.ATTACHMENT_MAX_BYTES == 10 * 1024 * 1024


def test_sniff_recognises_ofd_and_docx() -> None:
    import io
    import zipfile

    def zipped(*names: str) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            for n in names:
                z.writestr(n, "<x/>")
        return buffer.getvalue()

    assert intake.sniff(zipped("OFD.xml", "Doc_0/Document.xml")) is intake.OFD
    assert intake.sniff(zipped("[Content_Types].xml", "word/document.xml")) is (
        intake.DOCX
    )
    assert intake.sniff(zipped("other.txt")) is None
    assert intake.sniff(b"%PDF-1.4") is intake.PDF


def test_only_staff_or_the_fresh_online_applicant_may_attach(world: World) -> None:
    app = register(world).application  # in person: not the public form's
    with pytest.raises(PermissionDenied):
        s.application_attach(
            application=app,
            kind="identity_proof",
            uploaded_file=SimpleUploadedFile("证件.png", PNG),
            actor=None,
        )
    with pytest.raises(PermissionDenied):
        s.application_attach(
            application=app,
            kind="identity_proof",
            uploaded_file=SimpleUploadedFile("证件.png", PNG),
            actor=world.clerk_b,
        )
