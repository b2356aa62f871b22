"""gongkai import PATH... [--actor USERNAME] [--background]
gongkai import --status BATCH | --retry-failed BATCH"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gongkai.imports.services import FileOutcome, ImportSummary

HELP = (
    "导入已发布的年度报告文件或文件夹（递归）：保存来源文件、统计数据和检查结果"
    "（退出码：0 全部成功，1 有文件失败，2 无法开始）"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="报告文件（.txt .md .htm .html .docx .pdf），或包含它们的文件夹",
    )
    parser.add_argument(
        "--actor",
        metavar="USERNAME",
        help="记为操作人的用户名（默认：不记操作人，即系统导入）",
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help="作为后台批次导入：每个文件一个后台任务（由 gongkai worker 或 RQ worker "
        "执行），打印批次编号后立即返回",
    )
    parser.add_argument(
        "--status",
        type=int,
        metavar="BATCH",
        help="显示后台批次的进度（各状态的文件数、失败的文件及原因）"
        "（退出码：0 已完成且无失败，1 有文件失败，3 尚未完成）",
    )
    parser.add_argument(
        "--retry-failed",
        type=int,
        metavar="BATCH",
        help="把后台批次中失败的文件（只有它们）重新排入队列",
    )
    parser.set_defaults(_import_parser=parser)


def _usage_problem(args: argparse.Namespace) -> str:
    batch_options = (args.status is not None) + (args.retry_failed is not None)
    if batch_options > 1 or (batch_options and (args.paths or args.background)):
        return "--status、--retry-failed 只能单独使用，不能与路径或 --background 同用"
    if not batch_options and not args.paths:
        return "请给出要导入的文件或文件夹（PATH）"
    return ""


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    problem = _usage_problem(args)
    if problem:
        args._import_parser.error(problem)  # exits with status 2
    setup_django()
    from gongkai.core.database import database_problem

    problem = database_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from gongkai.accounts.models import User
    from gongkai.core import clock
    from gongkai.imports.services import import_paths

    actor = None
    if args.actor:
        actor = User.objects.filter(username=args.actor).first()
        if actor is None:
            print(f"没有用户名为「{args.actor}」的用户", file=sys.stderr)
            return 2
    if args.status is not None or args.retry_failed is not None or args.background:
        from gongkai.imports.commands import import_batches

        return import_batches.run(args, actor)
    bar = _ProgressBar() if sys.stderr.isatty() else None
    try:
        summary = import_paths(
            paths=args.paths, actor=actor, clock=clock.now, progress=bar
        )
    finally:
        if bar is not None:
            bar.close()
    _print_summary(summary)
    return 1 if summary.failed else 0


class _ProgressBar:
    """A tqdm bar on stderr, created when the number of files is known."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc="导入", unit="个文件", file=sys.stderr)
        self.bar.set_postfix_str(Path(path).name, refresh=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _describe(outcome: FileOutcome) -> str:
    return (
        f"{outcome.path} → {outcome.organisation} {outcome.year}年"
        f"（{outcome.errors} 个错误，{outcome.warnings} 个警告）"
    )


def _print_summary(summary: ImportSummary) -> None:
    total = len(summary.outcomes)
    print(
        f"共 {total} 个文件：已导入 {len(summary.imported)}，"
        f"未变 {len(summary.unchanged)}，失败 {len(summary.failed)}"
    )
    for title, outcomes in (
        ("已导入", summary.imported),
        ("未变（此前已导入）", summary.unchanged),
    ):
        if outcomes:
            print(f"{title}：")
            for outcome in outcomes:
                print(f"  {_describe(outcome)}")
    if summary.failed:
        print("失败：")
        for outcome in summary.failed:
            print(f"  {outcome.path}：{outcome.error}")
    created = list(dict.fromkeys(summary.created_organisations))
    if created:
        print(f"新建的机关（待确认）：{'、'.join(created)}")
        print("  请在网站「导入 → 待确认的机关」（/imports/organisations/）确认。")
