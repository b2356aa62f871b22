"""Reads of the case pages: the dashboard per unit, the filtered list, one case with
everything its page shows, and which actions the user may take on it now.

The dashboard and the list ask a fixed number of queries whatever the number of
cases (``tests/cases/test_queries.py`` pins them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.scope import AnyUser, user_scope
from gongkai.applications import permissions
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    Consultation,
    CorrectionRequest,
    Extension,
    FeeNotice,
)
from gongkai.applications.outcomes import Outcome
from gongkai.applications.privacy import PersonalData, personal_data_masked
from gongkai.applications.selectors import application_calendar
from gongkai.applications.status import OPEN, TRANSITIONS, Status
from gongkai.deadlines import engine
from gongkai.deadlines.calendar import BusinessCalendar, Deadline
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_descendant_ids

SOON_WORKING_DAYS: Final = 5
#: An upper bound, in calendar days, of 5 working days (the longest holiday is
#: 8–9 days with the weekends around it): the dashboard's query reads no further.
_SOON_CALENDAR_BOUND: Final = 31
_OPEN_VALUES: Final = sorted(s.value for s in OPEN)


def can_use_cases(user: AnyUser) -> bool:
    """Whether the user has any role that sees cases (else the pages answer 403)."""
    return user_scope(user).holds_anywhere(permissions.VIEW_ROLES)


# -- dashboard --------------------------------------------------------------------
@dataclass
class UnitBoard:
    unit: Organisation | None
    organisation: Organisation
    open_count: int = 0
    overdue: list[Application] = field(default_factory=list)
    due_today: list[Application] = field(default_factory=list)
    due_soon: list[Application] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.unit or self.organisation)


def dashboard_boards(*, user: AnyUser, today: date) -> list[UnitBoard]:
    """Open cases the user may see, per unit (cases not yet routed: per addressed
    organ): how many are open, and the overdue, due today and due within
    ``SOON_WORKING_DAYS`` working days (each organ's own calendar, so regional rest
    days count).  Queries: the open counts, the cases near their due date, and the
    calendar of each addressed organ (cached per process)."""
    visible = visible_open(user)
    boards: dict[tuple[int, int | None], UnitBoard] = {}
    counts = list(
        visible.values("organisation_id", "unit_id").annotate(n=Count("pk")).order_by()
    )
    near = list(
        visible.filter(
            due_on__isnull=False,
            due_on__lte=today + timedelta(days=_SOON_CALENDAR_BOUND),
        )
        .select_related("organisation", "unit")
        .order_by("due_on", "pk")
    )
    horizons: dict[int, date] = {}
    organs: dict[int, Organisation] = {}
    for case in near:
        organs[case.organisation_id] = case.organisation
    for pk, organ in organs.items():
        calendar = application_calendar(organisation=organ, today=today)
        horizons[pk] = calendar.add_working_days(today, SOON_WORKING_DAYS)
    for case in near:
        if case.due_on is None or case.due_on > horizons[case.organisation_id]:
            continue
        board = boards.setdefault(
            (case.organisation_id, case.unit_id),
            UnitBoard(case.unit, case.organisation),
        )
        if case.due_on < today:
            board.overdue.append(case)
        elif case.due_on == today:
            board.due_today.append(case)
        else:
            board.due_soon.append(case)
    missing = {
        (row["organisation_id"], row["unit_id"])
        for row in counts
        if (row["organisation_id"], row["unit_id"]) not in boards
    }
    names = (
        {
            o.pk: o
            for o in Organisation.objects.filter(
                pk__in={pk for key in missing for pk in key if pk is not None}
            )
        }
        if missing
        else {}
    )
    for row in counts:
        key = (row["organisation_id"], row["unit_id"])
        if key not in boards:
            unit = names.get(row["unit_id"]) if row["unit_id"] else None
            boards[key] = UnitBoard(unit, names[row["organisation_id"]])
        boards[key].open_count = row["n"]
    return sorted(
        boards.values(),
        key=lambda b: (-len(b.overdue), -len(b.due_today), -len(b.due_soon), b.name),
    )


def visible_open(user: AnyUser) -> QuerySet[Application]:
    return permissions.visible_applications(user).filter(status__in=_OPEN_VALUES)


# -- list ----------------------------------------------------------------------------
def filter_units(user: AnyUser) -> QuerySet[Organisation]:
    """Organs the list can be filtered by: where the user sees cases."""
    return user_scope(user).organisations(permissions.VIEW_ROLES).order_by("name")


def case_list(*, user: AnyUser, filters: Mapping[str, Any]) -> QuerySet[Application]:
    """The cases the user may see, filtered (``CaseFilterForm.cleaned_data``)."""
    qs = permissions.visible_applications(user).select_related("organisation", "unit")
    status = filters.get("status")
    if status == "open":
        qs = qs.filter(status__in=_OPEN_VALUES)
    elif status:
        qs = qs.filter(status=status)
    unit = filters.get("unit")
    if unit is not None:
        qs = qs.filter(Q(unit=unit) | Q(organisation=unit))
    if filters.get("outcome"):
        qs = qs.filter(outcome=filters["outcome"])
    if filters.get("received_from"):
        qs = qs.filter(received_on__gte=filters["received_from"])
    if filters.get("received_to"):
        qs = qs.filter(received_on__lte=filters["received_to"])
    q = (filters.get("q") or "").strip()
    if q:
        qs = qs.filter(Q(tracking_number__icontains=q) | Q(applicant_name__icontains=q))
    return qs.order_by("-received_on", "-pk")


@dataclass(frozen=True)
class ListRow:
    case: Application
    personal: PersonalData


def list_rows(cases: Any) -> list[ListRow]:
    return [ListRow(c, personal_data_masked(c)) for c in cases]


# -- one case ------------------------------------------------------------------------
def case_get(*, pk: int) -> Application | None:
    return (
        Application.objects.select_related("organisation", "unit", "transferred_to")
        .filter(pk=pk)
        .first()
    )


#: Actions of the case page, in the order shown, with the status each leads to.
ACTION_TARGETS: Final[dict[str, Status]] = {
    "route": Status.ROUTED,
    "start": Status.IN_PROGRESS,
    "hand_back": Status.RECEIVED,
    "request_correction": Status.AWAITING_CORRECTION,
    "correction_received": Status.IN_PROGRESS,
    "correction_lapsed": Status.ABANDONED,
    "consult": Status.CONSULTING,
    "consultation_answered": Status.IN_PROGRESS,
    "extend": Status.EXTENDED,
    "decide": Status.DECIDED,
    "transfer": Status.TRANSFERRED,
    "not_this_organ": Status.DECIDED,
    "withdraw": Status.WITHDRAWN,
    "deliver": Status.DELIVERED,
    "archive": Status.ARCHIVED,
}
ACTIONS: Final = tuple(ACTION_TARGETS)


@dataclass(frozen=True)
class CaseFile:
    """Everything the case page shows besides the case itself."""

    items: list[Any]
    events: list[ApplicationEvent]
    consultations: list[Consultation]
    correction: CorrectionRequest | None
    extension: Extension | None
    fee_notice: FeeNotice | None
    attachments: list[Any]

    @property
    def open_consultations(self) -> list[Consultation]:
        return [c for c in self.consultations if c.answered_on is None]


def case_file(application: Application) -> CaseFile:
    return CaseFile(
        items=list(application.items.all()),
        events=list(application.events.select_related("actor").order_by("pk")),
        consultations=list(application.consultations.all()),
        correction=CorrectionRequest.objects.filter(application=application).first(),
        extension=Extension.objects.filter(application=application)
        .select_related("approved_by")
        .first(),
        fee_notice=FeeNotice.objects.filter(application=application).first(),
        attachments=list(application.attachments.all()),
    )


def permitted(*, user: AnyUser, application: Application, action: str) -> bool:
    """Whether the user may take ``action`` on the case at all (whatever its
    status): ``applications.permissions``."""
    if action in ("route", "transfer"):
        return permissions.is_office(user, application)
    if action == "extend":
        return permissions.can_extend(user, application)
    return permissions.can_handle(user, application)


def available_actions(
    *, user: AnyUser, application: Application, file: CaseFile
) -> list[str]:
    """The actions allowed now (``status.TRANSITIONS`` and the case's records) and
    permitted for this user (:func:`permitted`), in display order."""
    status = Status(application.status)
    allowed = TRANSITIONS[status]
    now = {
        "route": application.unit_id is None,
        "start": status in (Status.RECEIVED, Status.ROUTED),
        "hand_back": application.unit_id is not None,
        "request_correction": file.correction is None,
        "correction_received": status == Status.AWAITING_CORRECTION,
        "correction_lapsed": status == Status.AWAITING_CORRECTION,
        "consultation_answered": status in OPEN and bool(file.open_consultations),
        "extend": file.extension is None,
    }
    out = []
    for action, target in ACTION_TARGETS.items():
        if not now.get(action, True):
            continue
        if action != "consultation_answered" and target not in allowed:
            continue
        if permitted(user=user, application=application, action=action):
            out.append(action)
    return out


def route_units(application: Application) -> QuerySet[Organisation]:
    """The units below the addressed organ (one query for the tree)."""
    ids = organisation_descendant_ids(organisation=application.organisation)
    return (
        Organisation.objects.filter(pk__in=ids)
        .exclude(pk=application.organisation_id)
        .order_by("name")
    )


def transfer_organs(application: Application) -> QuerySet[Organisation]:
    return Organisation.objects.exclude(pk=application.organisation_id).order_by("name")


def case_calendar(application: Application, today: date) -> BusinessCalendar:
    return application_calendar(organisation=application.organisation, today=today)


def correction_notice_due(application: Application, today: date) -> Deadline:
    """The last day of the 补正 notice (第三十条: 7 working days after receipt)."""
    calendar = case_calendar(application, max(today, application.received_on))
    return engine.correction_notice_due(
        received=application.received_on, calendar=calendar
    )


# -- the timeline ----------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class TimelineRow:
    event: ApplicationEvent
    label: str
    changes: list[Change]


EVENT_LABELS: Final[dict[str, Any]] = {
    "registered": _("登记"),
    "routed": _("分办"),
    "handed_back": _("退回公开办"),
    "started": _("开始办理"),
    "transferred": _("转送其他机关"),
    "correction_requested": _("补正告知"),
    "correction_received": _("收到补正"),
    "correction_lapsed": _("逾期未补正"),
    "consulted": _("征求意见"),
    "consultation_answered": _("征求意见回复"),
    "extended": _("延期答复"),
    "decided": _("作出答复"),
    "withdrawn": _("撤回申请"),
    "delivered": _("送达"),
    "archived": _("归档"),
}
_CHANGE_LABELS: Final[dict[str, Any]] = {
    "status": _("状态"),
    "unit_id": _("承办单位"),
    "outcome": _("办理结果"),
    "decided_on": _("办结日期"),
    "due_on": _("答复期限"),
    "due_provisional": _("期限为暂定"),
}


def _shown(key: str, value: Any, units: Mapping[int, str]) -> str:
    if value in (None, ""):
        return "—"
    if key == "status" and value in Status.values:
        return str(Status(value).label)
    if key == "outcome" and value in Outcome.values:
        return str(Outcome(value).label)
    if key == "unit_id":
        return units.get(value, str(value))
    if isinstance(value, bool):
        return str(_("是") if value else _("否"))
    return str(value)


def timeline(events: list[ApplicationEvent]) -> list[TimelineRow]:
    """The events with what changed, before → after (one query for unit names)."""
    unit_ids = {
        v
        for e in events
        for side in (e.before, e.after)
        for k, v in side.items()
        if k == "unit_id" and isinstance(v, int)
    }
    units = (
        dict(Organisation.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
        if unit_ids
        else {}
    )
    rows = []
    for e in events:
        changes = []
        for key, label in _CHANGE_LABELS.items():
            before, after = e.before.get(key), e.after.get(key)
            if key in e.after and before != after:
                changes.append(
                    Change(
                        str(label),
                        _shown(key, before, units),
                        _shown(key, after, units),
                    )
                )
        rows.append(TimelineRow(e, str(EVENT_LABELS.get(e.kind, e.kind)), changes))
    return rows
