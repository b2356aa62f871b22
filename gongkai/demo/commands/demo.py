"""gongkai demo: load the demo county (idempotent) and print the demo accounts."""

from __future__ import annotations

import argparse

HELP = "载入演示数据（一个县及其部门、乡镇，每个角色一个账号，另有部门承办人和监督评估人员；一年多的主动公开信息）并打印账号密码"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="不打印账号")


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.core import clock
    from gongkai.demo.services import demo_load

    accounts = demo_load(today=clock.today())
    if not args.quiet:
        print("演示账号（用户名 / 密码 / 角色 · 所在机关）：")
        for account in accounts:
            print(
                f"  {account.username:<12} {account.password:<20} "
                f"{account.role} · {account.organisation}"
            )
        print(
            "主动公开发布流程（三审）：chengban 起草提交 → shenhe 审核（保密审查）"
            " → lingdao 审批发布"
        )
    return 0
