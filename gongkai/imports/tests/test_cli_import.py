"""gongkai import PATH... : summary, exit codes, progress bar only on a terminal.

Through the command line, so with the real parser: the files are sample reports
written as published pages (``write_published``)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from gongkai.annual_reports.models import AnnualReport
from gongkai.cli import main
from gongkai.imports.models import ImportBatch

pytestmark = pytest.mark.django_db


def test_summary_and_exit_zero(write_published, capsys) -> None:
    a = write_published("a.txt", org="甲县人民政府", year=2022)
    write_published("b.txt", org="乙县人民政府", year=2021)
    assert main(["import", str(a.parent)]) == 0
    out, err = capsys.readouterr()
    assert "共 2 个文件：已导入 2，未变 0，失败 0" in out
    assert f"{a} → 甲县人民政府 2022年（0 个错误" in out
    # imported oldest year first (a folder of one organ's years chains them)
    assert "新建的机关（待确认）：乙县人民政府、甲县人民政府" in out
    assert err == ""  # no progress bar when stderr is not a terminal
    assert main(["import", str(a.parent)]) == 0
    out, _ = capsys.readouterr()
    assert "共 2 个文件：已导入 0，未变 2，失败 0" in out
    assert "未变（此前已导入）：" in out
    assert AnnualReport.objects.count() == 2


def test_failures_are_listed_and_exit_one(write_published, tmp_path, capsys) -> None:
    write_published("a.txt", org="甲县人民政府", year=2022)
    (tmp_path / "b.pdf").write_bytes(os.urandom(512))
    missing = tmp_path / "missing.docx"
    assert main(["import", str(tmp_path), str(missing)]) == 1
    out, _ = capsys.readouterr()
    assert "共 3 个文件：已导入 1，未变 0，失败 2" in out
    assert f"  {tmp_path / 'b.pdf'}：无法解析" in out
    assert f"  {missing}：文件或文件夹不存在" in out
    assert AnnualReport.objects.count() == 1


def test_actor(write_published, importer, capsys) -> None:
    path = write_published("a.txt", org="甲县人民政府", year=2022)
    assert main(["import", "--actor", importer.username, str(path)]) == 0
    assert ImportBatch.objects.get().actor == importer
    assert main(["import", "--actor", "nobody", str(path)]) == 2
    assert "没有用户名为「nobody」的用户" in capsys.readouterr().err


def test_progress_bar_on_a_terminal(write_published, monkeypatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    write_published("a.txt", org="甲县人民政府", year=2022)
    path = write_published("b.txt", org="乙县人民政府", year=2022)
    assert main(["import", str(path.parent)]) == 0
    assert "导入" in terminal.getvalue()
    assert "2/2" in terminal.getvalue()


def test_unmigrated_database_is_a_clear_error(
    write_published, monkeypatch, capsys
) -> None:
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(
        MigrationExecutor,
        "migration_plan",
        lambda self, targets: [("imports.0002", False)],
    )
    assert main(["import", str(write_published("a.txt", org="甲", year=2022))]) == 2
    err = capsys.readouterr().err
    assert "gongkai manage migrate" in err
    assert not AnnualReport.objects.exists()


def test_help_lists_the_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "PATH" in out
    assert "--actor" in out


def test_paths_are_required() -> None:
    with pytest.raises(SystemExit):
        main(["import"])


def test_relative_paths_are_shown_as_given(
    write_published, tmp_path: Path, monkeypatch, capsys
) -> None:
    write_published("sub/a.txt", org="甲县人民政府", year=2022)
    monkeypatch.chdir(tmp_path)
    assert main(["import", "sub"]) == 0
    assert "sub/a.txt → 甲县人民政府" in capsys.readouterr().out
