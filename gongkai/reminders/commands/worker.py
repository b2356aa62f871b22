"""gongkai worker: runs the background tasks and schedules the daily reminder.

With the database backend (the default) one process does both: each turn of its
loop first enqueues today's reminder if it is due (``reminders.services``), then
runs every task that is ready with django-tasks-db's worker (the code of its
``db_worker`` command, in batch mode), then sleeps ``--interval`` seconds.

With another backend (``GONGKAI_TASKS_BACKEND=rq``) the tasks are run by RQ's
workers (``gongkai manage rqworker --job-class django_tasks_rq.Job default``) and
this command only schedules: run exactly one of it beside the RQ workers.
"""

from __future__ import annotations

import argparse
import logging
import time

HELP = "后台任务：执行排队的任务（数据库后端），并在每天设定时间排入到期提醒"

logger = logging.getLogger("gongkai.reminders.worker")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--interval",
        type=float,
        default=2.0,
        help="两次检查之间等待的秒数（默认 2）",
    )
    parser.add_argument(
        "--once",
        action="store_true",
        help="只检查一次：需要时排入今天的提醒，执行所有就绪的任务，然后退出",
    )


def _schedule(*, at_start: bool) -> None:
    from django.db import DatabaseError

    from gongkai.core import clock
    from gongkai.reminders.services import reminder_enqueue_if_due

    try:
        task_id = reminder_enqueue_if_due(now=clock.now(), at_start=at_start)
    except DatabaseError:
        # A locked or unreachable database: try again on the next turn.
        logger.exception("到期提醒未能排入队列，稍后重试")
        return
    if task_id:
        print(f"已排入今天的到期提醒（任务 {task_id}）", flush=True)


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    if args.interval < 0:
        print("--interval 不能为负数", flush=True)
        return 2
    setup_django()
    from django.utils.crypto import get_random_string
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.management.commands.db_worker import Worker

    from gongkai.reminders.services import reminder_time

    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    at = reminder_time().strftime("%H:%M")
    if not isinstance(backend, DatabaseBackend):
        print(
            f"任务后端为 {type(backend).__name__}：本命令只负责每天 {at} 排入到期提醒，"
            "任务由该后端的 worker 执行（RQ：gongkai manage rqworker "
            "--job-class django_tasks_rq.Job default）",
            flush=True,
        )
        _schedule(at_start=True)
        while not args.once:
            time.sleep(args.interval)
            _schedule(at_start=False)
        return 0

    worker = Worker(
        queue_names=list(backend.queues) or ["default"],
        interval=1.0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    if not args.once:
        # SIGINT/SIGTERM: finish the running task, then exit (django-tasks-db).
        worker.configure_signals()
        print(f"gongkai worker：执行后台任务，每天 {at} 发送到期提醒", flush=True)
    at_start = True
    while worker.running:
        _schedule(at_start=at_start)
        at_start = False
        worker.run()
        if args.once:
            break
        time.sleep(args.interval)
    return 0
