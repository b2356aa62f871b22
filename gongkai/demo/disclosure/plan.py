"""What the demo publishes, decided before anything is written (pure: a seeded
generator and a working-day calendar in, plans out).

- every organ's items of the report year and of this year up to a few weeks before
  ``today``, per catalogue category at its profile's yearly rate, each formed on a
  working day and published a few working days later (about one in twenty-five
  after the 20 working days of 第二十六条);
- the 行政规范性文件 of the years before (so that 现行有效 builds up as on a real
  site), each valid five years: those whose five years ended have lapsed (失效),
  some were repealed (废止) in a 清理, some replaced by a revision (``replaces``),
  some amended in place;
- the last few weeks (``recent``): items that go through the real review services,
  published ones and ones still waiting (some late, some due soon).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from gongkai.deadlines.calendar import BusinessCalendar
from gongkai.deadlines.errors import DeadlineError
from gongkai.demo.disclosure import texts
from gongkai.demo.disclosure.catalogue import PROFILES, Profile
from gongkai.publications.clock import publish_deadline

#: Years of 规范性文件 before the report year (valid five years, so some lapse).
BACKLOG_YEARS: Final = 6
#: Working days before ``today`` that the services' sample covers.
RECENT_DAYS: Final = 12
LATE_SHARE: Final = 0.04
FIELDS: Final = (
    "城区停车",
    "政府投资项目",
    "农村集体经济组织资产",
    "行政规范性文件制定和备案",
    "城镇老旧小区改造",
    "被征地农民社会保障",
    "公共租赁住房",
    "建设工程竣工联合验收",
    "城乡居民最低生活保障",
    "耕地保护补偿",
    "民营经济发展扶持",
    "人才引进和培养",
    "农村宅基地",
    "城市绿化",
    "临时救助",
    "政府购买服务",
    "重大行政决策程序",
    "住宅小区物业服务",
    "农村供水工程运行",
    "招商引资优惠政策",
    "城区户外广告设置",
    "残疾人两项补贴",
    "农业产业化龙头企业扶持",
    "行政执法公示",
    "政府性债务",
    "国有资产",
    "财政专项资金",
    "城市道路挖掘",
    "建筑垃圾",
    "集体土地征收补偿",
    "不动产登记",
    "食品小作坊",
    "农贸市场",
    "价格监督检查",
    "粮食收购",
    "重点项目建设",
)
KINDS: Final = ("管理办法", "实施办法", "实施细则", "暂行办法")


@dataclass
class ItemPlan:
    key: int
    organ: str
    category: str  # catalogue code
    title: str
    body: str
    genre: str
    topic: str
    formed_on: date
    published_on: date | None  # None: still in review (a sample)
    publish_due_on: date | None
    document_number: str = ""
    normative: bool = False
    major: bool = False
    written_on: date | None = None
    effective_on: date | None = None
    channels: list[str] = field(default_factory=lambda: ["website"])
    disclosure: str = "proactive"
    repealed_on: date | None = None
    lapsed_on: date | None = None
    amended_on: date | None = None
    replaces: int | None = None  # the key of the document it revises
    interpreted: bool = False  # gets a 政策解读
    stage: str = "published"  # for the services' sample: draft/submitted/...
    number_kind: str | None = None  # of its 文号 (None: none), see Planner.number
    sample: bool = False  # made through the services


@dataclass
class _Numbers:
    """The 文号 serials of an organ, per kind and year."""

    last: dict[tuple[str, int], int] = field(default_factory=dict)

    def take(self, kind: str, year: int) -> int:
        n = self.last.get((kind, year), 0) + 1
        self.last[(kind, year)] = n
        return n


class Planner:
    def __init__(
        self,
        *,
        calendar: BusinessCalendar,
        year: int,
        today: date,
        seed: int,
        scale: float = 1.0,
    ) -> None:
        self.calendar, self.year, self.today = calendar, year, today
        self.rng = random.Random(seed)  # noqa: S311 (demo data)
        self.scale = scale
        self.plans: list[ItemPlan] = []
        self.numbers: dict[str, _Numbers] = {}
        self.recent_from = calendar.add_working_days(today, -RECENT_DAYS)

    # -- helpers ------------------------------------------------------------------
    def working_day(self, start: date, end: date) -> date:
        day = start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))
        return day if self.calendar.is_working_day(day) else self._next_working(day)

    def _next_working(self, day: date) -> date:
        return self.calendar.add_working_days(day, 1)

    def _due(self, formed: date) -> date | None:
        try:
            return publish_deadline(formed_on=formed, calendar=self.calendar).date
        except DeadlineError:  # no statutory period (before the 2019 revision)
            return None

    def _values(
        self, organ: str, profile: Profile, on: date, **extra: str
    ) -> dict[str, object]:
        """One draw of every placeholder, for an item's title and body alike."""
        r = self.rng
        households = r.randint(300, 1500)
        urban = r.randint(40, households // 3)
        batches = r.randint(40, 90)
        before = date(on.year - (on.month == 1), (on.month - 2) % 12 + 1, 1)
        return {
            "org": organ,
            "short": profile.short,
            "prefix": profile.prefix,
            "y": on.year,
            "y0": on.year - 1,
            "y1": on.year + 1,
            "y5": on.year + 5,
            "m": on.month,
            "q": texts.QUARTERS[(on.month - 1) // 3],
            "n": r.randint(1, 9),
            "k": r.randint(1, 9),
            "v": r.choice(texts.VILLAGES),
            "t": r.choice(texts.TOWNSHIPS),
            "c": r.choice(texts.COMPANIES),
            "c2": r.choice(texts.COMPANIES),
            "p": r.choice(texts.PROJECTS),
            "road": r.choice(texts.ROADS),
            "subject": r.choice(texts.SUBJECTS),
            "amount": f"{r.randint(20, 9_000)}.{r.randint(10, 99)}",
            "relief": f"{households * r.randint(380, 520) / 10_000:.2f}",
            "households": households,
            "urban": urban,
            "rural": households - urban,
            "batches": batches,
            "passed": batches - r.choice((0, 0, 1, 2, 3)),
            "license": r.choice(texts.LICENSES),
            "violation": r.choice(texts.VIOLATIONS),
            "surname": r.choice(texts.SURNAMES),
            "surname2": r.choice(texts.SURNAMES),
            "address": profile.address,
            "phone": profile.phone,
            "date": _ymd(on),
            "soon": _ymd(on + timedelta(days=3)),
            "soon_md": _md(on + timedelta(days=3)),
            "later": _ymd(on + timedelta(days=12)),
            "before": f"{before.year}年{before.month}月",
            "policy": "",
            "effective": "",
            **extra,
        }

    def _body(
        self, template: texts.Template, profile: Profile, values: dict[str, object]
    ) -> str:
        parts = []
        if template.notice_to:
            parts.append(f"<p>{_addressees(profile)}</p>")
        parts += [f"<p>{p.format(**values)}</p>" for p in template.paragraphs]
        on = values["date"]
        parts.append(f'<p style="text-align:right">{values["org"]}<br>{on}</p>')
        return "\n".join(parts)

    def number(self) -> None:
        """Give the 文号 in the order the documents were written, per organ,
        kind and year (the 规范性文件 have theirs already)."""
        formats = {
            "": "{p}〔{y}〕{n}号",
            "函": "{p}函〔{y}〕{n}号",
            "罚": "{p}处罚〔{y}〕{n}号",
        }
        for plan in sorted(self.plans, key=lambda p: (p.formed_on, p.key)):
            if plan.number_kind is None:
                continue
            numbers = self.numbers.setdefault(plan.organ, _Numbers())
            n = numbers.take(plan.number_kind, plan.formed_on.year)
            plan.document_number = formats[plan.number_kind].format(
                p=PROFILES[plan.organ].prefix, y=plan.formed_on.year, n=n
            )

    @staticmethod
    def _number_kind(code: str, genre: str) -> str | None:
        if code == "08":
            return "罚"
        if genre == "函":
            return "函"
        return "" if genre in ("通知", "意见", "批复", "通报", "决定") else None

    def _dates(self, start: date, end: date) -> tuple[date, date] | None:
        """(formed, published): published a few working days after forming,
        about one in twenty-five late; None if it would fall after ``end``."""
        if end < start:
            return None
        formed = self.working_day(start, end)
        late = self.rng.random() < LATE_SHARE
        wait = (
            self.rng.randint(21, 32) if late else self.rng.choice((0, 1, 1, 2, 3, 5, 8))
        )
        published = self.calendar.add_working_days(formed, wait)
        return None if published > end else (formed, published)

    def _add(self, **kw: object) -> ItemPlan:
        plan = ItemPlan(key=len(self.plans), **kw)  # type: ignore[arg-type]
        self.plans.append(plan)
        return plan

    def _channels(self) -> list[str]:
        channels = ["website"]
        if self.rng.random() < 0.4:
            channels.append("wechat")
        if self.rng.random() < 0.15:
            channels.append("weibo")
        return channels

    # -- ordinary items -----------------------------------------------------------
    def ordinary(self, organ: str, start: date, end: date) -> None:
        profile = PROFILES[organ]
        share = ((end - start).days + 1) / 365
        for code, per_year in profile.per_year.items():
            if code == "0201":
                continue
            count = max(1, round(per_year * share * self.scale))
            for _ in range(count):
                dates = self._dates(start, end)
                if dates is None:
                    continue
                template = self.rng.choice(self._templates(profile, code))
                self._ordinary(organ, profile, code, template, *dates)

    @staticmethod
    def _templates(profile: Profile, code: str) -> list[texts.Template]:
        government = profile.prefix in ("示政", "示政办")
        return [t for t in texts.TEMPLATES[code] if government or not t.government]

    def _ordinary(
        self,
        organ: str,
        profile: Profile,
        code: str,
        template: texts.Template,
        formed: date,
        published: date | None,
    ) -> ItemPlan:
        values = self._values(organ, profile, formed)
        title = template.title.format(**values)
        body = self._body(template, profile, values)
        disclosure = "on_request" if self.rng.random() < 0.01 else "proactive"
        major = template.major and self.rng.random() < 0.5
        return self._add(
            organ=organ,
            category=code,
            title=title,
            body=body,
            genre=template.genre,
            topic=template.topic,
            formed_on=formed,
            written_on=formed,
            published_on=published,
            publish_due_on=self._due(formed),
            number_kind=self._number_kind(code, template.genre),
            major=major,
            channels=self._channels(),
            disclosure=disclosure,
            interpreted=major and self.rng.random() < 0.7,
        )

    # -- 行政规范性文件 -----------------------------------------------------------
    def normative(self, organ: str, first: int, end: date) -> None:
        """The organ's 规范性文件 from ``first`` to ``end``: the backlog years at the
        backlog rate, the report year and after at the profile's rate."""
        profile = PROFILES[organ]
        names = [f + k for f in FIELDS for k in KINDS]
        self.rng.shuffle(names)
        mine: list[ItemPlan] = []
        for year in range(first, end.year + 1):
            rate = (
                profile.per_year.get("0201", 0)
                if year >= self.year
                else profile.backlog
            )
            span = date(year, 1, 1), min(date(year, 12, 31), end)
            share = ((span[1] - span[0]).days + 1) / 365
            for _ in range(round(rate * share * self.scale) if rate else 0):
                dates = self._dates(*span)
                if dates is not None and names:
                    mine.append(self._normative(organ, profile, names.pop(), *dates))
        mine.sort(key=lambda p: p.written_on or p.formed_on)
        self._renumber(organ, profile, mine)
        self._lifecycle(mine)

    def _normative(
        self, organ: str, profile: Profile, policy: str, formed: date, published: date
    ) -> ItemPlan:
        effective = self._first_of_next_month(published)
        template = texts.TEMPLATES["0201"][0]
        title = f"{organ}关于印发《示范县{policy}》的通知"
        values = self._values(
            organ, profile, formed, policy=policy, effective=_ymd(effective)
        )
        body = self._body(template, profile, values)
        return self._add(
            organ=organ,
            category="0201",
            title=title,
            body=body,
            genre="通知",
            topic=template.topic,
            formed_on=formed,
            written_on=formed,
            published_on=published,
            publish_due_on=self._due(formed),
            normative=True,
            major=True,
            effective_on=effective,
            channels=self._channels(),
        )

    @staticmethod
    def _first_of_next_month(day: date) -> date:
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)

    def _renumber(self, organ: str, profile: Profile, docs: list[ItemPlan]) -> None:
        numbers = self.numbers.setdefault(organ, _Numbers())
        for doc in docs:
            written = doc.written_on or doc.formed_on
            n = numbers.take("规", written.year)
            doc.document_number = f"{profile.prefix}规〔{written.year}〕{n}号"

    def _lifecycle(self, docs: list[ItemPlan]) -> None:
        """Five years' validity; a 清理 each November repeals some; a revision in
        the report year replaces an older document; two are amended in place."""
        r = self.rng
        for doc in docs:
            start = doc.effective_on or doc.formed_on
            expiry = start.replace(year=start.year + 5) - timedelta(days=1)
            if expiry <= self.today:
                doc.lapsed_on = expiry
            cleared = date(r.randint(start.year, self.today.year), 11, 20)
            end = min(self.today, doc.lapsed_on or self.today)
            if r.random() < 0.12 and start < cleared <= end:
                doc.repealed_on, doc.lapsed_on = cleared, None
            doc.interpreted = r.random() < 0.85
        self._revision(docs)
        in_force = [d for d in docs if self._in_force_before(d)]
        for doc in r.sample(in_force, min(2, len(in_force))):
            doc.amended_on = self.working_day(
                date(self.year, 3, 1), date(self.year, 10, 30)
            )

    def _in_force_before(self, doc: ItemPlan) -> bool:
        return (
            doc.published_on is not None
            and doc.published_on.year < self.year
            and not (doc.lapsed_on or doc.repealed_on)
        )

    def _revision(self, docs: list[ItemPlan]) -> None:
        """The report year's last document revises an older one in force, which is
        repealed the day the revision takes effect."""
        older = [d for d in docs if self._in_force_before(d)]
        current = [
            d for d in docs if d.published_on and d.published_on.year == self.year
        ]
        if not (older and current):
            return
        new, old = current[-1], self.rng.choice(older)
        if new.effective_on is None or new.effective_on > self.today:
            return
        mine, theirs = _policy(new.title), _policy(old.title)
        new.title = new.title.replace(mine, f"{theirs}（修订）")
        new.body = new.body.replace(mine, f"{theirs}（修订）").replace(
            "有效期5年。",
            f"有效期5年。原《{theirs}》（{old.document_number}）同时废止。",
        )
        new.replaces = old.key
        old.repealed_on, old.lapsed_on = new.effective_on, None

    # -- the last weeks: through the services -------------------------------------
    def recent(self, organs: tuple[str, ...]) -> None:
        """Published in the last weeks through the review services, and the items
        still in review (ages in working days since formed: some late, some due
        within days)."""
        first = self.calendar.add_working_days(self.recent_from, 1)
        last = min(self.today, self.calendar.add_working_days(self.today, -1))
        for organ in organs:
            profile = PROFILES[organ]
            for code in ("0202", "03"):
                formed = self.working_day(first, last)
                published = min(
                    self.today,
                    self.calendar.add_working_days(formed, self.rng.randint(0, 2)),
                )
                template = self.rng.choice(self._templates(profile, code))
                plan = self._ordinary(organ, profile, code, template, formed, published)
                plan.sample = True
        stages = (
            ("draft", 26),
            ("submitted", 23),
            ("reviewed", 17),
            ("returned", 16),
            ("submitted", 4),
            ("draft", 1),
        )
        for n, (stage, age) in enumerate(stages):
            organ = organs[n % len(organs)]
            formed = self.calendar.add_working_days(self.today, -age)
            code = "0202" if n % 2 else "03"
            template = self.rng.choice(self._templates(PROFILES[organ], code))
            plan = self._ordinary(organ, PROFILES[organ], code, template, formed, None)
            plan.sample, plan.stage = True, stage


def _ymd(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _addressees(profile: Profile) -> str:
    if profile.prefix in ("示政", "示政办"):
        return texts.NOTICE_TO_GOV
    if profile.short.endswith(("镇", "乡", "街道")):
        return texts.NOTICE_TO_TOWNSHIP
    return texts.NOTICE_TO_DEPT


def _policy(title: str) -> str:
    return title.split("《")[1].split("》")[0]


__all__ = ["ItemPlan", "Planner"]
