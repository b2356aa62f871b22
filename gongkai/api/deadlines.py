"""/deadlines/due: the reply due date of 第三十三条 (the same computation as
``gongkai deadline``), for anybody."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from django.http import HttpRequest
from ninja import Query, Router

from gongkai.api import application_schemas as s
from gongkai.api.errors import ApiError, ErrorOut
from gongkai.deadlines.engine import reply_due_date
from gongkai.deadlines.errors import DeadlineError
from gongkai.deadlines.models import LAST_YEAR
from gongkai.deadlines.rules import PeriodKind, period
from gongkai.deadlines.selectors import calendar_build
from gongkai.orgs.models import Organisation

router = Router(tags=["答复期限 deadlines"])

#: The calendar is built through two years after receipt; the holiday table goes
#: to ``deadlines.models.LAST_YEAR``.
LATEST_RECEIPT: Final = date(LAST_YEAR - 2, 12, 31)


@router.get(
    "/deadlines/due",
    response={200: s.DueOut, 400: ErrorOut, 404: ErrorOut},
    url_name="deadline_due_api",
    summary="答复期限（工作日，不含收到申请当日） (the reply due date)",
)
def deadline_due_api(request: HttpRequest, query: Query[s.DueQuery]) -> dict[str, Any]:
    """The due date of 第三十三条 from the receipt date, optionally with the longest
    extension; ``provisional`` when it goes through a year whose holidays are not
    entered yet (computed from the statutory holidays, without 调休)."""
    organisation = None
    if query.organisation is not None:
        organisation = Organisation.objects.filter(pk=query.organisation).first()
        if organisation is None:
            raise ApiError(
                f"organisation：没有编号为 {query.organisation} 的机关，请核对机关编号",
                code="organisation_not_found",
            )
    received = query.received
    if received > LATEST_RECEIPT:
        raise ApiError(
            f"收到申请之日 {received.isoformat()} 超出工作日历的范围："
            f"请填写 {LATEST_RECEIPT.isoformat()} 以前的日期",
            code="deadline_invalid",
        )
    try:
        reply = period(PeriodKind.REPLY, on=received)
        extension = period(PeriodKind.EXTENSION_MAX, on=received)
        calendar = calendar_build(
            today=received,
            organisation=organisation,
            first_year=received.year,
            last_year=received.year + 2,
        )
        extra = extension.working_days if query.extended else 0
        due = reply_due_date(received=received, calendar=calendar, extension_days=extra)
    except DeadlineError as exc:
        raise ApiError(exc.message, code="deadline_invalid") from exc
    article = reply.article
    if query.extended and extension.article != reply.article:
        article += "；" + extension.article
    return {
        "received": received,
        "extended": query.extended,
        "working_days": reply.working_days + extra,
        "due_on": due.date,
        "provisional": due.provisional,
        "provisional_years": list(due.provisional_years),
        "article": article,
    }
