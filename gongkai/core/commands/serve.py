"""gongkai serve: the web application on one machine."""

from __future__ import annotations

import argparse

HELP = "启动网站（默认 http://127.0.0.1:8000）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from django.core.management import call_command

    call_command(
        "runserver",
        f"{args.host}:{args.port}",
        use_reloader=False,
        insecure_serving=True,
    )
    return 0
