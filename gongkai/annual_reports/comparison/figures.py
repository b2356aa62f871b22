"""The main figures an auditor compares across reports: the 总计 column of section 三,
the appeal totals, the section 二 counts and the fee, each with the format's own
labels for the cells it sums."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import get_value
from gongkai.annual_reports.format import Path

T = fmt.TOTAL_COLUMN

Number = int | Decimal


@dataclass(frozen=True)
class Figure:
    key: str
    label: str  # short column heading
    legal: str  # the format's own label(s) for the cells summed
    paths: tuple[Path, ...]  # cells summed (one for most figures)


MAIN_FIGURES: tuple[Figure, ...] = (
    Figure(
        "new", "新收", f"{fmt.TOP_NEW}（{fmt.TOTAL}）", (("applications", "new", T),)
    ),
    Figure(
        "carried_over",
        "上年结转",
        f"{fmt.TOP_CARRIED_OVER}（{fmt.TOTAL}）",
        (("applications", "carried_over", T),),
    ),
    Figure(
        "total",
        "办理结果总计",
        f"{fmt.TOP_RESULTS}{fmt.OUTCOME_TOTAL_LABEL}（{fmt.TOTAL}）",
        (("applications", "total", T),),
    ),
    Figure(
        "carried_forward",
        "结转下年度",
        f"{fmt.TOP_CARRIED_FORWARD}（{fmt.TOTAL}）",
        (("applications", "carried_forward", T),),
    ),
    Figure(
        "granted",
        "予以公开",
        f"{fmt.GRANTED_LABEL}（{fmt.TOTAL}）",
        (("applications", "granted", T),),
    ),
    Figure(
        "withheld",
        "不予公开",
        f"{fmt.APPLICATION_GROUPS[0][1]} 1–8 之和（{fmt.TOTAL}）",
        tuple(
            ("applications", "withheld", i, T)
            for i in range(fmt.GROUP_SIZES["withheld"])
        ),
    ),
    Figure(
        "reconsideration",
        "行政复议总计",
        f"{fmt.RECONSIDERATION} {fmt.APPEAL_COLUMNS[4]}",
        (("appeals", "reconsideration", 4),),
    ),
    Figure(
        "litigation",
        "行政诉讼总计",
        f"{fmt.LITIGATION} {fmt.APPEAL_GROUP_LABELS['litigation_direct']}、"
        f"{fmt.APPEAL_GROUP_LABELS['litigation_after_reconsideration']} "
        f"{fmt.APPEAL_COLUMNS[4]}之和",
        (
            ("appeals", "litigation_direct", 4),
            ("appeals", "litigation_after_reconsideration", 4),
        ),
    ),
    Figure(
        "licensing",
        "行政许可",
        f"{fmt.ACTIVE_BLOCK_OF['licensing'].heading} {fmt.ACTIVE_ROW_LABELS['licensing']}",
        (("active", "licensing"),),
    ),
    Figure(
        "punishment",
        "行政处罚",
        f"{fmt.ACTIVE_BLOCK_OF['punishment'].heading} {fmt.ACTIVE_ROW_LABELS['punishment']}",
        (("active", "punishment"),),
    ),
    Figure(
        "fees",
        "收费金额（万元）",
        f"{fmt.ACTIVE_BLOCK_OF['fees_wan_yuan'].heading} "
        f"{fmt.ACTIVE_ROW_LABELS['fees_wan_yuan']} "
        f"{fmt.ACTIVE_BLOCK_OF['fees_wan_yuan'].columns[0]}",
        (("active", "fees_wan_yuan"),),
    ),
)


def figure_value(stats: Mapping[str, Any], figure: Figure) -> Number | None:
    """The figure's value: the sum of its cells, blank cells counted as 0; None when
    every cell is blank (or the table is missing)."""
    values = [get_value(stats, p) for p in figure.paths]
    present = [v for v in values if v is not None]
    if not present:
        return None
    if figure.key == "fees":
        return sum((Decimal(str(v)) for v in present), Decimal(0))
    return sum(int(v) for v in present)
