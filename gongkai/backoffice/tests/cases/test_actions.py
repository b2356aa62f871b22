"""Every action of the case page through its form: the service runs, the timeline
gets its event, and a refused input keeps what was typed with the Chinese reason
beside the field or above the form."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    Consultation,
    CorrectionRequest,
    Extension,
)
from gongkai.applications.outcomes import Outcome
from gongkai.applications.services import application_route, application_start
from gongkai.applications.tests.conftest import World
from gongkai.applications.tests.factories import OrganisationFactory
from gongkai.backoffice.tests.cases.helpers import act, detail_url, due_on

pytestmark = pytest.mark.django_db

RECEIVED = date(2025, 3, 3)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def routed(world: World, items: int = 1) -> Application:
    case = world.register(RECEIVED, items=items)
    application_route(
        application=case, unit=world.unit_a, actor=world.office, on=RECEIVED
    )
    return case


def started(world: World, items: int = 1) -> Application:
    case = routed(world, items)
    application_start(application=case, actor=world.clerk_a, on=RECEIVED)
    return case


def kinds(case: Application) -> list[str]:
    return list(case.events.order_by("pk").values_list("kind", flat=True))


def test_route_to_a_unit_below_the_organ(
    client: Client, world: World, set_today
) -> None:
    case = world.register(RECEIVED)
    response = act(
        client, world.office, case, "route", unit=world.unit_b.pk, on=RECEIVED
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.unit_id) == ("routed", world.unit_b.pk)
    assert kinds(case)[-1] == "routed"


def test_route_refuses_an_organ_outside_the_tree(
    client: Client, world: World, set_today
) -> None:
    case = world.register(RECEIVED)
    outside = OrganisationFactory.create(name="别的县人民政府")
    response = act(client, world.office, case, "route", unit=outside.pk, on=RECEIVED)
    assert response.status_code == 400
    assert "所选单位不是本机关的下属单位" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "received"


def test_hand_back_with_a_reason_keeps_the_reason_when_the_date_is_wrong(
    client: Client, world: World, set_today
) -> None:
    case = routed(world)
    response = act(
        client, world.clerk_a, case, "hand_back", reason="不属本局职责", on="2025-02-30"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "请按 年-月-日 填写日期" in html
    assert "不属本局职责</textarea>" in html  # what was typed is kept
    response = act(
        client, world.clerk_a, case, "hand_back", reason="不属本局职责", on=RECEIVED
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.unit_id) == ("received", None)
    assert case.events.last().note == "不属本局职责"


def test_start(client: Client, world: World, set_today) -> None:
    case = routed(world)
    assert act(client, world.clerk_a, case, "start", on=RECEIVED).status_code == 302
    case.refresh_from_db()
    assert case.status == "in_progress"


def test_correction_notice_shows_the_article_30_limit_and_runs(
    client: Client, world: World, set_today
) -> None:
    """第三十条: the notice within 7 working days of receipt, once, every point."""
    case = started(world)
    client.force_login(world.clerk_a)
    html = client.get(detail_url(case)).content.decode()
    assert "7 个工作日内一次性发出，即不晚于 2025-03-12" in html
    response = act(
        client,
        world.clerk_a,
        case,
        "request_correction",
        points="请写明文件名称\n\n请提供身份证明\n",
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 19),
    )
    assert response.status_code == 302
    correction = CorrectionRequest.objects.get(application=case)
    assert correction.points == ["请写明文件名称", "请提供身份证明"]
    case.refresh_from_db()
    assert case.status == "awaiting_correction"
    html = client.get(detail_url(case)).content.decode()
    assert "请提供身份证明" in html
    assert "request_correction" not in html  # only once


def test_correction_deadline_before_notice_is_refused_above_the_form(
    client: Client, world: World, set_today
) -> None:
    case = started(world)
    response = act(
        client,
        world.clerk_a,
        case,
        "request_correction",
        points="请写明文件名称",
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 4),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "补正期限 2025-03-04 应晚于告知日期 2025-03-05" in html
    assert "请写明文件名称</textarea>" in html
    assert not CorrectionRequest.objects.filter(application=case).exists()


def test_correction_received_then_lapsed_is_no_longer_offered(
    client: Client, world: World, set_today
) -> None:
    case = started(world)
    act(
        client,
        world.clerk_a,
        case,
        "request_correction",
        points="补充身份证明",
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 19),
    )
    response = act(
        client, world.clerk_a, case, "correction_received", on=date(2025, 3, 7)
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "in_progress"
    html = client.get(detail_url(case)).content.decode()
    assert "correction_lapsed" not in html


def test_correction_lapsed_before_the_deadline_is_refused_then_accepted(
    client: Client, world: World, set_today
) -> None:
    """第三十条: no correction by the deadline → 视为放弃 (其他处理 1)."""
    case = started(world)
    act(
        client,
        world.clerk_a,
        case,
        "request_correction",
        points="补充身份证明",
        notice_on=date(2025, 3, 5),
        deadline=date(2025, 3, 19),
    )
    response = act(
        client, world.clerk_a, case, "correction_lapsed", on=date(2025, 3, 19)
    )
    assert response.status_code == 400
    assert "尚未届满" in response.content.decode()
    response = act(
        client, world.clerk_a, case, "correction_lapsed", on=date(2025, 3, 20)
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.outcome) == ("abandoned", Outcome.OTHER_NO_CORRECTION)


def test_consult_a_third_party_and_record_the_answer(
    client: Client, world: World, set_today
) -> None:
    """第三十二条: the time of the consultation is not counted."""
    case = started(world)
    due_before = due_on(case)
    response = act(
        client,
        world.clerk_a,
        case,
        "consult",
        party_kind="third_party",
        party_name="某某公司",
        sent_on=date(2025, 3, 4),
    )
    assert response.status_code == 302
    k = Consultation.objects.get(application=case)
    case.refresh_from_db()
    assert case.status == "consulting"
    response = act(
        client,
        world.clerk_a,
        case,
        "consultation_answered",
        consultation=k.pk,
        answered_on=date(2025, 3, 10),
        answer="不同意公开",
    )
    assert response.status_code == 302
    k.refresh_from_db()
    case.refresh_from_db()
    assert (k.answer, case.status) == ("不同意公开", "in_progress")
    assert due_on(case) > due_before
    assert kinds(case)[-2:] == ["consulted", "consultation_answered"]


def test_consultation_answer_before_it_was_sent_keeps_the_answer(
    client: Client, world: World, set_today
) -> None:
    case = started(world)
    act(
        client,
        world.clerk_a,
        case,
        "consult",
        party_kind="organ",
        party_name="市生态环境局",
        sent_on=date(2025, 3, 6),
    )
    k = Consultation.objects.get(application=case)
    response = act(
        client,
        world.clerk_a,
        case,
        "consultation_answered",
        consultation=k.pk,
        answered_on=date(2025, 3, 5),
        answer="同意公开",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "早于发函日期" in html
    assert "同意公开</textarea>" in html


def test_only_the_leader_extends_at_most_20_working_days(
    client: Client, world: World, set_today
) -> None:
    """第三十三条第二款: one extension, at most 20 working days, approved by the head
    of the disclosure office (分管领导)."""
    case = started(world)
    response = act(
        client,
        world.clerk_a,
        case,
        "extend",
        days=10,
        approved_on=RECEIVED,
        notice_sent_on=RECEIVED,
        reason="需要调取档案",
    )
    assert response.status_code == 403
    client.force_login(world.leader)
    assert "/extend/" in client.get(detail_url(case)).content.decode()
    response = act(
        client,
        world.leader,
        case,
        "extend",
        days=25,
        approved_on=date(2025, 3, 20),
        notice_sent_on=date(2025, 3, 20),
        reason="需要调取档案",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "延长的期限最长不得超过 20 个工作日" in html
    assert 'value="25"' in html
    assert "需要调取档案</textarea>" in html
    due = due_on(case)
    response = act(
        client,
        world.leader,
        case,
        "extend",
        days=20,
        approved_on=date(2025, 3, 20),
        notice_sent_on=date(2025, 3, 20),
        reason="需要调取档案",
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "extended"
    assert due_on(case) > due
    assert Extension.objects.get(application=case).approved_by == world.leader
    assert "/extend/" not in client.get(detail_url(case)).content.decode()  # once


def test_decide_shows_the_outcomes_grouped_with_their_basis(
    client: Client, world: World, set_today
) -> None:
    case = started(world)
    client.force_login(world.clerk_a)
    html = client.get(detail_url(case)).content.decode()
    for group in (
        "（一）予以公开",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ):
        assert f'<optgroup label="{group}">' in html
    assert "予以公开（第三十六条第（一）、（二）项）" in html
    assert 'value="other_no_correction"' not in html  # only through 逾期未补正
    assert 'value="other_fee_unpaid"' not in html  # only through the fee notice


def test_decide_partly_disclosed_needs_withheld_items_with_grounds(
    client: Client, world: World, set_today
) -> None:
    """第三十七条: partial disclosure names each withheld item and its ground."""
    case = started(world, items=2)
    first, second = case.items.order_by("position")
    response = act(
        client,
        world.clerk_a,
        case,
        "decide",
        outcome=Outcome.PARTLY_DISCLOSED,
        decided_on=date(2025, 3, 20),
        reason="部分涉及个人隐私",
    )
    assert response.status_code == 400
    assert "部分公开须勾选至少一项" in response.content.decode()
    response = act(
        client,
        world.clerk_a,
        case,
        "decide",
        outcome=Outcome.PARTLY_DISCLOSED,
        decided_on=date(2025, 3, 20),
        reason="部分涉及个人隐私",
        **{f"withheld_{second.pk}": "on"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "请为第2项选择不予公开的理由" in html
    assert "部分涉及个人隐私</textarea>" in html
    response = act(
        client,
        world.clerk_a,
        case,
        "decide",
        outcome=Outcome.PARTLY_DISCLOSED,
        decided_on=date(2025, 3, 20),
        reason="部分涉及个人隐私",
        **{
            f"withheld_{second.pk}": "on",
            f"ground_{second.pk}": Outcome.WITHHELD_THIRD_PARTY_INTERESTS,
            f"note_{second.pk}": "身份证号码",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    second.refresh_from_db()
    first.refresh_from_db()
    assert (case.status, case.outcome, case.outcome_basis) == (
        "decided",
        Outcome.PARTLY_DISCLOSED,
        "第三十七条",
    )
    assert (second.withheld, second.withheld_ground, second.withheld_note) == (
        True,
        Outcome.WITHHELD_THIRD_PARTY_INTERESTS,
        "身份证号码",
    )
    assert not first.withheld


def test_decide_before_receipt_is_refused_above_the_form(
    client: Client, world: World, set_today
) -> None:
    case = started(world)
    response = act(
        client,
        world.clerk_a,
        case,
        "decide",
        outcome=Outcome.DISCLOSED,
        decided_on=date(2025, 3, 1),
        reason="全部公开",
    )
    assert response.status_code == 400
    assert "早于收到申请之日" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "in_progress"


def test_not_this_organ_names_the_responsible_organ(
    client: Client, world: World, set_today
) -> None:
    """第三十六条第（五）项: 非本机关 → tell the applicant the responsible organ."""
    case = started(world)
    response = act(
        client,
        world.clerk_a,
        case,
        "not_this_organ",
        responsible_organ="",
        decided_on=date(2025, 3, 6),
        reason="由市局制作",
    )
    assert response.status_code == 400
    assert "由市局制作</textarea>" in response.content.decode()
    response = act(
        client,
        world.clerk_a,
        case,
        "not_this_organ",
        responsible_organ="某市自然资源局",
        decided_on=date(2025, 3, 6),
        reason="由市局制作",
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.outcome, case.responsible_organ, case.outcome_basis) == (
        Outcome.UNABLE_NOT_HELD,
        "某市自然资源局",
        "第三十六条第（五）项",
    )


def test_the_office_transfers_to_another_organ_in_gongkai(
    client: Client, world: World, set_today
) -> None:
    case = world.register(RECEIVED)
    other = OrganisationFactory.create(name="某市自然资源局")
    response = act(
        client,
        world.office,
        case,
        "transfer",
        to=other.pk,
        on=date(2025, 3, 4),
        reason="信息由市局掌握",
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "transferred"
    assert case.transferred_to.organisation == other
    assert case.responsible_organ == other.name


def test_withdraw_then_archive(client: Client, world: World, set_today) -> None:
    case = started(world)
    assert (
        act(
            client,
            world.clerk_a,
            case,
            "withdraw",
            on=date(2025, 3, 5),
            note="申请人电话撤回",
        ).status_code
        == 302
    )
    case.refresh_from_db()
    assert case.status == "withdrawn"
    assert case.decided_on == date(2025, 3, 5)
    assert (
        act(client, world.clerk_a, case, "archive", on=date(2025, 3, 6)).status_code
        == 302
    )
    case.refresh_from_db()
    assert case.status == "archived"


def test_deliver_needs_a_proof_checked_by_content(
    client: Client, world: World, set_today, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case = started(world)
    act(
        client,
        world.clerk_a,
        case,
        "decide",
        outcome=Outcome.DISCLOSED,
        decided_on=date(2025, 3, 6),
        reason="",
    )
    client.force_login(world.clerk_a)
    fake = SimpleUploadedFile(
        "回执.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(
        detail_url(case) + "deliver/",
        {"delivered_by": "post", "on": "2025-03-07", "proof": fake},
    )
    assert response.status_code == 400
    assert "但文件内容是无法识别的格式，不是PDF" in response.content.decode()
    assert "送达日期" in response.content.decode()  # the form is shown again
    proof = SimpleUploadedFile("回执.pdf", PDF, content_type="application/pdf")
    response = client.post(
        detail_url(case) + "deliver/",
        {"delivered_by": "post", "on": "2025-03-07", "proof": proof},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.delivered_by, case.delivered_on) == (
        "delivered",
        "post",
        date(2025, 3, 7),
    )
    assert case.delivery_proof.read() == PDF


def test_an_action_no_longer_allowed_redirects_with_a_message(
    client: Client, world: World, set_today
) -> None:
    """A stale page posting an action the status no longer allows: nothing is
    written, the page says why."""
    case = started(world)
    before = ApplicationEvent.objects.filter(application=case).count()
    response = act(client, world.clerk_a, case, "archive", on=date(2025, 3, 6))
    assert response.status_code == 302
    assert ApplicationEvent.objects.filter(application=case).count() == before
    html = client.get(response["Location"]).content.decode()
    assert "不能进行这项操作" in html
