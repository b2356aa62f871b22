"""The workflow of an application as data: its statuses and the allowed transitions.

received ─┬─ routed ─ in_progress ─┬─ awaiting_correction (clock stopped) ─ in_progress
          │  (hand back: → received)├─ consulting (time not counted) ─ in_progress
          │                         ├─ extended
          │                         └─ decided ─ delivered ─ archived
          ├─ withdrawn ─ archived
          ├─ transferred ─ archived (to another organ in gongkai; concluded here as
          │  非本机关, 第三十六条第（五）项)
          └─ awaiting_correction ─ abandoned (no correction in time: 其他处理 1) ─ archived
in_progress, consulting, extended ─ abandoned (fee notice not paid in time: 其他处理 2,
          ``applications.fees``)

``services`` checks every change against ``TRANSITIONS``; nothing else changes a
status.
"""

from __future__ import annotations

from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("已收到")
    ROUTED = "routed", _("已分办")
    IN_PROGRESS = "in_progress", _("办理中")
    AWAITING_CORRECTION = "awaiting_correction", _("待补正")
    CONSULTING = "consulting", _("征求意见中")
    EXTENDED = "extended", _("已延期")
    DECIDED = "decided", _("已作出答复")
    DELIVERED = "delivered", _("已送达")
    ARCHIVED = "archived", _("已归档")
    WITHDRAWN = "withdrawn", _("已撤回")
    ABANDONED = "abandoned", _("视为放弃")
    TRANSFERRED = "transferred", _("已转其他机关")


S = Status
_WORKING: Final = frozenset(
    {S.AWAITING_CORRECTION, S.CONSULTING, S.DECIDED, S.WITHDRAWN, S.TRANSFERRED}
)

TRANSITIONS: Final[dict[Status, frozenset[Status]]] = {
    S.RECEIVED: _WORKING | {S.ROUTED, S.IN_PROGRESS},
    S.ROUTED: _WORKING | {S.RECEIVED, S.IN_PROGRESS},
    S.IN_PROGRESS: _WORKING | {S.RECEIVED, S.EXTENDED, S.ABANDONED},
    S.AWAITING_CORRECTION: frozenset({S.IN_PROGRESS, S.ABANDONED, S.WITHDRAWN}),
    S.CONSULTING: frozenset(
        {S.CONSULTING, S.IN_PROGRESS, S.EXTENDED, S.DECIDED, S.WITHDRAWN, S.ABANDONED}
    ),
    S.EXTENDED: frozenset({S.CONSULTING, S.DECIDED, S.WITHDRAWN, S.ABANDONED}),
    S.DECIDED: frozenset({S.DELIVERED, S.ARCHIVED}),
    S.DELIVERED: frozenset({S.ARCHIVED}),
    S.WITHDRAWN: frozenset({S.ARCHIVED}),
    S.ABANDONED: frozenset({S.DELIVERED, S.ARCHIVED}),
    S.TRANSFERRED: frozenset({S.ARCHIVED}),
    S.ARCHIVED: frozenset(),
}
TERMINAL: Final = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
#: Statuses of a case not yet concluded: it has no outcome and its clock runs (or
#: waits for a correction).  Every other status has an outcome and ``decided_on``.
OPEN: Final = frozenset(
    {
        S.RECEIVED,
        S.ROUTED,
        S.IN_PROGRESS,
        S.AWAITING_CORRECTION,
        S.CONSULTING,
        S.EXTENDED,
    }
)
CLOSED: Final = frozenset(Status) - OPEN


def can_transition(current: str, to: str) -> bool:
    return Status(to) in TRANSITIONS[Status(current)]
