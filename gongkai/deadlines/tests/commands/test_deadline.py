"""gongkai deadline: the last line is the due date (domain-spec §2.3 vectors)."""

from __future__ import annotations

from datetime import date
from typing import cast

import pytest

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.cli import main
from gongkai.deadlines.services import holiday_year_enter


def _last_line(capsys) -> tuple[str, str]:
    out = capsys.readouterr().out
    return out.strip().splitlines()[-1], out


@pytest.mark.parametrize(
    ("argv", "due"),
    [
        (["--received", "2025-01-20"], "2025-02-21"),
        (["--received", "2025-09-25"], "2025-10-29"),
        (["--received", "2025-09-25", "--extended"], "2025-11-26"),
        (["--received", "2026-02-10", "--days", "7"], "2026-02-26"),
        (["--received", "2025-12-31"], "2026-01-29"),
        (["--received", "2024-09-27"], "2024-10-30"),
        (["--received", "2021-02-10", "--days", "1"], "2021-02-18"),
        (["--received", "2023-09-28", "--days", "1"], "2023-10-07"),
    ],
)
def test_第三十三条_spec_vectors(argv, due, capsys):
    assert main(["deadline", *argv, "--no-database"]) == 0
    last, out = _last_line(capsys)
    assert last == due
    assert "临时日期" not in out
    assert "未使用本机关录入的节假日表" in out


def test_a_provisional_year_is_named(capsys):
    assert main(["deadline", "--received", "2026-12-10", "--no-database"]) == 0
    last, out = _last_line(capsys)
    assert last == "2027-01-08"
    assert "临时日期：2027年" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--received", "2025-02-30"], "不是日期"),
        (["--received", "2025-02-03", "--days", "0"], "不是有效的工作日数"),
        (["--received", "2025-02-03", "--days", "x"], "不是有效的工作日数"),
    ],
)
def test_bad_arguments_are_explained(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["deadline", *argv, "--no-database"])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_a_date_before_the_regulation_is_refused(capsys):
    assert main(["deadline", "--received", "2003-05-01", "--no-database"]) == 2
    assert "2008-05-01" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_office_table_is_used_when_the_database_is_set_up(capsys):
    holiday_year_enter(
        year=2027,
        notice_title="国务院办公厅关于2027年部分节假日安排的通知",
        notice_number="国办发明电〔2026〕1号",
        notice_date=date(2026, 11, 10),
        rest_days=[(date(2027, 1, 1), "元旦")],
        working_days=[],
        actor=cast(User, StaffUserFactory(role=Role.OFFICE_ADMIN)),
    )
    assert main(["deadline", "--received", "2026-12-10"]) == 0
    last, out = _last_line(capsys)
    assert last == "2027-01-08"
    assert "国办发明电〔2026〕1号" in out
    assert "临时日期" not in out
    assert "未使用" not in out
