"""The ``gongkai`` command: everything a clerk or an auditor does without the web.

Each subcommand lives in its own module exposing ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int`` (the exit status).  Modules are imported only when their
command runs, so ``gongkai check`` starts without loading Django's database layer.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMANDS: dict[str, str] = {
    "check": "gongkai.annual_reports.commands.check",
    "render": "gongkai.annual_reports.commands.render",
    "parse": "gongkai.annual_reports.commands.parse",
    "aggregate": "gongkai.annual_reports.commands.aggregate",
    "recheck": "gongkai.annual_reports.commands.recheck",
    "compute": "gongkai.annual_reports.commands.compute",
    "import": "gongkai.imports.commands.import_",
    "deadline": "gongkai.deadlines.commands.deadline",
    "demo": "gongkai.demo.commands.demo",
    "letter": "gongkai.letters.commands.letter",
    "token": "gongkai.accounts.commands.token",
    "serve": "gongkai.core.commands.serve",
    "worker": "gongkai.reminders.commands.worker",
    "manage": "gongkai.core.commands.manage",
    "reindex": "gongkai.search.commands.reindex",
    "publications": "gongkai.publications.commands.publications",
}


def setup_django() -> None:
    """For commands that use the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings.base")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai",
        description="gongkai 政府信息公开：年度报告的检查、生成、解析与导入",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # a command not built yet is simply not offered
            raise
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
