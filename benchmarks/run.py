"""Run every benchmark (benchmarks/bench_*.py), print each figure beside the limit
it is measured against, and write every figure to benchmarks/results.json.

Each module defines ``run() -> dict[str, float]``; the figures' names are global.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    only = set(argv)
    results: dict[str, float] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        if only and path.stem not in only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None:
            raise ImportError(path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}")
        results.update(module.run())
    out = HERE / "results.json"
    previous = json.loads(out.read_text()) if out.exists() and only else {}
    previous.update(results)
    out.write_text(json.dumps(previous, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(results)} figures to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
