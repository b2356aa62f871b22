"""Writing the demo's proactive disclosure: each organ's 公开目录 and 公开指南
(through the services), a year and more of items in bulk (with the timeline and the
索引号 the services would have given them), the last weeks through the review
services, the 政策解读 and the units' decision counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Final

from gongkai.accounts.models import User
from gongkai.annual_reports.data import ActiveDisclosure
from gongkai.applications.selectors import application_calendar
from gongkai.demo.disclosure import texts
from gongkai.demo.disclosure.catalogue import CATEGORIES, PROFILES, guide_body
from gongkai.demo.disclosure.plan import BACKLOG_YEARS, ItemPlan, Planner
from gongkai.orgs.models import Organisation
from gongkai.publications import events
from gongkai.publications import services as pub
from gongkai.publications.models import (
    CatalogueCategory,
    Disclosure,
    Guide,
    IndexCounter,
    InformationItem,
    InterpretationKind,
    ItemEvent,
    PolicyInterpretation,
    ReviewAnswer,
    Validity,
)
from gongkai.publications.selectors import (
    checklist_for,
    decision_totals,
    normative_counts,
    normative_in_use,
)
from gongkai.publications.status import Status

SEED: Final = 20260101
#: Organs whose last weeks go through the services (the county, its office, the
#: finance bureau whose own 承办人 drafts).
SAMPLE_ORGANS: Final = ("示范县人民政府", "示范县人民政府办公室", "示范县财政局")
#: Decisions and fees per unit in the report year (行政许可, 行政处罚, 行政强制,
#: 行政事业性收费 in 万元), as the business systems count them.
DECISIONS: Final[dict[str, tuple[int, int, int, str]]] = {
    "示范县人民政府": (36, 0, 0, "0"),
    "示范县人民政府办公室": (0, 0, 0, "0"),
    "示范县发展和改革局": (214, 3, 0, "0"),
    "示范县财政局": (12, 2, 0, "18.6420"),
    "示范县自然资源局": (468, 41, 6, "286.3512"),
    "示范县市场监督管理局": (3126, 318, 47, "0"),
    "示范县城关镇人民政府": (132, 17, 2, "0"),
    "示范县东风乡人民政府": (96, 11, 0, "0"),
    "示范县西湖街道办事处": (74, 9, 1, "0"),
}
RETURN_COMMENT: Final = "请补充政策依据，核实文中数据和联系电话后重新提交。"


@dataclass(frozen=True)
class Staff:
    office: User  # 公开办: catalogue, guide, lifecycle
    handler: User  # 承办人 at the county (every organ below)
    unit_handler: User  # 承办人 at ``unit``
    unit: Organisation
    reviewer: User  # 审核人
    leader: User  # 分管领导

    def drafter(self, organisation: Organisation) -> User:
        return self.unit_handler if organisation.pk == self.unit.pk else self.handler


Categories = dict[tuple[int, str], CatalogueCategory]


def demo_disclosure_load(
    *,
    organs: Mapping[str, Organisation],
    staff: Staff,
    year: int,
    today: date,
    scale: float = 1.0,
) -> bool:
    """Load once: False (nothing done) when the organs have items already."""
    known = [o for name, o in organs.items() if name in PROFILES]
    if InformationItem.objects.filter(organisation__in=known).exists():
        return False
    categories = _catalogues(known, staff.office)
    _guides(known, staff.office, today)
    county = known[0]
    planner = Planner(
        calendar=application_calendar(organisation=county, today=today),
        year=year,
        today=today,
        seed=SEED + year,
        scale=scale,
    )
    for organ in known:
        planner.normative(organ.name, year - BACKLOG_YEARS, planner.recent_from)
        planner.ordinary(organ.name, date(year, 1, 1), planner.recent_from)
    planner.recent(tuple(n for n in SAMPLE_ORGANS if n in organs))
    planner.number()
    by_name = {o.name: o for o in known}
    _bulk(planner.plans, by_name, categories, staff)
    _samples([p for p in planner.plans if p.sample], by_name, categories, staff)
    _decision_counts(known, staff.office, year)
    return True


# -- catalogue and guide ---------------------------------------------------------
def _catalogues(organs: Iterable[Organisation], office: User) -> Categories:
    out: Categories = {}
    for organ in organs:
        wanted = PROFILES[organ.name].categories
        for position, spec in enumerate(CATEGORIES):
            if spec.code not in wanted:
                continue
            out[(organ.pk, spec.code)] = pub.category_save(
                organisation=organ,
                actor=office,
                name=spec.name,
                code=spec.code,
                parent=out.get((organ.pk, spec.parent)),
                position=position,
            )
    return out


def _guides(organs: Iterable[Organisation], office: User, today: date) -> None:
    for organ in organs:
        if Guide.objects.filter(organisation=organ).exists():
            continue
        guide = pub.guide_save(
            organisation=organ,
            actor=office,
            body=guide_body(
                organ=organ.name, profile=PROFILES[organ.name], year=today.year
            ),
        )
        pub.guide_publish(
            guide=guide, actor=office, today=min(today, date(today.year, 1, 15))
        )


# -- the bulk --------------------------------------------------------------------
def _bulk(
    plans: list[ItemPlan],
    organs: Mapping[str, Organisation],
    categories: Categories,
    staff: Staff,
) -> None:
    """The published items not made through the services, as the services would
    have left them: 索引号 in the order of publication (and the counters after
    them), the review timeline with the 保密审查 answers, the lifecycle."""
    bulk = sorted(
        (p for p in plans if not p.sample),
        key=lambda p: (p.published_on or p.formed_on, p.key),
    )
    counters: dict[tuple[int, str, int], int] = defaultdict(int)
    items = []
    for plan in bulk:
        organ = organs[plan.organ]
        item = _item(plan, organ, categories[(organ.pk, plan.category)], staff)
        assert plan.published_on is not None  # noqa: S101 (bulk: published only)
        key = (organ.pk, plan.category, plan.published_on.year)
        counters[key] += 1
        code = organ.code or f"{organ.pk:06d}"
        item.index_number = f"{code}-{plan.category}-{key[2]}-{counters[key]:05d}"
        items.append(item)
    InformationItem.objects.bulk_create(items, batch_size=500)
    IndexCounter.objects.bulk_create(
        IndexCounter(organisation_id=o, category_code=c, year=y, last=n)
        for (o, c, y), n in counters.items()
    )
    saved = {plan.key: item for plan, item in zip(bulk, items, strict=True)}
    revised = []
    for plan in bulk:
        if plan.replaces is not None:
            saved[plan.key].replaces = saved[plan.replaces]
            revised.append(saved[plan.key])
    InformationItem.objects.bulk_update(revised, ["replaces"])
    _timelines(bulk, saved, staff)
    _interpretations(bulk, saved, organs)


def _item(
    plan: ItemPlan,
    organ: Organisation,
    category: CatalogueCategory,
    staff: Staff,
) -> InformationItem:
    validity = Validity.VALID
    if plan.repealed_on:
        validity = Validity.REPEALED
    elif plan.lapsed_on:
        validity = Validity.LAPSED
    drafter = staff.drafter(organ)
    proactive = plan.disclosure == Disclosure.PROACTIVE
    return InformationItem(
        organisation=organ,
        category=category,
        title=plan.title,
        body=plan.body,
        document_number=plan.document_number,
        topic=plan.topic,
        genre=plan.genre,
        normative_kind="normative" if plan.normative else "",
        written_on=plan.written_on,
        published_on=plan.published_on,
        validity=validity,
        effective_on=plan.effective_on,
        amended_on=plan.amended_on,
        lapsed_on=plan.lapsed_on,
        repealed_on=plan.repealed_on,
        disclosure=plan.disclosure,
        disclosure_note="" if proactive else "涉及内部工作安排，依申请公开。",
        channels=plan.channels,
        formed_on=plan.formed_on,
        publish_due_on=plan.publish_due_on if proactive else None,
        status=Status.PUBLISHED,
        major_policy=plan.major,
        created_by=drafter,
        submitted_by=drafter,
        reviewed_by=staff.reviewer,
        approved_by=staff.leader,
    )


_STATUS_FIELDS: Final = ("status", "submitted_by", "reviewed_by", "approved_by")


def _status(
    status: str, submitted: User | None, reviewed: User | None, approved: User | None
) -> dict[str, Any]:
    return {
        "status": status,
        "submitted_by": submitted.pk if submitted else None,
        "reviewed_by": reviewed.pk if reviewed else None,
        "approved_by": approved.pk if approved else None,
    }


def _timelines(
    plans: list[ItemPlan], saved: Mapping[int, InformationItem], staff: Staff
) -> None:
    """起草 → 承办人提交 → 审核人审核（保密审查） → 分管领导审批发布, then 更正,
    废止 and 失效 where the plan says so."""
    questions = checklist_for(organisation=staff.unit)
    rows: list[ItemEvent] = []
    reviews: list[ItemEvent] = []
    for plan in plans:
        item = saved[plan.key]
        drafter = item.created_by
        published = item.published_on
        assert published is not None  # noqa: S101 (bulk: published only)
        draft = _status(Status.DRAFT, None, None, None)
        submitted = _status(Status.SUBMITTED, drafter, None, None)
        reviewed = _status(Status.REVIEWED, drafter, staff.reviewer, None)
        done = _status(Status.PUBLISHED, drafter, staff.reviewer, staff.leader)
        e = _events(item, drafter, staff, plan.formed_on, published)
        e[0].after = {
            "title": item.title,
            "formed_on": plan.formed_on.isoformat(),
            "publish_due_on": _iso(item.publish_due_on),
        }
        e[1].before, e[1].after = draft, submitted
        e[2].before, e[2].after = submitted, reviewed
        e[3].before = {**reviewed, "published_on": None, "index_number": None}
        e[3].after = {
            **done,
            "published_on": published.isoformat(),
            "index_number": item.index_number,
        }
        rows += e
        reviews.append(e[2])
        rows += _lifecycle_events(item, staff)
    ItemEvent.objects.bulk_create(rows, batch_size=1000)
    ReviewAnswer.objects.bulk_create(
        (
            ReviewAnswer(
                event=event, question=q, question_text=q.text, answer=q.pass_answer
            )
            for event in reviews
            for q in questions
        ),
        batch_size=2000,
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _events(
    item: InformationItem,
    drafter: User | None,
    staff: Staff,
    formed: date,
    published: date,
) -> list[ItemEvent]:
    def event(action: str, actor: User | None, on: date) -> ItemEvent:
        return ItemEvent(item=item, actor=actor, action=action, on=on)

    return [
        event(events.CREATED, drafter, formed),
        event(events.SUBMITTED, drafter, formed),
        event(events.REVIEW_APPROVED, staff.reviewer, published),
        event(events.LEADER_APPROVED, staff.leader, published),
    ]


def _lifecycle_events(item: InformationItem, staff: Staff) -> list[ItemEvent]:
    out = []
    if item.amended_on:
        out.append(
            ItemEvent(
                item=item,
                actor=staff.office,
                action=events.AMENDED,
                on=item.amended_on,
                comment="根据上级文件调整，修改第三条部门职责表述。",
                before={"amended_on": None},
                after={"amended_on": item.amended_on.isoformat()},
            )
        )
    for field, action, comment in (
        ("repealed_on", events.REPEALED, "经规范性文件清理，决定废止。"),
        ("lapsed_on", events.LAPSED, "有效期届满，自动失效。"),
    ):
        ended = getattr(item, field)
        if ended:
            out.append(
                ItemEvent(
                    item=item,
                    actor=staff.office,
                    action=action,
                    on=ended,
                    comment=comment,
                    before={"validity": Validity.VALID, field: None},
                    after={"validity": item.validity, field: ended.isoformat()},
                )
            )
    return out


def _interpretations(
    plans: list[ItemPlan],
    saved: Mapping[int, InformationItem],
    organs: Mapping[str, Organisation],
) -> None:
    rows = []
    for plan in plans:
        if not plan.interpreted:
            continue
        item = saved[plan.key]
        rows.append(_interpretation(plan, item, organs[plan.organ]))
    PolicyInterpretation.objects.bulk_create(rows, batch_size=500)


def _interpretation(
    plan: ItemPlan, item: InformationItem, organ: Organisation
) -> PolicyInterpretation:
    name = plan.title.split("《")[1].split("》")[0] if "《" in plan.title else ""
    subject = name or plan.title.removeprefix(organ.name)
    values = {
        "org": organ.name,
        "title": subject,
        "n": 6,
        "phone": PROFILES[organ.name].phone,
    }
    paragraphs = [p.format(**values) for p in texts.INTERPRETATION]
    body = "\n".join(
        f"<h3>{p}</h3>" if p[1] == "、" else f"<p>{p}</p>" for p in paragraphs
    )
    return PolicyInterpretation(
        document=item,
        kind=InterpretationKind.TEXT,
        title=f"《{subject}》政策解读",
        body=body,
        published_on=item.published_on,
        created_by=item.created_by,
    )


# -- the services' sample --------------------------------------------------------
def _samples(
    plans: list[ItemPlan],
    organs: Mapping[str, Organisation],
    categories: Categories,
    staff: Staff,
) -> None:
    """The last weeks, each step through its service on its day."""
    for plan in sorted(plans, key=lambda p: (p.formed_on, p.key)):
        organ = organs[plan.organ]
        drafter = staff.drafter(organ)
        item = pub.item_create(
            organisation=organ,
            actor=drafter,
            today=plan.formed_on,
            title=plan.title,
            body=plan.body,
            formed_on=plan.formed_on,
            category=categories[(organ.pk, plan.category)],
            document_number=plan.document_number,
            topic=plan.topic,
            genre=plan.genre,
            written_on=plan.written_on,
            channels=plan.channels,
            major_policy=plan.major,
        )
        if plan.stage == "draft":
            continue
        on = plan.published_on or plan.formed_on
        item = pub.item_submit(item=item, actor=drafter, today=plan.formed_on)
        if plan.stage == "submitted":
            continue
        if plan.stage == "returned":
            pub.item_return(
                item=item, actor=staff.reviewer, today=on, comment=RETURN_COMMENT
            )
            continue
        answers = {q.pk: q.pass_answer for q in checklist_for(organisation=organ)}
        item = pub.item_review_approve(
            item=item,
            actor=staff.reviewer,
            today=on,
            answers=answers,
            comment="经保密审查，可以公开。",
        )
        if plan.stage == "published":
            pub.item_leader_approve(
                item=item, actor=staff.leader, today=on, comment="同意发布。"
            )


def _decision_counts(organs: Iterable[Organisation], office: User, year: int) -> None:
    """The report year's counts, and the year before's (a little fewer)."""
    for organ in organs:
        licensing, punishment, coercion, fees = DECISIONS[organ.name]
        for y, share in ((year - 1, Decimal("0.92")), (year, Decimal(1))):
            pub.decision_count_save(
                organisation=organ,
                year=y,
                actor=office,
                licensing=int(licensing * share),
                punishment=int(punishment * share),
                coercion=int(coercion * share),
                fees_wan_yuan=(Decimal(fees) * share).quantize(Decimal("0.0001")),
                note="从业务系统统计导出",
            )


def counted_active(
    *, organisation: Organisation, year: int, typed: ActiveDisclosure | None
) -> ActiveDisclosure | None:
    """Section 二 of the organ's year as its demo records count it (what the
    office types into a report it does not compute): the 规范性文件 as of 31
    December and the entered decision counts; typed values where it keeps none."""
    if typed is None:
        return None
    ids = [organisation.pk]
    out = typed
    if normative_in_use(organisation_ids=ids):
        counts = normative_counts(organisation_ids=ids, year=year)
        out = replace(
            out, rules=counts["rules"], normative_docs=counts["normative_docs"]
        )
    elif organisation.name in PROFILES:  # issues none: none in force
        out = replace(out, rules=(0, 0, 0), normative_docs=(0, 0, 0))
    totals = decision_totals(organisation_ids=ids, year=year)
    if totals is not None:
        out = replace(
            out,
            licensing=totals.licensing,
            punishment=totals.punishment,
            coercion=totals.coercion,
            fees_wan_yuan=totals.fees_wan_yuan,
        )
    return out


__all__ = ["SAMPLE_ORGANS", "Staff", "counted_active", "demo_disclosure_load"]
