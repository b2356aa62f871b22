"""Reads of appeals: the staff list and the counts of section 四.

Section 四 of the annual report (国办公开办函〔2021〕30号) has, for each kind
(行政复议, 未经复议直接起诉, 复议后起诉), the columns 结果维持, 结果纠正, 其他结果 and
尚未审结.  The format's written instructions are not available (domain-spec §7.3,
UNVERIFIED); the issue states the rule "an appeal still open at 31 December counts
as 尚未审结 in that year's section 四".  ``GONGKAI_APPEAL_COUNTING`` chooses the
reading:

- ``"year_end"`` (default, the careful clerk's reading): in year Y an appeal counts
  if it was filed by 31 December of Y and not decided before 1 January of Y: with
  its outcome if decided in Y, as 尚未审结 if still open at 31 December.  Every
  appeal pending at the end of a year is reported that year, and every outcome is
  reported in the year it was decided (an appeal filed in one year and decided in
  the next appears in both: 尚未审结, then its outcome);
- ``"filed_in_year"``: only appeals filed in Y, with their state at 31 December
  of Y (an outcome recorded later is never reported).

Counts are keyed by the plain codes (kind, result) where result is an
``AppealOutcome`` code or ``PENDING``; ``annual_reports`` maps them to cells.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Final

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from gongkai.accounts.scope import AnyUser
from gongkai.appeals.models import PENDING, Appeal, AppealKind, AppealOutcome
from gongkai.appeals.permissions import can_view, visible_appeals
from gongkai.core.errors import DomainError

YEAR_END: Final = "year_end"
FILED_IN_YEAR: Final = "filed_in_year"
COUNTING_READINGS: Final = (YEAR_END, FILED_IN_YEAR)
#: The result codes of section 四, in column order.
RESULTS: Final = (*AppealOutcome.values, PENDING)


def appeal_list_for_staff(
    *, user: AnyUser, pending: bool | None = None
) -> QuerySet[Appeal]:
    """The appeals against cases the user may see, newest first."""
    qs = visible_appeals(user).select_related(
        "application", "application__organisation", "follows"
    )
    if pending is not None:
        qs = qs.filter(outcome="") if pending else qs.exclude(outcome="")
    return qs.order_by("-filed_on", "-pk")


def appeal_get_for_staff(*, user: AnyUser, pk: int) -> Appeal | None:
    """The appeal, if the user may see it (the caller answers 404 otherwise)."""
    appeal = (
        Appeal.objects.select_related("application", "application__organisation")
        .filter(pk=pk)
        .first()
    )
    if appeal is None or not can_view(user, appeal):
        return None
    return appeal


def reconsiderations_to_sue_after(*, application_id: int) -> QuerySet[Appeal]:
    """Decided reconsiderations of the case: what a lawsuit after reconsideration
    may name."""
    return Appeal.objects.filter(
        application_id=application_id,
        kind=AppealKind.RECONSIDERATION,
        decided_on__isnull=False,
    ).order_by("-decided_on", "-pk")


# -- section 四 -----------------------------------------------------------------
def counting_reading() -> str:
    reading = getattr(settings, "GONGKAI_APPEAL_COUNTING", YEAR_END)
    if reading not in COUNTING_READINGS:
        raise DomainError(
            f"设置 GONGKAI_APPEAL_COUNTING 的值「{reading}」无效：应为 "
            f"{' 或 '.join(COUNTING_READINGS)}",
            code="appeal_counting_setting",
        )
    return str(reading)


def _conditions(year: int) -> tuple[Q, Q, Q]:
    """(counted in the year, counted with its outcome, counted as 尚未审结)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if counting_reading() == FILED_IN_YEAR:
        counted = Q(filed_on__gte=start, filed_on__lte=end)
        decided = Q(decided_on__lte=end)
    else:
        counted = Q(filed_on__lte=end) & (
            Q(decided_on__isnull=True) | Q(decided_on__gte=start)
        )
        decided = Q(decided_on__gte=start, decided_on__lte=end)
    pending = Q(decided_on__isnull=True) | Q(decided_on__gt=end)
    return counted, decided, pending


def appeal_counts_for_report(
    *, organisation_ids: Collection[int], year: int
) -> dict[tuple[str, str], int]:
    """Section 四 of ``year`` for the appeals against cases addressed to
    ``organisation_ids``, keyed by (kind, result).  One query; a missing key
    counts zero."""
    counted, decided, pending = _conditions(year)
    columns = {
        outcome: Count("pk", filter=decided & Q(outcome=outcome))
        for outcome in AppealOutcome.values
    }
    rows = (
        Appeal.objects.filter(application__organisation_id__in=list(organisation_ids))
        .filter(counted)
        .values("kind")
        .annotate(**columns, **{PENDING: Count("pk", filter=pending)})
        .order_by()
    )
    out: dict[tuple[str, str], int] = {}
    for row in rows:
        for result in RESULTS:
            if row[result]:
                out[(row["kind"], result)] = row[result]
    return out


def appeal_ids_for_cell(
    *, organisation_ids: Collection[int], year: int, kind: str, result: str
) -> list[int]:
    """The ids of the appeals one cell of section 四 counts (the same conditions
    as :func:`appeal_counts_for_report`).  KeyError for an unknown kind or result."""
    if kind not in AppealKind.values or result not in RESULTS:
        raise KeyError((kind, result))
    counted, decided, pending = _conditions(year)
    qs = Appeal.objects.filter(
        application__organisation_id__in=list(organisation_ids), kind=kind
    ).filter(counted)
    qs = qs.filter(pending) if result == PENDING else qs.filter(decided, outcome=result)
    return list(qs.order_by("pk").values_list("pk", flat=True))
