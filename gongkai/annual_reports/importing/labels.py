"""Reading one cell: a known label, a number, a blank, a section heading or text.

Labels are compared after :func:`norm`: NFKC (full-width digits and punctuation to
half-width), no white space at all (stray spaces, NBSP, U+3000), one kind of bracket,
no quotation marks, ``、`` read as ``,``, and item numbers written one way (``1.``,
``(一)``, ``一、``).  Real reports' wordings that differ beyond that (社会组织,
规范性文件, the typo 本年度止件数, a missing item number …) are *variants*: matched,
and reported as ``import.label_variant``.

``classify`` is called for every cell of every report, so it is cached by the raw
cell text and does the cheap tests first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import values
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.importing import format2019 as f19

# Token kinds.
EMPTY, BLANK, NUM, SEP, LABEL, HEADING, TEXT, PREFIX = range(8)


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  # "row" | "group" | "block" | "column"
    text: str  # the label as the format writes it
    table: str  # "active" | "applications" | "appeals" | "" (shared column)
    path: Path = ()  # rows and groups: path of the row (no column)
    field: str = ""  # active rows: field (incl. 2019-only other_services, procurement)
    column: str = ""  # active columns: column id (see format2019)
    block: str = ""  # active blocks and rows: 一 五 六 八 九
    only_2019: bool = False


class Tok:
    """What one cell reads as.  Made once per distinct cell text (cached), so a
    plain slotted class rather than a frozen dataclass (much cheaper to create)."""

    __slots__ = (
        "bit",
        "extendable",
        "joinable",
        "kind",
        "label",
        "number",
        "reformatted",
        "section",
        "tail",
        "value",
        "variant",
    )

    def __init__(
        self,
        kind: int,
        label: Label | None = None,
        *,
        number: str = "",
        reformatted: bool = False,
        variant: str = "",
        section: int = 0,
        tail: str = "",
        extendable: bool = False,
    ) -> None:
        self.kind = kind
        self.bit = 1 << kind  # for per-line masks of the kinds present
        self.label = label
        self.number = number  # NUM: digits as read (no separators), sign, decimals
        self.reformatted = reformatted  # NUM: separators/full-width/spaces removed
        self.variant = variant  # LABEL: why the written label is a variant
        self.section = section  # HEADING: 1..6
        self.tail = tail  # HEADING: text after the heading on the same line
        self.extendable = extendable  # LABEL: also the start of a longer label
        self.joinable = kind == PREFIX or extendable
        # NUM: the count, when the number is a plain non-negative integer
        self.value = (
            int(number)
            if number.isdigit() and len(number) <= values.MAX_DIGITS
            else None
        )

    def __repr__(self) -> str:
        return f"Tok({self.kind}, {self.label and self.label.text!r}, {self.number!r})"


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------
_DROP = " \t\r\n\x0b\x0c\xa0\u3000\u200b\u200c\u200d\u2060\ufeff“”‘’\"'「」『』"
_TRANSLATE: Final = (
    {ord(c): None for c in _DROP}
    | {ord(c): "(" for c in "[【〔［〖﹙"}
    | {ord(c): ")" for c in "]】〕］〗﹚"}
    | {ord("−"): "-", ord("–"): "-", ord("—"): "-"}
)
_CN_NUM = "一二三四五六七八九十"
_ENUM = re.compile(
    rf"^(?:\((\d{{1,2}})\)[.,、]?|(\d{{1,2}})(?:[.,、)](?!\d)|(?=[^\d.,、)]))"
    rf"|\(([{_CN_NUM}]{{1,3}})\)[.,、]?|([{_CN_NUM}]{{1,3}})[、.,])"
)
_TRAILING = ":;,.。"


def norm(s: str) -> str:
    """The comparison form of a label (see the module docstring)."""
    s = unicodedata.normalize("NFKC", s).translate(_TRANSLATE)
    match = _ENUM.match(s)
    if match is None:
        return s.replace("、", ",").rstrip(_TRAILING)
    arabic = match.group(1) or match.group(2)
    if arabic:
        prefix = f"{int(arabic)}."
    elif match.group(3):
        prefix = f"({match.group(3)})"
    else:
        prefix = f"{match.group(4)}、"
    return prefix + s[match.end() :].replace("、", ",").rstrip(_TRAILING)


def strip_enumerator(normed: str) -> str:
    match = _ENUM.match(normed)
    return normed[match.end() :] if match else normed


# ---------------------------------------------------------------------------
# The registry of labels
# ---------------------------------------------------------------------------
_REGISTRY: dict[str, tuple[Label, str]] = {}


def _add(text: str, label: Label, variant: str = "") -> None:
    _REGISTRY.setdefault(norm(text), (label, variant))


def _build() -> None:
    typo, other_name = "笔误", "旧称或简称"
    # Section 二
    for key, heading in f19.BLOCK_HEADINGS.items():
        _add(
            heading, Label("block", heading, "active", block=key, only_2019=key == "九")
        )
    _add(fmt.CONTENT_HEADER, Label("column", fmt.CONTENT_HEADER, "active"))
    for column, text in f19.COLUMNS_2021.items():
        _add(text, Label("column", text, "active", column=column))
    for column, text in f19.COLUMNS_2019.items():
        _add(
            text,
            Label(
                "column",
                text,
                "active",
                column=column,
                only_2019=column in f19.COLUMNS_ONLY_2019,
            ),
        )
    repealed = Label(
        "column", f19.COLUMNS_2021["repealed"], "active", column="repealed"
    )
    _add("本年度止件数", repealed, typo)
    _add("本年度废止件数", repealed, other_name)
    change = Label(
        "column", f19.COLUMNS_2019["change"], "active", column="change", only_2019=True
    )
    _add("本年增减", change, other_name)
    for field, label in fmt.ACTIVE_ROW_LABELS.items():
        _add(
            label,
            Label(
                "row",
                label,
                "active",
                ("active", field),
                field,
                block=f19.ROW_BLOCK[field],
            ),
        )
    for field, (block, label) in f19.ROW_LABELS_2019.items():
        only = field in f19.ROWS_ONLY_2019
        row = Label(
            "row",
            fmt.ACTIVE_ROW_LABELS.get(field, label),
            "active",
            ("active", field),
            field,
            block=block,
            only_2019=only,
        )
        _add(label, row, "" if only else "2019 年格式的名称")
    # Section 三
    for app_row in fmt.APPLICATION_ROWS:
        _add(app_row.label, Label("row", app_row.label, "applications", app_row.path))
    _add(fmt.TOP_RESULTS, Label("group", fmt.TOP_RESULTS, "applications"))
    for field, group, _leaves in fmt.APPLICATION_GROUPS:
        _add(group, Label("group", group, "applications", ("applications", field)))
    partial = fmt.APPLICATION_ROW_BY_PATH[("applications", "partially_granted")]
    _add(
        "（二）部分公开",
        Label("row", partial.label, "applications", partial.path),
        other_name,
    )
    banned = fmt.APPLICATION_ROW_BY_PATH[("applications", "withheld", 1)]
    for text in ("2.其他法律法规禁止公开", "2.其他法律、行政法规禁止公开"):
        _add(text, Label("row", banned.label, "applications", banned.path), other_name)
    for text in (
        fmt.APPLICANT_HEADER,
        fmt.NATURAL_PERSON,
        fmt.LEGAL_PERSONS_HEADER,
        *fmt.LEGAL_PERSON_COLUMNS,
    ):
        _add(text, Label("column", text, "applications"))
    _add("社会组织", Label("column", "社会公益组织", "applications"), other_name)
    _add(
        "法人和其他组织",
        Label("column", fmt.LEGAL_PERSONS_HEADER, "applications"),
        other_name,
    )
    _add(fmt.TOTAL, Label("column", fmt.TOTAL, ""))
    # Section 四
    for text in (
        fmt.RECONSIDERATION,
        fmt.LITIGATION,
        *fmt.APPEAL_COLUMNS[:4],
        *fmt.APPEAL_GROUP_LABELS.values(),
    ):
        _add(text, Label("column", text, "appeals"))


_build()
CORNER_LABEL: Final = Label("column", fmt.APPLICATIONS_CORNER_NOTE, "applications")
FEE_COLUMN_LABEL: Final = _REGISTRY[norm(f19.COLUMNS_2021["fee"])][0]

# Labels without their item number ("属于国家秘密"), when the rest is unambiguous.
_BODIES: dict[str, Label] = {}


def _build_bodies() -> None:
    seen: dict[str, list[Label]] = {}
    for key, (label, _) in _REGISTRY.items():
        if label.kind in ("row", "group"):
            body = strip_enumerator(key)
            if body != key and len(body) >= 4:
                seen.setdefault(body, []).append(label)
    for body, labels in seen.items():
        if len({lb.path for lb in labels}) == 1 and body not in _REGISTRY:
            _BODIES[body] = labels[0]


_build_bodies()
_PREFIXES: Final = frozenset(
    key[:i] for key in (*_REGISTRY, *_BODIES) for i in range(1, len(key))
)
MAX_LABEL = max(map(len, _REGISTRY)) + 8

# ---------------------------------------------------------------------------
# Headings, numbers, separators
# ---------------------------------------------------------------------------
_HEADING = re.compile(r"^#*([一二三四五六])[、.,](.*)$")
_HEADING_WORDS: Final = {
    "一": (1, ("总体情况", "概述", "总体")),
    "二": (2, ("主动公开",)),
    "三": (3, ("申请",)),
    "四": (4, ("复议", "诉讼")),
    "五": (5, ("问题", "改进")),
    "六": (6, ("其他",)),
}
_HEADING_END = re.compile(r"[:：。;；]")
_BLOCK = re.compile(r"^第二十条第\(?([一二三四五六七八九十]{1,2})\)?项")
_PLACEHOLDERS: Final = frozenset(
    {"-", "--", "—", "——", "–", "－", "/", "／", "\\", "、"}
)
_SEPARATOR = re.compile(
    r"^(?::?-{3,}:?|={3,}|[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
_WS = " \t\r\n\x0b\x0c\xa0\u3000\u200b\ufeff"
_DIGIT_START = frozenset("0123456789+-０１２３４５６７８９＋－−")
_TAB_LIKE = frozenset("\t\r\x0b\x0c")

_CACHE: dict[str, Tok] = {}
_TOK_EMPTY, _TOK_BLANK, _TOK_TEXT, _TOK_SEP, _TOK_PREFIX = (
    Tok(EMPTY),
    Tok(BLANK),
    Tok(TEXT),
    Tok(SEP),
    Tok(PREFIX),
)


def classify(raw: str) -> Tok:
    tok = _CACHE.get(raw)
    if tok is None:
        if len(_CACHE) > 100_000:
            _CACHE.clear()
        tok = _CACHE[raw] = _classify(raw)
    return tok


_EXACT_CACHE: dict[str, Tok] = {}


def classify_exact(raw: str) -> Tok:
    """``classify`` without the tolerant match of damaged labels: for texts made up
    by joining pieces (a label broken over cells or lines), which must join into a
    label exactly."""
    tok = _CACHE.get(raw) or _EXACT_CACHE.get(raw)
    if tok is None:
        if len(_EXACT_CACHE) > 100_000:
            _EXACT_CACHE.clear()
        tok = _EXACT_CACHE[raw] = _classify(raw, fuzzy=False)
    elif tok.variant.startswith(_FUZZY_PREFIX):
        return _TOK_TEXT
    return tok


def _classify(raw: str, *, fuzzy: bool = True) -> Tok:
    s = raw.strip(_WS)
    if not s:
        return _TOK_EMPTY if all(c in _TAB_LIKE for c in raw) else _TOK_BLANK
    if s[0] in _DIGIT_START:
        tok = _number(s)
        if tok is not None:
            return tok
    if s in _PLACEHOLDERS:
        return _TOK_BLANK
    if _SEPARATOR.match(s):
        return _TOK_SEP
    if len(s) > MAX_LABEL:
        return _heading(unicodedata.normalize("NFKC", s[:60]).translate(_TRANSLATE), s)
    n = norm(s)
    if not n:
        # Only punctuation (e.g. a label's closing quote pushed past a page break):
        # no label and no value, so it reads as a gap, not as text ending a row.
        return _TOK_EMPTY
    hit = _REGISTRY.get(n)
    if hit is not None:
        return Tok(LABEL, hit[0], variant=hit[1], extendable=n in _PREFIXES)
    return _other(n, s, fuzzy=fuzzy)


def _other(n: str, s: str, *, fuzzy: bool = True) -> Tok:
    if "本列数据的勾稽关系" in n:
        return Tok(LABEL, CORNER_LABEL)
    if n.startswith("本年收费金额"):
        return Tok(LABEL, FEE_COLUMN_LABEL)
    block = _BLOCK.match(n)
    if block:
        heading = f19.BLOCK_HEADINGS.get(block.group(1))
        if heading is not None:
            return Tok(LABEL, _REGISTRY[norm(heading)][0])
    heading_tok = _heading(n, s)
    if heading_tok.kind == HEADING:
        return heading_tok
    body = _BODIES.get(strip_enumerator(n))
    if body is not None:
        return Tok(LABEL, body, variant="缺少或不同的序号")
    if n in _PREFIXES:
        return _TOK_PREFIX
    if fuzzy:
        damaged = _fuzzy(n)
        if damaged is not None:
            return damaged
    return _TOK_TEXT


# ---------------------------------------------------------------------------
# Damaged labels (a character missing, wrong or added: 1.属于国秘密, 本年制法件数)
# ---------------------------------------------------------------------------
FUZZY_VARIANT: Final = "相差 {} 个字"  # Tok.variant of a label matched inexactly
_FUZZY_PREFIX: Final = FUZZY_VARIANT[:3]
_FUZZY_MIN = 6  # shorter labels (行政许可 / 行政处罚) are too close to each other
_NOT_A_LABEL = re.compile(r"[。；;？?！!]|\d.*\d|[^\d(]\d")


def _max_edits(n: int) -> int:
    return 1 if n < 8 else 2 if n < 14 else 3


def _build_fuzzy() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for key, (label, _) in _REGISTRY.items():
        if len(key) >= _FUZZY_MIN and label.kind != "block":
            for i in range(len(key) - 1):
                index.setdefault(key[i : i + 2], []).append(key)
    return index


_FUZZY_INDEX: Final = _build_fuzzy()


def _fuzzy(n: str) -> Tok | None:
    """The registered label ``n`` is a damaged writing of (at most about a quarter
    of its characters differ), or None.  Only cells of a label's length without
    sentence punctuation or figures are tried, so narrative lines cost nothing."""
    if len(n) < _FUZZY_MIN - 1 or len(n) > MAX_LABEL or _NOT_A_LABEL.search(n):
        return None
    votes: dict[str, int] = {}
    for i in range(len(n) - 1):
        for key in _FUZZY_INDEX.get(n[i : i + 2], ()):
            votes[key] = votes.get(key, 0) + 1
    best: tuple[int, str] | None = None
    for key, hits in votes.items():
        k = _max_edits(len(key))
        if abs(len(key) - len(n)) > k or hits < len(key) - 1 - 2 * k:
            continue
        d = _distance(n, key, k)
        if d <= k and (best is None or d < best[0]):
            best = (d, key)
    if best is None:
        return None
    label = _REGISTRY[best[1]][0]
    return Tok(LABEL, label, variant=FUZZY_VARIANT.format(best[0]))


def _distance(a: str, b: str, k: int) -> int:
    """Levenshtein distance of ``a`` and ``b`` (k + 1 once it exceeds ``k``)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > k:
            return k + 1
        prev = cur
    return prev[-1]


def _heading(n: str, s: str) -> Tok:
    match = _HEADING.match(n.lstrip("#"))
    if match is None:
        return _TOK_TEXT
    section, words = _HEADING_WORDS[match.group(1)]
    rest = match.group(2)
    end = _HEADING_END.search(rest)
    title = rest[: end.start()] if end else rest
    if len(title) > 24 or not any(w in title for w in words):
        return _TOK_TEXT
    tail = ""
    if end is not None:
        cut = _HEADING_END.search(s)
        tail = s[cut.end() :].strip(_WS) if cut else ""
    return Tok(HEADING, section=section, tail=tail)


def _number(s: str) -> Tok | None:
    if s.isascii() and s.isdigit():
        return Tok(NUM, number=s)
    clean = values.number_text(s)  # the one reader of numbers (annual_reports.values)
    if clean is None:
        return None
    return Tok(NUM, number=clean, reformatted=clean != s)


def is_label(s: str) -> bool:
    return classify(s).kind == LABEL


def label_for_text(text: str) -> Label | None:
    """The label a written text reads as (for tests and tools)."""
    tok = classify(text)
    return tok.label if tok.kind == LABEL else None
