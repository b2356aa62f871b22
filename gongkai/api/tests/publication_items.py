"""Information items for the API tests: the county of ``cases.make_office`` with
its catalogue, guide and a public item (``publish_sample``, in the search index),
and an item in every state of the review, made through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.accounts.models import Role
from gongkai.api.tests.cases import Office
from gongkai.applications.tests.factories import staff
from gongkai.portal.tests.disclosure_data import PublicSample, publish_sample
from gongkai.publications.models import InformationItem
from gongkai.publications.selectors import checklist_for
from gongkai.publications.services import (
    item_create,
    item_leader_approve,
    item_review_approve,
    item_submit,
    item_withdraw,
)
from gongkai.search.publications import item_search_document
from gongkai.search.services import search_document_index

DAY = date(2025, 3, 3)


@dataclass
class Items:
    sample: PublicSample
    draft: InformationItem
    submitted: InformationItem
    reviewed: InformationItem
    published: InformationItem
    withdrawn: InformationItem

    def ids(self) -> list[int]:
        """Published first: the public read reaches it even with few examples."""
        return [
            i.pk
            for i in (
                self.published,
                self.draft,
                self.submitted,
                self.reviewed,
                self.withdrawn,
            )
        ]


def seed_items(office: Office) -> Items:
    county = office.county
    sample = publish_sample(county)
    search_document_index(document=item_search_document(sample.item))
    handler = staff(county, Role.HANDLER, username="county_handler")
    answers = {q.pk: q.pass_answer for q in checklist_for(organisation=county)}

    def draft(title: str) -> InformationItem:
        return item_create(
            organisation=county,
            actor=handler,
            today=DAY,
            title=title,
            body="<p>各单位：认真做好财政预算公开工作。</p>",
            category=sample.category,
        )

    def submitted(title: str) -> InformationItem:
        return item_submit(item=draft(title), actor=handler, today=DAY)

    def reviewed(title: str) -> InformationItem:
        return item_review_approve(
            item=submitted(title), actor=office.office, today=DAY, answers=answers
        )

    def published(title: str) -> InformationItem:
        return item_leader_approve(item=reviewed(title), actor=office.leader, today=DAY)

    withdrawn = item_withdraw(
        item=published("已撤回的通知"), actor=office.office, today=DAY, comment="误发"
    )
    return Items(
        sample=sample,
        draft=draft("草稿通知"),
        submitted=submitted("待审核通知"),
        reviewed=reviewed("待审批通知"),
        published=published("已发布通知"),
        withdrawn=withdrawn,
    )
