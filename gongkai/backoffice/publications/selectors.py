"""Reads of the publications pages: the filtered item list, which steps a user may
take on an item now, the timeline as rows and the 第二十六条 clock per unit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.accounts.scope import AnyUser, user_scope
from gongkai.orgs.models import Organisation
from gongkai.publications import events, permissions, selectors
from gongkai.publications.models import (
    Answer,
    CatalogueCategory,
    InformationItem,
    InterpretationKind,
    ItemEvent,
    Validity,
)
from gongkai.publications.selectors import UnitClock
from gongkai.publications.status import Status

SOON_WORKING_DAYS: Final = 5

#: The steps of the item page, each with the predicate that lets a role take it
#: (whatever the state) and the statuses it applies to.
ACTIONS: Final = (
    "submit",
    "review",
    "approve",
    "return",
    "withdraw",
    "repeal",
    "lapse",
)
_STATES: Final[dict[str, frozenset[str]]] = {
    "submit": frozenset({Status.DRAFT}),
    "review": frozenset({Status.SUBMITTED}),
    "approve": frozenset({Status.REVIEWED}),
    "return": frozenset({Status.SUBMITTED, Status.REVIEWED}),
    "withdraw": frozenset({Status.PUBLISHED}),
    "repeal": frozenset({Status.PUBLISHED}),
    "lapse": frozenset({Status.PUBLISHED}),
}


@dataclass(frozen=True)
class Link:
    url: str
    label: str


#: (route, label, the roles its view lets in): the publishing links of the staff
#: home and of the publications pages' menu.  Each is shown only to those roles.
HOME_LINKS: Final = (
    ("clock", gettext_lazy("公开期限（已超期、即将到期）"), permissions.VIEW_ROLES),
    ("items", gettext_lazy("政府信息"), permissions.VIEW_ROLES),
    ("interpretations", gettext_lazy("待配发政策解读"), permissions.INTERPRET_ROLES),
)
MENU_LINKS: Final = (
    ("clock", gettext_lazy("公开期限"), permissions.VIEW_ROLES),
    ("items", gettext_lazy("政府信息"), permissions.VIEW_ROLES),
    ("item_new", gettext_lazy("起草"), permissions.DRAFT_ROLES),
    ("interpretations", gettext_lazy("政策解读"), permissions.INTERPRET_ROLES),
    ("checklist", gettext_lazy("保密审查事项"), permissions.OFFICE_ROLES),
    ("catalogue", gettext_lazy("公开目录"), permissions.OFFICE_ROLES),
    ("guide", gettext_lazy("公开指南"), permissions.OFFICE_ROLES),
    ("decisions", gettext_lazy("行政决定与收费"), permissions.OFFICE_ROLES),
    ("items_import", gettext_lazy("导入原网站信息"), permissions.OFFICE_ROLES),
)


def links_for(
    *, user: AnyUser, links: tuple[tuple[str, Any, frozenset[str]], ...]
) -> list[Link]:
    """The links whose page lets the user in (``permissions.holds_any``)."""
    return [
        Link(reverse(f"backoffice:publications:{name}"), str(label))
        for name, label, roles in links
        if permissions.holds_any(user, roles)
    ]


def view_organ_ids(user: AnyUser) -> set[int] | None:
    """Organs whose items the user sees; None: every organ (a superuser)."""
    scope = user_scope(user)
    if scope.everywhere:
        return None
    return scope.organisation_ids(permissions.VIEW_ROLES)


def filter_units(user: AnyUser) -> QuerySet[Organisation]:
    return user_scope(user).organisations(permissions.VIEW_ROLES).order_by("name")


def filter_categories(user: AnyUser) -> QuerySet[CatalogueCategory]:
    ids = view_organ_ids(user)
    qs = CatalogueCategory.objects.select_related("organisation")
    if ids is not None:
        qs = qs.filter(organisation_id__in=ids)
    return qs.order_by("organisation__name", "position", "pk")


def replaces_choices(
    *, organisation_ids: Any, item: InformationItem | None = None
) -> QuerySet[InformationItem]:
    """The 修订或替代 choices of the item form: the organs' published 规章 and
    行政规范性文件 (``selectors.replaceable_documents``), and the one the item
    names already, whatever it is now."""
    ids = list(organisation_ids)
    found = selectors.replaceable_documents(
        organisation_ids=ids, exclude=item.pk if item else None
    )
    if item is not None and item.replaces_id:
        found = found | InformationItem.objects.filter(pk=item.replaces_id)
    return found.select_related("organisation")


def item_list(
    *, user: AnyUser, filters: Mapping[str, Any], today: date
) -> QuerySet[InformationItem]:
    """The items the user may see, filtered (``ItemFilterForm.cleaned_data``)."""
    qs = selectors.item_list_for_staff(user=user).order_by("-updated_at", "-pk")
    if filters.get("q"):
        qs = qs.filter(title__icontains=filters["q"])
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("unit") is not None:
        qs = qs.filter(organisation=filters["unit"])
    if filters.get("category") is not None:
        qs = qs.filter(category=filters["category"])
    if filters.get("normative_kind"):
        kind = filters["normative_kind"]
        qs = qs.filter(normative_kind="" if kind == "none" else kind)
    if filters.get("queue"):
        qs = qs.filter(pk__in=awaiting(user=user, step=filters["queue"]).values("pk"))
    clock = filters.get("clock")
    if clock:
        ids = [o.pk for o in filter_units(user)]
        late = selectors.item_list_late(organisation_ids=ids, today=today)
        chosen = (
            late
            if clock == "late"
            else selectors.item_list_due_soon(
                organisation_ids=ids, today=today, working_days=SOON_WORKING_DAYS
            )
        )
        qs = qs.filter(pk__in=chosen.values("pk"))
    return qs


def awaiting(*, user: AnyUser, step: str) -> QuerySet[InformationItem]:
    """Items waiting for the user's step: "review" (submitted, at organs where
    the user reviews) or "approve" (reviewed, where the user is 分管领导)."""
    roles, status = (
        (permissions.REVIEW_ROLES, Status.SUBMITTED)
        if step == "review"
        else (permissions.LEADER_ROLES, Status.REVIEWED)
    )
    scope = user_scope(user)
    qs = InformationItem.objects.filter(status=status)
    if not scope.everywhere:
        qs = qs.filter(organisation_id__in=scope.organisation_ids(roles))
    if user.is_authenticated:
        qs = qs.exclude(submitted_by_id=user.pk)
    return qs


def permitted(*, user: AnyUser, item: InformationItem, action: str) -> bool:
    """Whether the user's roles at the item's organ allow ``action`` at all."""
    if action == "submit":
        return permissions.can_draft(user, item.organisation_id)
    if action == "review":
        return permissions.can_review(user, item)
    if action == "approve":
        return permissions.can_lead(user, item)
    if action == "return":
        return permissions.can_review(user, item) or permissions.can_lead(user, item)
    if action == "withdraw":
        return permissions.can_withdraw(user, item)
    if action in ("repeal", "lapse"):
        return permissions.can_record_lifecycle(user, item)
    return False


def available_actions(*, user: AnyUser, item: InformationItem) -> list[str]:
    """The steps the user may take on the item in its present state."""
    out = []
    for action in ACTIONS:
        if item.status not in _STATES[action]:
            continue
        if action == "return":
            allowed = (
                permissions.can_review(user, item)
                if item.status == Status.SUBMITTED
                else permissions.can_lead(user, item)
            )
        else:
            allowed = permitted(user=user, item=item, action=action)
        if action in ("repeal", "lapse") and item.validity != Validity.VALID:
            allowed = False
        if allowed:
            out.append(action)
    return out


@dataclass(frozen=True)
class AnswerRow:
    """One 保密审查 answer as the timeline shows it; ``differs``: not the answer
    that allows publication (its note says why it was published anyway)."""

    question: str
    answer: str
    note: str
    differs: bool


@dataclass(frozen=True)
class TimelineRow:
    event: ItemEvent
    label: str
    answers: list[AnswerRow]
    detail: str = ""


def _answer_rows(event: ItemEvent) -> list[AnswerRow]:
    return [
        AnswerRow(
            a.question_text,
            str(Answer(a.answer).label),
            a.note,
            a.answer != a.question.pass_answer,
        )
        for a in event.answers.all()
    ]


def _detail(event: ItemEvent) -> str:
    """What the event's comment does not say: the 政策解读 saved."""
    if event.action != events.INTERPRETATION_SAVED:
        return ""
    after = event.after
    kind = after.get("kind")
    label = (
        InterpretationKind(kind).label if kind in InterpretationKind.values else kind
    )
    state = (
        _("%(on)s 发布") % {"on": after["published_on"]}
        if after.get("published_on")
        else _("未发布")
    )
    return f"{label}：{after.get('title', '')}（{state}）"


def timeline(item: InformationItem) -> list[TimelineRow]:
    return [
        TimelineRow(
            e, str(events.LABELS.get(e.action, e.action)), _answer_rows(e), _detail(e)
        )
        for e in selectors.item_timeline(item=item).order_by("created_at", "pk")
    ]


@dataclass
class ClockRow:
    organisation: Organisation
    clock: UnitClock
    late: list[InformationItem] = field(default_factory=list)
    due_soon: list[InformationItem] = field(default_factory=list)


def clock_rows(*, user: AnyUser, today: date) -> list[ClockRow]:
    """Per unit the user sees: unpublished items of 主动公开, those past their 20
    working days (第二十六条) and those due within ``SOON_WORKING_DAYS``."""
    ids = [o.pk for o in filter_units(user)]
    clocks = selectors.item_clock_by_unit(
        organisation_ids=ids, today=today, working_days=SOON_WORKING_DAYS
    )
    if not clocks:
        return []
    names = Organisation.objects.in_bulk([c.organisation_id for c in clocks])
    rows = {c.organisation_id: ClockRow(names[c.organisation_id], c) for c in clocks}
    late = selectors.item_list_late(organisation_ids=ids, today=today)
    for item in late.order_by("publish_due_on", "pk"):
        rows[item.organisation_id].late.append(item)
    soon = selectors.item_list_due_soon(
        organisation_ids=ids, today=today, working_days=SOON_WORKING_DAYS
    )
    for item in soon.order_by("publish_due_on", "pk"):
        rows[item.organisation_id].due_soon.append(item)
    return sorted(
        rows.values(),
        key=lambda r: (-r.clock.late, -r.clock.due_soon, r.organisation.name),
    )
