"""gongkai check: exit status and output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.annual_reports.tests.seeds import seed_id, truth, truth_path
from gongkai.cli import main


@pytest.mark.parametrize(
    ("prefix", "status"), [("000", 1), ("001", 0), ("002", 1), ("003", 0), ("004", 0)]
)
def test_exit_status_on_seed_truths(prefix: str, status: int, capsys) -> None:
    assert main(["check", str(truth_path(seed_id(prefix)))]) == status
    out = capsys.readouterr().out
    assert "个错误" in out


def test_json_output_names_cells(tmp_path: Path, capsys) -> None:
    data = truth(seed_id("001"))
    data["applications"]["not_processed"][1][0] = 4  # 2.重复申请 / 自然人
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main(["check", "--json", str(path)]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False
    cells = {(c["row"], c["column"]) for f in result["findings"] for c in f["cells"]}
    assert ("三、本年度办理结果 （五）不予处理 2.重复申请", "自然人") in cells
    assert all(
        {"code", "severity", "message", "cells"} <= f.keys() for f in result["findings"]
    )


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{", "不是合法的 JSON"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"[1, 2]", "JSON 对象"),
    ],
)
def test_unreadable_file_exits_2_with_reason(
    tmp_path: Path, capsys, content, why
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    assert why in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path / "nope.json")]) == 2
    assert "文件不存在" in capsys.readouterr().err


def test_error_beats_clean_file_in_one_run(capsys) -> None:
    paths = [str(truth_path(seed_id(p))) for p in ("001", "000")]
    assert main(["check", *paths]) == 1
