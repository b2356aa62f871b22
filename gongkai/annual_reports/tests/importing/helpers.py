"""Seeds and comparisons shared by the importing tests."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gongkai.annual_reports.data import ReportData, report_to_dict
from gongkai.annual_reports.tests.seeds import SEEDS, seed_paths

__all__ = ["SEEDS", "seed_paths"]

COMPARED = ("title", "year", "org", "active", "applications", "appeals")


def rng(seed: int | str) -> random.Random:
    """A seeded generator for test data (reproducible, not for secrets)."""
    return random.Random(seed)  # noqa: S311


def seed(prefix: str) -> Path:
    return next(p for p in seed_paths() if p.name.startswith(prefix))


def truth_of(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SEEDS / f"{path.stem}.truth.json").read_text("utf-8")
    )
    return data


def cells(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of a report's JSON form, by path ("applications.new.3")."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from cells(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from cells(value, f"{prefix}.{i}")
    else:
        yield prefix, data


def as_json(report: ReportData | dict[str, Any]) -> dict[str, Any]:
    data = (
        report if isinstance(report, dict) else report_to_dict(report, extended=False)
    )
    return {k: data.get(k) for k in COMPARED}


def differences(
    expected: ReportData | dict[str, Any], got: ReportData | dict[str, Any]
) -> list[tuple[str, Any, Any]]:
    """(path, expected, got) for every cell that differs; [] when equal."""
    want = dict(cells(as_json(expected)))
    have = dict(cells(as_json(got)))
    missing = object()
    return [
        (k, want.get(k, missing), have.get(k, missing))
        for k in sorted(set(want) | set(have))
        if want.get(k, missing) != have.get(k, missing)
    ]
