"""The default cache: Django's file cache, culled at most once a minute.

Django's ``FileBasedCache`` lists its whole directory on every ``set`` to decide
whether to cull.  With the public pages in it (thousands of files), that listing
became most of the cost of a page-cache miss: 24 item pages per second with the
cache against 55 without it (``benchmarks/bench_web.py``, ``items_varied``).  Here
each process culls at most once per ``CULL_INTERVAL_S``; between two culls the cache
may hold a few more entries than ``MAX_ENTRIES``.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    CULL_INTERVAL_S = 60.0

    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        super().__init__(dir, params)
        self._last_cull = float("-inf")
        self._cull_lock = threading.Lock()

    def _cull(self) -> None:
        now = time.monotonic()
        with self._cull_lock:
            if now - self._last_cull < self.CULL_INTERVAL_S:
                return
            self._last_cull = now
        super()._cull()  # type: ignore[misc]  # private in django-stubs
