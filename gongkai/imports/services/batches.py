"""Background import batches: a set of files recorded as an ImportBatch with one
ImportBatchFile each, every file imported by its own task
(``imports.tasks.import_file``), so that a failed file is reported and retried
alone and the batch is never lost.

- ``batch_create_from_paths`` (``gongkai import --background``) and
  ``batch_create_from_upload`` (the web upload) store every file's bytes once (as
  the SourceFile, by checksum) with its row, in one transaction: nothing is half
  created.  The same content twice in one batch is imported once (the second is
  listed as skipped).
- ``batch_enqueue`` queues one task per pending file not yet queued.
- ``batch_file_import`` is the task's body: claims the file (pending → running, so
  a task queued twice imports once), imports it through ``import_bytes`` and
  records done or failed.  A conflict with another worker (two files of one new
  organ at once) is retried a few times before it counts as a failure.
- ``batch_retry_failed`` puts the failed files (and files whose task died) back
  to pending and queues them again, and only them.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F

from gongkai.accounts.models import User
from gongkai.imports import events
from gongkai.imports.archives import Unpacked
from gongkai.imports.errors import BatchNotFound, ImportFailed
from gongkai.imports.models import (
    FileState,
    ImportBatch,
    ImportBatchFile,
    ImportEvent,
    ImportRecord,
    RecordStatus,
    SourceFile,
)
from gongkai.imports.services import importing
from gongkai.imports.services.importing import Clock, Parse, import_bytes

#: Rows written per round trip when a batch is made or queued.
CHUNK = 500
#: Tries of one file when it conflicts with another worker's writes.
CONFLICT_TRIES = 4
#: A file ``running`` for longer than this has lost its worker (killed, machine
#: restarted): ``batch_retry_failed`` queues it again.  One file takes about a
#: second, so this is generous.
STALE_AFTER = timedelta(minutes=30)

_T = TypeVar("_T")
_Entry = tuple[str, bytes | None]  # (path shown, bytes; None: read it when run)


# ---------------------------------------------------------------------------
# Making a batch
# ---------------------------------------------------------------------------
def batch_get(*, pk: int) -> ImportBatch:
    batch = ImportBatch.objects.select_related("actor").filter(pk=pk).first()
    if batch is None:
        raise BatchNotFound(f"没有编号为 {pk} 的导入批次")
    return batch


def batch_create_from_paths(
    *, paths: Sequence[Path], actor: User | None, now: datetime
) -> ImportBatch:
    """A background batch of every file under ``paths`` (as ``gongkai import``
    finds them).  A file that cannot be read now gets a row all the same: its task
    reads it again and reports why it fails."""
    candidates = importing.import_expand(paths=paths)

    def entries() -> Iterator[_Entry]:
        for candidate in candidates:
            data: bytes | None = None
            if not candidate.error:
                try:
                    data = candidate.path.read_bytes() or None
                except OSError:
                    data = None
            yield str(candidate.path), data

    return _batch_create(
        paths=[str(p) for p in paths],
        entries=entries(),
        skipped=[],
        actor=actor,
        now=now,
    )


def batch_create_from_upload(
    *, names: Sequence[str], unpacked: Unpacked, actor: User, now: datetime
) -> ImportBatch:
    """A background batch of the report files of an upload (already unpacked and
    checked: ``archives.unpack_uploads``)."""
    return _batch_create(
        paths=list(names),
        entries=((m.path, m.data) for m in unpacked.files),
        skipped=list(unpacked.skipped),
        actor=actor,
        now=now,
    )


@transaction.atomic
def _batch_create(
    *,
    paths: list[str],
    entries: Iterable[_Entry],
    skipped: list[dict[str, str]],
    actor: User | None,
    now: datetime,
) -> ImportBatch:
    batch = ImportBatch.objects.create(
        actor=actor, started_at=now, paths=paths, background=True
    )
    first_path: dict[str, str] = {}  # sha256 -> the file of this batch that has it
    chunk: list[_Entry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) == CHUNK:
            _add_files(batch, chunk, first_path, skipped, now)
            chunk = []
    _add_files(batch, chunk, first_path, skipped, now)
    batch.skipped = skipped
    batch.save(update_fields=["skipped", "updated_at"])
    ImportEvent.objects.create(
        action=events.BATCH_CREATED,
        actor=actor,
        batch=batch,
        payload={"files": len(first_path), "skipped": len(skipped)},
    )
    return batch


def _add_files(
    batch: ImportBatch,
    chunk: list[_Entry],
    first_path: dict[str, str],
    skipped: list[dict[str, str]],
    now: datetime,
) -> None:
    rows: list[ImportBatchFile] = []
    blobs: dict[str, tuple[str, bytes]] = {}
    for path, data in chunk:
        if data is None:
            rows.append(ImportBatchFile(batch=batch, path=path[:1000]))
            continue
        sha = hashlib.sha256(data).hexdigest()
        if sha in first_path:
            skipped.append(
                {
                    "path": path,
                    "reason": f"与「{first_path[sha]}」内容相同，同一批次只导入一次",
                }
            )
            continue
        first_path[sha] = path
        blobs[sha] = (path, data)
        rows.append(ImportBatchFile(batch=batch, path=path[:1000], sha256=sha))
    sources = _source_files_store(blobs, now)
    for row in rows:
        row.source_file = sources.get(row.sha256)
    ImportBatchFile.objects.bulk_create(rows, batch_size=CHUNK)


def _source_files_store(
    blobs: dict[str, tuple[str, bytes]], now: datetime
) -> dict[str, SourceFile]:
    """The SourceFile of each checksum, storing the bytes of those not yet stored."""
    known = set(
        SourceFile.objects.filter(sha256__in=list(blobs)).values_list(
            "sha256", flat=True
        )
    )
    SourceFile.objects.bulk_create(
        [
            SourceFile(
                sha256=sha,
                name=Path(path).name[:255],
                path=path[:1000],
                content=data,
                size=len(data),
                first_imported_at=now,
                last_imported_at=now,
            )
            for sha, (path, data) in blobs.items()
            if sha not in known
        ],
        batch_size=CHUNK,
        ignore_conflicts=True,  # stored meanwhile by another import: the same bytes
    )
    return {
        s.sha256: s
        for s in SourceFile.objects.filter(sha256__in=list(blobs)).only("pk", "sha256")
    }


# ---------------------------------------------------------------------------
# Queueing
# ---------------------------------------------------------------------------
def batch_enqueue(*, batch: ImportBatch) -> int:
    """Queue a task for each pending file of ``batch`` not queued yet; returns how
    many were queued.  Run after the batch is committed, outside any transaction
    of the caller, so that a worker always finds the rows its task names.  If the
    queue fails part way, the files queued so far keep their task and the others
    stay unqueued: ``batch_retry_failed`` queues them."""
    from gongkai.imports.tasks import import_file

    ids = list(
        batch.files.filter(state=FileState.PENDING, task_id="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        queued: list[ImportBatchFile] = []
        try:
            with transaction.atomic():
                for pk in ids[start : start + CHUNK]:
                    result = import_file.enqueue(pk)
                    queued.append(ImportBatchFile(pk=pk, task_id=str(result.id)))
        finally:
            ImportBatchFile.objects.bulk_update(queued, ["task_id"], batch_size=CHUNK)
    return len(ids)


def batch_retry_failed(*, batch: ImportBatch, actor: User | None, now: datetime) -> int:
    """Queue again the failed files of ``batch``, the files whose worker died
    (running for longer than ``STALE_AFTER``) and those never queued; nothing
    else.  Returns how many files were queued."""
    with transaction.atomic():
        files = batch.files.all()
        again = files.filter(state=FileState.FAILED).update(
            state=FileState.PENDING, task_id="", error=""
        )
        again += files.filter(
            state=FileState.RUNNING, started_at__lt=now - STALE_AFTER
        ).update(state=FileState.PENDING, task_id="", error="")
        unqueued = files.filter(state=FileState.PENDING, task_id="").count()
        if unqueued:
            ImportBatch.objects.filter(pk=batch.pk).update(finished_at=None)
            ImportEvent.objects.create(
                action=events.BATCH_RETRIED,
                actor=actor,
                batch=batch,
                payload={"files": unqueued},
            )
    return batch_enqueue(batch=batch) if unqueued else 0


# ---------------------------------------------------------------------------
# One file (the task's body)
# ---------------------------------------------------------------------------
def batch_file_import(*, file_id: int, clock: Clock, parse: Parse | None = None) -> str:
    """Import one file of a batch; returns its state afterwards, or ``"skipped"``
    when it was not pending (already imported, or running in another worker)."""
    claimed = _persisting(
        lambda: ImportBatchFile.objects.filter(
            pk=file_id, state=FileState.PENDING
        ).update(
            state=FileState.RUNNING,
            attempts=F("attempts") + 1,
            started_at=clock(),
            finished_at=None,
            error="",
        )
    )
    if not claimed:
        return "skipped"
    row = ImportBatchFile.objects.select_related("batch__actor", "source_file").get(
        pk=file_id
    )
    state, error, record_id = FileState.FAILED, "", None
    try:
        outcome = _import_with_retries(row, clock, parse or importing.parse_published)
    except ImportFailed as exc:
        error = exc.message
    except Exception as exc:  # a bug must fail this file, not the worker
        error = f"导入时出错：{type(exc).__name__}: {exc}"
    else:
        record_id = outcome.record_id
        if outcome.status == RecordStatus.FAILED:
            error = outcome.error
        else:
            state = FileState.DONE
    _persisting(
        lambda: ImportBatchFile.objects.filter(pk=file_id).update(
            state=state, error=error, record_id=record_id, finished_at=clock()
        )
    )
    _persisting(lambda: _batch_finish_if_done(row.batch_id, clock()))
    return str(state)


def _persisting(write: Callable[[], _T]) -> _T:
    """``write`` again after a short wait while the database is busy (SQLite
    locked by another worker's write); the last failure is raised."""
    for attempt in range(1, CONFLICT_TRIES + 1):
        try:
            return write()
        except OperationalError:
            if attempt == CONFLICT_TRIES:
                raise
            time.sleep(0.05 * 2**attempt * (1 + random.random()))  # noqa: S311
    raise AssertionError("unreachable")


def _import_with_retries(
    row: ImportBatchFile, clock: Clock, parse: Parse
) -> importing.FileOutcome:
    if row.source_file is not None:
        data = bytes(row.source_file.content)
    else:
        data = importing._read(Path(row.path))  # the same app's reader
    for attempt in range(1, CONFLICT_TRIES + 1):
        try:
            return import_bytes(
                batch=row.batch,
                path=Path(row.path),
                data=data,
                actor=row.batch.actor,
                clock=clock,
                parse=parse,
                reraise=(IntegrityError, OperationalError),
            )
        except (IntegrityError, OperationalError) as exc:
            if attempt == CONFLICT_TRIES:
                raise ImportFailed(
                    f"与同时进行的导入冲突，重试 {CONFLICT_TRIES} 次后仍失败："
                    f"{type(exc).__name__}: {exc}"
                ) from None
            time.sleep(0.05 * 2**attempt * (1 + random.random()))  # noqa: S311
    raise AssertionError("unreachable")


def _batch_finish_if_done(batch_id: int, now: datetime) -> None:
    """When no file is left to import, write the batch's counts and end time (the
    last worker to finish does; two at once write the same)."""
    files = ImportBatchFile.objects.filter(batch_id=batch_id)
    if files.filter(state__in=[FileState.PENDING, FileState.RUNNING]).exists():
        return
    records = ImportRecord.objects.filter(
        pk__in=files.exclude(record=None).values("record_id")
    )
    ImportBatch.objects.filter(pk=batch_id).update(
        finished_at=now,
        imported_count=records.filter(status=RecordStatus.IMPORTED).count(),
        unchanged_count=records.filter(status=RecordStatus.UNCHANGED).count(),
        failed_count=files.filter(state=FileState.FAILED).count(),
    )
