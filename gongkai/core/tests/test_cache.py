"""The file cache lists its folder to cull at most once a minute, not on every write."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.core.cache import FileCache


def test_writes_between_two_culls_do_not_list_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 3}})
    listed: list[int] = []
    real = cache._list_cache_files  # type: ignore[attr-defined]

    def counting() -> list[str]:
        listed.append(1)
        return list(real())

    monkeypatch.setattr(cache, "_list_cache_files", counting)
    for n in range(10):
        cache.set(f"k{n}", n)
    assert len(listed) == 1  # the first write culled; the next nine did not list
    assert cache.get("k9") == 9

    cache._last_cull -= FileCache.CULL_INTERVAL_S  # a minute later
    cache.set("k10", 10)
    assert len(listed) == 2
    assert len(list(real())) <= 10  # over MAX_ENTRIES: the cull removed some


def test_the_default_settings_use_it() -> None:
    from gongkai.config.settings import base

    assert base.CACHES["default"]["BACKEND"] in {
        "gongkai.core.cache.FileCache",
        "django.core.cache.backends.redis.RedisCache",
    } or not base.CACHES["default"]["BACKEND"].endswith("FileBasedCache")
