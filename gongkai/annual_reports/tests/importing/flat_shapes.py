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
* ``lines``: each table on its own line, the narrative in paragraphs.

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

FLAT_SHAPES = ("glued", "some_separators", "chrome", "mutated", "lines")

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


def render(
    rng: random.Random,
    report: ReportData,
    title: str,
    *,
    keep: float = 0.0,
    mutate: float = 0.0,
    chrome: bool = False,
    table_lines: bool = False,
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
    for block in fmt.ACTIVE_BLOCKS:
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
        if spec.index == 0:
            applications.append(lab(groups[spec.field]))
        row = getattr(apps, spec.field)
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
