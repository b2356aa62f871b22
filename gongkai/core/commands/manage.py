"""gongkai manage ...: Django's management commands (migrate, createsuperuser, ...)."""

from __future__ import annotations

import argparse

HELP = "Django 管理命令，例如 gongkai manage migrate、gongkai manage createsuperuser"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs=argparse.REMAINDER)


def run(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *args.args])
    return 0
