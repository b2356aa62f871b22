"""The publications pages run on a county with two units, a user of every role of
unit A (承办人, 审核人, 分管领导), the county's 公开办, unit B's 承办人 and a user
who drafts and reviews (for self-approval), with the clock fixed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import MembershipFactory
from gongkai.applications.selectors import calendar_cache_clear
from gongkai.applications.tests.factories import staff
from gongkai.core import clock
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory
from gongkai.publications.models import InformationItem
from gongkai.publications.selectors import checklist_for
from gongkai.publications.services import (
    item_create,
    item_leader_approve,
    item_review_approve,
    item_submit,
)

#: "Today" of the pages: a Monday.
TODAY = date(2025, 3, 3)


@dataclass
class Pub:
    county: Organisation
    unit: Organisation  # unit A
    other: Organisation  # unit B
    handler: User
    reviewer: User
    leader: User
    office: User
    other_handler: User  # 承办人 of unit B
    both: User  # 承办人 and 审核人 of unit A

    def client(self, user: User) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    def answers(self) -> dict[str, str]:
        return {
            f"q{q.pk}": q.pass_answer for q in checklist_for(organisation=self.unit)
        }

    def draft(self, **kw: Any) -> InformationItem:
        kw.setdefault("title", "关于做好春季农业生产工作的通知")
        kw.setdefault("body", "<p>各乡镇：春耕备耕工作要抓紧。</p>")
        return item_create(
            organisation=kw.pop("organisation", self.unit),
            actor=kw.pop("actor", self.handler),
            today=kw.pop("today", TODAY),
            **kw,
        )

    def published(self, **kw: Any) -> InformationItem:
        item = item_submit(item=self.draft(**kw), actor=self.handler, today=TODAY)
        questions = checklist_for(organisation=self.unit)
        item = item_review_approve(
            item=item,
            actor=self.reviewer,
            today=TODAY,
            answers={q.pk: q.pass_answer for q in questions},
        )
        return item_leader_approve(item=item, actor=self.leader, today=TODAY)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    calendar_cache_clear()
    yield
    calendar_cache_clear()


@pytest.fixture
def pub(db: None) -> Pub:
    county = OrganisationFactory.create(name="示例县人民政府", code="411728")
    unit = DepartmentFactory.create(name="示例县农业农村局", parent=county, code="NY")
    other = DepartmentFactory.create(name="示例县教育局", parent=county, code="JY")
    both = staff(unit, Role.HANDLER)
    MembershipFactory(user=both, organisation=unit, role=Role.REVIEWER)
    return Pub(
        county=county,
        unit=unit,
        other=other,
        handler=staff(unit, Role.HANDLER),
        reviewer=staff(unit, Role.REVIEWER),
        leader=staff(unit, Role.LEADER),
        office=staff(county, Role.OFFICE_ADMIN),
        other_handler=staff(other, Role.HANDLER),
        both=both,
    )
