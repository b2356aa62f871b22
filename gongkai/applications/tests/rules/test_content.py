"""第二十九条 content of an application; 第三十条 one notice listing every point."""

from datetime import date

import pytest

from gongkai.applications.rules.content import (
    ApplicationContent,
    RequestedItem,
    check_application_content,
)

GOOD = ApplicationContent(
    applicant_kind="natural_person",
    name="张三",
    identity_type="resident_id",
    identity_number="11010519491231002X",
    phone="13812345678",
    email="zhang@example.com",
    address="北京市西城区某街1号",
    items=(RequestedItem(description="2025年某县城区道路改造工程的立项批复文件"),),
    form="paper",
    delivery="post",
)
TODAY = date(2026, 12, 1)


def codes(content):
    return [p.code for p in check_application_content(content, today=TODAY)]


def test_reg29_complete_application_has_no_problem():
    assert check_application_content(GOOD, today=TODAY) == []


def test_reg30_empty_application_lists_every_point_at_once():
    problems = check_application_content(ApplicationContent(), today=TODAY)
    assert [p.code for p in problems] == [
        "applicant_kind.missing",
        "name.missing",
        "identity_type.missing",
        "contact.missing",
        "items.missing",
        "form.missing",
        "delivery.missing",
    ]
    assert all(p.message for p in problems)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"identity_number": "110105194912310021"}, "resident_id.check"),
        ({"applicant_kind": "organisation"}, "identity_type.organisation"),
        (
            {"identity_type": "credit_code", "identity_number": "91350100M000100Y43"},
            "identity_type.person",
        ),
        ({"phone": "12345"}, "phone.format"),
        ({"email": "zhang-at-example"}, "email.format"),
        ({"address": ""}, "address.missing_for_post"),
        ({"delivery": "email", "email": ""}, "email.missing_for_email"),
        ({"items": (RequestedItem(),)}, "item.empty"),
        ({"items": (RequestedItem(description="所有相关文件"),)}, "item.unclear"),
        ({"items": (RequestedItem(description="批复"),)}, "item.unclear"),
        (
            {"items": (RequestedItem(description="字" * 2001),)},
            "item.description_too_long",
        ),
        ({"form": "inspection"}, "delivery.incompatible"),
        ({"form": "paper", "delivery": "online"}, "delivery.incompatible"),
    ],
)
def test_reg29_each_problem_is_named(changes, code):
    from dataclasses import replace

    assert code in codes(replace(GOOD, **changes))


def test_reg29_item_problems_point_at_the_item():
    from dataclasses import replace

    content = replace(
        GOOD,
        items=(
            RequestedItem(document_number="豫政办〔2025〕1号"),
            RequestedItem(description="全部"),
        ),
    )
    [problem] = check_application_content(content, today=TODAY)
    assert problem.item == 1
    assert problem.message.startswith("第2项所需信息")


def test_reg29_organisation_with_credit_code_passes():
    from dataclasses import replace

    org = replace(
        GOOD,
        applicant_kind="organisation",
        name="某某科技有限公司",
        identity_type="credit_code",
        identity_number="91440300708461136T",
    )
    assert check_application_content(org, today=TODAY) == []
