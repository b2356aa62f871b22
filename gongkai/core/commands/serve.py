"""gongkai serve: the web application, with gunicorn (a production WSGI server).

``--dev`` uses Django's development server instead (auto-reload, not for production).
Static files are served by WhiteNoise in both cases.
"""

from __future__ import annotations

import argparse
import os
import sys

HELP = "启动网站（默认 http://127.0.0.1:8000，gunicorn；--dev 用开发服务器）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("GONGKAI_WORKERS", "2")),
        help="gunicorn 工作进程数（默认 2，或环境变量 GONGKAI_WORKERS）",
    )
    parser.add_argument("--dev", action="store_true", help="用 Django 开发服务器")


def gunicorn_argv(args: argparse.Namespace) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--threads",
        "4",
        "--access-logfile",
        "-",
        "gongkai.config.wsgi:application",
    ]


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings.base")
    if not args.dev:
        argv = gunicorn_argv(args)
        os.execv(argv[0], argv)  # noqa: S606 - replaces this process: Ctrl-C reaches gunicorn
    import django  # the settings module is set above (core imports nothing of ours)

    django.setup()
    from django.core.management import call_command

    call_command(
        "runserver",
        f"{args.host}:{args.port}",
        use_reloader=False,
        insecure_serving=True,
    )
    return 0
