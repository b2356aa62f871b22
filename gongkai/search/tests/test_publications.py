"""The publications app's items reach the index through its hook: found by a
two-character word of their body once published, gone once withdrawn."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.applications.tests.factories import staff
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory
from gongkai.publications.selectors import checklist_for
from gongkai.publications.services import (
    item_amend,
    item_create,
    item_leader_approve,
    item_review_approve,
    item_submit,
    item_withdraw,
)
from gongkai.publications.tests.factories import ItemFactory
from gongkai.search.documents import SearchQuery
from gongkai.search.publications import KIND, item_search_document
from gongkai.search.selectors import search_documents
from gongkai.search.services import search_index_rebuild

pytestmark = pytest.mark.django_db
TODAY = date(2025, 3, 3)


def _found(text: str) -> list[int]:
    page = search_documents(query=SearchQuery(text=text))
    return [h.object_id for h in page.hits if h.kind == KIND]


def test_publish_amend_and_withdraw_keep_the_index_in_step(
    django_capture_on_commit_callbacks,
) -> None:
    county = OrganisationFactory.create(name="检索县人民政府", code="411799")
    unit = DepartmentFactory.create(
        name="检索县农业农村局", parent=county, code="411799NY"
    )
    handler, reviewer = staff(unit, Role.HANDLER), staff(unit, Role.REVIEWER)
    leader, office = staff(unit, Role.LEADER), staff(county, Role.OFFICE_ADMIN)
    answers = {q.pk: q.pass_answer for q in checklist_for(organisation=unit)}
    with django_capture_on_commit_callbacks(execute=True):
        item = item_create(
            organisation=unit,
            actor=handler,
            today=TODAY,
            title="关于做好春季农业生产工作的通知",
            body="<p>各乡镇：春耕<b>备耕</b>工作要抓紧。</p>",
        )
        assert _found("春耕") == []  # a draft is not public
        item = item_submit(item=item, actor=handler, today=TODAY)
        item = item_review_approve(
            item=item, actor=reviewer, today=TODAY, answers=answers
        )
        item = item_leader_approve(item=item, actor=leader, today=TODAY)
    assert _found("春耕") == [item.pk]
    assert _found("备耕") == [item.pk]  # markup stripped
    with django_capture_on_commit_callbacks(execute=True):
        item = item_amend(
            item=item, actor=office, today=TODAY, comment="更正", body="<p>夏收。</p>"
        )
    assert _found("夏收") == [item.pk]
    assert _found("春耕") == []
    with django_capture_on_commit_callbacks(execute=True):
        item_withdraw(item=item, actor=office, today=TODAY, comment="发布有误")
    assert _found("夏收") == []


def test_the_adapter_and_a_rebuild() -> None:
    item = ItemFactory.create(
        title="行政许可事项清单",
        body="<p>详见&lt;附件&gt;</p>",
        document_number="检政发〔2025〕1号",
        genre="公告",
    )
    document = item_search_document(item)
    assert document.body.startswith("检政发〔2025〕1号 TEST-")
    assert document.body.endswith("详见<附件>")
    assert document.organ_ids == (item.organisation_id,)
    assert document.document_type == "公告"
    assert search_index_rebuild(kinds=[KIND]) == {KIND: 1}
    assert _found("许可") == [item.pk]
