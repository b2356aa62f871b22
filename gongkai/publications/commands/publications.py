"""gongkai publications import-decisions FILE [--year Y] --actor USERNAME
gongkai publications import-items FILE --organ NAME_OR_ID --actor USERNAME
gongkai publications late [--organ NAME_OR_ID] [--days N]

Exit status: 0 done; 1 the file was refused (every problem printed, nothing
written); 2 the command could not start (no such file, user or organ)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.orgs.models import Organisation

HELP = (
    "主动公开：导入行政许可、处罚、强制决定数和收费（import-decisions）、"
    "导入旧网站的政府信息（import-items）、查看第二十六条的逾期和即将到期（late）"
)
ACTOR_HELP = "操作人的用户名：须为文件所涉单位（或其上级）的公开办管理员"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    decisions = sub.add_parser(
        "import-decisions",
        help="从业务系统导出的 CSV/XLSX 导入各单位各年度的决定数和收费金额",
        description="列：单位, 年度, 行政许可, 行政处罚, 行政强制, "
        "行政事业性收费（万元）。文件有任何错误时逐行列出，什么也不导入。",
    )
    decisions.add_argument("file", type=Path, metavar="FILE")
    decisions.add_argument(
        "--year", type=int, metavar="Y", help="文件没有「年度」列时的年度"
    )
    decisions.add_argument(
        "--actor", required=True, metavar="USERNAME", help=ACTOR_HELP
    )
    decisions.set_defaults(_action=_import_decisions)
    items = sub.add_parser(
        "import-items",
        help="从旧网站导出的 CSV/XLSX 导入已发布的政府信息",
        description="列：标题, 发布日期（必需）；索引号, 发布机构, 文号, 主题分类, "
        "体裁, 目录分类, 文件类型, 成文日期, 有效性, 废止日期, 公开属性, "
        "不予公开理由, 公开渠道, 正文, 原网址。文件有任何错误时逐行列出，"
        "什么也不导入。",
    )
    items.add_argument("file", type=Path, metavar="FILE")
    items.add_argument(
        "--organ", required=True, metavar="NAME_OR_ID", help="发布机构（名称或编号）"
    )
    items.add_argument("--actor", required=True, metavar="USERNAME", help=ACTOR_HELP)
    items.set_defaults(_action=_import_items)
    late = sub.add_parser(
        "late",
        help="第二十六条：各单位逾期未公开和即将到期的信息",
        description="主动公开的信息应自形成或者变更之日起20个工作日内公开。"
        "列出尚未发布、已过期限或将在 --days 个工作日内到期的信息。",
    )
    late.add_argument(
        "--organ", metavar="NAME_OR_ID", help="只看此机关及其下级（默认：全部）"
    )
    late.add_argument(
        "--days", type=int, default=5, metavar="N", help="即将到期：N 个工作日内"
    )
    late.set_defaults(_action=_late)


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.core.database import database_problem

    problem = database_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        return int(args._action(args))
    except _Refused as exc:
        print(exc, file=sys.stderr)
        return 2


class _Refused(Exception):
    """The command cannot start: a usage problem named in the message."""


def _actor(username: str) -> User:
    from gongkai.accounts.models import User

    actor = User.objects.filter(username=username, is_active=True).first()
    if actor is None:
        raise _Refused(f"没有用户名为「{username}」的有效用户")
    return actor


def _organ(text: str) -> Organisation:
    from django.db.models import Q

    from gongkai.orgs.models import Organisation

    name = text.strip()
    query = Q(name=name) | Q(short_name=name) | (Q(code=name) & ~Q(code=""))
    if name.isdigit():
        query |= Q(pk=int(name))
    found = list(Organisation.objects.filter(query)[:2])
    if len(found) != 1:
        raise _Refused(
            f"找不到机关「{name}」" if not found else f"机关「{name}」不唯一，请用编号"
        )
    return found[0]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _Refused(f"无法读取文件 {path}：{exc.strerror or exc}") from exc


def _imported(do: Any, path: Path) -> int:
    """Run an import; print its result, or every problem of a refused file."""
    from gongkai.core.errors import DomainError
    from gongkai.publications.importing import ImportRejected

    try:
        result = do()
    except ImportRejected as exc:
        print(f"{path}：{len(exc.errors)} 处错误，未导入任何内容", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    except DomainError as exc:
        print(f"{path}：{exc.message}，未导入任何内容", file=sys.stderr)
        return 1
    print(f"{path}：新增 {result.created} 条，更新 {result.updated} 条")
    return 0


def _import_decisions(args: argparse.Namespace) -> int:
    from gongkai.publications.importing import decision_counts_import

    actor, data = _actor(args.actor), _read(args.file)
    return _imported(
        lambda: decision_counts_import(
            data=data, filename=args.file.name, actor=actor, year=args.year
        ),
        args.file,
    )


def _import_items(args: argparse.Namespace) -> int:
    from gongkai.core import clock
    from gongkai.publications.importing import items_import

    actor, organ, data = _actor(args.actor), _organ(args.organ), _read(args.file)
    return _imported(
        lambda: items_import(
            data=data,
            filename=args.file.name,
            organisation=organ,
            actor=actor,
            today=clock.today(),
        ),
        args.file,
    )


def _late(args: argparse.Namespace) -> int:
    from gongkai.core import clock
    from gongkai.orgs.models import Organisation
    from gongkai.orgs.selectors import organisation_descendant_ids
    from gongkai.publications.selectors import (
        item_clock_by_unit,
        item_list_due_soon,
        item_list_late,
    )

    if args.days < 0:
        raise _Refused("--days 不能为负数")
    today = clock.today()
    if args.organ:
        ids = list(organisation_descendant_ids(organisation=_organ(args.organ)))
    else:
        ids = list(Organisation.objects.values_list("pk", flat=True))
    units = item_clock_by_unit(
        organisation_ids=ids, today=today, working_days=args.days
    )
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    print(
        f"第二十六条 公开期限（{today.isoformat()}，即将到期：{args.days} 个工作日内）"
    )
    if not units:
        print("没有待公开的信息")
        return 0
    print("单位\t待公开\t逾期\t即将到期\t本年逾期发布")
    for u in units:
        print(
            f"{names[u.organisation_id]}\t{u.waiting}\t{u.late}\t{u.due_soon}"
            f"\t{u.published_late}"
        )
    late = item_list_late(organisation_ids=ids, today=today)
    soon = item_list_due_soon(organisation_ids=ids, today=today, working_days=args.days)
    for title, items in (("逾期未公开", late), ("即将到期", soon)):
        rows = list(items.select_related("organisation").order_by("publish_due_on"))
        if rows:
            print(f"\n{title}（{len(rows)} 条）：")
        for item in rows:
            due = item.publish_due_on.isoformat() if item.publish_due_on else ""
            print(f"  [{item.pk}] {item.organisation.name}  {item.title}  期限 {due}")
    return 0
