"""Reads of background import batches: progress as counts by state, and the files
(selectors; the writes are in ``services/batches.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from gongkai.imports.errors import BatchNotFound
from gongkai.imports.models import (
    FileState,
    ImportBatch,
    ImportBatchFile,
    ImportRecord,
    RecordStatus,
)


@dataclass(frozen=True)
class BatchProgress:
    batch: ImportBatch
    counts: dict[str, int]  # FileState value -> files
    unqueued: int  # pending files whose task was never queued
    imported: int  # done files that gave a new or changed report
    unchanged: int  # done files imported before (the same content)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> bool:
        return (
            self.counts[FileState.PENDING] == 0 and self.counts[FileState.RUNNING] == 0
        )

    @property
    def failed(self) -> int:
        return self.counts[FileState.FAILED]

    @property
    def retryable(self) -> int:
        """Files a retry queues: the failed and those never queued."""
        return self.failed + self.unqueued

    @property
    def percent(self) -> int:
        if not self.total:
            return 100
        ended = self.counts[FileState.DONE] + self.counts[FileState.FAILED]
        return ended * 100 // self.total

    def by_state(self) -> list[tuple[str, str, int]]:
        """(value, label, files) for each state, in the order of FileState."""
        return [(s.value, str(s.label), self.counts[s.value]) for s in FileState]


def batch_progress(*, pk: int) -> BatchProgress:
    batch = (
        ImportBatch.objects.select_related("actor")
        .filter(pk=pk, background=True)
        .first()
    )
    if batch is None:
        raise BatchNotFound(f"没有编号为 {pk} 的后台导入批次")
    files = ImportBatchFile.objects.filter(batch=batch)
    counts = dict.fromkeys(FileState.values, 0)
    for row in files.values("state").annotate(n=Count("pk")).order_by():
        counts[row["state"]] = row["n"]
    outcomes = dict(
        ImportRecord.objects.filter(
            pk__in=files.filter(state=FileState.DONE).values("record_id")
        )
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return BatchProgress(
        batch=batch,
        counts=counts,
        unqueued=files.filter(state=FileState.PENDING, task_id="").count(),
        imported=outcomes.get(RecordStatus.IMPORTED, 0),
        unchanged=outcomes.get(RecordStatus.UNCHANGED, 0),
    )


def batch_file_list(
    *, batch: ImportBatch, state: str = "", limit: int = 500
) -> list[ImportBatchFile]:
    """The batch's files (of one state when given), failed first, each with the
    report it gave; at most ``limit``."""
    files: QuerySet[ImportBatchFile] = batch.files.select_related(
        "record__report__organisation"
    ).defer("record__provenance", "record__statistics", "record__findings")
    if state:
        files = files.filter(state=state)
    files = files.order_by("pk")
    failed = list(files.filter(state=FileState.FAILED)[:limit])
    rest = files.exclude(state=FileState.FAILED)[: max(0, limit - len(failed))]
    return failed + list(rest)
