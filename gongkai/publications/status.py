"""The review workflow of an information item as data (三审: 承办人 → 审核人 → 分管领导).

draft ─ submitted (承办人) ─ reviewed (审核人, 保密审查) ─ published (分管领导)
submitted, reviewed ─ draft (returned, with a comment)
published ─ withdrawn

``services`` checks every change against ``TRANSITIONS``; nothing else changes a
status.  Amending, repealing and lapsing a published item keep it published.
"""

from __future__ import annotations

from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审核")
    REVIEWED = "reviewed", _("待分管领导审批")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


S = Status

TRANSITIONS: Final[dict[Status, frozenset[Status]]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.REVIEWED, S.DRAFT}),
    S.REVIEWED: frozenset({S.PUBLISHED, S.DRAFT}),
    S.PUBLISHED: frozenset({S.WITHDRAWN}),
    S.WITHDRAWN: frozenset(),
}
TERMINAL: Final = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
#: Not yet published: the 第二十六条 clock runs.
PENDING: Final = frozenset({S.DRAFT, S.SUBMITTED, S.REVIEWED})


def can_transition(current: str, to: str) -> bool:
    return Status(to) in TRANSITIONS[Status(current)]
