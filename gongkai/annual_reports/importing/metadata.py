"""Title, reporting organ, statistical year and publication date.

The title is the short line near the top that names a 政府信息公开 report; a line
with 工作年度报告 beats one without (seed 004's page repeats the title, the line
with 工作年度报告 is the report's own), and a title that names both organ and year
beats one that does not.  The year is the statistical year written in the title
(``2021年度``), never the publication date in the page metadata.  The organ is what
precedes the year, completed to the organ's full name: a place name alone is its
people's government (中阳县 → 中阳县人民政府, 海通乡 → 海通乡人民政府).

Pages as sites serve them are read too:

* a title split over two lines (the organ on the first, year and 政府信息公开工作年度报告
  on the second; or organ and year on the first) is joined;
* a page header before the title (``标题:``, ``发布日期:``, ``索引号:``,
  ``发布机构:``, ``来源:``): the 标题 value is a title like any other line, 发布机构
  (or 来源) names the organ when no title does, and 发布日期 is only ever the
  publication date;
* site chrome (当前位置 > 首页 > …, 全真版 文字版, share buttons) before the title on
  its line, and documents that lost every line break (the title is found in the
  running text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

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
_NOT_GOVERNMENT = (
    "开发区",
    "高新区",
    "新区",
    "园区",
    "示范区",
    "管理区",
    "保税区",
    "实验区",  # 平潭综合实验区: run by a 管委会, no people's government
)
_SEARCH_LINES = 80
_HEADER_CHARS = 4000
_BLANKS = " \t\xa0\u3000"
_BEST_TITLE_SCORE = 7
_B = "[ \xa0\u3000]*"

#: The fields of a page header (government sites print them above the title).
_HEADER = re.compile(
    r"(标题|发布机构|发文机关|发文单位|信息来源|来源|发布日期|发布时间|成文日期|生成日期"
    r"|索引号|主题分类|公文种类|文号|发文字号|有效性|浏览次数|点击数)"
    r"[ \xa0\u3000]*[:：]"
)
#: A line that is a field of a page header or of a crawler's record (标题: …).
_FIELD_LINE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,8})[ \xa0\u3000]*[:：]")
#: … except the breadcrumb of site chrome, which may hold the title.
_NOT_FIELDS = ("当前位置", "您的位置", "您当前的位置", "位置")
_HEADER_ORGAN = ("发布机构", "发文机关", "发文单位", "信息来源", "来源")
_HEADER_DATE = ("发布日期", "发布时间", "成文日期", "生成日期")
#: A line that can be the first half of a split title: an organ, maybe its year.
_TITLE_HEAD = re.compile(
    r"[\u4e00-\u9fff（）()]{2,30}?(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})?年?度?"
)
_ORGAN_END = re.compile(
    r"(?:政府|局|委|办|室|厅|院|会|处|所|中心|站|队|馆|部|署|乡|镇|县|区|市|省|州|盟|旗"
    r"|街道|办事处|公司|集团)$"
)
_TITLE_IN_TEXT = re.compile(
    rf"[\u4e00-\u9fff（）()]{{2,24}}?{_B}(?:19|20)\d{{2}}{_B}年度?"
    rf"{_B}政府信息公开{_B}(?:工作)?{_B}年度报告"
)
#: … and the title with its year after it (某局政府信息公开工作年度报告（2022年度）) or none.
_TITLE_YEAR_AFTER = re.compile(
    rf"(?<!年)(?<!年度)[\u4e00-\u9fff]{{2,24}}?{_B}政府信息公开"
    rf"{_B}(?:工作)?{_B}年度报告(?:{_B}[（(]{_B}(?:19|20)\d{{2}}{_B}年度?{_B}[）)])?"
)
#: Words of a site's page around a title (a line holding one is not a title alone).
_PAGE_CHROME = re.compile(
    r"当前位置|首页|全真版|文字版|附件下载|分享到|打印本页|关闭窗口|字体|[>›»]"
)
#: … and the year first: 二〇二三年度东湖镇政府信息公开工作年度报告.
_TITLE_YEAR_FIRST = re.compile(
    rf"(?:(?:19|20)\d{{2}}|[〇零○一二三四五六七八九]{{4}}){_B}年度?{_B}"
    rf"[\u4e00-\u9fff（）()]{{2,24}}?{_B}政府信息公开{_B}(?:工作)?{_B}年度报告"
)
_NOT_IN_TITLE = ("印发", "关于", "根据", "按照", "依据")
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
    "微信",
    "微博",
    "QQ空间",
)


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
    meta = _best(_title_candidates(doc), doc.text) or Metadata()
    if meta.org is None:
        _org_from_header(meta, doc.text, _header(doc.text))
    if meta.year is None:
        _year_from_period(meta, doc)
    meta.published_on = _published_on(doc)
    return meta


# ---------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------
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


def _filled_lines(doc: Doc) -> Iterator[Cell | None]:
    """The first lines with text, lazily: each its one filled cell (None: several)."""
    seen = 0
    for cells in doc.lines:
        only: Cell | None = None
        filled = False
        for cell, _tok in cells:
            if cell.text.strip(_BLANKS):
                if filled:  # a second filled cell: not a title line
                    only = None
                    break
                only, filled = cell, True
        if filled:
            yield only
            seen += 1
            if seen >= _SEARCH_LINES:
                return


def _title_candidates(doc: Doc) -> list[tuple[Cell, bool]]:
    """Cells that may hold the title, each with whether it is a page header's
    标题 field: lines (joined when the title is split over two), the 标题 field,
    running text (after the header: the report's own title beats the page's)."""
    out: list[tuple[Cell, bool]] = []
    prev: Cell | None = None
    after = 0  # the end of the last header line seen
    for cell in _filled_lines(doc):
        before, prev = prev, cell
        if cell is None:
            continue
        field_ = _FIELD_LINE.match(cell.text.lstrip(_BLANKS))
        if field_ is not None and field_.group(1) not in _NOT_FIELDS:
            after = cell.end
            if field_.group(1) != "标题":
                continue  # 发布机构: …, 本地目录: …_某县2020年度…报告: no title
        if "报告" not in cell.text or len(cell.text) > 120:
            continue
        inner = _inner_title(doc.text, cell)
        score = _title_score(_clean_title(inner.text))
        if not score:  # 「…政府信息公开工作」 /「年度报告」: a title wrapped mid-way
            inner = _wrapped(doc.text, before, cell) or inner
            score = _title_score(_clean_title(inner.text))
        if not score:
            continue
        header = field_ is not None
        out.append((_joined(doc.text, before, inner), header))
        if score == _BEST_TITLE_SCORE and _complete(inner) and not header:
            return out  # no later line can beat it
    title = (
        _header(doc.text).get("标题") if "标题" in doc.text[:_HEADER_CHARS] else None
    )
    if title is not None:
        start = title[1]
        cell = Cell(title[0], start, doc.text.count("\n", 0, start) + 1)
        out.append((_inner_title(doc.text, cell), True))
    if not any(_complete(c) for c, header in out if not header):
        end = after + 20_000
        found = _title_in_text(doc.text[after:end], base=after, whole=doc.text)
        if found is None and after:
            found = _title_in_text(doc.text)
        if found is not None:
            out.append((found, False))
    return out


def _complete(cell: Cell) -> bool:
    title = _clean_title(cell.text)
    return bool(_YEAR.search(title) or _CN_YEAR.search(title)) and not title.startswith(
        (*"0123456789〇零○一二三四五六七八九", "政府信息公开")
    )


def _wrapped(text: str, prev: Cell | None, cell: Cell) -> Cell | None:
    """A title wrapped mid-way (PDF lines): the line before holds 政府信息公开."""
    if prev is None or len(prev.text) > 60 or _FIELD_LINE.match(prev.text):
        return None
    if "政府信息公开" not in prev.text and "政务公开" not in prev.text:
        return None
    lead = len(prev.text) - len(prev.text.lstrip(_BLANKS))
    start = prev.start + lead
    return Cell(text[start : cell.end], start, prev.line)


def _joined(text: str, prev: Cell | None, cell: Cell) -> Cell:
    """The title cell joined with the line before when the title is split: the
    organ (and maybe the year) there, the rest here."""
    title = _clean_title(cell.text)
    if not (title.startswith(("政府信息公开", "政务公开")) or _RAW_YEAR.match(title)):
        return cell
    if prev is None:
        return cell
    head = compact(prev.text)
    if (
        not _TITLE_HEAD.fullmatch(head)
        or _HEADER.search(prev.text)
        or any(w in head for w in _CHROME_WORDS)
    ):
        return cell
    has_year = _RAW_YEAR.search(head) is not None
    if has_year and _RAW_YEAR.match(title):
        return cell  # two years: not halves of one title
    organ = _RAW_YEAR.split(head)[0] if has_year else head
    if not _ORGAN_END.search(organ):
        return cell
    lead = len(prev.text) - len(prev.text.lstrip(_BLANKS))
    start = prev.start + lead
    return Cell(text[start : cell.end], start, prev.line)


def _inner_title(text: str, cell: Cell) -> Cell:
    """The title inside a line that holds more: a header label, chrome before it."""
    if _PAGE_CHROME.search(cell.text):
        found = _title_in_text(cell.text, base=cell.start, whole=text)
        if found is not None:
            return found
    label = _HEADER.match(cell.text.lstrip(_BLANKS))
    if label is not None:
        at = len(cell.text) - len(cell.text.lstrip(_BLANKS)) + label.end()
        return Cell(cell.text[at:], cell.start + at, cell.line)
    return cell


def _title_in_text(
    text: str,
    *,
    base: int = 0,
    whole: str | None = None,
) -> Cell | None:
    """A title inside running text (a page whose text lost its line breaks): the
    first 「organ + year + 政府信息公开工作年度报告」 (or the year after it), without
    page chrome or header fields before it.  ``base``: offset of ``text`` in the
    document ``whole``."""
    whole = text if whole is None else whole
    found: list[re.Match[str]] = []
    limit = 20_000
    for pattern in _IN_TEXT:  # the commonest first; the others only before it
        m = pattern.search(text, 0, limit)
        if m is None or any(w in m.group() for w in _NOT_IN_TITLE):
            continue
        if not text.startswith(("格式", "的通知"), m.end()):
            found.append(m)
            limit = min(limit, m.end())
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    start, title = match.start(), match.group()
    if match.re is _TITLE_YEAR_FIRST:
        at = base + start
        return Cell(whole[at : base + match.end()], at, whole.count("\n", 0, at) + 1)
    year = _RAW_YEAR.search(title) if match.re is _TITLE_IN_TEXT else None
    head = title[: year.start()] if year else title[: title.rfind("政府信息公开")]
    cut = 0
    for word in _CHROME_WORDS:
        at = head.rfind(word)
        if at >= 0:
            cut = max(cut, at + len(word))
    if not cut and _AFTER_FIELD.search(text, max(0, start - 4), start):
        cut = _field_value_end(head)
    if cut >= len(head.rstrip(_BLANKS)):
        return None
    start += cut
    at = base + start
    return Cell(whole[at : base + match.end()], at, whole.count("\n", 0, at) + 1)


_VALUE_END = re.compile(r"[ \xa0\u3000]{2,}|[:：|【\[]|政府信息公开|政务公开|\d")
_IN_TEXT = (_TITLE_IN_TEXT, _TITLE_YEAR_AFTER, _TITLE_YEAR_FIRST)
_AFTER_FIELD = re.compile(r"[:：][ \xa0\u3000]*$")


def _field_value_end(head: str) -> int:
    """Where the title's organ begins in a header field's value run into it
    (发布机构：某局某局2022年…, 来源：某乡党政办某乡2022年…): the last place the
    value's first two characters recur; 0 when they do not."""
    compacted = head.strip(_BLANKS)
    at = head.rfind(compacted[:2]) if len(compacted) >= 4 else -1
    return at if at > head.find(compacted[:2]) else 0


# ---------------------------------------------------------------------------
# Reading a candidate
# ---------------------------------------------------------------------------
def _best(cells: list[tuple[Cell, bool]], text: str) -> Metadata | None:
    """The candidate that names most: organ and year first, then the title's score,
    then the report's own title before a page header's (earlier ones win ties)."""
    best: tuple[tuple[int, int, bool], Cell] | None = None
    for cell, header in cells:
        title = _clean_title(cell.text)
        match, org = _year_and_organ(title)
        key = (
            (complete_org(org) is not None) + (match is not None),
            _title_score(title),
            not header,
        )
        if best is None or key > best[0]:
            best = (key, cell)
    if best is None:
        return None
    meta = Metadata()
    _from_title(meta, best[1], text)  # the spans of the winner only
    return meta


@lru_cache(maxsize=4096)
def _clean_title(text: str) -> str:
    """The title as written, without spaces, markup, a 标题 label or the site's
    name after it (cached: each candidate is cleaned several times)."""
    text = compact(text).lstrip("#").strip('《》“”"')
    label = _HEADER.match(text)
    if label is not None and label.group(1) == "标题":
        text = text[label.end() :]
    suffix = _SITE_SUFFIX.search(text)
    return text if suffix is None else text[: suffix.end(1)]


def _span(text: str, cell: Cell, start: int, end: int) -> SourceSpan:
    at = cell.start + start
    line = cell.line + cell.text.count("\n", 0, start)
    return SourceSpan(line, at, cell.start + end, text[at : cell.start + end])


def _year_and_organ(title: str) -> tuple[re.Match[str] | None, str]:
    """The year written in a title and the organ's name as written (maybe "")."""
    match = _YEAR.search(title) or _CN_YEAR.search(title)
    info = title.find("政府信息公开")
    if match is None:
        return None, title[:info] if info > 0 else ""
    # 某局政府信息公开工作年度报告（2022年度）: the organ is before 政府信息公开
    org = title[:info] if 0 <= info < match.start() else title[: match.start()]
    if not org:
        rest = title[match.end() :].lstrip("度")
        cut = rest.find("政府信息公开")
        org = rest[:cut] if cut > 0 else ""
    return match, org


def _from_title(meta: Metadata, cell: Cell, text: str = "") -> None:
    title = _clean_title(cell.text)
    meta.title = title
    raw = cell.text
    text = text or raw
    if text is raw:
        cell = Cell(raw, 0, cell.line)
    lead = len(raw) - len(raw.lstrip(" \t\xa0\u3000#"))
    meta.spans["title"] = _span(text, cell, lead, len(raw.rstrip()))
    match, org = _year_and_organ(title)
    if match is not None:
        meta.year = int(match.group(1).translate(_CN_DIGITS))
        year_at = _RAW_YEAR.search(raw)
        if year_at is not None:
            meta.spans["year"] = _span(text, cell, year_at.start(), year_at.end())
    meta.org = complete_org(org)
    if meta.org and org:
        _org_span(meta, text, cell, org, lead)


def _org_span(meta: Metadata, text: str, cell: Cell, org: str, lead: int) -> None:
    raw = cell.text
    at = raw.find(org[:1], lead)
    if at < 0:
        return
    # the organ's characters in the source, spaces and line breaks between them
    pos, end = at, at
    for ch in org:
        found = raw.find(ch, pos)
        if found < 0 or (found > pos and compact(raw[pos:found])):
            return
        pos = end = found + 1
    meta.spans["org"] = _span(text, cell, at, end)


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


# ---------------------------------------------------------------------------
# Page header, statistical period, publication date
# ---------------------------------------------------------------------------
def _header(text: str) -> dict[str, tuple[str, int]]:
    """The first value of each page-header field: (value, offset of the value).
    A value ends at the line's end, at the next field or at chrome."""
    out: dict[str, tuple[str, int]] = {}
    head = text[:_HEADER_CHARS]
    if "：" not in head and ":" not in head:
        return out
    fields = list(_HEADER.finditer(head))
    for i, match in enumerate(fields):
        name = match.group(1)
        if name in out:
            continue
        end = fields[i + 1].start() if i + 1 < len(fields) else len(head)
        end = min(end, match.end() + 80)
        newline = head.find("\n", match.end(), end)
        if newline >= 0:
            end = newline
        value = head[match.end() : end]
        lead = len(value) - len(value.lstrip(_BLANKS))
        value = value.strip(_BLANKS)
        if value:
            out[name] = (value, match.end() + lead)
    return out


def _org_from_header(
    meta: Metadata, text: str, header: dict[str, tuple[str, int]]
) -> None:
    for name in _HEADER_ORGAN:
        field_ = header.get(name)
        if field_ is None:
            continue
        value = _VALUE_END.split(field_[0])[0].strip(_BLANKS)
        value = value.split(" ")[0]
        if not 2 <= len(value) <= 40:
            continue
        org = complete_org(value)
        if org:
            meta.org = org
            at = field_[1]
            meta.spans["org"] = SourceSpan(
                text.count("\n", 0, at) + 1, at, at + len(value), value
            )
            return


def _year_from_period(meta: Metadata, doc: Doc) -> None:
    for match in _PERIOD_YEAR.finditer(doc.text, 0, 6000):
        before = doc.text[max(0, match.start() - 12) : match.start()]
        if any(word in before for word in (*_HEADER_DATE, "日期")):
            continue  # 发布日期：2023年1月1日 is not the statistical year
        meta.year = int(match.group(1) or match.group(2))
        return


def _date_at_the_end(doc: Doc) -> re.Match[str] | None:
    """The last cell of the last 15 lines that is a date alone (the signature)."""
    for cells in reversed(doc.lines[-15:]):
        for cell, _tok in reversed(cells):
            if "日" in cell.text:
                match = _DATE_LINE.fullmatch(cell.text.strip())
                if match:
                    return match
    return None


def _published_on(doc: Doc) -> date | None:
    match = _PUBLISHED.search(doc.text, 0, 4000)
    if match is None:
        match = _date_at_the_end(doc)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
