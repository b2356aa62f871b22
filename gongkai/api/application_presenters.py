"""What the application operations answer: plain dicts in the shape of
``application_schemas``, personal data masked unless the caller passes the whole
data (``privacy.personal_data_reveal``, which checks and logs)."""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import quote

from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    Consultation,
    CorrectionRequest,
    Extension,
)
from gongkai.applications.outcomes import ApplicantType
from gongkai.applications.privacy import PersonalData, mask_name, personal_data_masked
from gongkai.applications.status import TRANSITIONS, Status
from gongkai.orgs.models import Organisation

#: Timeline events the applicant sees (routing inside the organ is not shown).
PUBLIC_EVENTS: Final = {
    "registered": "收到申请",
    "correction_requested": "告知补正",
    "correction_received": "收到补正",
    "correction_lapsed": "逾期未补正，视为放弃申请",
    "consulted": "征求第三方或其他机关意见（所需时间不计算在答复期限内）",
    "consultation_answered": "征求意见结束",
    "extended": "延长答复期限",
    "decided": "作出答复",
    "withdrawn": "申请人撤回申请",
    "transferred": "转其他机关办理",
    "delivered": "已送达",
    "archived": "已归档",
}


def _personal(
    application: Application, whole: PersonalData | None = None
) -> dict[str, str]:
    data = whole or personal_data_masked(application)
    return {
        "id_number": data.id_number,
        "phone": data.phone,
        "email": data.email,
        "address": data.address,
    }


def _organ(organisation: Organisation | None) -> dict[str, Any] | None:
    if organisation is None:
        return None
    return {"id": organisation.pk, "name": organisation.name}


def application_summary(application: Application) -> dict[str, Any]:
    return {
        "id": application.pk,
        "tracking_number": application.tracking_number,
        "organisation": _organ(application.organisation),
        "unit": _organ(application.unit),
        "applicant_type": application.applicant_type,
        "applicant_name": application.applicant_name,
        "personal_data": _personal(application),
        "channel": application.channel,
        "status": application.status,
        "status_label": str(Status(application.status).label),
        "received_on": application.received_on,
        "due_on": application.due_on,
        "due_provisional": application.due_provisional,
        "outcome": application.outcome,
        "decided_on": application.decided_on,
    }


def application_detail(
    application_id: int,
    *,
    whole: PersonalData | None = None,
    warnings: tuple[str, ...] | list[str] = (),
) -> dict[str, Any]:
    """The case as it is now (read again after a step: the actor may no longer
    see it, e.g. after handing it back)."""
    a = Application.objects.select_related(
        "organisation", "unit", "transferred_to"
    ).get(pk=application_id)
    correction = CorrectionRequest.objects.filter(application=a).first()
    extension = Extension.objects.filter(application=a).first()
    return {
        **application_summary(a),
        "personal_data": _personal(a, whole),
        "id_type": a.id_type,
        "form_wanted": a.form_wanted,
        "delivery": a.delivery,
        "revealed": whole is not None,
        "outcome_label": str(a.get_outcome_display()) if a.outcome else "",
        "outcome_basis": a.outcome_basis,
        "outcome_reason": a.outcome_reason,
        "responsible_organ": a.responsible_organ,
        "delivered_on": a.delivered_on,
        "delivered_by": a.delivered_by,
        "archived_on": a.archived_on,
        "transferred_to": a.transferred_to.tracking_number
        if a.transferred_to
        else None,
        "next_statuses": sorted(s.value for s in TRANSITIONS[Status(a.status)]),
        "items": list(a.items.all()),
        "correction": correction,
        "consultations": list(Consultation.objects.filter(application=a)),
        "extension": extension,
        "warnings": list(warnings),
    }


def application_submitted(registered: services.Registered) -> dict[str, Any]:
    a = registered.application
    base = reverse("api-v1:application_list_api")
    return {
        "id": a.pk,
        "tracking_number": a.tracking_number,
        "query_code": registered.query_code,
        "status": a.status,
        "received_on": a.received_on,
        "due_on": a.due_on,
        "due_provisional": a.due_provisional,
        "track_url": f"{base}/track/{quote(a.tracking_number, safe='')}",
        "warnings": list(registered.warnings),
    }


def application_tracked(a: Application) -> dict[str, Any]:
    correction = CorrectionRequest.objects.filter(application=a).first()
    awaiting = a.status == Status.AWAITING_CORRECTION and correction is not None
    person = a.applicant_type == ApplicantType.NATURAL_PERSON
    events = ApplicationEvent.objects.filter(
        application=a, kind__in=list(PUBLIC_EVENTS)
    ).order_by("pk")
    return {
        "tracking_number": a.tracking_number,
        "organisation": a.organisation.name,
        "applicant_name": mask_name(a.applicant_name) if person else a.applicant_name,
        "personal_data": _personal(a),
        "status": a.status,
        "status_label": str(Status(a.status).label),
        "received_on": a.received_on,
        "due_on": a.due_on,
        "due_provisional": a.due_provisional,
        "outcome_label": str(a.get_outcome_display()) if a.outcome else "",
        "decided_on": a.decided_on,
        "delivered_on": a.delivered_on,
        "items": list(a.items.all()),
        "correction": correction if awaiting else None,
        "timeline": [
            {"kind": e.kind, "label": PUBLIC_EVENTS[e.kind], "on": e.on} for e in events
        ],
    }
