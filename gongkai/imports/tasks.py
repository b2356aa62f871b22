"""The background tasks of imports (django-tasks), each a thin call of a service.

- ``import_file``: imports one file of a background batch
  (:func:`gongkai.imports.services.batches.batch_file_import`).  One task per
  file, so that several workers share a batch and a failed file is retried alone.
"""

from __future__ import annotations

from django_tasks import task

from gongkai.core import clock
from gongkai.imports.services.batches import batch_file_import


@task()
def import_file(file_id: int) -> str:
    """Import the batch file ``file_id``; returns its state afterwards."""
    return batch_file_import(file_id=file_id, clock=clock.now)
