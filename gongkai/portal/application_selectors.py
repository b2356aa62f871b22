"""What the public side shows of a disclosure application: the organs one can apply
to, and the case page of an applicant (masked personal data, a timeline without
staff names or internal notes, the letters to download)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib.util import find_spec
from typing import Any, Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import Application, ApplicationEvent
from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.applications.privacy import (
    PersonalData,
    mask_name,
    personal_data_masked,
)
from gongkai.applications.status import Status
from gongkai.orgs.selectors import organisation_tree

#: The timeline events an applicant sees, and how they are told.  Others (a unit
#: handing the case back to the office, …) are internal and not shown.
PUBLIC_EVENTS: Final[dict[str, Promise]] = {
    "registered": _("收到申请，已登记"),
    "attached": _("收到申请材料"),
    "routed": _("已交承办单位办理"),
    "started": _("开始办理"),
    "correction_requested": _("已发出补正通知"),
    "correction_received": _("收到补正后的申请"),
    "correction_lapsed": _("逾期未补正，视为放弃申请"),
    "consulted": _("征求意见（所需时间不计入答复期限）"),
    "consultation_answered": _("征求意见已有结果"),
    "extended": _("延长答复期限"),
    "decided": _("已作出答复"),
    "withdrawn": _("申请已撤回"),
    "delivered": _("答复已送达"),
    "archived": _("已归档"),
    "transferred": _("已转送其他机关办理"),
}


def organ_choices() -> list[tuple[int, str]]:
    """Every confirmed organ, parents before children, indented by depth."""
    return [
        (org.pk, "\u3000" * depth + org.name)
        for org, depth in organisation_tree()
        if org.confirmed
    ]


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    label: Promise | str


@dataclass(frozen=True)
class CasePage:
    application: Application
    applicant_name: str
    personal: PersonalData
    status_label: str
    outcome_label: str
    items: list[Any]
    timeline: list[TimelineEntry]
    attachments: list[Any]
    letters: list[Any]
    letters_available: bool


def _timeline(events: list[ApplicationEvent]) -> list[TimelineEntry]:
    return [
        TimelineEntry(e.on, PUBLIC_EVENTS[e.kind])
        for e in events
        if e.kind in PUBLIC_EVENTS
    ]


LETTERS_PACKAGE: Final = "gongkai.letters"


def letters_module_present() -> bool:
    """Whether the letters app (another part of issue 7) is installed."""
    return find_spec(LETTERS_PACKAGE) is not None and (
        find_spec(LETTERS_PACKAGE + ".selectors") is not None
    )


def applicant_letters(application: Application) -> list[Any]:
    """The letters issued to the applicant (``gongkai.letters``), or [] while that
    app is not installed."""
    if not letters_module_present():
        return []
    from gongkai.letters.selectors import letters_for_applicant  # type: ignore[import-not-found,unused-ignore]

    return list(letters_for_applicant(application))


def case_page(application_id: int) -> CasePage | None:
    application = (
        Application.objects.select_related("organisation", "transferred_to")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        return None
    person = application.applicant_type == ApplicantType.NATURAL_PERSON
    return CasePage(
        application=application,
        applicant_name=(
            mask_name(application.applicant_name)
            if person
            else application.applicant_name
        ),
        personal=personal_data_masked(application),
        status_label=str(Status(application.status).label),
        outcome_label=(
            str(Outcome(application.outcome).label) if application.outcome else ""
        ),
        items=list(application.items.all()),
        timeline=_timeline(list(application.events.order_by("pk"))),
        attachments=list(application.attachments.all()),
        letters=applicant_letters(application),
        letters_available=letters_module_present(),
    )
