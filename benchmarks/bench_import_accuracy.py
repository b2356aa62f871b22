"""Importing reports as the web serves them (issue 8): accuracy per damaged shape,
and speed on clean and glued text beside a bare regex scan of the same texts.

Accuracy: ``CASES`` random reports per shape of
``gongkai/annual_reports/tests/importing/flat_shapes.py`` (one line without white
space, separators partly kept, site chrome, damaged labels, one line per table),
each parsed with ``parse_bytes`` and compared cell by cell with the report it was
rendered from (the three tables, nulls included; ``flat_shapes.score``).  A wrong
cell is *flagged* when a warning or an error points at it (or at its row or
table) and *silently wrong* otherwise.  *Inferred* cells came from a split of glued
digits (``import.split_inferred`` / ``import.split_uncertain``).

Seeds: the published seed reports (``../shared/seeds`` when it exists beside the
repository, else ``gongkai/annual_reports/tests/seeds/reports``), every cell of
each ``.truth.json`` (title, year, organ and the tables, nulls included).

Speed: ``SPEED_REPORTS`` clean reports (the seeds' text shapes,
``tests/importing/shapes.py``) and as many glued ones (the ``glued`` shape), held in
memory as UTF-8 bytes; each set is parsed with ``parse_bytes`` and, interleaved,
scanned with a bare regular expression (decode, ``re.findall(r"\\d+")``).  CPU
time, best of ``PASSES`` passes.

``GONGKAI_BENCH_ACCURACY_CASES`` sets the cases per shape (default 300; the run
takes about half a minute of CPU time with eight shapes),
``GONGKAI_BENCH_SPEED_REPORTS`` the reports per speed set (default 1,000).
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gongkai.annual_reports.data import ReportData  # noqa: E402
from gongkai.annual_reports.importing import parse_bytes  # noqa: E402
from gongkai.annual_reports.tests.importing import flat_shapes  # noqa: E402
from gongkai.annual_reports.tests.importing.helpers import (  # noqa: E402
    as_json,
    cells,
    differences,
)
from gongkai.annual_reports.tests.importing.shapes import SHAPES, make_case  # noqa: E402
from gongkai.annual_reports.tests.seeds import SEEDS  # noqa: E402

CASES = int(os.environ.get("GONGKAI_BENCH_ACCURACY_CASES", "300"))
SPEED_REPORTS = int(os.environ.get("GONGKAI_BENCH_SPEED_REPORTS", "1000"))
PASSES = 3
GOAL_GLUED = 0.99  # issue 8: at least 99% of cells right on the generated glued shapes
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
_NUMBERS = re.compile(r"\d+")


def _parse(data: bytes) -> Any:
    return parse_bytes(data, source="bench.txt", suffix=".txt")


def _scan(data: bytes) -> None:
    _NUMBERS.findall(data.decode("utf-8"))


def _cpu(function: Callable[[bytes], object], items: Sequence[bytes]) -> float:
    started = time.process_time()
    for item in items:
        function(item)
    return time.process_time() - started


def _rates(texts: Sequence[bytes]) -> tuple[float, float]:
    """(parse, regex scan) reports per CPU second, best of PASSES interleaved."""
    for text in texts[:20]:  # warm caches and imports
        _parse(text)
    parse, scan = [], []
    for _ in range(PASSES):
        parse.append(_cpu(_parse, texts))
        scan.append(_cpu(_scan, texts))
    return len(texts) / min(parse), len(texts) / min(scan)


def accuracy(cases: int) -> tuple[dict[str, flat_shapes.Score], list[str]]:
    """Scores per shape and a few silently wrong cells to look at."""
    scores: dict[str, flat_shapes.Score] = {}
    examples: list[str] = []
    for shape in flat_shapes.FLAT_SHAPES:
        per = flat_shapes.Score()
        for i in range(cases):
            seed = f"bench:{shape}:{i}"
            case = flat_shapes.flat_case(shape, random.Random(seed))
            got, silent = flat_shapes.score(case, _parse(case.text.encode()))
            per.add(got)
            examples += [f"{shape} {seed} {p}" for p in silent[: 3 - len(examples)]]
        scores[shape] = per
    return scores, examples


def seeds_folder() -> Path:
    return SHARED_SEEDS if any(SHARED_SEEDS.glob("*.truth.json")) else SEEDS


def seed_accuracy(folder: Path) -> tuple[int, int]:
    """(cells right, cells) over the seeds in ``folder``."""
    right = total = 0
    for path in sorted(folder.glob("*.txt")):
        truth_file = folder / f"{path.stem}.truth.json"
        if not truth_file.exists():
            continue
        truth = as_json(json.loads(truth_file.read_text("utf-8")))
        result = parse_bytes(path.read_bytes(), source=path.name, suffix=".txt")
        got: ReportData | dict[str, Any] = result.report or {}
        wrong = {k for k, _, _ in differences(truth, got)}
        for key, _value in cells(truth):
            total += 1
            right += key not in wrong
    return right, total


def _texts(make: Callable[[random.Random], str], n: int) -> list[bytes]:
    return [make(random.Random(f"speed:{i}")).encode() for i in range(n)]


def _print_accuracy(scores: dict[str, flat_shapes.Score]) -> flat_shapes.Score:
    total = flat_shapes.Score()
    for shape, s in scores.items():
        total.add(s)
        print(
            f"import accuracy {shape:16} {s.right / s.total:7.2%} of {s.total} cells "
            f"right; {s.flagged} wrong but flagged, {s.silent} silently wrong; "
            f"{s.inferred / s.total:.1%} inferred"
        )
    print(
        f"import accuracy {'overall':16} {total.right / total.total:7.2%} of "
        f"{total.total} cells right (goal on the glued shapes: {GOAL_GLUED:.0%}); "
        f"{total.flagged} wrong but flagged, {total.silent} silently wrong; "
        f"{total.inferred / total.total:.1%} of cells inferred from glued digits"
    )
    return total


def run() -> dict[str, float]:
    scores, silent = accuracy(CASES)
    total = _print_accuracy(scores)
    for example in silent:
        print(f"  silently wrong: {example}")
    folder = seeds_folder()
    right, cells_ = seed_accuracy(folder)
    print(
        f"seeds ({folder}): {right}/{cells_} cells right "
        f"({right / max(1, cells_):.2%}; must stay 100%)"
    )
    clean = _texts(
        lambda r: make_case(SHAPES[r.randrange(len(SHAPES))], r).text, SPEED_REPORTS
    )
    glued = _texts(lambda r: flat_shapes.flat_case("glued", r).text, SPEED_REPORTS)
    clean_rate, clean_scan = _rates(clean)
    glued_rate, glued_scan = _rates(glued)
    for name, rate, scan in (
        ("clean", clean_rate, clean_scan),
        ("glued", glued_rate, glued_scan),
    ):
        print(
            f"parse {name}: {rate:,.0f} reports/s (limit: bare regex scan {scan:,.0f} "
            f"reports/s, ratio {scan / rate:.1f}x) — {SPEED_REPORTS} reports in "
            f"memory, CPU time, best of {PASSES} passes"
        )
    figures: dict[str, float] = {
        f"import_accuracy_{shape}_pct": 100 * s.right / s.total
        for shape, s in scores.items()
    }
    figures.update(
        {
            "import_accuracy_overall_pct": 100 * total.right / total.total,
            "import_flagged_wrong_cells": float(total.flagged),
            "import_inferred_share_pct": 100 * total.inferred / total.total,
            "import_silently_wrong_cells": float(total.silent),
            "import_seed_accuracy_pct": 100 * right / max(1, cells_),
            "parse_clean_reports_per_s": clean_rate,
            "parse_clean_regex_reports_per_s": clean_scan,
            "parse_clean_vs_regex_ratio": clean_scan / clean_rate,
            "parse_glued_reports_per_s": glued_rate,
            "parse_glued_regex_reports_per_s": glued_scan,
            "parse_glued_vs_regex_ratio": glued_scan / glued_rate,
        }
    )
    return figures


if __name__ == "__main__":
    run()
