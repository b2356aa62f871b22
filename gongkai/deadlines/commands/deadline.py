"""gongkai deadline --received YYYY-MM-DD [--extended] [--days N] [--no-database]

Prints how the due date is computed and, on its last line, the date as YYYY-MM-DD.
The office's holiday table is used when the database is set up (migrated); without
it, or with ``--no-database``, the calendar is ``chinesecalendar`` and, for later
years, the provisional computation, and a line says so.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from gongkai.deadlines.calendar import (
    SOURCE_LABELS,
    BusinessCalendar,
    Source,
    YearTable,
    calendar_from_sources,
)
from gongkai.deadlines.errors import DeadlineError
from gongkai.deadlines.rules import PeriodKind, period

HELP = "计算政府信息公开申请的答复期限（工作日，不含收到申请当日），最后一行输出到期日"

MAX_DAYS = 1000


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"「{text}」不是日期：请写成 YYYY-MM-DD，例如 2025-09-25"
        ) from None


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"「{text}」不是有效的工作日数：请填写 1 至 {MAX_DAYS} 之间的整数"
        )
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--received",
        type=_date,
        required=True,
        metavar="YYYY-MM-DD",
        help="收到申请之日（第三十一条）；当日不计入，次日起算",
    )
    parser.add_argument(
        "--extended",
        action="store_true",
        help="加上经批准延长的答复期限（第三十三条第二款，最长 20 个工作日）",
    )
    parser.add_argument(
        "--days",
        type=_days,
        metavar="N",
        help="工作日数（默认：收到申请之日适用的答复期限，现为 20 个工作日）",
    )
    parser.add_argument(
        "--no-database",
        action="store_true",
        help="不读取本机关录入的节假日表，只用 chinesecalendar 和临时推算",
    )


def _office_tables() -> tuple[dict[int, YearTable], str | None]:
    """The office's holiday table, or none and a note saying why not."""
    from gongkai.cli import setup_django

    setup_django()
    from django.conf import settings
    from django.db import DatabaseError, connection

    db = settings.DATABASES["default"]
    name = str(db["NAME"])
    in_memory = name == ":memory:" or name.startswith("file:")
    if "sqlite" in db["ENGINE"] and not in_memory and not Path(name).exists():
        return {}, "数据库尚未建立"
    try:
        if "deadlines_holidayyear" not in connection.introspection.table_names():
            return {}, "数据库尚未迁移（gongkai manage migrate）"
        from gongkai.deadlines.selectors import holiday_tables

        return holiday_tables(), None
    except DatabaseError as exc:
        return {}, f"无法连接数据库（{exc.__class__.__name__}）"


def _calendar(args: argparse.Namespace, n: int) -> tuple[BusinessCalendar, str | None]:
    office: dict[int, YearTable] = {}
    note: str | None = "按要求未读取数据库"
    if not args.no_database:
        office, note = _office_tables()
    first = args.received.year
    calendar = calendar_from_sources(
        first_year=first, last_year=first + 1 + n // 200, office=office
    )
    return calendar, note


def run(args: argparse.Namespace) -> int:
    received: date = args.received
    try:
        reply = period(PeriodKind.REPLY, on=received)
        extension = period(PeriodKind.EXTENSION_MAX, on=received)
        days = args.days or reply.working_days
        extra = extension.working_days if args.extended else 0
        calendar, note = _calendar(args, days + extra)
        due = calendar.deadline(received, days)
        final = calendar.deadline(received, days + extra)
    except DeadlineError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(f"收到申请之日：{received.isoformat()}（当日不计入，次日起算）")
    if note:
        print(f"未使用本机关录入的节假日表：{note}；按 chinesecalendar 和临时推算计算")
    for year in range(received.year, final.date.year + 1):
        table = calendar.tables[year]
        detail = f"（{table.note}）" if table.source == Source.OFFICE else ""
        print(f"{year}年节假日：{SOURCE_LABELS[table.source]}{detail}")
    label = f"{reply.label}（{reply.article}）" if not args.days else "期限"
    print(f"{label}：{days} 个工作日 → {due.date.isoformat()}")
    if args.extended:
        print(
            f"延长答复期限（{extension.article}）：{extra} 个工作日 → "
            f"{final.date.isoformat()}"
        )
    if final.provisional:
        years = "、".join(f"{y}年" for y in final.provisional_years)
        print(
            f"临时日期：{years}的节假日尚未按国务院办公厅通知录入，按《全国年节及纪念日"
            "放假办法》推算（未含调休）；通知录入后该日期可能变化"
        )
    print(final.date.isoformat())
    return 0
