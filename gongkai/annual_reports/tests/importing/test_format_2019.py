"""Reports in the 2019 trial format (国办公开办函〔2019〕60号, domain-spec §4.5)."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ActiveDisclosure, Applications, ReportData
from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.importing import parse_bytes
from gongkai.annual_reports.layout import appeals_layout
from gongkai.annual_reports.tests.importing.helpers import differences, rng
from gongkai.annual_reports.tests.importing.shapes import (
    random_report,
    stream_table,
    tab_table,
)

NBSP = "\xa0"
# The 2019 section 二 table: (block heading, columns, rows).
BLOCKS_2019 = (
    (
        "第二十条第（一）项",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        ("规章", "规范性文件"),
    ),
    (
        "第二十条第（五）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        ("行政许可", "其他对外管理服务事项"),
    ),
    (
        "第二十条第（六）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        ("行政处罚", "行政强制"),
    ),
    ("第二十条第（八）项", ("上一年项目数量", "本年增/减"), ("行政事业性收费",)),
    ("第二十条第（九）项", ("采购项目数量", "采购总金额"), ("政府集中采购",)),
)


def _value(rng: random.Random, column: str) -> int | str | None:
    if rng.random() < 0.08:
        return None
    if column == "本年增/减":
        return rng.randint(-20, 20)
    if column == "采购总金额":
        return f"{rng.randint(0, 99999)}.{rng.randint(0, 99):02d}"
    return rng.randint(0, 5000)


def _written(rng: random.Random, value: int | str | None, *, stream: bool) -> str:
    if value is None:
        return NBSP if stream else ""
    if isinstance(value, int) and value > 0 and rng.random() < 0.3:
        return f"+{value}" if rng.random() < 0.5 else f"{value:,}"
    return str(value)


def active_2019(rng: random.Random) -> dict[str, dict[str, dict[str, Any]]]:
    return {
        heading: {row: {c: _value(rng, c) for c in columns} for row in rows}
        for heading, columns, rows in BLOCKS_2019
    }


def expected_active(
    values: dict[str, dict[str, dict[str, Any]]],
) -> tuple[ActiveDisclosure, dict[str, Any]]:
    """What the import gives: mapped cells, and everything else as supplementary."""
    b1, b5, b6 = (
        values[h]
        for h in ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项")
    )
    active = ActiveDisclosure(
        rules=(b1["规章"]["本年新制作数量"], None, None),
        normative_docs=(b1["规范性文件"]["本年新制作数量"], None, None),
        licensing=b5["行政许可"]["处理决定数量"],
        punishment=b6["行政处罚"]["处理决定数量"],
        coercion=b6["行政强制"]["处理决定数量"],
        fees_wan_yuan=None,
    )
    mapped = {"本年新制作数量", "处理决定数量"}
    supplementary: dict[str, Any] = {}
    for heading, rows in values.items():
        for row, cells in rows.items():
            keep = {
                c: v
                for c, v in cells.items()
                if c not in mapped or row in ("其他对外管理服务事项",)
            }
            if keep:
                supplementary.setdefault(heading, {})[row] = keep
    return active, supplementary


def active_lines(
    rng: random.Random, values: dict[str, dict[str, dict[str, Any]]], *, stream: bool
) -> list[str]:
    lines: list[str] = []
    for heading, columns, rows in BLOCKS_2019:
        header = ["信息内容", *columns]
        body = [
            [
                row,
                *(
                    _written(rng, values[heading][row][c], stream=stream)
                    for c in columns
                ),
            ]
            for row in rows
        ]
        if stream:
            for cell in [heading, *header, *(c for r in body for c in r)]:
                lines += [cell, ""]
        else:
            lines += [
                heading + "\t" * len(columns),
                "\t".join(header),
                *("\t".join(r) for r in body),
            ]
    return lines


def applications_lines(
    rng: random.Random, apps: Applications, *, stream: bool
) -> list[str]:
    """The 2019 section 三 table: as 2021, but (六)其他处理 is one row."""
    rows: list[tuple[list[str], tuple[int | None, ...]]] = []
    seen: set[str] = set()
    for spec in fmt.APPLICATION_ROWS:
        labels = []
        if spec.top == fmt.TOP_RESULTS and fmt.TOP_RESULTS not in seen:
            seen.add(fmt.TOP_RESULTS)
            labels.append(fmt.TOP_RESULTS)
        if spec.field == "other":
            if spec.index == 0:
                rows.append(([*labels, "（六）其他处理"], apps.other[2]))
            continue
        if spec.group and spec.group not in seen:
            seen.add(spec.group)
            labels.append(spec.group)
        rows.append(([*labels, spec.label], apps.row(spec.path)))
    header = [
        fmt.APPLICATIONS_CORNER_NOTE,
        fmt.APPLICANT_HEADER,
        fmt.NATURAL_PERSON,
        fmt.LEGAL_PERSONS_HEADER,
        fmt.TOTAL,
        *fmt.LEGAL_PERSON_COLUMNS,
    ]
    lines: list[str] = []
    if stream:
        for cell in header:
            lines += [cell, ""]
        for labels, values in rows:
            for cell in [*labels, *(_written(rng, v, stream=True) for v in values)]:
                lines += [cell, ""]
        return lines
    lines += ["\t".join(header)]
    lines += [
        "\t".join([*labels, *(_written(rng, v, stream=False) for v in values)])
        for labels, values in rows
    ]
    return lines


def make_2019(rng: random.Random, *, stream: bool) -> tuple[str, ReportData]:
    report, title = random_report(rng, blank_share=rng.choice((0.0, 0.1)))
    values = active_2019(rng)
    active, supplementary = expected_active(values)
    apps = report.applications
    assert apps is not None
    single = tuple(
        sum(v or 0 for v in col) if any(v is not None for v in col) else None
        for col in zip(*apps.other, strict=True)
    )
    apps = replace(apps, other=((None,) * 7, (None,) * 7, single))
    expected = replace(
        report,
        active=active,
        applications=apps,
        format_version=fmt.FORMAT_2019_TRIAL,
        supplementary=supplementary,
    )
    lines = [
        title,
        "",
        "一、总体情况",
        "",
        "2019年，全年受理申请 23 件。",
        "",
        "二、主动公开政府信息情况",
        "",
        *active_lines(rng, values, stream=stream),
        "",
        "三、收到和处理政府信息公开申请情况",
        "",
        *applications_lines(rng, apps, stream=stream),
        "",
        "四、政府信息公开行政复议、行政诉讼情况",
        "",
    ]
    appeals = appeals_layout(expected)
    lines += stream_table(rng, appeals) if stream else tab_table(rng, appeals)
    lines += [
        "",
        "五、存在的主要问题及改进情况",
        "",
        "无",
        "",
        "六、其他需要报告的事项",
        "",
        "无",
    ]
    return "\n".join(lines), expected


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("stream", [False, True], ids=["tabbed", "scraped"])
@SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_2019_report_is_recognised_and_mapped(stream: bool, rng: random.Random) -> None:
    text, expected = make_2019(rng, stream=stream)
    result = parse_bytes(text.encode(), source="2019.txt")
    report = result.report
    assert report is not None, result.error
    assert report.format_version == fmt.FORMAT_2019_TRIAL
    assert result.detected["format_version"] == fmt.FORMAT_2019_TRIAL
    assert differences(expected, report) == []
    assert dict(report.supplementary) == expected.supplementary
    assert result.to_json()["supplementary"] == expected.supplementary


def test_2019_findings_say_what_was_mapped_how() -> None:
    text, _expected = make_2019(rng(1), stream=False)
    result = parse_bytes(text.encode(), source="2019.txt")
    messages = [f.message for f in result.findings if f.code == "import.format_2019"]
    assert any("2019 年试行格式" in m for m in messages)
    assert any(
        "「本年新制作数量」读作 2021 格式的「本年制发件数」" in m for m in messages
    )
    assert any("（六）其他处理" in m and "3.其他" in m for m in messages)
    assert any("第二十条第（九）项" in m and "补充数据" in m for m in messages)
    single = next(
        f
        for f in result.findings
        if f.code == "import.format_2019" and "（六）其他处理" in f.message
    )
    assert {path_str(c.path) for c in single.cells} == {
        "applications.other.0",
        "applications.other.1",
        "applications.other.2",
    }
    # 规范性文件 is the 2019 format's own label, not a variant there
    assert not any(
        "规范性文件" in f.message
        for f in result.findings
        if f.code == "import.label_variant"
    )


def test_2019_is_recognised_by_its_columns_alone() -> None:
    text, _ = make_2019(rng(2), stream=False)
    text = text.replace("第二十条第（九）项", "").replace("政府集中采购", "")
    text = text.replace("其他对外管理服务事项", "")
    result = parse_bytes(text.encode(), source="x.txt")
    assert result.report is not None
    assert result.report.format_version == fmt.FORMAT_2019_TRIAL
