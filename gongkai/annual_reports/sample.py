"""Consistent sample statistics: demo data, tests and benchmarks.

``sample_report`` builds a report whose every check relation holds, from a seeded
random generator, the way a real office's figures add up: each applicant column's
outcomes sum to its 总计, and what was not concluded is carried forward.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import (
    ActiveDisclosure,
    Appeals,
    Applications,
    Narrative,
    ReportData,
)


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` spread over ``parts`` non-negative integers."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def sample_applications(
    rng: random.Random, scale: int = 40, carried_over: Sequence[int] | None = None
) -> Applications:
    """``carried_over``: the six applicant columns carried over from last year
    (last year's 结转下年度), so that consecutive years chain."""
    leaf_count = len(fmt.OUTCOME_LEAF_ROWS)
    columns_new, columns_over, columns_fwd = [], [], []
    leaves: list[list[int]] = [[] for _ in range(leaf_count)]
    for c in range(6):
        weight = scale if c == 0 else scale // (3 + c)
        new = rng.randint(0, weight)
        over = (
            carried_over[c]
            if carried_over is not None
            else rng.randint(0, max(1, weight // 10))
        )
        forward = rng.randint(0, (new + over) // 5) if new + over else 0
        concluded = new + over - forward
        # Most requests are granted; the rest spread over the other outcomes.
        granted = rng.randint(concluded // 2, concluded) if concluded else 0
        rest = _split(rng, concluded - granted, leaf_count - 1)
        for i, v in enumerate([granted, *rest]):
            leaves[i].append(v)
        columns_new.append(new)
        columns_over.append(over)
        columns_fwd.append(forward)

    def with_total(row: list[int]) -> tuple[int, ...]:
        return (*row, sum(row))

    rows = [with_total(r) for r in leaves]
    total = with_total([sum(r[c] for r in leaves) for c in range(6)])
    groups: dict[str, tuple[tuple[int, ...], ...]] = {}
    i = 2
    for field, size in fmt.GROUP_SIZES.items():
        groups[field] = tuple(rows[i : i + size])
        i += size
    return Applications(
        new=with_total(columns_new),
        carried_over=with_total(columns_over),
        granted=rows[0],
        partially_granted=rows[1],
        total=total,
        carried_forward=with_total(columns_fwd),
        **groups,
    )


def sample_appeals(rng: random.Random) -> Appeals:
    def group() -> tuple[int, ...]:
        parts = [rng.randint(0, 3) for _ in range(4)]
        return (*parts, sum(parts))

    return Appeals(group(), group(), group())


def sample_active(rng: random.Random) -> ActiveDisclosure:
    issued, repealed = rng.randint(0, 30), rng.randint(0, 10)
    fee = Decimal(rng.randint(0, 50_000_000)).scaleb(-4)  # 万元, 4 decimals
    return ActiveDisclosure(
        rules=(0, 0, rng.randint(0, 5)),
        normative_docs=(issued, repealed, issued + rng.randint(0, 200)),
        licensing=rng.randint(0, 80_000),
        punishment=rng.randint(0, 8_000),
        coercion=rng.randint(0, 200),
        fees_wan_yuan=fee,
    )


def sample_report(
    *,
    org: str,
    year: int,
    seed: int = 0,
    narrative: Narrative | None = None,
    previous: ReportData | None = None,
) -> ReportData:
    """``previous``: last year's report of the same organ; its 结转下年度 becomes this
    year's 上年结转."""
    carried = None
    if previous is not None and previous.applications is not None:
        carried = [v or 0 for v in previous.applications.carried_forward[:6]]
    rng = random.Random(f"{org}:{year}:{seed}")  # noqa: S311 - sample figures, not secrets
    return ReportData(
        year=year,
        org=org,
        title=f"{org}{year}年政府信息公开工作年度报告",
        active=sample_active(rng),
        applications=sample_applications(rng, carried_over=carried),
        appeals=sample_appeals(rng),
        narrative=narrative or Narrative(),
    )
