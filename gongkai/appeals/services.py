"""Every change of an appeal: one service per change, in one transaction, with one
``AppealEvent`` (before/after).  Nothing else writes an appeal.

Rules (each has a test naming it):
- 条例第五十一条: reconsideration or a lawsuit against the handling of an
  application; it contests a reply already made (filed on or after the day of the
  reply: 行政复议法第二十条 and 行政诉讼法第四十六条 count the period from the day the
  applicant knew of the act), or the failure to reply in time (不履行法定职责,
  filed only after the reply was due);
- 行政诉讼法第四十五条: a lawsuit after reconsideration contests a reconsideration
  decision: it names a reconsideration of the same case that was decided, and is
  filed on or after that decision;
- the outcome is one of section 四's columns (国办公开办函〔2021〕30号): 结果维持,
  结果纠正 or 其他结果 (撤回、终止、驳回起诉 …); until it is recorded the appeal is
  尚未审结.  It is recorded once, on or after the filing date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.appeals import permissions
from gongkai.appeals.models import Appeal, AppealEvent, AppealKind, AppealOutcome
from gongkai.applications.models import Application
from gongkai.core.errors import DomainError, InvalidState, PermissionDenied

_TRACKED = (
    "kind",
    "follows_id",
    "filed_on",
    "body",
    "case_number",
    "outcome",
    "outcome_detail",
    "decided_on",
)


class AppealError(DomainError):
    code = "appeal_invalid"


def _snapshot(appeal: Appeal) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _TRACKED:
        value = getattr(appeal, name)
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def _event(
    appeal: Appeal,
    before: Mapping[str, Any],
    *,
    kind: str,
    actor: User,
    on: date,
    note: str = "",
) -> None:
    AppealEvent.objects.create(
        appeal=appeal,
        actor=actor,
        kind=kind,
        on=on,
        before=dict(before),
        after=_snapshot(appeal),
        note=note,
    )


def _require_recorder(actor: User, application: Application) -> None:
    if not permissions.can_record(actor, application):
        raise PermissionDenied(
            f"您不能登记申请「{application.tracking_number}」的行政复议或行政诉讼："
            "只有该申请所属机关的公开办或承办单位可以登记"
        )


def _check_contests_the_handling(application: Application, filed_on: date) -> None:
    """A reply made, or the reply overdue (不履行法定职责)."""
    if application.decided_on is not None:
        if filed_on < application.decided_on:
            raise AppealError(
                f"申请复议或起诉的日期 {filed_on.isoformat()} 早于该申请的答复日期 "
                f"{application.decided_on.isoformat()}：复议、诉讼针对已作出的答复"
                "（行政复议法第二十条、行政诉讼法第四十六条自知道该行为之日起计算），"
                "请核对日期"
            )
        return
    due = application.due_on
    if due is None or filed_on <= due:
        when = f"答复期限 {due.isoformat()} 尚未届满" if due else "尚无答复期限"
        raise AppealError(
            f"该申请尚未答复，{when}：答复之前只能就逾期未答复（不履行法定职责）"
            "申请复议或起诉，请在答复期限届满后登记，或核对日期"
        )


def _check_follows(
    application: Application, kind: str, follows: Appeal | None, filed_on: date
) -> None:
    if kind != AppealKind.LITIGATION_AFTER_RECONSIDERATION:
        if follows is not None:
            raise AppealError(
                "只有「行政诉讼（复议后起诉）」需要选择所针对的行政复议：请清空该项"
            )
        return
    if follows is None:
        raise AppealError(
            "复议后起诉须选择所针对的行政复议（行政诉讼法第四十五条）："
            "请先登记该申请的行政复议及其结果"
        )
    if (
        follows.application_id != application.pk
        or follows.kind != AppealKind.RECONSIDERATION
    ):
        raise AppealError("所选的行政复议不是针对该申请的行政复议：请重新选择")
    if follows.decided_on is None:
        raise AppealError(
            "所选的行政复议尚未审结：复议后起诉针对复议决定（行政诉讼法第四十五条），"
            "请先记录复议结果"
        )
    if filed_on < follows.decided_on:
        raise AppealError(
            f"起诉日期 {filed_on.isoformat()} 早于复议决定日期 "
            f"{follows.decided_on.isoformat()}（行政诉讼法第四十五条）：请核对日期"
        )


@transaction.atomic
def appeal_file(
    *,
    application: Application,
    kind: str,
    filed_on: date,
    body: str,
    actor: User,
    today: date,
    case_number: str = "",
    follows: Appeal | None = None,
    note: str = "",
) -> Appeal:
    """Record a reconsideration or a lawsuit against the handling of ``application``
    (条例第五十一条).  It stays 尚未审结 until :func:`appeal_decide`."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=application.pk)
    )
    _require_recorder(actor, application)
    if kind not in AppealKind.values:
        raise AppealError(
            f"类别「{kind}」无效：请选择行政复议、未经复议直接起诉或复议后起诉"
        )
    body = body.strip()
    if not body:
        raise AppealError("请填写复议机关或人民法院的名称")
    if filed_on > today:
        raise AppealError(
            f"申请复议或起诉的日期 {filed_on.isoformat()} 晚于今天：请核对日期"
        )
    _check_contests_the_handling(application, filed_on)
    if follows is not None:
        follows = Appeal.objects.select_for_update().get(pk=follows.pk)
    _check_follows(application, kind, follows, filed_on)
    appeal = Appeal.objects.create(
        application=application,
        kind=kind,
        follows=follows,
        filed_on=filed_on,
        body=body,
        case_number=case_number.strip(),
        note=note,
    )
    _event(appeal, {}, kind="filed", actor=actor, on=filed_on, note=note)
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    appeal: Appeal,
    outcome: str,
    decided_on: date,
    actor: User,
    today: date,
    detail: str = "",
    note: str = "",
) -> Appeal:
    """Record the outcome: a column of section 四 (维持 / 纠正 / 其他)."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("application")
        .get(pk=appeal.pk)
    )
    _require_recorder(actor, appeal.application)
    if appeal.outcome:
        raise InvalidState(
            f"该案件已于 {appeal.decided_on} 审结（{appeal.outcome_label}），"
            "不能再次记录结果"
        )
    if outcome not in AppealOutcome.values:
        raise AppealError(
            f"审结结果「{outcome}」无效：请选择结果维持、结果纠正或其他结果"
            "（撤回、终止、驳回起诉等计入其他结果）"
        )
    if decided_on < appeal.filed_on:
        raise AppealError(
            f"审结日期 {decided_on.isoformat()} 早于申请复议或起诉的日期 "
            f"{appeal.filed_on.isoformat()}：请核对日期"
        )
    if decided_on > today:
        raise AppealError(f"审结日期 {decided_on.isoformat()} 晚于今天：请核对日期")
    before = _snapshot(appeal)
    appeal.outcome = outcome
    appeal.outcome_detail = detail.strip()
    appeal.decided_on = decided_on
    appeal.save()
    _event(appeal, before, kind="decided", actor=actor, on=decided_on, note=note)
    return appeal
