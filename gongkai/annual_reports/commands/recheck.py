"""gongkai recheck [--actor USERNAME]"""

from __future__ import annotations

import argparse
import sys

HELP = (
    "按当前检查规则重新检查数据库中规则版本不同的年度报告，保存新的检查结果"
    "（退出码：0 完成，2 无法开始）"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actor",
        metavar="USERNAME",
        help="记为操作人的用户名（默认：不记操作人，即系统检查）",
    )


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.accounts.models import User
    from gongkai.annual_reports.services import report_recheck_stale
    from gongkai.annual_reports.validation.rules import RULES_VERSION

    actor = None
    if args.actor:
        actor = User.objects.filter(username=args.actor).first()
        if actor is None:
            print(f"没有用户名为「{args.actor}」的用户", file=sys.stderr)
            return 2
    checked, changed = report_recheck_stale(actor=actor)
    print(
        f"检查规则版本 {RULES_VERSION}：重新检查了 {checked} 份报告，"
        f"其中 {changed} 份的检查结果有变化"
    )
    return 0
