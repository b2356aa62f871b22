"""gongkai import --background / --status / --retry-failed, with the real parser
and the immediate task backend of the test settings (each task runs when queued)."""

from __future__ import annotations

import os

import pytest

from gongkai.annual_reports.models import AnnualReport
from gongkai.cli import main
from gongkai.imports.models import FileState, ImportBatch, ImportBatchFile

pytestmark = pytest.mark.django_db


def test_background_imports_each_file_by_its_own_task(
    write_published, tmp_path, capsys
) -> None:
    write_published("a.txt", org="甲县人民政府", year=2022)
    write_published("b.txt", org="乙县人民政府", year=2021)
    (tmp_path / "c.pdf").write_bytes(os.urandom(512))
    assert main(["import", "--background", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    batch = ImportBatch.objects.get()
    assert f"已建立后台导入批次 {batch.pk}：3 个文件已排入队列" in out
    assert f"gongkai import --status {batch.pk}" in out
    assert f"gongkai import --retry-failed {batch.pk}" in out
    assert batch.background
    states = dict(ImportBatchFile.objects.values_list("path", "state"))
    assert states == {
        str(tmp_path / "a.txt"): FileState.DONE,
        str(tmp_path / "b.txt"): FileState.DONE,
        str(tmp_path / "c.pdf"): FileState.FAILED,
    }
    assert AnnualReport.objects.count() == 2
    batch.refresh_from_db()
    assert batch.finished_at is not None
    assert (batch.imported_count, batch.unchanged_count, batch.failed_count) == (
        2,
        0,
        1,
    )

    assert main(["import", "--status", str(batch.pk)]) == 1
    out = capsys.readouterr().out
    assert "共 3 个文件：排队中 0，导入中 0，完成 2，失败 1" in out
    assert "已导入 2，未变 0，失败 1" in out
    assert f"  {tmp_path / 'c.pdf'}：无法解析" in out
    assert "（已尝试 1 次）" in out


def test_retry_failed_requeues_only_the_failed_file(
    write_published, tmp_path, capsys
) -> None:
    write_published("a.txt", org="甲县人民政府", year=2022)
    broken = tmp_path / "b.txt"
    broken.write_text("不是年度报告", "utf-8")
    assert main(["import", "--background", str(tmp_path)]) == 0
    batch = ImportBatch.objects.get()
    good = ImportBatchFile.objects.get(path=str(tmp_path / "a.txt"))
    bad = ImportBatchFile.objects.get(path=str(broken))
    assert (good.state, bad.state) == (FileState.DONE, FileState.FAILED)
    capsys.readouterr()

    assert main(["import", "--retry-failed", str(batch.pk)]) == 0
    assert f"批次 {batch.pk}：1 个文件已重新排入队列" in capsys.readouterr().out
    good.refresh_from_db()
    bad.refresh_from_db()
    assert (good.attempts, bad.attempts) == (1, 2)
    assert bad.state == FileState.FAILED  # the stored bytes are still not a report
    assert batch.records.count() == 3  # a, b, b again


def test_same_content_twice_in_a_batch_is_imported_once(
    write_published, tmp_path, capsys
) -> None:
    a = write_published("a.txt", org="甲县人民政府", year=2022)
    (tmp_path / "copy.txt").write_bytes(a.read_bytes())
    assert main(["import", "--background", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 个文件已排入队列，1 个内容重复的文件跳过" in out
    batch = ImportBatch.objects.get()
    assert batch.files.count() == 1
    assert batch.skipped == [
        {
            "path": str(tmp_path / "copy.txt"),
            "reason": f"与「{a}」内容相同，同一批次只导入一次",
        }
    ]
    assert main(["import", "--status", str(batch.pk)]) == 0
    assert f"跳过：{tmp_path / 'copy.txt'}：与「{a}」" in capsys.readouterr().out


def test_status_of_an_unfinished_batch_and_unknown_batches(
    write_published, monkeypatch, capsys
) -> None:
    from gongkai.imports.services import batches

    # Nothing is queued: the batch waits, and --status says how to queue it.
    monkeypatch.setattr(batches, "batch_enqueue", lambda *, batch: 0)
    path = write_published("a.txt", org="甲县人民政府", year=2022)
    assert main(["import", "--background", str(path)]) == 0
    batch = ImportBatch.objects.get()
    capsys.readouterr()
    assert main(["import", "--status", str(batch.pk)]) == 3
    out = capsys.readouterr().out
    assert "进行中：0%" in out
    assert "有 1 个文件尚未排入队列" in out
    assert main(["import", "--status", "9999"]) == 2
    assert "没有编号为 9999 的后台导入批次" in capsys.readouterr().err


def test_a_queue_that_fails_keeps_the_batch(
    write_published, monkeypatch, capsys
) -> None:
    from django_tasks.backends.immediate import ImmediateBackend

    def down(*args: object, **kwargs: object) -> None:
        raise ConnectionError("Redis 不可达")

    path = write_published("a.txt", org="甲县人民政府", year=2022)
    monkeypatch.setattr(ImmediateBackend, "enqueue", down)
    assert main(["import", "--background", str(path)]) == 2
    batch = ImportBatch.objects.get()
    assert f"批次 {batch.pk} 已保存" in capsys.readouterr().err
    assert batch.files.get().state == FileState.PENDING
    monkeypatch.undo()
    assert main(["import", "--retry-failed", str(batch.pk)]) == 0
    assert batch.files.get().state == FileState.DONE


@pytest.mark.parametrize(
    "argv",
    [
        ["import"],
        ["import", "--status", "1", "a.txt"],
        ["import", "--status", "1", "--retry-failed", "1"],
        ["import", "--retry-failed", "1", "--background"],
    ],
)
def test_bad_combinations_are_usage_errors(argv, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "gongkai import" in capsys.readouterr().err


def test_actor_is_recorded(write_published, importer) -> None:
    path = write_published("a.txt", org="甲县人民政府", year=2022)
    assert (
        main(["import", "--background", "--actor", importer.username, str(path)]) == 0
    )
    assert ImportBatch.objects.get().actor == importer
