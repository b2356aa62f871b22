"""The seed reports: five published annual reports (``<id>.txt``) and what each
must read as (``<id>.truth.json``), kept in ``reports/`` here so that the tests need
nothing beside the repository (see README.md here for where they come from)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parent / "reports"


def seed_ids() -> list[str]:
    return sorted(
        p.name.removesuffix(".truth.json") for p in SEEDS.glob("*.truth.json")
    )


def seed_paths() -> list[Path]:
    """The seed reports' text files, in order."""
    return sorted(SEEDS.glob("*.txt"))


def truth_path(seed: str) -> Path:
    return SEEDS / f"{seed}.truth.json"


def truth(seed: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(truth_path(seed).read_text("utf-8"))
    return data


def seed_id(prefix: str) -> str:
    return next(s for s in seed_ids() if s.startswith(prefix))
