"""Drafting and issuing letters: every outcome family cites its article of
国务院令第711号 and carries the remedies clause; numbers, frozen text,
permissions, the notices, templates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gongkai.accounts.models import Role
from gongkai.applications import services as s
from gongkai.applications.models import Application, FeeNotice
from gongkai.applications.outcomes import BASIS, Outcome
from gongkai.applications.tests.factories import staff
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.letters import services as ls
from gongkai.letters.context import citation_full
from gongkai.letters.kinds import LetterKind
from gongkai.letters.models import Letter, LetterTemplate
from gongkai.letters.selectors import (
    letters_for_applicant,
    template_editable,
    template_for,
)
from gongkai.letters.tests.conftest import World
from gongkai.letters.tests.helpers import DECIDED, RECEIVED, decided

pytestmark = pytest.mark.django_db

REASON = "经审查，所申请信息为本机关内部讨论形成的会议记录。"
#: One outcome of each family of section 三 (and both ends of 不予公开).
FAMILIES = [
    Outcome.DISCLOSED,
    Outcome.PARTLY_DISCLOSED,
    Outcome.WITHHELD_STATE_SECRET,
    Outcome.WITHHELD_THIRD_PARTY_INTERESTS,
    Outcome.WITHHELD_PROCESS_INFORMATION,
    Outcome.WITHHELD_INQUIRY_MATTER,
    Outcome.UNABLE_NOT_HELD,
    Outcome.UNABLE_NEEDS_CREATION,
    Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT,
    Outcome.NOT_PROCESSED_REPEATED,
    Outcome.NOT_PROCESSED_EXCESSIVE,
]
REFUSALS = {o for o in FAMILIES if o.startswith("withheld_")} | {
    Outcome.PARTLY_DISCLOSED
}


@pytest.mark.parametrize("outcome", FAMILIES)
def test_reply_cites_the_article_of_decree_711_and_the_remedies(
    world: World, outcome: str
) -> None:
    app = decided(world, outcome, reason=REASON)
    letter = ls.letter_issue(
        application=app, kind=outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    body = letter.body
    assert "张三：" in body.splitlines()[0]
    assert "2025年3月3日" in body  # receipt date, 第三十一条
    assert app.tracking_number in body
    cited = citation_full(BASIS[outcome])  # e.g. …（国务院令第711号）第十四条
    assert cited is not None
    assert cited in body
    assert "国务院令第711号" in body
    # remedies: 行政复议法第二十条 (60 days), and first-reconsideration for refusals
    assert "六十日内向示例市人民政府申请行政复议" in body
    if outcome in REFUSALS:
        assert "《中华人民共和国行政复议法》第二十三条" in body
        assert "应当先在收到本答复之日起六十日内" in body
    else:
        assert "或者在六个月内向有管辖权的人民法院提起行政诉讼" in body
        assert "第二十三条" not in body
    assert letter.number == "示例县政府依公开〔2025〕1号"
    assert letter.title.startswith("示例县人民政府\n")


def test_other_handling_states_the_reason_and_the_remedies(world: World) -> None:
    app = decided(world, Outcome.OTHER, reason="申请人已另案取得所需信息。")
    letter = ls.letter_issue(
        application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    assert "申请人已另案取得所需信息。" in letter.body
    assert "六十日内向示例市人民政府申请行政复议" in letter.body


def test_abandonment_after_no_correction_cites_article_30(world: World) -> None:
    app = world.register(RECEIVED)
    s.application_request_correction(
        application=app,
        points=["请写明文号"],
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 19),
        actor=world.office,
    )
    app = s.application_correction_lapsed(
        application=app, on=date(2025, 3, 20), actor=world.office
    )
    letter = ls.letter_issue(
        application=app,
        kind=Outcome.OTHER_NO_CORRECTION,
        actor=world.office,
        issued_on=date(2025, 3, 20),
    )
    assert "本机关于2025年3月5日告知您补正申请，补正期限为2025年3月19日" in letter.body
    assert (
        "《中华人民共和国政府信息公开条例》（国务院令第711号）第三十条" in letter.body
    )
    assert "不再处理该政府信息公开申请" in letter.body


def test_refusal_gives_the_reasons_and_quotes_the_article(world: World) -> None:
    app = decided(world, Outcome.WITHHELD_PROCESS_INFORMATION, reason=REASON)
    body = ls.letter_draft(application=app, kind=app.outcome)
    assert REASON in body  # 第三十六条第（三）项: say so and give reasons
    assert "第十六条第二款规定：“行政机关在履行行政管理职能过程中形成的讨论记录" in body
    assert "不予公开" in body


def test_partial_disclosure_names_each_withheld_part_and_its_ground(
    world: World,
) -> None:
    app = decided(world, Outcome.PARTLY_DISCLOSED, items=2)
    body = ls.letter_draft(application=app, kind=app.outcome)
    assert "1．信息0：不予公开，理由为“属于四类过程性信息”" in body
    assert "依据《中华人民共和国政府信息公开条例》第十六条第二款" in body
    assert "会议纪要的讨论部分" in body
    assert "第三十七条" in body
    assert "电子形式、通过电子邮件方式" in body  # the way of provision


def test_not_this_organ_names_the_responsible_organ_article_36_5(
    world: World,
) -> None:
    app = decided(
        world,
        Outcome.UNABLE_NOT_HELD,
        reason="该信息由县住房和城乡建设局制作并保存。",
        responsible_organ="示例县住房和城乡建设局",
    )
    with pytest.raises(ls.LetterError, match="非本机关政府信息告知书"):
        ls.letter_draft(application=app, kind=Outcome.UNABLE_NOT_HELD)
    letter = ls.letter_issue(
        application=app,
        kind=LetterKind.NOT_THIS_ORGAN,
        actor=world.clerk_a,
        issued_on=DECIDED,
    )
    assert "上述政府信息由示例县住房和城乡建设局负责公开" in letter.body
    assert "第三十六条第（五）项" in letter.body


def test_a_refusal_without_reasons_is_not_issued(world: World) -> None:
    app = decided(world, Outcome.WITHHELD_INTERNAL_AFFAIRS, reason="")
    draft = ls.letter_draft(application=app, kind=app.outcome)
    assert "〔请填写：理由〕" in draft
    with pytest.raises(ls.LetterError, match="〔请填写：理由〕"):
        ls.letter_issue(
            application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
        )
    edited = draft.replace("〔请填写：理由〕", "所申请信息为本机关的人事管理信息。")
    letter = ls.letter_issue(
        application=app,
        kind=app.outcome,
        actor=world.clerk_a,
        issued_on=DECIDED,
        text=edited,
    )
    assert "人事管理信息" in letter.body


def test_edited_text_must_not_keep_placeholders(world: World) -> None:
    app = decided(world, Outcome.DISCLOSED)
    with pytest.raises(ls.LetterError, match=r"\{\{申请人\}\}"):
        ls.letter_issue(
            application=app,
            kind=app.outcome,
            actor=world.clerk_a,
            issued_on=DECIDED,
            text="{{申请人}}：\n予以公开。",
        )


def test_number_from_the_pattern_and_a_yearly_counter(world: World) -> None:
    ls.letter_settings_save(
        organisation=world.county,
        actor=world.office,
        number_pattern="示县公开复〔{{年}}〕{{序号}}号",
        reconsideration_body="示例市人民政府",
    )
    first = decided(world, Outcome.DISCLOSED)
    second = decided(world, Outcome.DISCLOSED)
    a = ls.letter_issue(
        application=first, kind=first.outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    b = ls.letter_issue(
        application=second, kind=second.outcome, actor=world.office, issued_on=DECIDED
    )
    c = ls.letter_issue(
        application=second,
        kind=second.outcome,
        actor=world.office,
        issued_on=date(2026, 1, 5),
    )
    assert [a.number, b.number, c.number] == [
        "示县公开复〔2025〕1号",
        "示县公开复〔2025〕2号",
        "示县公开复〔2026〕1号",
    ]
    with pytest.raises(ls.TemplateError, match=r"\{\{文号\}\}"):
        ls.letter_settings_save(
            organisation=world.county, actor=world.office, number_pattern="{{文号}}"
        )
    with pytest.raises(ls.TemplateError, match="序号"):
        ls.letter_settings_save(
            organisation=world.county, actor=world.office, number_pattern="〔{{年}}〕号"
        )


def test_issued_text_is_frozen(world: World) -> None:
    app = decided(world, Outcome.DISCLOSED)
    letter = ls.letter_issue(
        application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    template = template_editable(organisation=world.county, kind=app.outcome)
    ls.template_save(
        template=template, body="{{申请人}}：\n新的正文。", actor=world.office
    )
    letter.refresh_from_db()
    assert "新的正文" not in letter.body
    assert "予以公开" in letter.body


def test_only_the_case_handlers_issue_letters(world: World) -> None:
    app = decided(world, Outcome.DISCLOSED)
    for outsider in (world.clerk_b, world.leader, staff(world.unit_b, Role.REVIEWER)):
        with pytest.raises(PermissionDenied):
            ls.letter_issue(
                application=app, kind=app.outcome, actor=outsider, issued_on=DECIDED
            )
    assert not Letter.objects.exists()
    ls.letter_issue(
        application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
    )


def test_a_reply_needs_the_decision_and_its_outcome(world: World) -> None:
    app = world.register(RECEIVED)
    with pytest.raises(InvalidState, match="尚未作出办理结果"):
        ls.letter_draft(application=app, kind=Outcome.DISCLOSED)
    done = decided(world, Outcome.DISCLOSED)
    with pytest.raises(ls.LetterError, match="应出具"):
        ls.letter_draft(application=done, kind=Outcome.WITHHELD_STATE_SECRET)
    with pytest.raises(ls.LetterError, match="不存在"):
        ls.letter_draft(application=done, kind="nonsense")


@pytest.mark.parametrize(
    "kind",
    [
        LetterKind.CORRECTION,
        LetterKind.EXTENSION,
        LetterKind.CONSULTATION,
        LetterKind.FEE,
    ],
)
def test_a_notice_needs_its_record_first(world: World, kind: str) -> None:
    app = world.register(RECEIVED)
    with pytest.raises(InvalidState, match="请先在办理页面登记"):
        ls.letter_draft(application=app, kind=kind)


def test_correction_notice_lists_every_point_article_30(world: World) -> None:
    app = world.register(RECEIVED)
    s.application_request_correction(
        application=app,
        points=["请写明所需信息的文号", "请提供身份证明"],
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 19),
        actor=world.office,
    )
    letter = ls.letter_issue(
        application=app,
        kind=LetterKind.CORRECTION,
        actor=world.office,
        issued_on=date(2025, 3, 5),
    )
    assert "1．请写明所需信息的文号\n2．请提供身份证明" in letter.body
    assert "2025年3月19日前" in letter.body
    assert "第三十条" in letter.body
    assert "视为放弃申请" in letter.body
    assert "六十日" not in letter.body  # a notice, not a decision


def test_extension_notice_states_days_and_new_date_article_33(
    world: World,
) -> None:
    app = world.register(RECEIVED)
    app = s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=RECEIVED
    )
    app = s.application_start(application=app, actor=world.clerk_a, on=RECEIVED)
    app = s.application_extend(
        application=app,
        days=20,
        approved_on=date(2025, 3, 25),
        notice_sent_on=date(2025, 3, 25),
        actor=world.leader,
        reason="申请的信息数量较多，需要逐件检索",
    )
    body = ls.letter_draft(
        application=app, kind=LetterKind.EXTENSION, issued_on=date(2025, 3, 25)
    )
    assert "延长20个工作日" in body
    assert "第三十三条第二款" in body
    due = app.due_on
    assert due is not None
    assert f"{due.year}年{due.month}月{due.day}日前" in body
    assert "因申请的信息数量较多，需要逐件检索，" in body


def test_consultation_goes_to_the_third_party_not_the_applicant(
    world: World,
) -> None:
    app = world.register(RECEIVED)
    s.application_consult(
        application=app,
        party_kind="third_party",
        party_name="某某建设有限公司",
        sent_on=date(2025, 3, 6),
        actor=world.office,
    )
    letter = ls.letter_issue(
        application=app,
        kind=LetterKind.CONSULTATION,
        actor=world.office,
        issued_on=date(2025, 3, 6),
    )
    assert letter.body.startswith("某某建设有限公司：")
    assert "张三" not in letter.body  # the applicant's name is not disclosed
    assert "15个工作日内" in letter.body
    assert "第三十二条" in letter.body
    assert letters_for_applicant(app) == []


def test_fee_notice_states_amount_and_period(world: World) -> None:
    app = world.register(RECEIVED)
    FeeNotice.objects.create(
        application=app,
        method="per_item",
        quantity=12,
        items_before_in_month=10,
        amount=Decimal("100.00"),
        lines=[{"first": 11, "last": 12, "rate": "50"}],
        sent_on=date(2025, 3, 10),
        received_on=date(2025, 3, 11),
        pay_by=date(2025, 4, 9),
    )
    body = ls.letter_draft(application=app, kind=LetterKind.FEE)
    assert "人民币100.00元" in body
    assert "第11至12件，每件50元" in body
    assert "2025年4月9日前" in body
    assert "国办函〔2020〕109号" in body


def test_provisional_due_date_is_marked_in_the_draft(world: World) -> None:
    app = world.register(date(2026, 12, 21))
    assert app.due_provisional  # 2027 is not in the holiday table yet
    body = ls.letter_draft(application=app, kind=LetterKind.RECEIPT)
    assert "暂定" in body


def test_html_in_applicant_data_is_kept_as_typed(world: World) -> None:
    app = decided(world, Outcome.DISCLOSED)
    Application.objects.filter(pk=app.pk).update(
        applicant_name="<script>alert(1)</script>{{理由}}"
    )
    app.refresh_from_db()
    letter = ls.letter_issue(
        application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    assert letter.body.startswith("<script>alert(1)</script>{{理由}}：")


# -- templates ---------------------------------------------------------------------
def test_template_with_unknown_placeholder_is_refused_naming_it(
    world: World,
) -> None:
    template = template_editable(organisation=world.county, kind=Outcome.DISCLOSED)
    with pytest.raises(ls.TemplateError, match=r"\{\{申请日期\}\}") as err:
        ls.template_save(
            template=template,
            body="{{申请人}}：\n您于{{申请日期}}提出的申请……",
            actor=world.office,
        )
    assert "不存在" in err.value.message
    assert template.pk is None


def test_office_version_wins_for_the_organ_and_those_below(world: World) -> None:
    default = template_for(organisation=world.unit_a, kind=Outcome.DISCLOSED)
    assert default is not None
    assert default.organisation_id is None
    own = ls.template_save(
        template=template_editable(organisation=world.county, kind=Outcome.DISCLOSED),
        body="{{申请人}}：\n本县的写法。{{救济途径}}",
        actor=world.office,
    )
    assert template_for(organisation=world.county, kind=Outcome.DISCLOSED) == own
    assert template_for(organisation=world.unit_a, kind=Outcome.DISCLOSED) == own
    app = decided(world, Outcome.DISCLOSED)
    assert "本县的写法。" in ls.letter_draft(application=app, kind=app.outcome)
    ls.template_reset(template=own, actor=world.office)
    assert template_for(organisation=world.county, kind=Outcome.DISCLOSED) == default


def test_only_the_office_edits_templates(world: World) -> None:
    template = template_editable(organisation=world.county, kind=Outcome.DISCLOSED)
    with pytest.raises(PermissionDenied):
        ls.template_save(template=template, body="{{申请人}}：", actor=world.clerk_a)
    default = LetterTemplate.objects.get(organisation=None, kind=Outcome.DISCLOSED)
    with pytest.raises(PermissionDenied):
        ls.template_save(template=default, body="{{申请人}}：", actor=world.office)


def test_defaults_are_installed_for_every_kind() -> None:
    kinds = set(
        LetterTemplate.objects.filter(organisation=None).values_list("kind", flat=True)
    )
    assert kinds == set(LetterKind.values)
    assert ls.letters_install_defaults() == 0  # idempotent


def test_template_preview_uses_the_kinds_article_and_remedies(world: World) -> None:
    template = template_editable(
        organisation=world.county, kind=Outcome.WITHHELD_STATE_SECRET
    )
    preview = ls.template_preview(
        template=template, title=template.title, body=template.body
    )
    assert preview.title.startswith("示例县人民政府\n")
    assert "第十四条" in preview.body
    assert "《中华人民共和国行政复议法》第二十三条" in preview.body
    with pytest.raises(ls.TemplateError, match=r"\{\{x\}\}"):
        ls.template_preview(template=template, title="t", body="{{x}}")
