"""/publications: the public reads only what is published and 主动公开 (a draft is
the same 404 as nothing), and staff take an item through every review step with
their API tokens, each step one service call (第十七条 review, 第二十六条 clock)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import Role, User
from gongkai.accounts.tokens import api_token_create
from gongkai.applications.tests.factories import staff
from gongkai.core import clock
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory
from gongkai.portal.tests.disclosure_data import PublicSample, publish_sample
from gongkai.publications.models import DecisionCount, InformationItem
from gongkai.publications.selectors import checklist_for
from gongkai.publications.tests.factories import CategoryFactory
from gongkai.search.publications import item_search_document
from gongkai.search.services import search_document_index

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)


@dataclass
class Desk:
    county: Organisation
    unit: Organisation
    other: Organisation  # another county
    users: dict[str, User]
    tokens: dict[str, str]

    def auth(self, who: str) -> dict[str, Any]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[who]}"}

    def post(self, who: str, path: str, body: dict[str, Any]) -> Any:
        return Client().post(
            f"/api/v1/publications{path}",
            body,
            content_type="application/json",
            **self.auth(who),
        )

    def answers(self) -> dict[str, str]:
        return {str(q.pk): q.pass_answer for q in checklist_for(organisation=self.unit)}


@pytest.fixture
def desk(db: None, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    county = OrganisationFactory.create(name="示范县人民政府", code="411728")
    unit = DepartmentFactory.create(name="示范县农业农村局", parent=county, code="NY")
    other = OrganisationFactory.create(name="另一县人民政府", code="411729")
    users = {
        "handler": staff(unit, Role.HANDLER, username="h"),
        "reviewer": staff(unit, Role.REVIEWER, username="r"),
        "leader": staff(unit, Role.LEADER, username="l"),
        "office": staff(county, Role.OFFICE_ADMIN, username="o"),
        "stranger": staff(other, Role.OFFICE_ADMIN, username="s"),
    }
    tokens = {k: api_token_create(user=u, name=k).secret for k, u in users.items()}
    return Desk(county, unit, other, users, tokens)


def _draft(desk: Desk, **fields: Any) -> dict[str, Any]:
    body = {
        "organisation_id": desk.unit.pk,
        "title": "关于做好春季农业生产工作的通知",
        "body": "<p>各乡镇：春耕备耕工作要抓紧，<script>x</script>落实到户。</p>",
        "genre": "通知",
        **fields,
    }
    response = desk.post("handler", "/drafts", body)
    assert response.status_code == 201, response.json()
    return dict(response.json())


def _publish(desk: Desk, item_id: int) -> dict[str, Any]:
    assert desk.post("handler", f"/items/{item_id}/submit", {}).status_code == 200
    review = desk.post(
        "reviewer", f"/items/{item_id}/review", {"answers": desk.answers()}
    )
    assert review.status_code == 200, review.json()
    approve = desk.post("leader", f"/items/{item_id}/approve", {"comment": "同意"})
    assert approve.status_code == 200, approve.json()
    return dict(approve.json())


def test_an_item_goes_through_every_step_as_three_people(
    desk: Desk, django_capture_on_commit_callbacks: Any
) -> None:
    """第十七条 review then 分管领导 approval: published today with its 索引号, and
    the public finds it by a two-character word of its body."""
    draft = _draft(desk)
    assert draft["status"] == "draft"
    assert draft["publish_due_on"]  # 第二十六条: 20 working days after formed_on
    assert draft["checklist"]
    item_id = draft["id"]
    assert Client().get(f"/api/v1/publications/items/{item_id}").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        published = _publish(desk, item_id)
    assert published["status"] == "published"
    assert published["index_number"].startswith("NY-00-2025-")  # the organ's code
    assert published["published_on"] == TODAY.isoformat()
    actions = [e["action"] for e in published["timeline"]]
    assert len(actions) == 4
    public = Client().get(f"/api/v1/publications/items/{item_id}").json()
    assert "<script>" not in public["body"]
    assert public["metadata"]["index_number"] == published["index_number"]
    assert public["metadata"]["organisation"] == "示范县农业农村局"
    found = Client().get("/api/v1/publications/search", {"q": "春耕"}).json()
    assert [h["item"]["id"] for h in found["hits"]] == [item_id]
    assert "<mark>春耕</mark>" in found["hits"][0]["snippet_html"]


def test_nobody_approves_their_own_submission(desk: Desk) -> None:
    office = desk.users["office"]
    item = desk.post(
        "office",
        "/drafts",
        {"organisation_id": desk.unit.pk, "title": "通知", "body": "<p>正文</p>"},
    ).json()
    assert desk.post("office", f"/items/{item['id']}/submit", {}).status_code == 200
    own = desk.post("office", f"/items/{item['id']}/review", {"answers": {}})
    assert own.status_code in (400, 403)
    own = desk.post(
        "office", f"/items/{item['id']}/review", {"answers": desk.answers()}
    )
    assert (own.status_code, own.json()["code"]) == (403, "publication_self_approval")
    assert InformationItem.objects.get(pk=item["id"]).submitted_by == office


def test_review_needs_every_checklist_answer_passing(desk: Desk) -> None:
    item_id = _draft(desk)["id"]
    desk.post("handler", f"/items/{item_id}/submit", {})
    answer = desk.post("reviewer", f"/items/{item_id}/review", {"answers": {}})
    assert (answer.status_code, answer.json()["code"]) == (
        400,
        "publication_review_incomplete",
    )
    failed = {k: ("yes" if v == "no" else "no") for k, v in desk.answers().items()}
    answer = desk.post("reviewer", f"/items/{item_id}/review", {"answers": failed})
    assert answer.json()["code"] == "publication_review_incomplete"


def test_returning_needs_a_comment_and_gives_a_draft(desk: Desk) -> None:
    item_id = _draft(desk)["id"]
    desk.post("handler", f"/items/{item_id}/submit", {})
    answer = desk.post("reviewer", f"/items/{item_id}/return", {"comment": "  "})
    assert (answer.status_code, answer.json()["code"]) == (
        400,
        "publication_comment_required",
    )
    answer = desk.post("reviewer", f"/items/{item_id}/return", {"comment": "补充附件"})
    assert answer.json()["status"] == "draft"
    assert answer.json()["timeline"][-1]["comment"] == "补充附件"


def test_a_wrong_step_is_a_409_and_a_role_without_the_right_a_403(
    desk: Desk,
) -> None:
    item_id = _draft(desk)["id"]
    approve = desk.post("leader", f"/items/{item_id}/approve", {})
    assert (approve.status_code, approve.json()["code"]) == (
        409,
        "publication_invalid_transition",
    )
    denied = desk.post("leader", f"/items/{item_id}/update", {"title": "新标题"})
    assert (denied.status_code, denied.json()["code"]) == (403, "permission_denied")


def test_staff_of_another_organ_and_the_public_cannot_reach_a_draft(
    desk: Desk,
) -> None:
    item_id = _draft(desk)["id"]
    stranger = desk.post("stranger", f"/items/{item_id}/submit", {})
    nothing = desk.post("stranger", "/items/999999/submit", {})
    assert stranger.status_code == nothing.status_code == 404
    assert stranger.json() == nothing.json()
    assert stranger.json()["code"] == "item_not_found"
    anonymous = Client().post(
        f"/api/v1/publications/items/{item_id}/submit", {}, "application/json"
    )
    assert anonymous.status_code == 401
    public = Client().get(f"/api/v1/publications/items/{item_id}")
    none = Client().get("/api/v1/publications/items/999999")
    assert (public.status_code, public.content) == (404, none.content)
    listed = Client().get("/api/v1/publications/items").json()
    assert listed["count"] == 0


def test_update_changes_only_the_given_fields(desk: Desk) -> None:
    category = CategoryFactory.create(organisation=desk.unit, name="通知公告")
    item_id = _draft(desk, document_number="示农〔2025〕1号")["id"]
    answer = desk.post(
        "handler",
        f"/items/{item_id}/update",
        {"category_id": category.pk, "channels": ["website", "wechat"]},
    )
    assert answer.status_code == 200, answer.json()
    item = InformationItem.objects.get(pk=item_id)
    assert item.category == category
    assert item.channels == ["website", "wechat"]
    assert item.document_number == "示农〔2025〕1号"
    bad = desk.post("handler", f"/items/{item_id}/update", {"channels": ["广播"]})
    assert (bad.status_code, bad.json()["code"]) == (400, "publication_invalid")
    far = desk.post("handler", f"/items/{item_id}/update", {"formed_on": "1900-01-01"})
    assert far.json()["code"] == "publication_invalid"


def test_withdrawn_items_leave_the_public_side_at_once(
    desk: Desk, django_capture_on_commit_callbacks: Any
) -> None:
    item_id = _draft(desk)["id"]
    with django_capture_on_commit_callbacks(execute=True):
        _publish(desk, item_id)
    found = Client().get("/api/v1/publications/search", {"q": "春耕"}).json()
    assert [h["item"]["id"] for h in found["hits"]] == [item_id]
    refused = desk.post("office", f"/items/{item_id}/withdraw", {"comment": ""})
    assert refused.json()["code"] == "publication_comment_required"
    with django_capture_on_commit_callbacks(execute=True):
        answer = desk.post("office", f"/items/{item_id}/withdraw", {"comment": "误发"})
    assert answer.json()["status"] == "withdrawn"
    assert Client().get(f"/api/v1/publications/items/{item_id}").status_code == 404
    found = Client().get("/api/v1/publications/search", {"q": "春耕"}).json()
    assert found["hits"] == []


def test_amend_repeal_and_lapse(desk: Desk) -> None:
    """第二十条第（一）项: a 行政规范性文件 repealed on a date counts in that year."""
    first = _draft(desk, normative_kind="normative", written_on="2025-05-01")["id"]
    second = _draft(desk, normative_kind="normative", written_on="2025-05-02")["id"]
    for item_id in (first, second):
        _publish(desk, item_id)
    amended = desk.post(
        "office", f"/items/{first}/amend", {"comment": "更正文号", "topic": "农业"}
    )
    assert amended.status_code == 200, amended.json()
    assert InformationItem.objects.get(pk=first).amended_on == TODAY
    repealed = desk.post("office", f"/items/{first}/repeal", {"on": "2025-06-01"})
    assert repealed.json()["validity"] == "repealed"
    again = desk.post("office", f"/items/{first}/lapse", {"on": "2025-06-01"})
    assert again.json()["code"] == "publication_invalid_transition"
    lapsed = desk.post("leader", f"/items/{second}/lapse", {"on": "2025-06-02"})
    assert lapsed.json()["validity"] == "lapsed"
    late = desk.post("leader", f"/items/{second}/repeal", {"on": "2026-01-01"})
    assert late.status_code == 409
    public = Client().get(f"/api/v1/publications/items/{first}").json()
    assert public["metadata"]["validity_label"] == "废止"
    assert public["metadata"]["repealed_on"] == "2025-06-01"


def test_listing_filters_and_pages(desk: Desk) -> None:
    sample = publish_sample(desk.county)
    ids = [_draft(desk, title=f"通知{n}")["id"] for n in range(3)]
    for item_id in ids:
        _publish(desk, item_id)
    everything = Client().get("/api/v1/publications/items").json()
    assert everything["count"] == 4
    by_organ = (
        Client()
        .get("/api/v1/publications/items", {"organ": desk.unit.pk, "page_size": 2})
        .json()
    )
    assert by_organ["count"] == 3
    assert len(by_organ["items"]) == 2
    by_category = (
        Client()
        .get("/api/v1/publications/items", {"category": sample.category.pk})
        .json()
    )
    assert [i["id"] for i in by_category["items"]] == [sample.item.pk]
    by_date = (
        Client()
        .get("/api/v1/publications/items", {"date_from": TODAY.isoformat()})
        .json()
    )
    assert by_date["count"] == 3
    assert (
        Client().get("/api/v1/publications/items", {"genre": "公告"}).json()["count"]
        == 0
    )


def test_an_item_shows_its_interpretation_and_attachments(desk: Desk) -> None:
    sample: PublicSample = publish_sample(desk.county)
    search_document_index(document=item_search_document(sample.item))
    detail = Client().get(f"/api/v1/publications/items/{sample.item.pk}").json()
    assert detail["attachments"][0]["url"].endswith(
        f"/attachments/{sample.attachment.pk}/"
    )
    assert detail["interpretations"][0]["kind_label"] == "图解"
    assert detail["interpretations"][0]["file_url"]
    found = (
        Client()
        .get("/api/v1/publications/search", {"q": "预算", "organ": str(desk.county.pk)})
        .json()
    )
    assert found["total"] == 1
    assert "<mark>" in found["hits"][0]["title_html"] + found["hits"][0]["snippet_html"]


def test_catalogue_and_guide(desk: Desk) -> None:
    root = CategoryFactory.create(organisation=desk.unit, name="法定主动公开内容")
    CategoryFactory.create(organisation=desk.unit, name="财政预决算", parent=root)
    tree = Client().get(f"/api/v1/publications/organs/{desk.unit.pk}/catalogue")
    assert tree.json()["categories"][0]["children"][0]["name"] == "财政预决算"
    none = Client().get(f"/api/v1/publications/organs/{desk.unit.pk}/guide")
    assert (none.status_code, none.json()["code"]) == (404, "guide_not_found")
    sample = publish_sample(desk.county)
    guide = Client().get(f"/api/v1/publications/organs/{desk.county.pk}/guide")
    assert guide.json()["version"] == sample.guide.version
    missing = Client().get("/api/v1/publications/organs/999999/catalogue")
    assert missing.json()["code"] == "organisation_not_found"


def test_decision_counts_are_written_and_read_per_unit_and_year(desk: Desk) -> None:
    body = {
        "organisation_id": desk.unit.pk,
        "year": 2024,
        "licensing": 12,
        "punishment": 3,
        "coercion": 0,
        "fees_wan_yuan": "1.25",
    }
    denied = desk.post("handler", "/decision-counts", body)
    assert denied.status_code == 403
    saved = desk.post("office", "/decision-counts", body)
    assert saved.status_code == 200, saved.json()
    assert saved.json()["fees_wan_yuan"] == "1.25"
    again = desk.post("office", "/decision-counts", {**body, "licensing": 13})
    assert again.json()["id"] == saved.json()["id"]
    assert DecisionCount.objects.get().licensing == 13
    read = (
        Client()
        .get(
            "/api/v1/publications/decision-counts",
            {"year": 2024},
            **desk.auth("office"),
        )
        .json()
    )
    assert [(r["organisation"]["id"], r["licensing"]) for r in read] == [
        (desk.unit.pk, 13)
    ]
    stranger = (
        Client()
        .get("/api/v1/publications/decision-counts", **desk.auth("stranger"))
        .json()
    )
    assert stranger == []
    huge = desk.post("office", "/decision-counts", {**body, "fees_wan_yuan": "1e30"})
    assert huge.json()["code"] == "invalid_request"
