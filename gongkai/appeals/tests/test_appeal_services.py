"""Filing an appeal and recording its outcome (条例第五十一条; 行政复议法第二十条;
行政诉讼法第四十五条、第四十六条; section 四 of 国办公开办函〔2021〕30号)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from gongkai.appeals.models import PENDING_LABEL, Appeal, AppealKind
from gongkai.appeals.services import AppealError, appeal_decide, appeal_file
from gongkai.appeals.tests.factories import decided_case, filed
from gongkai.applications.tests.conftest import World
from gongkai.core.errors import InvalidState, PermissionDenied

pytestmark = pytest.mark.django_db

TODAY = date(2030, 1, 1)


def _file(world: World, app, on: date, **kw):
    args = {
        "application": app,
        "kind": AppealKind.RECONSIDERATION,
        "filed_on": on,
        "body": "示例市人民政府",
        "actor": world.office,
        "today": TODAY,
        **kw,
    }
    return appeal_file(**args)


def test_a_reconsideration_is_filed_pending_with_one_event(world: World) -> None:
    """条例第五十一条: reconsideration against the reply; 尚未审结 until decided."""
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    appeal = _file(world, app, date(2025, 4, 1), case_number=" 示复〔2025〕7号 ")
    assert appeal.is_pending
    assert appeal.outcome_label == PENDING_LABEL
    assert appeal.case_number == "示复〔2025〕7号"
    event = appeal.events.get()
    assert (event.kind, event.on, event.actor) == (
        "filed",
        date(2025, 4, 1),
        world.office,
    )
    assert event.before == {}
    assert event.after["filed_on"] == "2025-04-01"


def test_filed_before_the_reply_is_refused(world: World) -> None:
    """行政复议法第二十条 / 行政诉讼法第四十六条: the period runs from knowing of the
    reply, so an appeal against it cannot predate it."""
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    with pytest.raises(AppealError, match="早于该申请的答复日期 2025-03-20"):
        _file(world, app, date(2025, 3, 19))
    assert not Appeal.objects.exists()


def test_before_a_reply_only_an_overdue_case_can_be_appealed(world: World) -> None:
    """条例第五十一条 (不履行法定职责): an open case can be appealed only once the
    reply is overdue (due 20 working days after receipt, 第三十三条第二款)."""
    app = world.register(date(2025, 1, 20))  # due 2025-02-21 (domain-spec §2.3)
    assert app.due_on == date(2025, 2, 21)
    with pytest.raises(AppealError, match="答复期限 2025-02-21 尚未届满"):
        _file(world, app, date(2025, 2, 21))
    appeal = _file(world, app, date(2025, 2, 24), kind=AppealKind.LITIGATION_DIRECT)
    assert appeal.kind == AppealKind.LITIGATION_DIRECT


def test_a_lawsuit_after_reconsideration_names_a_decided_one(world: World) -> None:
    """行政诉讼法第四十五条: 复议后起诉 contests the reconsideration decision."""
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    after = AppealKind.LITIGATION_AFTER_RECONSIDERATION
    with pytest.raises(AppealError, match="须选择所针对的行政复议"):
        _file(world, app, date(2025, 6, 1), kind=after, body="示例县人民法院")
    rec = filed(world, app, date(2025, 4, 1))
    with pytest.raises(AppealError, match="尚未审结"):
        _file(world, app, date(2025, 6, 1), kind=after, follows=rec)
    rec = appeal_decide(
        appeal=rec,
        outcome="upheld",
        decided_on=date(2025, 5, 20),
        actor=world.office,
        today=TODAY,
    )
    with pytest.raises(AppealError, match="早于复议决定日期 2025-05-20"):
        _file(world, app, date(2025, 5, 19), kind=after, follows=rec)
    suit = _file(world, app, date(2025, 6, 1), kind=after, follows=rec)
    assert suit.follows == rec
    assert list(rec.lawsuits.all()) == [suit]


def test_a_lawsuit_cannot_follow_another_cases_reconsideration(world: World) -> None:
    """行政诉讼法第四十五条: the reconsideration of the same case."""
    one = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    two = decided_case(world, date(2025, 3, 4), date(2025, 3, 20))
    rec = filed(world, one, date(2025, 4, 1), decided=date(2025, 5, 20))
    with pytest.raises(AppealError, match="不是针对该申请"):
        _file(
            world,
            two,
            date(2025, 6, 1),
            kind=AppealKind.LITIGATION_AFTER_RECONSIDERATION,
            follows=rec,
        )
    with pytest.raises(AppealError, match="只有「行政诉讼（复议后起诉）」"):
        _file(
            world, one, date(2025, 6, 1), kind=AppealKind.LITIGATION_DIRECT, follows=rec
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "appeal"}, "类别「appeal」无效"),
        ({"body": "  "}, "请填写复议机关或人民法院"),
        ({"filed_on": date(2031, 1, 1)}, "晚于今天"),
    ],
)
def test_bad_input_gets_a_chinese_error(world: World, changes, message) -> None:
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    with pytest.raises(AppealError, match=message):
        _file(world, app, date(2025, 4, 1), **changes)


def test_who_may_record(world: World) -> None:
    """The office of the organ and the unit handling the case; not another unit."""
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    with pytest.raises(PermissionDenied, match="只有该申请所属机关的公开办或承办单位"):
        _file(world, app, date(2025, 4, 1), actor=world.clerk_b)
    appeal = _file(world, app, date(2025, 4, 1), actor=world.clerk_a)
    with pytest.raises(PermissionDenied):
        appeal_decide(
            appeal=appeal,
            outcome="corrected",
            decided_on=date(2025, 5, 1),
            actor=world.clerk_b,
            today=TODAY,
        )


def test_the_outcome_is_a_column_of_section_four_recorded_once(world: World) -> None:
    """国办公开办函〔2021〕30号 section 四: 结果维持 / 结果纠正 / 其他结果."""
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    appeal = filed(world, app, date(2025, 4, 1))
    kw: dict[str, Any] = {"appeal": appeal, "actor": world.office, "today": TODAY}
    with pytest.raises(AppealError, match="审结结果「pending」无效"):
        appeal_decide(outcome="pending", decided_on=date(2025, 5, 1), **kw)
    with pytest.raises(AppealError, match="早于申请复议或起诉的日期 2025-04-01"):
        appeal_decide(outcome="other", decided_on=date(2025, 3, 31), **kw)
    with pytest.raises(AppealError, match="晚于今天"):
        appeal_decide(outcome="other", decided_on=date(2030, 1, 2), **kw)
    done = appeal_decide(
        outcome="other", decided_on=date(2025, 5, 1), detail=" 申请人撤回 ", **kw
    )
    assert (done.outcome, done.outcome_detail, done.outcome_label) == (
        "other",
        "申请人撤回",
        "其他结果",
    )
    event = done.events.get(kind="decided")
    assert event.before["outcome"] == ""
    assert event.after["outcome"] == "other"
    with pytest.raises(InvalidState, match="已于 2025-05-01 审结"):
        appeal_decide(outcome="upheld", decided_on=date(2025, 5, 2), **kw)


@pytest.mark.parametrize(
    "fields",
    [
        {"outcome": "upheld"},  # an outcome needs its date
        {"decided_on": date(2025, 5, 1)},  # a date needs its outcome
        {"outcome": "won", "decided_on": date(2025, 5, 1)},
        {"outcome": "upheld", "decided_on": date(2025, 3, 1)},  # before filing
        {"kind": AppealKind.LITIGATION_AFTER_RECONSIDERATION},  # names none
    ],
)
def test_the_database_keeps_the_invariants(world: World, fields) -> None:
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    row = {
        "application": app,
        "kind": AppealKind.RECONSIDERATION,
        "filed_on": date(2025, 4, 1),
        "body": "示例市人民政府",
        **fields,
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Appeal.objects.create(**row)
