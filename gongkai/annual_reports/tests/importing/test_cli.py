"""gongkai parse FILE...: one JSON object per file, per line, in argument order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.annual_reports.tests.importing.helpers import (
    differences,
    seed_paths,
    truth_of,
)
from gongkai.cli import main


def test_parse_prints_one_line_per_seed_matching_the_truths(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = seed_paths()
    assert main(["parse", *map(str, paths)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(paths)
    for path, line in zip(paths, lines, strict=True):
        data = json.loads(line)
        assert data["source"] == str(path)
        assert data["format_version"] == "2021"
        assert "error" not in data
        assert differences(truth_of(path), data) == []
        assert any(f["code"] == "import.encoding" for f in data["findings"])


def test_a_missing_file_gets_its_line_and_exit_1_while_others_print(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, last = seed_paths()[0], seed_paths()[-1]
    missing = tmp_path / "不存在.txt"
    assert main(["parse", str(first), str(missing), str(last)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["source"] for d in lines] == [str(first), str(missing), str(last)]
    assert lines[1]["error"] == "文件不存在"
    assert "error" not in lines[0]
    assert "error" not in lines[2]


def test_source_is_the_path_as_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = seed_paths()[1]
    monkeypatch.chdir(path.parent)
    assert main(["parse", f"./{path.name}"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == f"./{path.name}"


def test_unreadable_content_is_a_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    assert main(["parse", str(junk)]) == 1
    assert json.loads(capsys.readouterr().out)["error"]


def test_pretty_output_is_indented_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--pretty", str(seed_paths()[0])]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert json.loads(out)["year"] == 2022
