"""Title, reporting organ, statistical year and publication date.

The title is the short line near the top that names a 政府信息公开 report; a line
with 工作年度报告 beats one without (seed 004's page repeats the title, the line
with 工作年度报告 is the report's own).  The year is the statistical year written in
the title (``2021年度``), never the publication date in the page metadata.  The organ
is what precedes the year, completed to the organ's full name: a place name alone is
its people's government (中阳县 → 中阳县人民政府, 海通乡 → 海通乡人民政府).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from gongkai.annual_reports.importing.doc import Cell, Doc
from gongkai.annual_reports.importing.result import SourceSpan

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})年")
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_RAW_YEAR = re.compile(r"(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}")
_NOT_TITLE = ("。", "《", "》", "通知", "根据", "，", ",")
_SITE_SUFFIX = re.compile(r"(报告)[_|\-—–].*$")
_PERIOD_YEAR = re.compile(
    r"统计(?:期限|时限|期间|时间)[^0-9]{0,12}((?:19|20)\d{2})\s*年"
    r"|((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
)
_PUBLISHED = re.compile(
    r"发布(?:日期|时间)\s*[:：]?\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})"
)
_DATE_LINE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DIVISION_ENDINGS = (
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "州",
    "盟",
    "乡",
    "镇",
)
_NOT_GOVERNMENT = ("开发区", "高新区", "新区", "园区", "示范区", "管理区", "保税区")
_SEARCH_LINES = 80
_BLANKS = " \t\xa0\u3000"
_BEST_TITLE_SCORE = 7


@dataclass
class Metadata:
    title: str | None = None
    org: str | None = None
    year: int | None = None
    published_on: date | None = None
    spans: dict[str, SourceSpan] = field(default_factory=dict)


def compact(text: str) -> str:
    return _SPACES.sub("", text)


def read_metadata(doc: Doc) -> Metadata:
    meta = Metadata()
    cell = _title_cell(doc)
    if cell is None:
        cell = _title_in_text(doc)
    if cell is not None:
        _from_title(meta, cell)
    if meta.year is None:
        _year_from_period(meta, doc)
    meta.published_on = _published_on(doc)
    return meta


def _title_score(text: str) -> int:
    if not 6 <= len(text) <= 70 or "报告" not in text:
        return 0
    if any(bad in text for bad in _NOT_TITLE):
        return 0
    if "政府信息公开" not in text and "政务公开" not in text:
        return 0
    score = 1  # + 3 + 2 + 1 at most: _BEST_TITLE_SCORE
    score += 3 if "工作年度报告" in text else 0
    score += 2 if "年度报告" in text else 0
    score += 1 if _YEAR.search(text) or _CN_YEAR.search(text) else 0
    return score


def _title_cell(doc: Doc) -> Cell | None:
    best: tuple[int, Cell] | None = None
    seen = 0
    for cells in doc.lines:
        # The one filled cell of the line (None: none, or more than one).
        only: Cell | None = None
        filled = False
        for cell, _tok in cells:
            if cell.text.strip(_BLANKS):
                if filled:  # a second filled cell: not a title line
                    only = None
                    break
                only, filled = cell, True
        if not filled:
            continue
        seen += 1
        if seen > _SEARCH_LINES:
            break
        if only is None or "报告" not in only.text or len(only.text) > 120:
            continue
        score = _title_score(_clean_title(only.text))
        if score and (best is None or score > best[0]):
            best = (score, only)
            if score == _BEST_TITLE_SCORE:  # no later line can beat it
                break
    return best[1] if best else None


_TITLE_IN_TEXT = re.compile(
    r"[\u4e00-\u9fff（）()]{2,24}?[ \xa0\u3000]*(?:19|20)\d{2}[ \xa0\u3000]*年度?"
    r"[ \xa0\u3000]*政府信息公开[ \xa0\u3000]*(?:工作)?[ \xa0\u3000]*年度报告"
)
_CHROME_WORDS = (
    "当前位置",
    "首页",
    "全真版",
    "文字版",
    "附件下载",
    "政务公开",
    "政府信息公开",
    "分享到",
    "打印本页",
    "关闭窗口",
    "年度报告",
    "年报",
    "标题",
    "大中小",
)


def _title_in_text(doc: Doc) -> Cell | None:
    """A title inside running text (a page whose text lost its line breaks): the
    first 「organ + year + 政府信息公开工作年度报告」, without page chrome before it."""
    match = _TITLE_IN_TEXT.search(doc.text, 0, 20_000)
    if match is None:
        return None
    start, text = match.start(), match.group()
    year = _RAW_YEAR.search(text)
    head = text[: year.start()] if year else text
    cut = 0
    for word in _CHROME_WORDS:
        at = head.rfind(word)
        if at >= 0:
            cut = max(cut, at + len(word))
    if cut >= len(head.rstrip(_BLANKS)):
        return None
    start += cut
    return Cell(
        doc.text[start : match.end()], start, doc.text.count("\n", 0, start) + 1
    )


def _clean_title(text: str) -> str:
    text = compact(text).lstrip("#").strip('《》“”"')
    return _SITE_SUFFIX.sub(r"\1", text)


def _from_title(meta: Metadata, cell: Cell) -> None:
    title = _clean_title(cell.text)
    meta.title = title
    raw = cell.text
    lead = len(raw) - len(raw.lstrip(" \t\xa0\u3000#"))
    meta.spans["title"] = SourceSpan(
        cell.line,
        cell.start + lead,
        cell.start + len(raw.rstrip()),
        raw[lead:].rstrip(),
    )
    match = _YEAR.search(title) or _CN_YEAR.search(title)
    year_at = None
    if match is not None:
        meta.year = int(match.group(1).translate(_CN_DIGITS))
        year_at = _RAW_YEAR.search(raw)
        if year_at is not None:
            meta.spans["year"] = SourceSpan(
                cell.line,
                cell.start + year_at.start(),
                cell.start + year_at.end(),
                year_at.group(),
            )
        org = title[: match.start()]
        if not org:
            rest = title[match.end() :].lstrip("度")
            cut = rest.find("政府信息公开")
            org = rest[:cut] if cut > 0 else ""
    else:
        cut = title.find("政府信息公开")
        org = title[:cut] if cut > 0 else ""
    meta.org = complete_org(org)
    if meta.org:
        at = raw.find(org[:1], lead) if org else -1
        end = year_at.start() if year_at is not None else -1
        if at >= 0 and end > at:
            text = raw[at:end].rstrip()
            meta.spans["org"] = SourceSpan(
                cell.line, cell.start + at, cell.start + at + len(text), text
            )


def complete_org(name: str) -> str | None:
    """The organ's full name: a place alone is its people's government."""
    name = name.strip("：:，,、·- ")
    for connective in ("关于", "的"):  # 某某办公室关于2022年…报告
        name = name.removesuffix(connective)
    if len(name) < 2:
        return None
    if name.endswith("政府") and not name.endswith("人民政府"):
        stem = name[:-2]
        if stem.endswith(_DIVISION_ENDINGS):
            return stem + "人民政府"
        return name
    if name.endswith("街道"):
        return name + "办事处"
    if name.endswith(_DIVISION_ENDINGS) and not name.endswith(_NOT_GOVERNMENT):
        return name + "人民政府"
    return name


def _year_from_period(meta: Metadata, doc: Doc) -> None:
    match = _PERIOD_YEAR.search(doc.text, 0, 6000)
    if match is not None:
        meta.year = int(match.group(1) or match.group(2))


def _published_on(doc: Doc) -> date | None:
    match = _PUBLISHED.search(doc.text, 0, 4000)
    if match is None:
        tail = [c for cells in doc.lines[-15:] for c, _tok in cells if c.text.strip()]
        for cell in reversed(tail):
            match = _DATE_LINE.fullmatch(cell.text.strip())
            if match:
                break
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
