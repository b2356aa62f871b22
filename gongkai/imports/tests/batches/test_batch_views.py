"""The upload and progress pages: who may upload and retry, bad uploads (a clear
Chinese error, nothing created), the progress fragment htmx polls."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.imports.models import FileState, ImportBatch, ImportBatchFile, SourceFile
from gongkai.imports.services import importing
from gongkai.imports.tests.fakes import fake_parse
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
NEW = reverse("imports:batch_new")


@pytest.fixture(autouse=True)
def stand_in_parser(monkeypatch) -> None:
    monkeypatch.setattr(importing, "parse_published", fake_parse)


@pytest.fixture
def report_json(write_report) -> bytes:
    data: bytes = write_report("a.txt", org="甲县人民政府", year=2022).read_bytes()
    return data


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(client, *files: tuple[str, bytes]):
    return client.post(
        NEW, {"reports": [SimpleUploadedFile(name, data) for name, data in files]}
    )


def user_with(role: str):
    return StaffUserFactory(role=role, organisation=OrganisationFactory())


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.OFFICE_ADMIN, True),
        (Role.AUDITOR, True),
        (Role.HANDLER, False),
        (Role.REVIEWER, False),
        (Role.LEADER, False),
    ],
)
def test_who_may_upload(client, role, allowed, report_json) -> None:
    client.force_login(user_with(role))
    assert client.get(NEW).status_code == (200 if allowed else 403)
    response = upload(client, ("a.txt", report_json))
    assert response.status_code == (302 if allowed else 403)
    assert ImportBatch.objects.exists() == allowed


def test_anonymous_and_non_staff(client) -> None:
    response = client.get(NEW)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    client.force_login(UserFactory(is_staff=False))
    assert client.get(NEW).status_code == 403


def test_zip_upload_imports_in_the_background(client, importer, report_json) -> None:
    client.force_login(importer)
    data = zip_of(
        {"2022/a.txt": report_json, "2022/bad.txt": b"not json", "x.csv": b"1"}
    )
    response = upload(client, ("province.zip", data))
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("imports:batch", args=[batch.pk])
    assert batch.actor == importer
    assert batch.paths == ["province.zip"]
    page = client.get(response["Location"]).content.decode()
    assert "已完成" in page
    assert "完成 1" in page
    assert "失败 1" in page
    assert "province.zip/2022/bad.txt" in page
    assert "无法解析：不是可识别的年度报告" in page
    report = batch.files.get(state=FileState.DONE).record.report
    assert reverse("imports:report", args=[report.pk]) in page
    assert "province.zip/x.csv" in page  # listed as skipped
    assert "hx-trigger" not in page  # finished: no more polling
    assert "重新排队失败的文件（1 个）" in page


def test_progress_polls_while_files_are_left(
    client, auditor, importer, report_json, monkeypatch
) -> None:
    from gongkai.imports.services import batches

    monkeypatch.setattr(batches, "batch_enqueue", lambda *, batch: 0)
    monkeypatch.setattr("gongkai.imports.batch_views.batch_enqueue", lambda *, batch: 0)
    client.force_login(importer)
    upload(client, ("a.txt", report_json))
    batch = ImportBatch.objects.get()
    client.force_login(auditor)  # staff may follow any batch
    url = reverse("imports:batch", args=[batch.pk])
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith(
        f'<div id="batch-progress" hx-get="{url}" hx-trigger="every 2s"'
    )
    assert "<html" not in fragment
    assert "进行中 0%" in fragment
    assert "有 1 个文件尚未排入队列" in fragment
    retry = reverse("imports:batch_retry", args=[batch.pk])
    assert retry not in fragment  # staff without the role cannot retry
    assert client.post(retry).status_code == 403


def test_retry_requeues_failed_files(
    client, importer, report_json, monkeypatch
) -> None:
    client.force_login(importer)
    upload(client, ("a.txt", report_json), ("b.txt", b"not json"))
    batch = ImportBatch.objects.get()
    failed = batch.files.get(state=FileState.FAILED)
    monkeypatch.setattr(
        importing, "parse_published", lambda data, **kw: fake_parse(report_json, **kw)
    )
    response = client.post(reverse("imports:batch_retry", args=[batch.pk]), follow=True)
    assert "1 个文件已排入后台导入队列" in response.content.decode()
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (FileState.DONE, 2)
    response = client.post(reverse("imports:batch_retry", args=[batch.pk]), follow=True)
    assert "无需重新排队" in response.content.decode()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ((), "请选择要导入的报告文件或 zip 压缩包"),
        ((("a.xlsx", b"x"),), "没有可导入的报告文件"),
        ((("a.zip", b"PK\x03\x04garbage"),), "不是有效的 zip 压缩包"),
        ((("a.zip", zip_of({"../../etc/a.txt": b"x"})),), "指向压缩包以外"),
        ((("bomb.zip", zip_of({"b.txt": b"0" * 400_000})),), "压缩炸弹"),
    ],
)
def test_bad_uploads_create_nothing(client, importer, files, message) -> None:
    client.force_login(importer)
    response = upload(client, *files)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()
    assert not SourceFile.objects.exists()
    assert not ImportBatchFile.objects.exists()


def test_a_zip_with_one_bad_member_creates_nothing(
    client, importer, report_json
) -> None:
    client.force_login(importer)
    response = upload(
        client,
        ("a.txt", report_json),
        ("b.zip", zip_of({"ok.txt": report_json, "/abs.txt": b"x"})),
    )
    assert response.status_code == 400
    assert not ImportBatch.objects.exists()


@override_settings(GONGKAI_IMPORT_UPLOAD_MAX_BYTES=1000)
def test_too_big_is_refused_before_reading(client, importer) -> None:
    client.force_login(importer)
    response = upload(client, ("a.txt", b"x" * (2 << 20)))
    assert response.status_code == 413
    assert "超过上限" in response.content.decode()


@override_settings(DATA_UPLOAD_MAX_NUMBER_FILES=2)
def test_too_many_files_says_to_zip_them(client, importer, report_json) -> None:
    client.force_login(importer)
    response = upload(client, *[(f"{i}.txt", report_json) for i in range(3)])
    assert response.status_code == 400
    assert "一次最多选择 2 个文件" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_unknown_batch_is_404(client, auditor) -> None:
    client.force_login(auditor)
    assert client.get(reverse("imports:batch", args=[999])).status_code == 404


def test_list_links_upload_and_batches(client, importer, auditor, report_json) -> None:
    client.force_login(importer)
    upload(client, ("a.txt", report_json))
    batch = ImportBatch.objects.get()
    page = client.get(reverse("imports:list")).content.decode()
    assert NEW in page
    assert reverse("imports:batch", args=[batch.pk]) in page
    client.force_login(auditor)
    assert (
        NEW
        not in client.get(reverse("imports:list"))
        .content.decode()
        .split("imp-subnav")[0]
    )
