"""The background side of ``gongkai import``: ``--background`` makes a batch and
queues it, ``--status BATCH`` prints its progress, ``--retry-failed BATCH`` queues
its failed files again.  Called by ``import_.run`` once Django is set up."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.imports.batches import BatchProgress

#: Failed files listed by ``--status`` (all are on the batch's web page).
SHOWN_FAILURES = 50


def run(args: argparse.Namespace, actor: User | None) -> int:
    from gongkai.core.errors import DomainError

    try:
        if args.status is not None:
            return _status(args.status)
        if args.retry_failed is not None:
            return _retry(args.retry_failed, actor)
        return _background(args, actor)
    except DomainError as exc:
        print(exc.message, file=sys.stderr)
        return 2


def _queue_problem(exc: Exception, batch_id: int) -> str:
    return (
        f"任务队列不可用（{type(exc).__name__}: {exc}）。批次 {batch_id} 已保存，"
        f"队列恢复后运行：gongkai import --retry-failed {batch_id}"
    )


def _background(args: argparse.Namespace, actor: User | None) -> int:
    from gongkai.core import clock
    from gongkai.imports.services.batches import (
        batch_create_from_paths,
        batch_enqueue,
    )

    batch = batch_create_from_paths(paths=args.paths, actor=actor, now=clock.now())
    try:
        queued = batch_enqueue(batch=batch)
    except Exception as exc:  # Redis down, a locked database: the batch is kept
        print(_queue_problem(exc, batch.pk), file=sys.stderr)
        return 2
    skipped = len(batch.skipped)
    print(
        f"已建立后台导入批次 {batch.pk}：{queued} 个文件已排入队列"
        + (f"，{skipped} 个内容重复的文件跳过" if skipped else "")
    )
    print(_worker_hint())
    print(f"查看进度：gongkai import --status {batch.pk}")
    print(f"重试失败的文件：gongkai import --retry-failed {batch.pk}")
    print(f"网页：/imports/batches/{batch.pk}/")
    return 0


def _worker_hint() -> str:
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend

    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return "由 gongkai worker 执行（可同时运行多个 gongkai worker 加快导入）"
    return (
        "由任务后端的 worker 执行（RQ：gongkai manage rqworker "
        "--job-class django_tasks_rq.Job default，可运行多个）"
    )


def _status(batch_id: int) -> int:
    from gongkai.imports.batches import batch_file_list, batch_progress
    from gongkai.imports.models import FileState

    progress = batch_progress(pk=batch_id)
    _print_progress(progress)
    failed = batch_file_list(
        batch=progress.batch, state=FileState.FAILED, limit=SHOWN_FAILURES
    )
    if failed:
        print("失败：")
        for row in failed:
            print(f"  {row.path}：{row.error}（已尝试 {row.attempts} 次）")
        if progress.failed > len(failed):
            print(f"  ……另有 {progress.failed - len(failed)} 个，见网页")
        print(f"重试失败的文件：gongkai import --retry-failed {batch_id}")
    for item in progress.batch.skipped:
        print(f"跳过：{item['path']}：{item['reason']}")
    if not progress.finished:
        return 3
    return 1 if progress.failed else 0


def _print_progress(progress: BatchProgress) -> None:
    batch = progress.batch
    states = "，".join(f"{label} {n}" for _, label, n in progress.by_state())
    print(
        f"批次 {batch.pk}（{batch.started_at:%Y-%m-%d %H:%M}）：共 {progress.total} 个文件：{states}"
    )
    if progress.finished:
        print(
            f"已完成（{batch.finished_at:%Y-%m-%d %H:%M:%S}）："
            f"已导入 {progress.imported}，未变 {progress.unchanged}，"
            f"失败 {progress.failed}"
            if batch.finished_at
            else "已完成"
        )
    else:
        print(f"进行中：{progress.percent}%")
        if progress.unqueued:
            print(
                f"有 {progress.unqueued} 个文件尚未排入队列；"
                f"运行 gongkai import --retry-failed {batch.pk}"
            )


def _retry(batch_id: int, actor: User | None) -> int:
    from gongkai.core import clock
    from gongkai.imports.batches import batch_progress
    from gongkai.imports.services.batches import batch_retry_failed

    batch = batch_progress(pk=batch_id).batch
    try:
        queued = batch_retry_failed(batch=batch, actor=actor, now=clock.now())
    except Exception as exc:  # the queue is down: the files stay to be queued
        print(_queue_problem(exc, batch.pk), file=sys.stderr)
        return 2
    if not queued:
        print(f"批次 {batch_id} 没有失败的文件，没有重新排队")
        return 0
    print(f"批次 {batch_id}：{queued} 个文件已重新排入队列")
    print(f"查看进度：gongkai import --status {batch_id}")
    return 0
