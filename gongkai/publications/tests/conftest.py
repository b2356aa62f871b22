from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from gongkai.accounts.models import Role, User
from gongkai.applications.selectors import calendar_cache_clear
from gongkai.applications.tests.factories import staff
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory
from gongkai.publications import hooks
from gongkai.publications.models import Answer, InformationItem
from gongkai.publications.selectors import checklist_for
from gongkai.publications.services import (
    item_create,
    item_leader_approve,
    item_review_approve,
    item_submit,
)

TODAY = date(2025, 3, 3)


@dataclass
class World:
    county: Organisation
    unit: Organisation  # a department of the county
    handler: User  # 承办人 of the unit
    reviewer: User  # 审核人 of the unit
    leader: User  # 分管领导 of the unit
    office: User  # 公开办管理员 of the county

    def answers(self, organisation: Organisation | None = None) -> dict[int, str]:
        questions = checklist_for(organisation=organisation or self.unit)
        return {q.pk: q.pass_answer for q in questions}

    def draft(self, **kw: Any) -> InformationItem:
        kw.setdefault("title", "关于做好春季农业生产工作的通知")
        kw.setdefault("body", "<p>各乡镇：春耕备耕工作要抓紧。</p>")
        return item_create(
            organisation=kw.pop("organisation", self.unit),
            actor=self.handler,
            today=kw.pop("today", TODAY),
            **kw,
        )

    def publish(self, item: InformationItem, on: date = TODAY) -> InformationItem:
        item = item_submit(item=item, actor=self.handler, today=on)
        item = item_review_approve(
            item=item, actor=self.reviewer, today=on, answers=self.answers()
        )
        return item_leader_approve(item=item, actor=self.leader, today=on)


@pytest.fixture(autouse=True)
def _fresh_calendars() -> Iterator[None]:
    calendar_cache_clear()
    yield
    calendar_cache_clear()


@pytest.fixture
def world(db: None) -> World:
    county = OrganisationFactory.create(name="示例县人民政府", code="411728")
    unit = DepartmentFactory.create(
        name="示例县农业农村局", parent=county, code="411728NY"
    )
    return World(
        county=county,
        unit=unit,
        handler=staff(unit, Role.HANDLER),
        reviewer=staff(unit, Role.REVIEWER),
        leader=staff(unit, Role.LEADER),
        office=staff(county, Role.OFFICE_ADMIN),
    )


@pytest.fixture
def heard() -> Iterator[list[hooks.PublicationChange]]:
    """The changes the hook's listeners hear."""
    found: list[hooks.PublicationChange] = []
    hooks.subscribe(found.append)
    yield found
    hooks.unsubscribe(found.append)


__all__ = ["TODAY", "Answer", "World"]
