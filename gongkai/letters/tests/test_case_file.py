"""The case file (案卷): one PDF and a zip for the archive, with a manifest."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from datetime import date
from typing import Any

import pdfplumber
import pytest
from django.core.files.base import ContentFile
from PIL import Image

from gongkai.applications import services as s
from gongkai.applications.models import ApplicationAttachment
from gongkai.applications.outcomes import Outcome
from gongkai.documents.fonts import cjk_font_installed
from gongkai.letters import services as ls
from gongkai.letters.kinds import LetterKind
from gongkai.letters.rendering import LetterText, letter_pdf
from gongkai.letters.tests.conftest import World
from gongkai.letters.tests.helpers import DECIDED, decided, pdf_text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not cjk_font_installed(), reason="no CJK font"),
]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, format="PNG")
    return out.getvalue()


def _a_pdf() -> bytes:
    return letter_pdf(
        LetterText(
            "身份证明复印件", "", "附件：\n身份证明。", "申请人", date(2025, 3, 3)
        )
    )


@pytest.fixture
def case(world: World) -> Any:
    app = decided(world, Outcome.DISCLOSED)
    for name, data, ctype in (
        ("身份证.png", _png(), "image/png"),
        ("申请书.pdf", _a_pdf(), "application/pdf"),
    ):
        attachment = ApplicationAttachment(
            application=app,
            kind="identity_proof",
            original_name=name,
            content_type=ctype,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        attachment.file.save(name, ContentFile(data), save=True)
    ls.letter_issue(
        application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    s.application_deliver(
        application=app,
        delivered_by="email",
        on=date(2025, 3, 21),
        actor=world.clerk_a,
        proof=ContentFile(_png(), name="proof.png"),
    )
    app.refresh_from_db()
    return app


def test_case_file_pdf_holds_cover_letters_timeline_and_attachments(case: Any) -> None:
    data = ls.case_file_pdf(application=case)
    text = pdf_text(data).replace("\n", "")
    assert "政府信息公开申请案卷" in text
    assert "卷内目录" in text
    assert "1101**********4514" in text  # masked, never whole
    assert "110101199003074514" not in text
    assert "示例县政府依公开〔2025〕1号" in text
    assert "政府信息公开申请答复书" in text
    assert "办理记录" in text
    assert "出具文书" in text
    assert "送达" in text
    assert "身份证明复印件" in text  # the attached PDF's own page
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        # cover, letter (1–2 pages), timeline, 2 image pages, the attached PDF
        assert len(pdf.pages) >= 6
        assert sum(len(p.images) for p in pdf.pages) >= 2


def test_case_file_zip_with_manifest(case: Any) -> None:
    archive = zipfile.ZipFile(io.BytesIO(ls.case_file_zip(application=case)))
    names = archive.namelist()
    assert "manifest.csv" in names
    assert "办理记录.pdf" in names
    assert any(n.startswith("文书/") and n.endswith(".pdf") for n in names)
    assert any(n.startswith("文书/") and n.endswith(".docx") for n in names)
    assert "申请材料/01_身份证.png" in names
    assert "申请材料/02_申请书.pdf" in names
    assert "送达凭证/送达凭证.png" in names
    rows = list(
        csv.reader(io.StringIO(archive.read("manifest.csv").decode("utf-8-sig")))
    )
    assert rows[0] == ["序号", "文件", "说明", "日期", "字节", "SHA-256"]
    listed = {row[1]: row for row in rows[1:]}
    assert set(listed) == set(names) - {"manifest.csv"}
    for name, row in listed.items():
        assert row[5] == hashlib.sha256(archive.read(name)).hexdigest()


def test_timeline_merges_events_and_letters_by_date(case: Any) -> None:
    lines = ls.case_timeline(case)
    whats = [line.what for line in lines]
    assert whats[0] == "登记申请"
    assert (
        whats.index("作出答复")
        < whats.index(f"出具文书：{LetterKind(Outcome.DISCLOSED).label}")
        < whats.index("送达")
    )
    assert [line.on for line in lines] == sorted(line.on for line in lines)


def test_open_case_and_a_lost_file(world: World) -> None:
    app = world.register(date(2025, 3, 3))
    attachment = ApplicationAttachment(
        application=app,
        kind="identity_proof",
        original_name="lost.png",
        content_type="image/png",
        size=1,
        sha256="0" * 64,
    )
    attachment.file.save("lost.png", ContentFile(_png()), save=True)
    attachment.file.storage.delete(attachment.file.name)
    assert "尚未办结" in pdf_text(ls.case_file_pdf(application=app))
    archive = zipfile.ZipFile(io.BytesIO(ls.case_file_zip(application=app)))
    manifest = archive.read("manifest.csv").decode("utf-8-sig")
    assert "文件缺失" in manifest
    assert not any(n.startswith("文书/") for n in archive.namelist())
