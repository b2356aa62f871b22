"""The catalogue, guide, checklist, interpretations and decision counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gongkai.core.errors import PermissionDenied
from gongkai.publications.errors import InvalidTransition, PublicationError
from gongkai.publications.models import InterpretationKind
from gongkai.publications.selectors import (
    catalogue_tree,
    checklist_for,
    guide_current,
    items_lacking_interpretation,
)
from gongkai.publications.services import (
    category_save,
    checklist_question_save,
    decision_count_save,
    guide_publish,
    guide_save,
    interpretation_save,
)
from gongkai.publications.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_catalogue_tree_and_codes(world) -> None:
    office, org = world.office, world.unit
    root = category_save(
        organisation=org, actor=office, name="法定主动公开内容", code="01"
    )
    child = category_save(
        organisation=org, actor=office, name="政策文件", code="0101", parent=root
    )
    category_save(organisation=org, actor=office, name="政策解读", code="02")
    tree = catalogue_tree(organisation=org)
    assert [n.category.name for n in tree] == ["法定主动公开内容", "政策解读"]
    assert [n.category for n in tree[0].children] == [child]
    with pytest.raises(PublicationError, match="已被使用"):
        category_save(organisation=org, actor=office, name="重复", code="02")
    with pytest.raises(PublicationError, match="字母和数字"):
        category_save(organisation=org, actor=office, name="坏", code="0-1")
    with pytest.raises(PublicationError, match="它自己或它的下级"):
        category_save(
            organisation=org,
            actor=office,
            name=root.name,
            code=root.code,
            parent=child,
            category=root,
        )
    with pytest.raises(PermissionDenied):
        category_save(organisation=org, actor=world.handler, name="x", code="09")


def test_guide_versions_and_publication(world) -> None:
    first = guide_save(organisation=world.unit, actor=world.office, body="<p>一</p>")
    assert guide_current(organisation=world.unit) is None
    guide_publish(guide=first, actor=world.office, today=TODAY)
    second = guide_save(organisation=world.unit, actor=world.office, body="<p>二</p>")
    assert second.version == 2
    assert guide_current(organisation=world.unit) == first
    guide_publish(guide=second, actor=world.office, today=date(2025, 4, 1))
    assert guide_current(organisation=world.unit) == second
    with pytest.raises(InvalidTransition):
        guide_publish(guide=second, actor=world.office, today=TODAY)


def test_the_office_edits_its_checklist(world) -> None:
    before = len(checklist_for(organisation=world.unit))
    question = checklist_question_save(
        organisation=world.unit, actor=world.office, text="是否涉及未成年人信息"
    )
    assert len(checklist_for(organisation=world.unit)) == before + 1
    checklist_question_save(
        organisation=world.unit,
        actor=world.office,
        text=question.text,
        active=False,
        question=question,
    )
    assert len(checklist_for(organisation=world.unit)) == before
    assert len(checklist_for(organisation=world.county)) == before
    with pytest.raises(PermissionDenied):
        checklist_question_save(organisation=world.unit, actor=world.reviewer, text="x")


def test_major_documents_lacking_an_interpretation(world) -> None:
    doc = world.publish(world.draft(normative_kind="normative"))
    world.publish(world.draft())  # an ordinary notice needs none
    ids = [world.unit.pk]
    assert list(items_lacking_interpretation(organisation_ids=ids)) == [doc]
    with pytest.raises(PublicationError, match="正文"):
        interpretation_save(
            document=doc,
            actor=world.handler,
            today=TODAY,
            kind=InterpretationKind.TEXT,
            title="解读",
        )
    found = interpretation_save(
        document=doc,
        actor=world.handler,
        today=TODAY,
        kind=InterpretationKind.GRAPHIC,
        title="一图读懂",
        file=("a.png", b"\x89PNG"),
    )
    assert found.published_on == TODAY
    assert list(items_lacking_interpretation(organisation_ids=ids)) == []


def test_decision_counts_are_entered_once_per_unit_and_year(world) -> None:
    entry = decision_count_save(
        organisation=world.unit,
        year=2025,
        actor=world.office,
        licensing=1,
        punishment=2,
        coercion=3,
        fees_wan_yuan="0.5",
    )
    again = decision_count_save(
        organisation=world.unit,
        year=2025,
        actor=world.office,
        licensing=4,
        punishment=2,
        coercion=3,
        fees_wan_yuan=Decimal("1.000001"),
    )
    assert again.pk == entry.pk
    assert again.licensing == 4
    for bad in ("-1", "abc", "0.0000001"):
        with pytest.raises(PublicationError, match="收费金额"):
            decision_count_save(
                organisation=world.unit,
                year=2025,
                actor=world.office,
                licensing=0,
                punishment=0,
                coercion=0,
                fees_wan_yuan=bad,
            )
    with pytest.raises(PublicationError, match="非负整数"):
        decision_count_save(
            organisation=world.unit,
            year=2025,
            actor=world.office,
            licensing=-1,
            punishment=0,
            coercion=0,
            fees_wan_yuan="0",
        )
