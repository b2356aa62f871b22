"""The seed reports kept in the repository: five, each with its truth, and the
same as the project's shared copy when that is beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.annual_reports.tests.seeds import SEEDS, seed_ids, seed_paths, truth

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def test_five_seeds_each_with_its_truth() -> None:
    assert len(seed_paths()) == 5
    # Nothing else in the folder: importing it imports exactly the five reports.
    assert sorted(p.name for p in SEEDS.iterdir()) == sorted(
        name for seed in seed_ids() for name in (f"{seed}.txt", f"{seed}.truth.json")
    )
    assert [p.stem for p in seed_paths()] == seed_ids()
    for seed in seed_ids():
        assert truth(seed)["org"]


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="no ../shared/seeds beside the repository"
)
def test_same_as_the_shared_seeds() -> None:
    shared = sorted(p.name for p in SHARED.iterdir() if p.is_file())
    ours = sorted(p.name for p in SEEDS.iterdir() if p.suffix in (".txt", ".json"))
    assert ours == shared
    for name in shared:
        assert (SEEDS / name).read_bytes() == (SHARED / name).read_bytes(), name
