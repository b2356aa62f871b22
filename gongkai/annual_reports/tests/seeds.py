"""Access to the shared seed reports (../shared/seeds beside the repository)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
SEEDS = (REPO.parent / "shared" / "seeds").resolve()


def seed_ids() -> list[str]:
    return sorted(
        p.name.removesuffix(".truth.json") for p in SEEDS.glob("*.truth.json")
    )


def truth_path(seed: str) -> Path:
    return SEEDS / f"{seed}.truth.json"


def truth(seed: str) -> dict[str, Any]:
    return json.loads(truth_path(seed).read_text("utf-8"))


def seed_id(prefix: str) -> str:
    return next(s for s in seed_ids() if s.startswith(prefix))
