"""Reading the tables from text that lost its line breaks and cell separators.

A scraped page's text rendering often runs a whole report into one line: headings
run into labels and labels into numbers (``…规章102行政规范性文件124258第二十条…``).
The line scanner (:mod:`scan`) finds nothing there, so this reader looks for the
tables' rows by their labels anywhere in the text, in the format's fixed row order:

* the text is *flattened*: NFKC, one kind of bracket, no quotation marks, no white
  space except a single space between two digits (a cell separator that survived),
  page chrome with digits (``第 3 页``, ``浏览次数：12``) removed; every flattened
  character keeps its offset in the source text (for provenance);
* each row label is looked for after the previous row, exactly first and then with a
  tolerant match (edit distance ≤ about a quarter of the label, item numbers
  ignored); an inexact match is reported with what it matched;
* the digits right after a label, up to the next non-digit, are the row's run; an
  item number glued to it (``0000003.危及…``) is given back to the next label;
  a run followed by a unit (``41件``) is narrative, not a row;
* the runs are cut into cells by :mod:`splitting`.

Site chrome and narrative never become cells: only a run directly after a row label
(or, for the appeals table, the first run of at least 15 digits after its header) is
read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import (
    ActiveDisclosure,
    Appeals,
    Applications,
    ReportData,
)
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.importing import flat_2019, splitting
from gongkai.annual_reports.importing import format2019 as f19
from gongkai.annual_reports.importing.codes import INFO, WARNING, finding
from gongkai.annual_reports.importing.doc import Cell
from gongkai.annual_reports.importing.labels import _TRANSLATE
from gongkai.annual_reports.validation.findings import Finding, Severity

_WS = frozenset(" \t\r\n\x0b\x0c\xa0\u3000\u200b\u200c\u200d\u2060\ufeff")
_UNITS = frozenset("件个次条项余%万元人家户名篇期场份年月日号")
_CHROME = re.compile(
    r"第\d{1,3}页(?:共\d{1,3}页)?|共\d{1,3}页|浏览次数[:]?\d+|访问量[:]?\d+"
    r"|(?<=\d)-\d{1,3}-(?=\d)"
)
_ENUM = re.compile(r"^(?:\(?[一二三四五六七八九十\d]{1,2}\)?[.,、]?)")
_RUN = re.compile(r"\d+(?: \d+)*")
_FEE_RUN = re.compile(r"\d+(?:\.\d+)?")
_PAREN = re.compile(r"\([^()\d]{0,60}\)")
_SKIP = re.compile(r"[:;]*")
_MAX_SINGLE_DIGITS = 7  # a one-column count with more digits ran into what follows
_OTHER: Path = ("applications", "other")
_OTHER_GROUP = next(g for f, g, _ in fmt.APPLICATION_GROUPS if f == "other")
ROW_WINDOW = 260  # flattened characters a row label may lie after the previous row
FIRST_WINDOW = 6000  # … and the first row of a table after its heading
APPEALS_WINDOW = 600


@dataclass
class Flat:
    text: str  # the source text
    flat: str  # the flattened text
    pos: list[int]  # pos[i]: offset in ``text`` of flat[i]

    def cell(self, start: int, end: int) -> Cell:
        a, b = self.pos[start], self.pos[end - 1] + 1
        return Cell(self.text[a:b], a, self.text.count("\n", 0, a) + 1)

    def line(self, i: int) -> int:
        return self.text.count("\n", 0, self.pos[min(i, len(self.pos) - 1)]) + 1


_CHAR_CACHE: dict[str, str] = {}


def _char(ch: str) -> str:
    out = _CHAR_CACHE.get(ch)
    if out is None:
        out = _CHAR_CACHE[ch] = unicodedata.normalize("NFKC", ch).translate(_TRANSLATE)
    return out


def flatten(text: str) -> Flat:
    chars: list[str] = []
    pos: list[int] = []
    space_at = -1
    for i, ch in enumerate(text):
        if ch in _WS:
            space_at = i
            continue
        out = _char(ch)
        if not out:
            continue
        if space_at >= 0 and chars and chars[-1].isdigit() and out[0].isdigit():
            chars.append(" ")
            pos.append(space_at)
        space_at = -1
        for c in out:
            chars.append(c)
            pos.append(i)
    flat = "".join(chars)
    flat, pos = _thousands(flat, pos)
    if _CHROME.search(flat):
        keep: list[str] = []
        kept: list[int] = []
        at = 0
        for m in _CHROME.finditer(flat):
            keep.append(flat[at : m.start()])
            kept += pos[at : m.start()]
            at = m.end()
        keep.append(flat[at:])
        kept += pos[at:]
        flat, pos = "".join(keep), kept
    return Flat(text, flat, pos)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _thousands(flat: str, pos: list[int]) -> tuple[str, list[int]]:
    """``1,234``: the comma is a thousands separator (dropped); another comma between
    digits is a cell separator (a space)."""
    if "," not in flat:
        return flat, pos
    drop = {m.start() for m in _THOUSANDS.finditer(flat)}
    chars = list(flat)
    for i, c in enumerate(chars):
        if (
            c == ","
            and i not in drop
            and 0 < i < len(chars) - 1
            and chars[i - 1].isdigit()
            and chars[i + 1].isdigit()
        ):
            chars[i] = " "
    keep = [i for i in range(len(chars)) if i not in drop]
    return "".join(chars[i] for i in keep), [pos[i] for i in keep]


def _norm_label(text: str) -> str:
    return "".join(_char(c) for c in text if c not in _WS)


def _body(text: str) -> str:
    n = _norm_label(text)
    return _ENUM.sub("", n, count=1) or n


def _max_distance(n: int) -> int:
    if n < 4:
        return 0
    if n < 8:
        return 1
    if n < 14:
        return 2
    return 3


def approx_find(pattern: str, text: str, k: int) -> tuple[int, int, int] | None:
    """(start, end, distance) of the best match of ``pattern`` in ``text`` with at
    most ``k`` edits (earliest among the best); None when there is none.

    A long text is first filtered by shared bigrams (each edit destroys at most two
    of the pattern's bigrams): the edit-distance search runs only where enough of
    them line up."""
    m = len(pattern)
    if m == 0 or k <= 0:
        return None
    if len(text) <= 4 * m + 64:
        return _sellers(pattern, text, k)
    need = max(1, m - 1 - 2 * k)
    votes: dict[int, int] = {}
    for i in range(m - 1):
        bigram = pattern[i : i + 2]
        at = text.find(bigram)
        hits = 0
        while at >= 0 and hits < 400:
            votes[at - i] = votes.get(at - i, 0) + 1
            at = text.find(bigram, at + 1)
            hits += 1
    starts = sorted(
        s for s in votes if sum(votes.get(s + d, 0) for d in range(-k, k + 1)) >= need
    )
    best: tuple[int, int, int] | None = None
    done = -1
    for s in starts:
        lo = max(0, s - k - 1, done)
        hi = min(len(text), s + m + k + 1)
        if hi <= lo:
            continue
        done = hi
        hit = _sellers(pattern, text[lo:hi], k)
        if hit is not None and (best is None or hit[2] < best[2]):
            best = (lo + hit[0], lo + hit[1], hit[2])
            if hit[2] == 0:
                break
    return best


def _sellers(pattern: str, text: str, k: int) -> tuple[int, int, int] | None:
    m = len(pattern)
    # Column DP (Sellers): cost[i], start[i] for pattern prefix i ending here.
    cost = list(range(m + 1))
    start = [0] * (m + 1)
    best: tuple[int, int, int] | None = None
    for j, ch in enumerate(text):
        prev_cost, prev_start = cost[0], start[0]
        cost[0], start[0] = 0, j + 1
        for i in range(1, m + 1):
            sub = prev_cost + (pattern[i - 1] != ch)
            sub_start = prev_start
            ins = cost[i] + 1  # text char not in pattern
            dele = cost[i - 1] + 1  # pattern char missing from text
            prev_cost, prev_start = cost[i], start[i]
            if sub <= ins and sub <= dele:
                cost[i], start[i] = sub, sub_start
            elif ins <= dele:
                cost[i] = ins  # start[i] unchanged
            else:
                cost[i], start[i] = dele, start[i - 1]
        if cost[m] <= k and (best is None or cost[m] < best[2]):
            best = (start[m], j + 1, cost[m])
            if cost[m] == 0:
                break
        elif best is not None and cost[m] > best[2] and j > best[1] + m:
            break
    return best


@dataclass
class Match:
    start: int
    end: int
    distance: int
    label: str  # the format's label

    @property
    def inexact(self) -> bool:
        return self.distance > 0


@dataclass
class FlatTables:
    active: ActiveDisclosure | None = None
    applications: Applications | None = None
    appeals: Appeals | None = None
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    cells: dict[str, dict[str, Cell]] = field(default_factory=dict)
    #: The format the tables read as: 2019-trial when section 二 has the 2019
    #: columns or rows, or 三(六)其他处理 is a single row (as the line scan decides).
    version: str = fmt.FORMAT_2021
    markers_2019: list[str] = field(default_factory=list)  # why 2019-trial
    supplementary: dict[str, Any] = field(default_factory=dict)  # 2019 cells kept

    def table(self, name: str) -> ActiveDisclosure | Applications | Appeals | None:
        value: ActiveDisclosure | Applications | Appeals | None = getattr(self, name)
        return value


class Reader:
    def __init__(self, text: str, previous: ReportData | None) -> None:
        self.f = flatten(text)
        self.flat = self.f.flat
        self.previous = previous
        self.out = FlatTables()
        self.fuzzy: list[tuple[str, Match]] = []

    # -- labels -----------------------------------------------------------
    def find(
        self, label: str, start: int, window: int, *, variants: tuple[str, ...] = ()
    ) -> Match | None:
        end = min(len(self.flat), start + window)
        for text in (label, *variants):
            body = _body(text)
            at = self.flat.find(body, start, end)
            if at >= 0:
                return Match(at, at + len(body), 0, label)
        body = _body(label)
        k = _max_distance(len(body))
        if not k:
            return None
        hit = approx_find(body, self.flat[start:end], k)
        if hit is None:
            return None
        s, e, d = hit
        s, e = start + s, start + e
        while s < e and (self.flat[s].isdigit() or self.flat[s] == " "):
            s += 1
        while e > s and (self.flat[e - 1].isdigit() or self.flat[e - 1] == " "):
            e -= 1
        if e - s < len(body) - k:
            return None
        return Match(s, e, d, label)

    def run_after(
        self, match: Match, pattern: re.Pattern[str] = _RUN
    ) -> re.Match[str] | None:
        at = match.end
        paren = _PAREN.match(self.flat, at)
        if paren is not None:
            at = paren.end()
        at = _SKIP.match(self.flat, at).end()  # type: ignore[union-attr]
        run = pattern.match(self.flat, at)
        if run is None:
            return None
        after = self.flat[run.end() : run.end() + 1]
        if after in _UNITS:
            return None  # "41件": narrative
        if (
            pattern is _RUN
            and after == "."
            and self.flat[run.end() + 1 : run.end() + 2].isdigit()
        ):
            return None  # "12.5": not a count (the line scan says so)
        return run

    def row(
        self,
        label: str,
        start: int,
        window: int,
        *,
        variants: tuple[str, ...] = (),
        pattern: re.Pattern[str] = _RUN,
    ) -> tuple[Match, re.Match[str]] | None:
        """The label and the run after it; a mention without numbers is skipped."""
        at = start
        for _ in range(4):
            match = self.find(label, at, window - (at - start), variants=variants)
            if match is None:
                return None
            run = self.run_after(match, pattern)
            if run is not None:
                if match.inexact:
                    self.fuzzy.append((self.flat[match.start : match.end], match))
                return match, run
            at = match.end
        return None

    def note_fuzzy(self, table: str, path: Path) -> None:
        for written, match in self.fuzzy:
            self.add(
                table,
                "import.label_fuzzy",
                WARNING,
                f"第 {self.f.line(match.start)} 行的「{written}」与格式用语不完全一致，"
                f"按最接近的「{match.label}」读取（相差 {match.distance} 个字），请核对",
                [path],
            )
        self.fuzzy = []

    def add(
        self,
        table: str,
        code: str,
        severity: Severity,
        message: str,
        paths: Sequence[Path] = (),
        data: dict[str, object] | None = None,
    ) -> None:
        self.out.findings.setdefault(table, []).append(
            finding(code, severity, message, paths, data)
        )

    def keep_cells(
        self, table: str, row: Path, base: int, spans: splitting.Split
    ) -> None:
        cells = self.out.cells.setdefault(table, {})
        for c, (s, e) in enumerate(spans):
            cells[fmt.path_str((*row, c))] = self.f.cell(base + s, base + e)

    # -- decisions --------------------------------------------------------
    def decision_findings(
        self,
        table: str,
        row: Path,
        names: list[str],
        line: int,
        d: splitting.Decision,
    ) -> None:
        paths = [(*row, c) for c in range(len(names))]
        if d.values is None:
            self.add(
                table,
                "import.split_uncertain",
                WARNING,
                f"第 {line} 行「{_row_name(row)}」后的数字「{d.run}」无法拆成 "
                f"{len(names)} 个单元格（数字个数不符，可能有空白单元格），按空白（null）处理，"
                "请对照原文填写",
                paths,
            )
            return
        if not d.inferred:
            return
        shown = " | ".join(map(str, d.values))
        others = "；".join(" | ".join(map(str, v)) for v in d.alternatives[:3])
        how = splitting.METHOD_NAMES[d.method]
        text = (
            f"第 {line} 行「{_row_name(row)}」的数字「{d.run}」连在一起，拆为 {shown}"
            f"（依据：{how}；可信度 {d.confidence:.0%}）"
        )
        if others:
            text += f"；其他可能的拆法：{others}"
        if d.broken:
            text += "；没有一种拆法满足勾稽关系，按报告所印数字保留，未作更正"
        if d.bounded:
            text += "；可能的组合过多，只按合理性判断"
        uncertain = (
            d.method == splitting.PLAUSIBILITY
            or d.broken
            or d.bounded
            or _leading_zero(d)
        )
        if _leading_zero(d):
            text += "；拆出的单元格有前导零，通常不会如此书写，请核对"
        self.add(
            table,
            "import.split_uncertain" if uncertain else "import.split_inferred",
            WARNING if uncertain else INFO,
            text,
            paths,
            _split_data(d, paths),
        )

    # -- section 二 -------------------------------------------------------
    def active(self, start: int) -> int:
        found_2019 = flat_2019.markers(self, start)
        if found_2019:
            return flat_2019.read_active(self, start, found_2019)
        heading = self.find(fmt.SECTION_HEADINGS[1], start, FIRST_WINDOW)
        cursor = heading.end if heading else start
        got: dict[str, object] = {}
        first = True
        for block in fmt.ACTIVE_BLOCKS:
            head = self.find(
                block.heading, cursor, FIRST_WINDOW if first else ROW_WINDOW
            )
            if head is not None:
                cursor = head.end
            if len(block.columns) > 1:
                for column in block.columns:
                    col = self.find(column, cursor, 80)
                    if col is not None:
                        if col.inexact:
                            self.fuzzy.append((self.flat[col.start : col.end], col))
                        cursor = col.end
            for field_name, label in block.rows:
                variants = ("规范性文件",) if field_name == "normative_docs" else ()
                pattern = _FEE_RUN if field_name == fmt.ACTIVE_FEE_FIELD else _RUN
                window = FIRST_WINDOW if first and head is None else ROW_WINDOW
                found = self.row(
                    label, cursor, window, variants=variants, pattern=pattern
                )
                if found is None:
                    continue
                first = False
                run = found[1]
                cursor = run.end()
                row: Path = ("active", field_name)
                got[field_name] = self._active_value(field_name, row, run)
        if not got:
            self.fuzzy = []
            return start
        self.note_fuzzy("active", ("active",))
        self.out.active = ActiveDisclosure(**got)  # type: ignore[arg-type]
        return cursor

    def _active_value(self, name: str, row: Path, run: re.Match[str]) -> object:
        text, base = run.group(), run.start()
        line = self.f.line(base)
        if name in fmt.ACTIVE_VECTOR_FIELDS:
            prev = None
            if self.previous is not None and self.previous.active is not None:
                prev_row = getattr(self.previous.active, name)
                if prev_row is not None:
                    prev = prev_row[2]
            d = splitting.solve_active_row(text, prev)
            self.decision_findings("active", row, ["制发", "废止", "现行有效"], line, d)
            if d.values is None or d.spans is None:
                return None
            self.keep_cells("active", row, base, d.spans)
            return d.values
        cells = self.out.cells.setdefault("active", {})
        cells[fmt.path_str(row)] = self.f.cell(run.start(), run.end())
        if name == fmt.ACTIVE_FEE_FIELD:
            try:
                return Decimal(text)
            except InvalidOperation:
                return None
        digits = text.replace(" ", "")
        if len(digits) > _MAX_SINGLE_DIGITS:
            self.add(
                "active",
                "import.split_uncertain",
                WARNING,
                f"第 {line} 行「{_row_name(row)}」只有一列，其后连着 {len(digits)} 位数字"
                f"「{text}」，可能与后面的数字连在一起，无法确定，按空白（null）处理，"
                "请对照原文填写",
                [row],
            )
            return None
        if " " in text:
            self.add(
                "active",
                "import.split_uncertain",
                WARNING,
                f"第 {line} 行「{_row_name(row)}」只有一列，其后的数字「{text}」中有空格，"
                "按一个数读取，请核对",
                [row],
            )
        return int(text.replace(" ", ""))

    # -- section 三 -------------------------------------------------------
    def applications(self, start: int) -> int:
        heading = self.find(fmt.SECTION_HEADINGS[2], start, FIRST_WINDOW)
        cursor = heading.end if heading else start
        header = self.find(fmt.LEGAL_PERSON_COLUMNS[3], cursor, 400)  # 法律服务机构
        if header is not None:
            if header.inexact:
                self.fuzzy.append((self.flat[header.start : header.end], header))
            cursor = header.end
        runs: list[re.Match[str] | None] = []
        matches: list[Match | None] = []
        first = True
        groups = {field: group for field, group, _ in fmt.APPLICATION_GROUPS}
        for spec in fmt.APPLICATION_ROWS:
            if spec.index == 0 and not first:  # a group label: only reported
                heading = self.find(groups[spec.field], cursor, 40)
                if heading is not None and heading.inexact:
                    self.fuzzy.append((self.flat[heading.start : heading.end], heading))
            variants: tuple[str, ...] = ()
            if spec.field == "partially_granted":
                variants = ("部分公开",)
            found = self.row(
                spec.label,
                cursor,
                FIRST_WINDOW if first else ROW_WINDOW,
                variants=variants,
            )
            if found is None:
                runs.append(None)
                matches.append(None)
                continue
            first = False
            match, run = found
            runs.append(run)
            matches.append(match)
            cursor = run.end()
        if all(r is None for r in runs):
            self.fuzzy = []
            return start
        rows = fmt.APPLICATION_ROWS
        index = {r.path: i for i, r in enumerate(rows)}
        single = self._single_other(runs, matches, index)
        texts = self._strip_item_numbers(runs)
        leaves = [
            index[r.path]
            for r in fmt.OUTCOME_LEAF_ROWS
            if single is None or r.path[:2] != _OTHER or runs[index[r.path]]
        ]
        decisions = splitting.solve_applications(
            texts,
            leaves=leaves,
            total=index[("applications", "total")],
            new=index[("applications", "new")],
            carried_over=index[("applications", "carried_over")],
            carried_forward=index[("applications", "carried_forward")],
        )
        values: list[tuple[int | None, ...]] = []
        missing: list[Path] = []
        unique_rows: list[str] = []
        unique_paths: list[Path] = []
        for spec, row_run, d in zip(rows, runs, decisions, strict=True):
            if row_run is None or d is None:
                if single is None or spec.path[:2] != _OTHER:
                    missing.append(spec.path)
                values.append((None,) * 7)
                continue
            line = self.f.line(row_run.start())
            if d.method == splitting.UNIQUE and not d.broken and not _leading_zero(d):
                unique_rows.append(_row_name(spec.path))
                unique_paths += [(*spec.path, c) for c in range(7)]
            else:
                self.decision_findings(
                    "applications", spec.path, list(fmt.APPLICANT_COLUMNS), line, d
                )
            if d.values is None or d.spans is None:
                values.append((None,) * 7)
                continue
            self.keep_cells("applications", spec.path, row_run.start(), d.spans)
            values.append(d.values)
        if unique_rows:
            self.add(
                "applications",
                "import.split_inferred",
                INFO,
                f"{len(unique_rows)} 行的数字连在一起，每行只有一种拆法能得到 7 个单元格"
                f"（如「{unique_rows[0]}」），按此拆分（可信度 99%）",
                unique_paths,
                {
                    "method": splitting.UNIQUE,
                    "confidence": 0.99,
                    "band": splitting.HIGH,
                },
            )
        if missing:
            from gongkai.annual_reports.importing.context import row_name

            names = "、".join(f"「{row_name(p)}」" for p in missing[:6])
            more = f"等 {len(missing)} 行" if len(missing) > 6 else ""
            self.add(
                "applications",
                "import.row_missing",
                WARNING,
                f"「{fmt.SECTION_HEADINGS[2]}」表中没有找到 {names}{more}，"
                "这些行按未报告（null）处理",
                missing,
            )
        if single is not None:
            self._single_other_finding(single)
        self.note_fuzzy("applications", ("applications",))
        by_path = {spec.path: v for spec, v in zip(rows, values, strict=True)}

        def group(name: str) -> tuple[tuple[int | None, ...], ...]:
            return tuple(
                by_path[("applications", name, i)] for i in range(fmt.GROUP_SIZES[name])
            )

        self.out.applications = Applications(
            new=by_path[("applications", "new")],
            carried_over=by_path[("applications", "carried_over")],
            granted=by_path[("applications", "granted")],
            partially_granted=by_path[("applications", "partially_granted")],
            withheld=group("withheld"),
            unable=group("unable"),
            not_processed=group("not_processed"),
            other=group("other"),
            total=by_path[("applications", "total")],
            carried_forward=by_path[("applications", "carried_forward")],
        )
        return cursor

    def _single_other(
        self,
        runs: list[re.Match[str] | None],
        matches: list[Match | None],
        index: dict[Path, int],
    ) -> Match | None:
        """The 2019 format's single 三(六)其他处理 row (no leaves under it): its run
        goes to 3.其他, as the line scan reads it; the label's match, or None."""
        leaves = [index[(*_OTHER, i)] for i in range(3)]
        if any(runs[i] is not None for i in leaves):
            return None
        before = [r for r in runs[: leaves[0]] if r is not None]
        at = before[-1].end() if before else 0
        total = matches[index[("applications", "total")]]
        end = total.start if total is not None else at + ROW_WINDOW
        found = self.row(_OTHER_GROUP, at, max(0, end - at))
        if found is None:
            return None
        match, run = found
        after = self.flat[run.end() : run.end() + 2]
        if after[:1] in (".", ",", "、") and not after[1:].isdigit():
            return None  # "1.申请人…": an item number, not a value
        runs[leaves[f19.OTHER_SINGLE_TARGET]] = run
        matches[leaves[f19.OTHER_SINGLE_TARGET]] = match
        self.out.version = fmt.FORMAT_2019_TRIAL
        return match

    def _single_other_finding(self, match: Match) -> None:
        target: Path = (*_OTHER, f19.OTHER_SINGLE_TARGET)
        blank = [(*_OTHER, i) for i in range(3) if i != f19.OTHER_SINGLE_TARGET]
        self.add(
            "applications",
            "import.format_2019",
            INFO,
            f"2019 年格式的「{f19.OTHER_SINGLE_ROW}」只有一行"
            f"（第 {self.f.line(match.start)} 行），读作 2021 格式的"
            f"「{_row_name(target)}」；「{_row_name(blank[0])}」「{_row_name(blank[1])}」"
            "两行 2019 格式没有，留空（null）",
            [target, *blank],
        )

    def _strip_item_numbers(self, runs: list[re.Match[str] | None]) -> list[str | None]:
        """A leaf's item number glued to the previous row's last digit
        (``0000003.危及…``) belongs to the leaf: taken off the run."""
        rows = fmt.APPLICATION_ROWS
        texts: list[str | None] = [r.group() if r else None for r in runs]
        for i, run in enumerate(runs):
            if run is None or i + 1 >= len(rows):
                continue
            item = rows[i + 1].label.split(".", 1)[0]
            text = texts[i] or ""
            after = self.flat[run.end() : run.end() + 1]
            if item.isdigit() and after in (".", ",", "、") and text.endswith(item):
                cut = text[: -len(item)].rstrip(" ")
                if cut:
                    texts[i] = cut
        return texts

    # -- section 四 -------------------------------------------------------
    def appeals(self, start: int) -> int:
        heading = self.find("行政复议、行政诉讼情况", start, FIRST_WINDOW)
        cursor = heading.end if heading else start
        first_header = self.find(
            fmt.RECONSIDERATION, cursor, 120 if heading else FIRST_WINDOW
        )
        if first_header is not None:
            if first_header.inexact:
                self.fuzzy.append(
                    (self.flat[first_header.start : first_header.end], first_header)
                )
            cursor = first_header.end
        elif heading is None:
            return start
        for column in ("尚未审结", "复议后起诉"):
            col = self.find(column, cursor, 200)
            if col is not None and col.inexact:
                self.fuzzy.append((self.flat[col.start : col.end], col))
        end = min(len(self.flat), cursor + APPEALS_WINDOW)
        for run in _RUN.finditer(self.flat, cursor, end):
            digits = sum(c.isdigit() for c in run.group())
            if digits < 15:
                continue
            if self.flat[run.end() : run.end() + 1] in _UNITS:
                continue
            d = splitting.solve_appeals(run.group())
            line = self.f.line(run.start())
            self.decision_findings(
                "appeals", ("appeals",), ["x"] * 15, line, d
            ) if d.values is None else self._appeal_findings(d, line)
            if d.values is None or d.spans is None:
                return run.end()
            cells = self.out.cells.setdefault("appeals", {})
            for c, (s, e) in enumerate(d.spans):
                name = fmt.APPEAL_FIELDS[c // 5]
                cells[fmt.path_str(("appeals", name, c % 5))] = self.f.cell(
                    run.start() + s, run.start() + e
                )
            v = d.values
            self.out.appeals = Appeals(v[0:5], v[5:10], v[10:15])
            self.note_fuzzy("appeals", ("appeals",))
            return run.end()
        self.fuzzy = []
        return start

    def _appeal_findings(self, d: splitting.Decision, line: int) -> None:
        if not d.inferred or d.values is None:
            return
        paths = [("appeals", f, i) for f in fmt.APPEAL_FIELDS for i in range(5)]
        shown = " | ".join(map(str, d.values))
        others = "；".join(" | ".join(map(str, v)) for v in d.alternatives[:2])
        how = splitting.METHOD_NAMES[d.method]
        text = (
            f"第 {line} 行「{fmt.SECTION_HEADINGS[3]}」表的数字「{d.run}」连在一起，"
            f"拆为 15 个单元格 {shown}（依据：{how}；可信度 {d.confidence:.0%}）"
        )
        if others:
            text += f"；其他可能的拆法：{others}"
        if d.broken:
            text += "；没有一种拆法满足各组总计等于分项之和，按所印数字保留，未作更正"
        uncertain = (
            d.method == splitting.PLAUSIBILITY
            or d.broken
            or d.bounded
            or _leading_zero(d)
        )
        self.add(
            "appeals",
            "import.split_uncertain" if uncertain else "import.split_inferred",
            WARNING if uncertain else INFO,
            text,
            paths,
            _split_data(d, paths),
        )


def _split_data(d: splitting.Decision, paths: Sequence[Path]) -> dict[str, object]:
    """The finding's data: the cut, its alternatives and the confidence band (a
    cell with a leading zero makes it low)."""
    data = d.data([fmt.path_str(p) for p in paths])
    if _leading_zero(d):
        data["band"] = splitting.LOW
    return data


def _leading_zero(d: splitting.Decision) -> bool:
    return any(e - s > 1 and d.run[s] == "0" for s, e in (d.spans or ()))


def _row_name(path: Path) -> str:
    from gongkai.annual_reports.importing.context import row_name

    return row_name(path)


def read_flat(text: str, previous: ReportData | None = None) -> FlatTables:
    """The three tables as found in ``text`` read without line breaks."""
    reader = Reader(text, previous)
    at = reader.active(0)
    at = reader.applications(at)
    reader.appeals(at)
    for name in ("active", "applications", "appeals"):
        if reader.out.table(name) is not None:
            reader.out.findings.setdefault(name, []).insert(
                0,
                finding(
                    "import.flat_text",
                    INFO,
                    f"「{fmt.TABLE_LABELS[name]}」表的行与单元格没有换行或分隔符，"
                    "按格式的行顺序和行标签从连续文本中读出",
                    [(name,)],
                ),
            )
    return reader.out
