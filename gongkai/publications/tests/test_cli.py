"""``gongkai publications``: the imports print every problem of a bad file and
write nothing (exit 1), and ``late`` shows the 第二十六条 clock per unit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.core import clock
from gongkai.publications.models import DecisionCount, InformationItem
from gongkai.publications.tests.conftest import TODAY, World

DECISIONS = "单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def test_import_decisions_writes_each_unit_and_year(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(
        tmp_path, "决定.csv", DECISIONS + f"{world.unit.name},2024,12,3,0,1.5\n"
    )
    code = main(
        ["publications", "import-decisions", path, "--actor", world.office.username]
    )
    assert code == 0
    assert "新增 1 条" in capsys.readouterr().out
    entry = DecisionCount.objects.get()
    assert (entry.organisation, entry.year, entry.licensing) == (world.unit, 2024, 12)


def test_import_decisions_takes_the_year_from_the_option(
    world: World, tmp_path: Path
) -> None:
    text = "单位,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n"
    path = _file(tmp_path, "d.csv", text + f"{world.unit.name},1,2,3,0\n")
    argv = ["publications", "import-decisions", path, "--year", "2023"]
    assert main([*argv, "--actor", world.office.username]) == 0
    assert DecisionCount.objects.get().year == 2023


def test_a_bad_decisions_file_lists_every_row_and_writes_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = (
        f"{world.unit.name},2024,12,3,0,1.5\n"
        f"{world.unit.name},2023,很多,3,0,1\n"
        "不存在的单位,2024,1,1,1,1\n"
    )
    path = _file(tmp_path, "决定.csv", DECISIONS + rows)
    code = main(
        ["publications", "import-decisions", path, "--actor", world.office.username]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "未导入任何内容" in err
    assert "第3行「行政许可」" in err
    assert "第4行「单位」" in err
    assert DecisionCount.objects.count() == 0


def test_import_items_publishes_the_old_sites_items(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "标题,发布日期,文号,正文\n关于春耕的通知,2024-03-01,示农〔2024〕1号,<p>正文</p>\n"
    path = _file(tmp_path, "旧网站.csv", text)
    argv = ["publications", "import-items", path, "--organ", world.unit.name]
    assert main([*argv, "--actor", world.office.username]) == 0
    item = InformationItem.objects.get()
    assert (item.status, item.published_on) == ("published", date(2024, 3, 1))
    assert item.index_number
    by_id = ["publications", "import-items", path, "--organ", str(world.unit.pk)]
    bad = _file(tmp_path, "坏.csv", "标题,发布日期\n通知,去年\n,2024-01-01\n")
    assert main([*by_id[:2], bad, *by_id[3:], "--actor", world.office.username]) == 1
    err = capsys.readouterr().err
    assert "第2行「发布日期」" in err
    assert "第3行「标题」" in err
    assert InformationItem.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--organ", "没有这个机关"], "找不到机关"),
        (["--organ", "UNIT", "--actor", "nobody"], "没有用户名"),
    ],
)
def test_what_cannot_start_exits_2(
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    words: str,
) -> None:
    path = _file(tmp_path, "x.csv", "标题,发布日期\n")
    extra = [world.unit.name if e == "UNIT" else e for e in extra]
    if "--actor" not in extra:
        extra += ["--actor", world.office.username]
    assert main(["publications", "import-items", path, *extra]) == 2
    assert words in capsys.readouterr().err


def test_a_missing_file_or_one_not_csv_is_refused(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actor = ["--actor", world.office.username]
    missing = str(tmp_path / "无.csv")
    assert main(["publications", "import-decisions", missing, *actor]) == 2
    assert "无法读取文件" in capsys.readouterr().err
    doc = _file(tmp_path, "决定.docx", "不是表格")
    assert main(["publications", "import-decisions", doc, *actor]) == 1
    assert "不是 CSV 或 XLSX" in capsys.readouterr().err


def test_someone_not_the_office_imports_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, "决定.csv", DECISIONS + f"{world.unit.name},2024,1,1,1,1\n")
    argv = ["publications", "import-decisions", path, "--actor", world.handler.username]
    assert main(argv) == 1
    assert "公开办管理员" in capsys.readouterr().err
    assert DecisionCount.objects.count() == 0


def test_late_lists_late_and_due_soon_items_per_unit_article_26(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """第二十六条: 20 working days from 形成之日; on 2025-03-03 an item formed on
    2025-01-02 is late, one formed on 2025-02-05 is due on 2025-03-05 (soon)."""
    late = world.draft(title="逾期的通知", formed_on=date(2025, 1, 2))
    soon = world.draft(title="将到期的通知", formed_on=date(2025, 2, 5))
    world.draft(title="刚起草的通知")
    assert main(["publications", "late", "--organ", world.county.name]) == 0
    out = capsys.readouterr().out
    assert f"{world.unit.name}\t3\t1\t1\t0" in out
    assert f"[{late.pk}]" in out.split("即将到期（")[0]
    assert f"[{soon.pk}]" in out.split("即将到期（")[1]
    assert main(["publications", "late", "--organ", "没有这个机关"]) == 2


def test_late_with_nothing_waiting(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["publications", "late"]) == 0
    assert "没有待公开的信息" in capsys.readouterr().out
