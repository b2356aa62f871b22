"""gongkai render, and the ``render`` entry point it calls."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.annual_reports.commands import render as render_command
from gongkai.annual_reports.data import ReportData, report_from_dict
from gongkai.annual_reports.rendering import (
    FORMATS,
    RenderError,
    UnknownFormatError,
    format_for_path,
    render,
    suggested_filename,
)
from gongkai.annual_reports.tests.seeds import seed_id, truth_path
from gongkai.cli import main

REPO = Path(__file__).resolve().parents[4]
SEED_001 = truth_path(seed_id("001"))
MAGIC = {"html": b"<!DOCTYPE html>", "docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF-"}


@pytest.fixture
def seed_file() -> Path:
    return SEED_001


@pytest.mark.parametrize("to", sorted(FORMATS))
def test_every_format(to: str, seed_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / f"report{FORMATS[to][0]}"
    assert main(["render", str(seed_file), "--to", to, "-o", str(out)]) == 0
    content = out.read_bytes()
    assert content.startswith(MAGIC[to])
    assert len(content) > 1000
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("name", ["r.xlsx", "r.DOCX", "r.htm"])
def test_format_from_output_suffix(name: str, seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / name
    assert main(["render", str(seed_file), "-o", str(out)]) == 0
    to = format_for_path(name)
    assert to is not None
    assert out.read_bytes().startswith(MAGIC[to])


def test_html_to_stdout(seed_file: Path, capsysbinary) -> None:
    assert main(["render", str(seed_file), "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"<!DOCTYPE html>")
    assert "中阳县2022年政府信息公开工作年度报告".encode() in out


def test_unknown_suffix_without_to(seed_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["render", str(seed_file), "-o", str(tmp_path / "r.txt")]) == 2
    assert "--to" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (None, "文件不存在"),
        (b"{not json", "不是合法的 JSON"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b"[1, 2]", "JSON 对象"),
    ],
)
def test_unreadable_input_exits_2(
    content: bytes | None, why: str, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "report.json"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out.pdf"
    assert main(["render", str(source), "-o", str(out)]) == 2
    assert why in capsys.readouterr().err
    assert not out.exists()


def test_loader_findings_do_not_stop_rendering(
    seed_file: Path, tmp_path: Path, capsys
) -> None:
    data = json.loads(seed_file.read_text("utf-8"))
    data["applications"]["new"][0] = "一"
    data["active"]["fees_wan_yuan"] = 12.5
    source = tmp_path / "report.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "out.html"
    assert main(["render", str(source), "-o", str(out)]) == 0
    assert "2 处问题" in capsys.readouterr().err
    html = out.read_text("utf-8")
    assert 'data-path="applications.new.0"></td>' in html  # the bad cell is blank
    assert ">12.5</td>" in html


def test_render_failure_exits_1(
    seed_file: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(report: ReportData, to: str) -> bytes:
        raise RenderError("无法生成 PDF：缺少中文字体")

    monkeypatch.setattr(render_command, "render", broken)
    out = tmp_path / "out.pdf"
    assert main(["render", str(seed_file), "-o", str(out)]) == 1
    assert "缺少中文字体" in capsys.readouterr().err
    assert not out.exists()


def test_unwritable_output_exits_1(seed_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "no" / "such" / "dir" / "out.html"
    assert main(["render", str(seed_file), "-o", str(out)]) == 1
    assert "无法写入" in capsys.readouterr().err


# ---------------------------------------------------------------------------
def test_render_dispatch(seed_file: Path) -> None:
    report = report_from_dict(json.loads(seed_file.read_text("utf-8"))).report
    html = render(report, "html")
    assert isinstance(html, bytes)
    assert "中阳县".encode() in html
    with pytest.raises(UnknownFormatError, match="odt"):
        render(report, "odt")
    assert set(FORMATS) == {"html", "docx", "pdf", "xlsx"}
    assert all(
        suffix.startswith(".") and "/" in ctype for suffix, ctype in FORMATS.values()
    )


def test_format_for_path_and_filename() -> None:
    assert format_for_path("a/b/report.PDF") == "pdf"
    assert format_for_path("report.json") is None
    report = ReportData(year=2024, org="某县/某镇", title='报告:"草稿"')
    assert suggested_filename(report, "docx") == "报告_草稿.docx"
    assert suggested_filename(ReportData(year=None, org=None), "pdf").endswith(
        "年政府信息公开工作年度报告.pdf"
    )


def test_html_does_not_load_the_other_renderers() -> None:
    code = (
        "import sys\n"
        "from gongkai.annual_reports.rendering import render\n"
        "from gongkai.annual_reports.sample import sample_report\n"
        "render(sample_report(org='某县', year=2024), 'html')\n"
        "print(sorted(m for m in ('weasyprint', 'docx', 'openpyxl') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert result.stdout.strip() == "[]"
