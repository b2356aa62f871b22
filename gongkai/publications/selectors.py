"""Reads of proactive disclosure: the public side, the staff lists, the 第二十六条
clock per unit and the counts of section 二 (with the records each cell counts)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Final

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from gongkai.accounts.scope import AnyUser
from gongkai.applications.selectors import application_calendar
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_ancestors
from gongkai.publications import permissions
from gongkai.publications.models import (
    CatalogueCategory,
    ChecklistQuestion,
    DecisionCount,
    Disclosure,
    Guide,
    GuideStatus,
    InformationItem,
    ItemEvent,
    NormativeKind,
)
from gongkai.publications.status import PENDING, Status

_PENDING: Final = [s.value for s in PENDING]


# -- the public side -------------------------------------------------------------
def item_public_queryset() -> QuerySet[InformationItem]:
    """Every item the public sees: published, 主动公开; newest first."""
    return InformationItem.objects.filter(
        status=Status.PUBLISHED, disclosure=Disclosure.PROACTIVE
    ).order_by("-published_on", "-pk")


def item_get_public(*, pk: int) -> InformationItem | None:
    return (
        item_public_queryset()
        .select_related("organisation", "category")
        .prefetch_related("attachments", "interpretations")
        .filter(pk=pk)
        # One row by its key: without the list's newest-first order, which let
        # SQLite walk the date index instead.
        .order_by("pk")
        .first()
    )


def item_list_for_staff(*, user: AnyUser) -> QuerySet[InformationItem]:
    return permissions.visible_items(user).select_related("organisation", "category")


def item_timeline(*, item: InformationItem) -> QuerySet[ItemEvent]:
    return (
        ItemEvent.objects.filter(item=item)
        .select_related("actor")
        .prefetch_related("answers__question")
    )


#: The documents a revision may replace (第二十条第（一）项 counts them).
REPLACEABLE_KINDS: Final = frozenset({NormativeKind.RULE, NormativeKind.NORMATIVE})


def replaceable_documents(
    *, organisation_ids: Collection[int], exclude: int | None = None
) -> QuerySet[InformationItem]:
    """The documents an item of these organs may revise (``replaces``): their
    published 规章 and 行政规范性文件, newest first (``exclude``: the item
    itself)."""
    qs = InformationItem.objects.filter(
        organisation_id__in=organisation_ids,
        status=Status.PUBLISHED,
        normative_kind__in=REPLACEABLE_KINDS,
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return qs.order_by("-written_on", "-published_on", "-pk")


def checklist_for(*, organisation: Organisation) -> list[ChecklistQuestion]:
    """The active 保密审查 questions that apply at the organ: its own, those of the
    organs above it, and those kept for everyone."""
    above = [o.pk for o in organisation_ancestors(organisation=organisation)]
    return list(
        ChecklistQuestion.objects.filter(active=True).filter(
            Q(organisation__isnull=True)
            | Q(organisation_id__in=[organisation.pk, *above])
        )
    )


@dataclass
class CategoryNode:
    category: CatalogueCategory
    children: list[CategoryNode] = field(default_factory=list)


def catalogue_tree(*, organisation: Organisation) -> list[CategoryNode]:
    """The organ's 公开目录 as a tree (roots in order)."""
    nodes = {
        c.pk: CategoryNode(c)
        for c in CatalogueCategory.objects.filter(organisation=organisation)
    }
    roots: list[CategoryNode] = []
    for node in nodes.values():
        parent = nodes.get(node.category.parent_id or 0)
        (parent.children if parent else roots).append(node)
    return roots


def guide_current(*, organisation: Organisation) -> Guide | None:
    """The newest published version of the organ's 公开指南."""
    return (
        Guide.objects.filter(organisation=organisation, status=GuideStatus.PUBLISHED)
        .order_by("-version")
        .first()
    )


def items_lacking_interpretation(
    *, organisation_ids: Collection[int]
) -> QuerySet[InformationItem]:
    """Published major policy documents (marked 重大政策, or 规章/行政规范性文件)
    that have no 政策解读 yet."""
    return InformationItem.objects.filter(
        Q(major_policy=True) | ~Q(normative_kind=NormativeKind.NONE),
        organisation_id__in=organisation_ids,
        status=Status.PUBLISHED,
        interpretations__isnull=True,
    ).order_by("published_on", "pk")


# -- the 第二十六条 clock ----------------------------------------------------------
def _waiting(organisation_ids: Collection[int]) -> QuerySet[InformationItem]:
    return InformationItem.objects.filter(
        organisation_id__in=organisation_ids,
        status__in=_PENDING,
        disclosure=Disclosure.PROACTIVE,
        publish_due_on__isnull=False,
    )


def item_list_late(
    *, organisation_ids: Collection[int], today: date
) -> QuerySet[InformationItem]:
    """Unpublished items of 主动公开 past their 20 working days (第二十六条)."""
    return _waiting(organisation_ids).filter(publish_due_on__lt=today)


def due_soon_until(
    *, organisation: Organisation, today: date, working_days: int
) -> date:
    calendar = application_calendar(organisation=organisation, today=today)
    return calendar.add_working_days(today, working_days)


def item_list_due_soon(
    *,
    organisation_ids: Collection[int],
    today: date,
    working_days: int = 5,
) -> QuerySet[InformationItem]:
    """Unpublished items due today or within ``working_days`` working days."""
    organisation = Organisation.objects.filter(pk__in=organisation_ids).first()
    if organisation is None:
        return InformationItem.objects.none()
    until = due_soon_until(
        organisation=organisation, today=today, working_days=working_days
    )
    return _waiting(organisation_ids).filter(
        publish_due_on__gte=today, publish_due_on__lte=until
    )


@dataclass(frozen=True)
class UnitClock:
    organisation_id: int
    waiting: int  # unpublished items of 主动公开 with a deadline
    late: int  # of which past it
    due_soon: int  # of which due within the horizon
    published_late: int  # published this year after the deadline


def item_clock_by_unit(
    *, organisation_ids: Collection[int], today: date, working_days: int = 5
) -> list[UnitClock]:
    """The 第二十六条 position of each unit that has anything to show."""
    organisation = Organisation.objects.filter(pk__in=organisation_ids).first()
    if organisation is None:
        return []
    until = due_soon_until(
        organisation=organisation, today=today, working_days=working_days
    )
    waiting = {
        row["organisation_id"]: row
        for row in _waiting(organisation_ids)
        .values("organisation_id")
        .annotate(
            n=Count("pk"),
            late=Count("pk", filter=Q(publish_due_on__lt=today)),
            soon=Count(
                "pk", filter=Q(publish_due_on__gte=today, publish_due_on__lte=until)
            ),
        )
    }
    late_published = dict(
        InformationItem.objects.filter(
            organisation_id__in=organisation_ids,
            published_on__year=today.year,
            publish_due_on__lt=F("published_on"),
        )
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    return [
        UnitClock(
            organisation_id=pk,
            waiting=waiting.get(pk, {}).get("n", 0),
            late=waiting.get(pk, {}).get("late", 0),
            due_soon=waiting.get(pk, {}).get("soon", 0),
            published_late=late_published.get(pk, 0),
        )
        for pk in sorted(set(waiting) | set(late_published))
    ]


# -- section 二 ------------------------------------------------------------------
#: Row of section 二 (the report's field name) -> the document kind it counts.
NORMATIVE_ROWS: Final = {
    "rules": NormativeKind.RULE,
    "normative_docs": NormativeKind.NORMATIVE,
}
ISSUED, REPEALED, IN_FORCE = 0, 1, 2  # the three columns


def _normative(
    organisation_ids: Collection[int], kind: str
) -> QuerySet[InformationItem]:
    """The organs' documents of ``kind`` as issued (published; a withdrawn item was
    taken down as an error and is not counted).  The day of issue (制发) is the
    成文日期, or the 发布日期 when none was recorded."""
    return InformationItem.objects.filter(
        organisation_id__in=organisation_ids,
        normative_kind=kind,
        status=Status.PUBLISHED,
    ).annotate(issued_on=Coalesce("written_on", "published_on"))


def _column(column: int, year: int) -> Q:
    """The condition of one column as of 31 December of ``year``:

    - 本年制发件数: issued in the year;
    - 本年废止件数: repealed (废止) in the year;
    - 现行有效件数: issued by 31 December and, on that day, neither repealed nor
      lapsed (失效) nor replaced by a revision (a later document with
      ``replaces`` set) issued by then.  A document amended in place stays one
      document in force."""
    end = date(year, 12, 31)
    if column == ISSUED:
        return Q(issued_on__year=year)
    if column == REPEALED:
        return Q(repealed_on__year=year)
    if column == IN_FORCE:
        revisions = (
            InformationItem.objects.filter(
                status=Status.PUBLISHED, replaces__isnull=False
            )
            .annotate(issued_on=Coalesce("written_on", "published_on"))
            .filter(issued_on__lte=end)
            .values("replaces")
        )
        return (
            Q(issued_on__lte=end)
            & ~Q(repealed_on__lte=end)
            & ~Q(lapsed_on__lte=end)
            & ~Q(pk__in=revisions)
        )
    raise KeyError(column)


def normative_counts(
    *, organisation_ids: Collection[int], year: int
) -> dict[str, tuple[int, int, int]]:
    """第二十条第（一）项 as of 31 December of ``year``: for "rules" (规章) and
    "normative_docs" (行政规范性文件), (本年制发, 本年废止, 现行有效)."""
    out = {}
    for row, kind in NORMATIVE_ROWS.items():
        counts = _normative(organisation_ids, kind).aggregate(
            **{
                f"c{c}": Count("pk", filter=_column(c, year), distinct=True)
                for c in range(3)
            }
        )
        out[row] = (counts["c0"], counts["c1"], counts["c2"])
    return out


def normative_ids_for_cell(
    *, organisation_ids: Collection[int], year: int, row: str, column: int
) -> list[int]:
    """The documents one cell of 第二十条第（一）项 counts (same conditions)."""
    kind = NORMATIVE_ROWS[row]
    return sorted(
        set(
            _normative(organisation_ids, kind)
            .filter(_column(column, year))
            .values_list("pk", flat=True)
        )
    )


def normative_in_use(*, organisation_ids: Collection[int]) -> bool:
    """Whether the organs keep their 规章/规范性文件 in gongkai at all."""
    return (
        InformationItem.objects.filter(
            organisation_id__in=organisation_ids,
            status__in=[Status.PUBLISHED, Status.WITHDRAWN],
        )
        .exclude(normative_kind=NormativeKind.NONE)
        .exists()
    )


@dataclass(frozen=True)
class DecisionTotals:
    licensing: int
    punishment: int
    coercion: int
    fees_wan_yuan: Decimal
    entries: int


def decision_totals(
    *, organisation_ids: Collection[int], year: int
) -> DecisionTotals | None:
    """The sum of the units' entered decision counts and fees; None when no unit
    entered any for the year."""
    row = DecisionCount.objects.filter(
        organisation_id__in=organisation_ids, year=year
    ).aggregate(
        n=Count("pk"),
        licensing=Sum("licensing"),
        punishment=Sum("punishment"),
        coercion=Sum("coercion"),
        fees=Sum("fees_wan_yuan"),
    )
    if not row["n"]:
        return None
    return DecisionTotals(
        licensing=row["licensing"],
        punishment=row["punishment"],
        coercion=row["coercion"],
        fees_wan_yuan=plain_decimal(Decimal(row["fees"] or 0)),
        entries=row["n"],
    )


def plain_decimal(value: Decimal) -> Decimal:
    """Without trailing zeros, never in exponent form (10.000000 → 10)."""
    value = value.normalize()
    exponent = value.as_tuple().exponent
    return (
        value.quantize(Decimal(1))
        if isinstance(exponent, int) and exponent > 0
        else value
    )


def decision_ids(*, organisation_ids: Collection[int], year: int) -> list[int]:
    """The entries (``DecisionCount``) the decision and fee cells sum."""
    return list(
        DecisionCount.objects.filter(organisation_id__in=organisation_ids, year=year)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
