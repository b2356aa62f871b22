"""Random reports flattened into the text shapes real reports come in.

``make_case(shape, rng)`` gives a report's text and exactly what a perfect import
gives (``Case.expected``).  The shapes follow the seeds:

* ``tabbed``: tab-separated rows on the official grid (seed 001/003), merged cells
  as empty fields that are randomly dropped, the odd trailing tab, rows whose label
  took the first value column (003's 予以公开);
* ``markdown``: markdown headings, tab or ``|`` tables, whole tables and rows
  missing (seed 000);
* ``headerless``: the appeals table as one headerless row of 15 numbers between
  sections 二 and 五, section 三 missing (seed 002);
* ``scraped``: a scraped page, every cell on its own line, blank cells as a lone
  U+00A0, half-width punctuation, page metadata first, the appeals row cut short
  (seed 004).

Noise everywhere: blank cells, stray spaces and NBSP, thousands separators,
full-width digits, both bracket widths, label variants (社会组织, 规范性文件,
本年度止件数), labels broken over two lines, page breaks.  Inputs that no reader
could resolve are not generated: a tab row whose first value is blank never gets
an extra trailing tab (the empty field could then be either).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData, report_from_dict, report_to_dict
from gongkai.annual_reports.layout import LayoutCell, TableLayout, table_layouts
from gongkai.annual_reports.sample import sample_report

SHAPES = ("tabbed", "markdown", "headerless", "scraped")
NBSP = "\xa0"

#: (organ as the title writes it, the organ's full name)
PLACES = (
    ("中阳县", "中阳县人民政府"),
    ("海通乡", "海通乡人民政府"),
    ("鹿邑县人民政府", "鹿邑县人民政府"),
    ("成安县", "成安县人民政府"),
    ("濮阳市财政局", "濮阳市财政局"),
    ("城关街道", "城关街道办事处"),
    ("北京市", "北京市人民政府"),
    ("东湖镇", "东湖镇人民政府"),
)
VARIANTS = {
    "社会公益组织": "社会组织",
    "行政规范性文件": "规范性文件",
    "本年废止件数": "本年度止件数",
}
HALF_WIDTH = str.maketrans("（）：，", "():,")
FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Case:
    shape: str
    text: str
    expected: ReportData
    inferred_appeals: bool = False


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------
def random_report(
    rng: random.Random, *, blank_share: float, blank_appeals: bool = True
) -> tuple[ReportData, str]:
    """A consistent sample report with some cells blanked, and its title as written
    (with stray spaces); the report's title is the written one without spaces."""
    place, org = rng.choice(PLACES)
    year = rng.randint(2019, 2025)
    base = sample_report(org=org, year=year, seed=rng.randrange(10**6))
    data = report_to_dict(base)
    decimals = rng.choice((0, 1, 2, 4, 5, 6))
    cents = rng.randint(0, 5 * 10**7)
    fee = Decimal(cents).scaleb(-decimals) if decimals else Decimal(cents // 10**4)
    data["active"]["fees_wan_yuan"] = format(fee, "f")
    for table in ("active", "applications", "appeals"):
        if table == "appeals" and not blank_appeals:
            continue
        _blank_cells(rng, data[table], blank_share)
    word = rng.choice(("年", "年度"))
    written = (
        f"{place}{rng.choice(('', ' '))}{year}{rng.choice(('', ' '))}{word}"
        f"政府信息公开{rng.choice(('', ' '))}工作年度报告"
    )
    data["title"] = written.replace(" ", "")
    data["org"] = org
    return report_from_dict(data).report, written


def _blank_cells(rng: random.Random, node: Any, share: float) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, list | dict):
                _blank_cells(rng, value, share)
            elif rng.random() < share:
                node[key] = None
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, list):
                _blank_cells(rng, value, share)
            elif rng.random() < share:
                node[i] = None


# ---------------------------------------------------------------------------
# Writing cells
# ---------------------------------------------------------------------------
def write_value(rng: random.Random, cell: LayoutCell, *, stream: bool) -> str:
    if cell.value is None:
        return (
            rng.choice((NBSP, NBSP, "-")) if stream else rng.choice(("", "", NBSP, "-"))
        )
    text = cell.text
    roll = rng.random()
    if roll < 0.15 and len(text.split(".")[0]) > 3:
        whole, _, fraction = text.partition(".")
        text = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    elif roll < 0.25:
        text = text.translate(FULL_DIGITS)
    elif roll < 0.35 and len(text) > 1 and "." not in text:
        at = rng.randint(1, len(text) - 1)
        text = text[:at] + " " + text[at:]
    pad = rng.random()
    if pad < 0.2:
        text = NBSP * rng.randint(1, 3) + text
    elif pad < 0.3:
        text = text + NBSP * rng.randint(1, 2)
    return text


def write_label(
    rng: random.Random, text: str, *, half_width: bool = False, variants: bool = True
) -> str:
    if variants and text in VARIANTS and rng.random() < 0.5:
        text = VARIANTS[text]
    if half_width or rng.random() < 0.3:
        text = text.translate(HALF_WIDTH)
    if rng.random() < 0.25 and len(text) > 2:
        at = rng.randint(1, len(text) - 1)
        text = text[:at] + rng.choice((" ", " ", NBSP)) + text[at:]
    return text


def split_label(rng: random.Random, text: str) -> tuple[str, str] | None:
    """A label broken over two lines, or None."""
    if len(text) < 4 or rng.random() > 0.15:
        return None
    at = rng.randint(2, len(text) - 2)
    head, tail = text[:at].rstrip(), text[at:].lstrip()
    if not head or head.replace(" ", "").replace(NBSP, "").isdigit():
        return None  # a bare item number on its own line reads as a value
    return head, tail


def narrative(rng: random.Random, year: int) -> list[str]:
    n = rng.randint(5, 400)
    return [
        f"{year}年，我单位坚持“公开为常态、不公开为例外”，全年共受理政府信息公开申请{n}件，"
        f"办理行政许可{rng.randint(10, 9000)}件，均在法定期限内答复。",
        f"（一）主动公开情况。全年主动公开政府信息{rng.randint(100, 9000)}条，"
        f"其中规章{rng.randint(0, 5)}件、行政规范性文件{rng.randint(0, 40)}件。",
        "（二）依申请公开情况。严格按照条例办理。",
    ]


# ---------------------------------------------------------------------------
# Tables on the official grid
# ---------------------------------------------------------------------------
def grid_rows(layout: TableLayout) -> list[list[LayoutCell | None]]:
    """The layout's rows on its full grid; None where a merged cell covers."""
    rows: list[list[LayoutCell | None]] = [[None] * layout.n_cols for _ in layout.rows]
    for r, c, cell in layout.anchors():
        rows[r][c] = cell
    return rows


def _tab_row(
    rng: random.Random, row: list[LayoutCell | None], *, pipes: bool
) -> tuple[list[str], int | None]:
    """One grid row as text fields (gaps before the values randomly dropped), and
    the index of its row label among the fields."""
    values = [c for c in row if c is not None and c.is_value]
    first_value = next(
        (i for i, c in enumerate(row) if c is not None and c.is_value), len(row)
    )
    last_label = max(
        (i for i, c in enumerate(row[:first_value]) if c is not None), default=-1
    )
    fields: list[str] = []
    label_field: int | None = None
    for i, cell in enumerate(row):
        if cell is None:
            if last_label < i < first_value and values and rng.random() < 0.5:
                continue  # merged-label gap dropped (seed 001's rows differ)
            if i > first_value and rng.random() < 0.3:
                continue  # the gap after a merged value cell
            fields.append("")
        elif cell.is_value:
            fields.append(write_value(rng, cell, stream=False))
        else:
            if cell.kind == "label":
                label_field = len(fields)
            fields.append(write_label(rng, cell.text))
    if values and not pipes and values[0].value is not None and rng.random() < 0.2:
        fields.append("")  # the stray trailing tab of seed 001
    return fields, label_field


def _short_row(row: list[LayoutCell | None]) -> bool:
    """Seed 003: the label spills into the blank 自然人 column."""
    values = [c for c in row if c is not None and c.is_value]
    return len(values) == 7 and values[0].value is None


def tab_table(
    rng: random.Random, layout: TableLayout, *, pipes: bool = False, split: bool = True
) -> list[str]:
    lines: list[str] = []
    for row in grid_rows(layout):
        if pipes:
            fields = [f or " " for f in _tab_row(rng, row, pipes=True)[0]]
            lines.append("| " + " | ".join(fields) + " |")
            if len(lines) == 1:
                lines.append("|" + "---|" * len(fields))
            continue
        if _short_row(row) and rng.random() < 0.3:
            labels = [write_label(rng, c.text) for c in row if c and not c.is_value]
            values = [
                write_value(rng, c, stream=False) for c in row if c and c.is_value
            ]
            lines.append("\t".join([*labels, *values[1:]]))
            continue
        fields, at = _tab_row(rng, row, pipes=False)
        pieces = split_label(rng, fields[at]) if split and at is not None else None
        if at is not None and pieces is not None:
            lines.append("\t".join([*fields[:at], pieces[0]]))
            lines.extend(_page_break(rng))
            lines.append("\t".join([pieces[1], *fields[at + 1 :]]))
        else:
            lines.append("\t".join(fields))
        lines.extend(_page_break(rng))
    return lines


def _page_break(rng: random.Random) -> list[str]:
    roll = rng.random()
    if roll < 0.08:
        return ["", "- " + str(rng.randint(2, 9)) + " -", ""]
    if roll < 0.2:
        return [""] * rng.randint(1, 2)
    return []


def stream_table(
    rng: random.Random, layout: TableLayout, *, cut_appeals: int | None = None
) -> list[str]:
    """Every cell on its own line (a scraped page); blank cells are a lone NBSP."""
    lines: list[str] = []
    values_written = 0
    for row in layout.rows:
        for cell in row:
            if cell.is_value:
                if cut_appeals is not None and values_written >= cut_appeals:
                    continue
                values_written += 1
                lines += [write_value(rng, cell, stream=True), ""]
                continue
            text = write_label(rng, cell.text, half_width=True)
            pieces = split_label(rng, text) if cell.kind == "label" else None
            if pieces is not None:
                lines += [pieces[0], "", *_page_break(rng), pieces[1], ""]
            else:
                lines += [text, ""]
        if row and row[-1].is_value and rng.random() < 0.15 and cut_appeals is None:
            lines += [NBSP, ""] * rng.randint(1, 2)  # cells of a merged value cell
    if cut_appeals is not None:
        lines += [NBSP, ""] * rng.randint(0, 2)
    return lines


# ---------------------------------------------------------------------------
# Whole reports
# ---------------------------------------------------------------------------
def _without_rows(layout: TableLayout, fields: set[str]) -> TableLayout:
    labels = {fmt.ACTIVE_ROW_LABELS[f] for f in fields}
    rows = tuple(r for r in layout.rows if not (r and r[0].text in labels))
    return replace(layout, rows=rows)


def _clear_rows(report: ReportData, fields: set[str]) -> ReportData:
    if not fields or report.active is None:
        return report
    return replace(report, active=replace(report.active, **dict.fromkeys(fields)))


def make_case(shape: str, rng: random.Random) -> Case:
    blank_share = rng.choice((0.0, 0.0, 0.05, 0.3))
    report, written_title = random_report(
        rng, blank_share=blank_share, blank_appeals=shape != "headerless"
    )
    year = report.year or 2022
    builder = {
        "tabbed": _tabbed,
        "markdown": _markdown,
        "headerless": _headerless,
        "scraped": _scraped,
    }[shape]
    return builder(rng, report, written_title, year)


def _section(
    title: str, body: list[str], rng: random.Random, prefix: str = ""
) -> list[str]:
    return ["", prefix + title, "", *body]


def _tabbed(rng: random.Random, report: ReportData, title: str, year: int) -> Case:
    active, apps, appeals = table_layouts(report)
    lines = ["", "", title, ""]
    lines += _section(fmt.SECTION_HEADINGS[0], narrative(rng, year), rng)
    lines += _section(fmt.SECTION_HEADINGS[1], tab_table(rng, active), rng)
    lines += _section(fmt.SECTION_HEADINGS[2], tab_table(rng, apps), rng)
    lines += _section(fmt.SECTION_HEADINGS[3], tab_table(rng, appeals), rng)
    lines += _section(fmt.SECTION_HEADINGS[4], narrative(rng, year)[:1], rng)
    lines += _section(fmt.SECTION_HEADINGS[5], ["无"], rng)
    return Case("tabbed", "\n".join(lines), report)


def _markdown(rng: random.Random, report: ReportData, title: str, year: int) -> Case:
    """Seed 000: markdown headings; tables or table rows may be missing."""
    missing_rows = {
        f for f in ("coercion", "fees_wan_yuan", "punishment") if rng.random() < 0.25
    }
    keep = {name: rng.random() < 0.6 for name in ("applications", "appeals")}
    expected = replace(
        report,
        applications=report.applications if keep["applications"] else None,
        appeals=report.appeals if keep["appeals"] else None,
    )
    pipes = rng.random() < 0.4
    active_layout, apps, appeals = table_layouts(report)
    active_layout = _without_rows(active_layout, missing_rows)
    lines = ["", "", f"# {title}", ""]
    lines += _section(fmt.SECTION_HEADINGS[0], narrative(rng, year), rng, "## ")
    lines += _section(
        fmt.SECTION_HEADINGS[1],
        tab_table(rng, active_layout, pipes=pipes, split=False),
        rng,
        "## ",
    )
    if keep["applications"]:
        lines += _section(
            fmt.SECTION_HEADINGS[2],
            tab_table(rng, apps, pipes=pipes, split=False),
            rng,
            "## ",
        )
    if keep["appeals"]:
        lines += _section(
            fmt.SECTION_HEADINGS[3],
            tab_table(rng, appeals, pipes=pipes, split=False),
            rng,
            "## ",
        )
    lines += ["", "", ""]
    lines += _section(fmt.SECTION_HEADINGS[4], narrative(rng, year)[:1], rng, "## ")
    lines += _section(
        fmt.SECTION_HEADINGS[5], ["本年度未收取信息公开处理费。"], rng, "## "
    )
    return Case("markdown", "\n".join(lines), _clear_rows(expected, missing_rows))


def _headerless(rng: random.Random, report: ReportData, title: str, year: int) -> Case:
    active_layout, _apps, appeals = table_layouts(report)
    lines = ["", "", title, ""]
    lines += _section(fmt.SECTION_HEADINGS[0], narrative(rng, year), rng)
    if rng.random() < 0.5:
        lines += _section(fmt.SECTION_HEADINGS[0], narrative(rng, year)[1:], rng)
    lines += _section(fmt.SECTION_HEADINGS[1], tab_table(rng, active_layout), rng)
    numbers = [write_value(rng, c, stream=False) for c in appeals.rows[-1]]
    lines += ["", "\t".join(numbers)]
    if rng.random() < 0.6:
        lines.append("\t".join(["---"] * 15))
    lines += _section(fmt.SECTION_HEADINGS[4], narrative(rng, year)[:1], rng)
    lines += _section(fmt.SECTION_HEADINGS[5], ["- 1、全年未收取信息处理费。"], rng)
    expected = replace(report, applications=None)
    return Case("headerless", "\n".join(lines), expected, inferred_appeals=True)


def _scraped(rng: random.Random, report: ReportData, title: str, year: int) -> Case:
    active_layout, apps, appeals = table_layouts(report)
    cut = rng.choice((None, None, rng.randint(1, 14)))
    expected = report
    if cut is not None and report.appeals is not None:
        data = report_to_dict(report)
        flat = [v for f in fmt.APPEAL_FIELDS for v in data["appeals"][f]]
        flat = flat[:cut] + [None] * (15 - cut)
        data["appeals"] = {
            f: flat[i * 5 : i * 5 + 5] for i, f in enumerate(fmt.APPEAL_FIELDS)
        }
        expected = report_from_dict(data).report
    short_title = title.replace("工作年度报告", "年度报告")
    lines = [
        short_title,
        "",
        f"发布日期: {year + 1}.02.{rng.randint(10, 28)} 索{NBSP}引{NBSP}号 : 0006-X",
        f"发布机构: 政府办公室 文{NBSP * 3}号:",
        "",
        NBSP + title,
        "",
    ]
    for heading, body in (
        (fmt.SECTION_HEADINGS[0], narrative(rng, year)),
        (fmt.SECTION_HEADINGS[1], stream_table(rng, active_layout)),
        (fmt.SECTION_HEADINGS[2], stream_table(rng, apps)),
        (fmt.SECTION_HEADINGS[3], stream_table(rng, appeals, cut_appeals=cut)),
    ):
        lines += [heading.translate(HALF_WIDTH), "", *body]
    lines += [
        "五、 存在的问题及改进情况",
        "",
        narrative(rng, year)[0],
        "",
        "六、其他需要报告的事项:无。",
    ]
    return Case("scraped", "\n".join(lines), expected)
