"""Background batches through the services, with the stand-in parser and the
immediate task backend (each task runs when queued): lifecycle, a failed file
retried alone, idempotence, conflicts with another worker, dead workers."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.db import IntegrityError

from gongkai.annual_reports.models import AnnualReport
from gongkai.imports.archives import Limits, unpack_uploads
from gongkai.imports.batches import batch_progress
from gongkai.imports.models import (
    FileState,
    ImportBatchFile,
    ImportEvent,
    RecordStatus,
    SourceFile,
)
from gongkai.imports.services import batches, importing
from gongkai.imports.services.batches import (
    batch_create_from_paths,
    batch_create_from_upload,
    batch_enqueue,
    batch_file_import,
    batch_retry_failed,
)
from gongkai.imports.tests.fakes import fake_parse

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 3, 1, 8, tzinfo=UTC)
LIMITS = Limits(max_files=100, max_total_bytes=1 << 22, max_file_bytes=1 << 20)


@pytest.fixture(autouse=True)
def stand_in_parser(monkeypatch) -> None:
    monkeypatch.setattr(importing, "parse_published", fake_parse)


def states(batch) -> dict[str, str]:
    return {Path(f.path).name: f.state for f in batch.files.all()}


def test_lifecycle_counts_by_state_and_links_to_records(write_report, tmp_path) -> None:
    write_report("a.txt", org="甲县人民政府", year=2022)
    write_report("b.txt", org="乙县人民政府", year=2022)
    (tmp_path / "c.txt").write_text("不是报告", "utf-8")
    batch = batch_create_from_paths(paths=[tmp_path], actor=None, now=NOW)
    progress = batch_progress(pk=batch.pk)
    assert progress.counts == {"pending": 3, "running": 0, "done": 0, "failed": 0}
    assert progress.unqueued == 3
    assert not progress.finished
    assert SourceFile.objects.count() == 3  # the bytes are stored with the batch

    assert batch_enqueue(batch=batch) == 3
    assert states(batch) == {"a.txt": "done", "b.txt": "done", "c.txt": "failed"}
    progress = batch_progress(pk=batch.pk)
    assert progress.counts == {"pending": 0, "running": 0, "done": 2, "failed": 1}
    assert (progress.imported, progress.unchanged, progress.percent) == (2, 0, 100)
    assert progress.finished
    done = batch.files.get(path__endswith="a.txt")
    assert done.record.status == RecordStatus.IMPORTED
    assert done.record.report.organisation.name == "甲县人民政府"
    assert done.task_id
    failed = batch.files.get(path__endswith="c.txt")
    assert failed.error == "无法解析：不是可识别的年度报告"
    batch.refresh_from_db()
    assert (batch.imported_count, batch.failed_count) == (2, 1)
    assert batch.finished_at is not None
    assert ImportEvent.objects.filter(
        batch=batch, action="imports.batch_created"
    ).exists()


def test_failed_file_is_retried_alone(write_report, tmp_path, monkeypatch) -> None:
    write_report("a.txt", org="甲县人民政府", year=2022)
    write_report("b.txt", org="乙县人民政府", year=2022)
    flaky = {"left": 1}

    def parse_failing_once(data: bytes, *, source: str, suffix: str = ""):
        if source.endswith("b.txt") and flaky["left"]:
            flaky["left"] -= 1
            raise RuntimeError("parser bug")
        return fake_parse(data, source=source, suffix=suffix)

    monkeypatch.setattr(importing, "parse_published", parse_failing_once)
    batch = batch_create_from_paths(paths=[tmp_path], actor=None, now=NOW)
    batch_enqueue(batch=batch)
    assert states(batch) == {"a.txt": "done", "b.txt": "failed"}
    assert (
        "解析时出错：RuntimeError: parser bug"
        in batch.files.get(path__endswith="b.txt").error
    )

    assert batch_retry_failed(batch=batch, actor=None, now=NOW) == 1
    assert states(batch) == {"a.txt": "done", "b.txt": "done"}
    attempts = dict(batch.files.values_list("path", "attempts"))
    assert sorted(attempts.values()) == [1, 2]  # a.txt was not imported again
    assert AnnualReport.objects.count() == 2
    assert batch_retry_failed(batch=batch, actor=None, now=NOW) == 0
    assert (
        ImportEvent.objects.filter(batch=batch, action="imports.batch_retried").count()
        == 1
    )


def test_a_task_queued_twice_imports_once(write_report, tmp_path) -> None:
    write_report("a.txt", org="甲县人民政府", year=2022)
    batch = batch_create_from_paths(paths=[tmp_path], actor=None, now=NOW)
    batch_enqueue(batch=batch)
    row = batch.files.get()
    assert batch_file_import(file_id=row.pk, clock=lambda: NOW) == "skipped"
    row.refresh_from_db()
    assert row.attempts == 1
    assert batch.records.count() == 1


def test_same_content_in_a_batch_once_and_unchanged_across_batches(
    write_report, tmp_path
) -> None:
    a = write_report("a.txt", org="甲县人民政府", year=2022)
    (tmp_path / "same.txt").write_bytes(a.read_bytes())
    first = batch_create_from_paths(paths=[tmp_path], actor=None, now=NOW)
    assert first.files.count() == 1
    assert [s["path"] for s in first.skipped] == [str(tmp_path / "same.txt")]
    batch_enqueue(batch=first)
    second = batch_create_from_paths(paths=[a], actor=None, now=NOW)
    batch_enqueue(batch=second)
    assert batch_progress(pk=second.pk).unchanged == 1
    assert SourceFile.objects.count() == 1


def test_a_conflict_with_another_worker_is_retried(
    write_report, tmp_path, monkeypatch
) -> None:
    write_report("a.txt", org="甲县人民政府", year=2022)
    from gongkai.imports.services import organisation_get_or_create_imported as real

    conflicts = {"left": 2}

    def racing(**kwargs):
        if conflicts["left"]:
            conflicts["left"] -= 1
            raise IntegrityError("duplicate key value violates unique constraint")
        return real(**kwargs)

    monkeypatch.setattr(
        "gongkai.imports.services.importing.organisation_get_or_create_imported",
        racing,
    )
    monkeypatch.setattr("time.sleep", lambda s: None)
    batch = batch_create_from_paths(paths=[tmp_path], actor=None, now=NOW)
    batch_enqueue(batch=batch)
    assert states(batch) == {"a.txt": "done"}
    assert batch.records.get().status == RecordStatus.IMPORTED  # no failed record

    conflicts["left"] = 99
    write_report("b.txt", org="乙县人民政府", year=2022)
    again = batch_create_from_paths(paths=[tmp_path / "b.txt"], actor=None, now=NOW)
    batch_enqueue(batch=again)
    row = again.files.get()
    assert row.state == FileState.FAILED
    assert row.error.startswith("与同时进行的导入冲突，重试 4 次后仍失败")


def test_a_file_whose_worker_died_is_queued_again(
    write_report, tmp_path, monkeypatch
) -> None:
    write_report("a.txt", org="甲县人民政府", year=2022)
    monkeypatch.setattr(batches, "batch_enqueue", lambda *, batch: 0)
    batch = batch_create_from_paths(paths=[tmp_path], actor=None, now=NOW)
    ImportBatchFile.objects.filter(batch=batch).update(
        state=FileState.RUNNING, task_id="lost", started_at=NOW
    )
    monkeypatch.undo()
    monkeypatch.setattr(importing, "parse_published", fake_parse)
    assert (
        batch_retry_failed(batch=batch, actor=None, now=NOW + timedelta(minutes=5)) == 0
    )
    assert states(batch) == {"a.txt": "running"}  # still within STALE_AFTER
    assert (
        batch_retry_failed(batch=batch, actor=None, now=NOW + timedelta(hours=1)) == 1
    )
    assert states(batch) == {"a.txt": "done"}


def test_a_file_unreadable_when_queued_is_read_again(write_report, tmp_path) -> None:
    missing = tmp_path / "later.txt"
    batch = batch_create_from_paths(paths=[missing], actor=None, now=NOW)
    row = batch.files.get()
    assert (row.source_file, row.sha256) == (None, "")
    batch_enqueue(batch=batch)
    row.refresh_from_db()
    assert row.state == FileState.FAILED
    assert "文件不存在" in row.error
    write_report("later.txt", org="甲县人民政府", year=2022)
    batch_retry_failed(batch=batch, actor=None, now=NOW)
    row.refresh_from_db()
    assert row.state == FileState.DONE


def test_an_upload_becomes_a_batch(importer) -> None:
    data = b'{"not": "a report"}'
    unpacked = unpack_uploads([("x.txt", io.BytesIO(data))], limits=LIMITS)
    batch = batch_create_from_upload(
        names=["x.txt"], unpacked=unpacked, actor=importer, now=NOW
    )
    assert batch.background
    assert batch.actor == importer
    assert bytes(batch.files.get().source_file.content) == data
