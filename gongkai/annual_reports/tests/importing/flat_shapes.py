"""Random reports rendered as scraped pages that lost their line breaks and cell
separators (issue 8), and how well an import reads them back.

``flat_case(shape, rng)`` renders a consistent random report (no blank cells: a
blank cell leaves no trace once separators are gone) in one of the shapes:

* ``glued``: the whole report on one line, no white space at all;
* ``some_separators``: one line, a share of the separators between cells kept;
* ``chrome``: ``glued`` with site chrome (当前位置, 全真版 文字版, 附件下载, share
  buttons, page numbers, footers with phone and ICP numbers) around and inside;
* ``mutated``: ``some_separators`` with damaged labels (missing or wrong
  characters, 和/的 added, 受理 for 处理, labels split by spaces);
* ``lines``: each table on its own line, the narrative in paragraphs;
* ``glued_2019``: ``glued`` in the 2019 trial layout (section 二 with the 2019
  columns and rows, signed 本年增/减, amounts with decimals; 三(六)其他处理 a single
  row), for a year before or after 2021 (the 2019 layout in a 2021-format year);
* ``single_other``: ``some_separators`` with the 2021 section 二 but 三(六)其他处理
  undivided (one row instead of three), which reads as 2019-trial like a lined one;
* ``pdf_markdown``: PDF→markdown output: ``|`` tables with rows broken over two
  lines, labels detached from their numbers (the labels of a row on one line, its
  numbers on the next, with or without bars), header words split by a space.

``score(case, result)`` compares cell by cell (nulls included): right, wrong but
flagged by a warning, or silently wrong.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData, iter_cells
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.importing import ParseResult
from gongkai.annual_reports.tests.importing.shapes import random_report
from gongkai.annual_reports.validation.findings import Severity

FLAT_SHAPES = (
    "glued",
    "some_separators",
    "chrome",
    "mutated",
    "lines",
    "glued_2019",
    "single_other",
    "pdf_markdown",
)

#: Damaged labels as archives show them (format text -> written text).
MUTATIONS = {
    "1.属于国家秘密": "1.属于国秘密",
    "本年制发件数": "本年制法件数",
    "现行有效件数": "现形有效件数",
    "行政复议": "行政夏议",
    "一、本年新收政府信息公开申请数量": "一、本年新收的政府信息公开申请数量",
    "（五）不予处理": "（五）不予受理",
    "法律服务机构": "法律服务 机构",
    "尚未审结": "尚未 审结",
    "4.保护第三方合法权益": "4.保护第三方的合法权益",
    "2.没有现成信息需要另行制作": "2.没有现成信息需另行制作",
}
CHROME_TOP = (
    "当前位置：首页 > 政务公开 > 政府信息公开年报 全真版 文字版 【字体：大 中 小】"
)
CHROME_INSIDE = (
    "附件下载",
    "分享到：微信 微博 QQ空间",
    "【打印本页】【关闭窗口】",
    "第 2 页 共 4 页",
)
CHROME_FOOTER = (
    "主办单位：县人民政府办公室 联系电话：0371-12345678 网站标识码：4114000001 "
    "豫ICP备05012345号-1 豫公网安备 41142502000123号"
)


@dataclass(frozen=True)
class FlatCase:
    shape: str
    text: str
    expected: ReportData


def _values(rng: random.Random, values: tuple[int | None, ...], keep: float) -> str:
    out = ""
    for i, v in enumerate(values):
        if i and rng.random() < keep:
            out += rng.choice((" ", "\xa0", "  ", "\t"))
        out += str(v)
    return out


def _label(rng: random.Random, text: str, mutate: float) -> str:
    if mutate and text in MUTATIONS and rng.random() < mutate:
        return MUTATIONS[text]
    return text


# The 2019 section 二 table: (block heading, columns, rows) as the format writes them.
BLOCKS_2019 = (
    (
        "第二十条第（一）项",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        (("rules", "规章"), ("normative_docs", "规范性文件")),
    ),
    (
        "第二十条第（五）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
    ),
    (
        "第二十条第（六）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        (("punishment", "行政处罚"), ("coercion", "行政强制")),
    ),
    (
        "第二十条第（八）项",
        ("上一年项目数量", "本年增/减"),
        (("fees_wan_yuan", "行政事业性收费"),),
    ),
    (
        "第二十条第（九）项",
        ("采购项目数量", "采购总金额"),
        (("procurement", "政府集中采购"),),
    ),
)


def _count(rng: random.Random) -> int:
    return rng.randint(0, 30) if rng.random() < 0.7 else rng.randint(0, 3000)


def active_2019(rng: random.Random) -> dict[str, dict[str, dict[str, str]]]:
    """Random 2019 section 二 values as written: {heading: {row: {column: text}}}."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for heading, columns, rows in BLOCKS_2019:
        for _field, row in rows:
            cells: dict[str, str] = {}
            for column in columns:
                if column == "本年增/减":
                    change = rng.randint(-20, 20)
                    cells[column] = f"{change:+d}" if change else "0"
                elif column == "采购总金额":
                    cells[column] = f"{rng.randint(0, 9999)}.{rng.randint(0, 99):02d}"
                elif column == "对外公开总数量":  # holds this year's new ones
                    published = int(cells["本年新公开数量"])
                    cells[column] = str(published + _count(rng))
                else:
                    cells[column] = str(_count(rng))
            out.setdefault(heading, {})[row] = cells
    return out


def expected_2019(
    report: ReportData, values: dict[str, dict[str, dict[str, str]]]
) -> ReportData:
    """What an import of the 2019 layout gives (as the line scan maps it)."""
    from dataclasses import replace

    from gongkai.annual_reports.data import ActiveDisclosure

    def cell(heading: str, row: str, column: str) -> int:
        return int(values[heading][row][column])

    b1, b5, b6 = (h for h, _, _ in BLOCKS_2019[:3])
    active = ActiveDisclosure(
        rules=(cell(b1, "规章", "本年新制作数量"), None, None),
        normative_docs=(cell(b1, "规范性文件", "本年新制作数量"), None, None),
        licensing=cell(b5, "行政许可", "处理决定数量"),
        punishment=cell(b6, "行政处罚", "处理决定数量"),
        coercion=cell(b6, "行政强制", "处理决定数量"),
        fees_wan_yuan=None,
    )
    return replace(
        _single_other_expected(report),
        active=active,
        format_version=fmt.FORMAT_2019_TRIAL,
    )


def _single_other_expected(report: ReportData) -> ReportData:
    """三(六)其他处理 as one row: its values in 3.其他, the other two rows blank."""
    from dataclasses import replace

    apps = report.applications
    assert apps is not None
    single = tuple(sum(v or 0 for v in col) for col in zip(*apps.other, strict=True))
    return replace(
        report,
        applications=replace(apps, other=((None,) * 7, (None,) * 7, single)),
        format_version=fmt.FORMAT_2019_TRIAL,
    )


def render(
    rng: random.Random,
    report: ReportData,
    title: str,
    *,
    keep: float = 0.0,
    mutate: float = 0.0,
    chrome: bool = False,
    table_lines: bool = False,
    values_2019: dict[str, dict[str, dict[str, str]]] | None = None,
    single_other: bool = False,
) -> str:
    """The report as one run of text (``table_lines``: one line per table)."""
    assert report.active
    assert report.applications
    assert report.appeals
    act, apps, apl = report.active, report.applications, report.appeals
    inside = list(CHROME_INSIDE) if chrome else []

    def lab(text: str) -> str:
        return _label(rng, text, mutate)

    def noise() -> str:
        return (
            inside.pop(rng.randrange(len(inside)))
            if inside and rng.random() < 0.5
            else ""
        )

    active = [fmt.SECTION_HEADINGS[1]]
    for block in fmt.ACTIVE_BLOCKS if values_2019 is None else ():
        active += [block.heading, fmt.CONTENT_HEADER, *map(lab, block.columns)]
        for name, label in block.rows:
            value = getattr(act, name)
            if isinstance(value, tuple):
                written = _values(rng, value, keep)
            else:
                written = (
                    format(value, "f") if isinstance(value, Decimal) else str(value)
                )
            active += [lab(label), written]
        active.append(noise())
    for heading, columns, rows in BLOCKS_2019 if values_2019 is not None else ():
        assert values_2019 is not None
        active += [heading, fmt.CONTENT_HEADER, *columns]
        for _name, label in rows:
            texts = list(values_2019[heading][label].values())
            written = "".join(
                (rng.choice((" ", "\xa0")) if i and rng.random() < keep else "") + t
                for i, t in enumerate(texts)
            )
            active += [label, written]
    applications = [
        fmt.SECTION_HEADINGS[2],
        fmt.APPLICATIONS_CORNER_NOTE,
        fmt.APPLICANT_HEADER,
        fmt.NATURAL_PERSON,
        fmt.LEGAL_PERSONS_HEADER,
        fmt.TOTAL,
        *map(lab, fmt.LEGAL_PERSON_COLUMNS),
    ]
    groups = {field: group for field, group, _ in fmt.APPLICATION_GROUPS}
    for spec in fmt.APPLICATION_ROWS:
        if spec.field == "granted":
            applications.append(fmt.TOP_RESULTS)
        row = getattr(apps, spec.field)
        if single_other and spec.field == "other":
            if spec.index == 0:  # the 2019 layout: one undivided row
                merged = tuple(sum(col) for col in zip(*row, strict=True))
                applications += [lab(groups["other"]), _values(rng, merged, keep)]
            continue
        if spec.index == 0:
            applications.append(lab(groups[spec.field]))
        values = row[spec.index] if spec.index is not None else row
        applications += [lab(spec.label), _values(rng, values, keep)]
        if spec.field in ("carried_over", "total"):
            applications.append(noise())
    appeals = [
        fmt.SECTION_HEADINGS[3],
        lab(fmt.RECONSIDERATION),
        fmt.LITIGATION,
        *map(lab, fmt.APPEAL_COLUMNS),
        "未经复议直接起诉",
        "复议后起诉",
        *map(lab, fmt.APPEAL_COLUMNS * 2),
        _values(
            rng,
            (
                *apl.reconsideration,
                *apl.litigation_direct,
                *apl.litigation_after_reconsideration,
            ),
            keep,
        ),
        noise(),
    ]
    year = report.year
    narrative = [
        fmt.SECTION_HEADINGS[0],
        f"{year}年，本机关主动公开政府信息1234条，其中政策文件56件，"
        "政府信息公开申请41件，全部按期答复。",
    ]
    tail = [
        fmt.SECTION_HEADINGS[4],
        "存在的主要问题：公开内容不够全面，将于2026年3月前整改完毕。",
        fmt.SECTION_HEADINGS[5],
        "本年度未收取信息处理费。",
    ]
    parts = [title, *narrative]
    joiner = "" if not keep else rng.choice(("", " "))
    if table_lines:
        body = "\n".join(
            "".join(p) for p in (parts, active, applications, appeals, tail)
        )
    else:
        body = joiner.join(p for p in (*parts, *active, *applications, *appeals, *tail))
    if chrome:
        body = CHROME_TOP + body + CHROME_FOOTER
        if keep == 0.0:
            body = "".join(body.split())
    return body


def render_markdown(rng: random.Random, report: ReportData, title: str) -> str:
    """The report as a PDF→markdown converter writes it (see ``pdf_markdown``)."""
    from gongkai.annual_reports.layout import table_layouts
    from gongkai.annual_reports.tests.importing.shapes import grid_rows

    split_words = {"法律服务机构": "法律服务 机构", "尚未审结": "尚未 审结"}
    lines = [f"# {title}", "", f"## {fmt.SECTION_HEADINGS[0]}", ""]
    lines += ["全年共受理政府信息公开申请41件，收取费用0元。", ""]
    for heading, layout in zip(
        fmt.SECTION_HEADINGS[1:4], table_layouts(report), strict=True
    ):
        lines += [f"## {heading}", ""]
        for n, row in enumerate(grid_rows(layout)):
            cells = [c for c in row if c is not None]
            labels = [split_words.get(c.text, c.text) for c in cells if not c.is_value]
            values = [c.text for c in cells if c.is_value]
            roll = rng.random()
            if values and labels and roll < 0.3:
                lines.append(" ".join(labels))
                bars = rng.random() < 0.5 or len(values) < 3
                lines.append(
                    "| " + " | ".join(values) + " |" if bars else " ".join(values)
                )
            elif len(values) > 1 and roll < 0.6:
                k = rng.randint(1, len(values) - 1)
                lines.append("| " + " | ".join([*labels, *values[:k]]) + " |")
                lines.append("| " + " | ".join(values[k:]) + " |")
            else:
                lines.append("| " + " | ".join([*labels, *values]) + " |")
            if n == 0:
                lines.append("|" + "---|" * (len(labels) + len(values)))
        lines.append("")
    lines += [f"## {fmt.SECTION_HEADINGS[4]}", "", "无。", ""]
    lines += [f"## {fmt.SECTION_HEADINGS[5]}", "", "本年度未收取信息处理费。"]
    return "\n".join(lines)


def flat_case(shape: str, rng: random.Random) -> FlatCase:
    report, title = random_report(rng, blank_share=0.0)
    if shape == "glued":
        text = render(rng, report, title)
    elif shape == "some_separators":
        text = render(rng, report, title, keep=rng.choice((0.3, 0.5, 0.8)))
    elif shape == "chrome":
        text = render(rng, report, title, chrome=True)
    elif shape == "mutated":
        text = render(rng, report, title, keep=0.3, mutate=0.6)
    elif shape == "lines":
        text = render(rng, report, title, keep=0.2, table_lines=True)
    elif shape == "glued_2019":
        values = active_2019(rng)
        text = render(rng, report, title, values_2019=values, single_other=True)
        return FlatCase(shape, text, expected_2019(report, values))
    elif shape == "pdf_markdown":
        text = render_markdown(rng, report, title)
    elif shape == "single_other":
        text = render(rng, report, title, keep=0.3, single_other=True)
        return FlatCase(shape, text, _single_other_expected(report))
    else:
        raise ValueError(shape)
    return FlatCase(shape, text, report)


TABLES = ("active", "applications", "appeals")


def table_cells(report: ReportData | None) -> dict[Path, object]:
    if report is None:
        return {}
    return {p: v for p, v in iter_cells(report) if p[0] in TABLES}


def flagged_paths(result: ParseResult) -> set[Path]:
    """Cells (and rows, tables) that a warning or error points at."""
    out: set[Path] = set()
    for f in result.findings:
        if f.severity in (Severity.WARNING, Severity.ERROR):
            out.update(c.path for c in f.cells)
    return out


def _flagged(path: Path, flagged: set[Path]) -> bool:
    return any(path[:n] in flagged for n in range(1, len(path) + 1))


@dataclass
class Score:
    right: int = 0
    flagged: int = 0  # wrong, but a warning points at the cell
    silent: int = 0  # wrong and not flagged
    inferred: int = 0  # cells that came from a split of glued digits

    @property
    def total(self) -> int:
        return self.right + self.flagged + self.silent

    def add(self, other: Score) -> None:
        self.right += other.right
        self.flagged += other.flagged
        self.silent += other.silent
        self.inferred += other.inferred


def score(case: FlatCase, result: ParseResult) -> tuple[Score, list[Path]]:
    want = table_cells(case.expected)
    have = table_cells(result.report)
    flagged = flagged_paths(result)
    inferred: set[Path] = {
        c.path
        for f in result.findings
        if f.code in ("import.split_inferred", "import.split_uncertain")
        for c in f.cells
    }
    s = Score()
    silent: list[Path] = []
    for path, value in want.items():
        if path in inferred:
            s.inferred += 1
        if have.get(path) == value:
            s.right += 1
        elif _flagged(path, flagged):
            s.flagged += 1
        else:
            s.silent += 1
            silent.append(path)
    return s, silent


def measure(cases_per_shape: int = 200) -> list[str]:
    """Accuracy, flagged and inferred shares and speed per shape (for the note)."""
    import time

    from gongkai.annual_reports.importing import parse_bytes

    lines = []
    total = Score()
    for shape in FLAT_SHAPES:
        per = Score()
        seconds = 0.0
        for i in range(cases_per_shape):
            case = flat_case(shape, random.Random(f"measure:{shape}:{i}"))  # noqa: S311
            started = time.process_time()
            result = parse_bytes(case.text.encode(), source="m.txt", suffix=".txt")
            seconds += time.process_time() - started
            per.add(score(case, result)[0])
        total.add(per)
        lines.append(
            f"{shape:16} {per.right / per.total:.2%} right, {per.flagged} wrong but "
            f"flagged, {per.silent} silently wrong, {per.inferred / per.total:.1%} "
            f"inferred; {cases_per_shape / seconds:,.0f} reports/s"
        )
    lines.append(
        f"overall          {total.right / total.total:.2%} right of {total.total} "
        f"cells, {total.silent} silently wrong"
    )
    return lines


if __name__ == "__main__":
    import sys

    print("\n".join(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 200)))
