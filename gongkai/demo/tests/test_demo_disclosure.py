"""The demo county's proactive disclosure: a year and more of items per organ in
the catalogue categories, the last weeks through the review services (三审), the
search index rebuilt once, and the county report's section 二 computed from the
items (第二十条第（一）、（五）、（六）、（八）项) — each cell equal to an independent
count over the demo items, and ``gongkai check`` finds no error."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from django.db.models import F

from gongkai.accounts.models import User
from gongkai.annual_reports.models import AnnualReport, Source
from gongkai.annual_reports.origins import origin_at
from gongkai.applications.selectors import application_calendar
from gongkai.cli import main
from gongkai.demo.disclosure.catalogue import PROFILES
from gongkai.demo.disclosure.plan import Planner
from gongkai.demo.services import COUNTY, demo_load
from gongkai.orgs.models import Organisation
from gongkai.publications import events
from gongkai.publications.models import (
    CatalogueCategory,
    DecisionCount,
    Guide,
    IndexCounter,
    InformationItem,
    ItemEvent,
    PolicyInterpretation,
)
from gongkai.publications.selectors import (
    checklist_for,
    item_list_due_soon,
    item_list_late,
    item_public_queryset,
    items_lacking_interpretation,
    normative_counts,
)
from gongkai.publications.services import (
    item_create,
    item_leader_approve,
    item_review_approve,
    item_submit,
)
from gongkai.publications.status import Status
from gongkai.search.documents import SearchQuery
from gongkai.search.models import SearchEntry
from gongkai.search.selectors import search_documents

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 1)
YEAR = 2024
END = date(YEAR, 12, 31)


@pytest.fixture
def loaded(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    demo_load(today=TODAY, new_cases=0)
    return tmp_path


def _county_report() -> AnnualReport:
    return AnnualReport.objects.get(organisation__name=COUNTY, year=YEAR)


def _issued(item: InformationItem) -> date:
    issued = item.written_on or item.published_on
    assert issued is not None
    return issued


def _independent_section_two(county: Organisation) -> dict[str, object]:
    """Section 二 counted here from the items, without the app's selectors."""
    docs = [
        i
        for i in InformationItem.objects.filter(organisation=county)
        if i.normative_kind == "normative" and i.status == Status.PUBLISHED
    ]
    revised = {
        i.replaces_id
        for i in InformationItem.objects.filter(status=Status.PUBLISHED)
        if i.replaces_id and _issued(i) <= END
    }
    issued = sum(1 for d in docs if _issued(d).year == YEAR)
    repealed = sum(1 for d in docs if d.repealed_on and d.repealed_on.year == YEAR)
    in_force = sum(
        1
        for d in docs
        if _issued(d) <= END
        and not (d.repealed_on and d.repealed_on <= END)
        and not (d.lapsed_on and d.lapsed_on <= END)
        and d.pk not in revised
    )
    rules = InformationItem.objects.filter(organisation=county, normative_kind="rule")
    assert not rules.exists()  # a county makes no 规章
    entry = DecisionCount.objects.get(organisation=county, year=YEAR)
    return {
        "rules": [0, 0, 0],
        "normative_docs": [issued, repealed, in_force],
        "licensing": entry.licensing,
        "punishment": entry.punishment,
        "coercion": entry.coercion,
        "fees_wan_yuan": entry.fees_wan_yuan,
    }


def _section_two_is_computed_from_the_items(loaded, capsys) -> None:
    county = Organisation.objects.get(name=COUNTY)
    report = _county_report()
    assert report.source == Source.COMPUTED
    assert report.error_count == 0
    active = report.statistics["active"]
    expected = _independent_section_two(county)
    assert expected["normative_docs"][0] > 0  # type: ignore[index]
    assert expected["normative_docs"][1] > 0  # type: ignore[index]
    for name in ("rules", "normative_docs", "licensing", "punishment", "coercion"):
        assert active[name] == expected[name], name
    assert float(active["fees_wan_yuan"]) == float(expected["fees_wan_yuan"])  # type: ignore[arg-type]
    for path in ("active.normative_docs.0", "active.normative_docs.2"):
        origin = origin_at(report.origins, path)
        assert origin is not None
        assert origin["kind"] == "computed", path
    path = loaded / "county.json"
    path.write_text(json.dumps(report.statistics, ensure_ascii=False), "utf-8")
    assert main(["check", str(path)]) == 0
    assert "0 个错误" in capsys.readouterr().out


def _every_organs_reports_agree_with_its_items() -> None:
    """The units' typed (published) reports state section 二 as their items and
    decision counts give it, both years."""
    for report in AnnualReport.objects.exclude(organisation__name=COUNTY):
        org = report.organisation
        active = report.statistics["active"]
        counts = normative_counts(organisation_ids=[org.pk], year=report.year)
        if org.name in PROFILES and PROFILES[org.name].categories & {"0201"}:
            assert active["normative_docs"] == list(counts["normative_docs"])
        entry = DecisionCount.objects.get(organisation=org, year=report.year)
        assert active["licensing"] == entry.licensing, (org.name, report.year)
        assert report.error_count == 0


def _every_organ_publishes_in_its_catalogue() -> None:
    items = InformationItem.objects.all()
    assert items.count() > 1500  # 14 months from 1 March
    by_organ = Counter(items.values_list("organisation__name", flat=True))
    assert set(by_organ) == set(PROFILES)
    for organ in Organisation.objects.filter(name__in=PROFILES):
        assert Guide.objects.filter(organisation=organ, status="published").exists()
        codes = set(
            CatalogueCategory.objects.filter(organisation=organ).values_list(
                "code", flat=True
            )
        )
        assert codes == PROFILES[organ.name].categories
    assert not items.filter(category__isnull=True).exists()
    assert not items.exclude(category__organisation=F("organisation")).exists()
    normative = items.filter(normative_kind="normative")
    assert normative.filter(validity="repealed").exists()
    assert normative.filter(validity="lapsed").exists()
    assert normative.filter(amended_on__year=YEAR).exists()
    assert normative.filter(replaces__isnull=False).exists()
    assert normative.filter(document_number__regex=r"^示政规〔\d{4}〕\d+号$").exists()
    assert PolicyInterpretation.objects.exists()
    assert items_lacking_interpretation(
        organisation_ids=list(Organisation.objects.values_list("pk", flat=True))
    ).exists()


def _the_clock_shows_late_and_due() -> None:
    ids = list(Organisation.objects.values_list("pk", flat=True))
    assert item_list_late(organisation_ids=ids, today=TODAY).exists()
    assert item_list_due_soon(organisation_ids=ids, today=TODAY).exists()
    published = InformationItem.objects.filter(status=Status.PUBLISHED)
    late = published.filter(publish_due_on__lt=F("published_on")).count()
    assert 0 < late < published.count() / 10


def _the_last_weeks_went_through_three_people() -> None:
    approved = ItemEvent.objects.filter(
        action=events.LEADER_APPROVED, on__gt=date(2025, 2, 1)
    )
    last = approved.order_by("-pk").first()
    assert last is not None
    item = last.item
    steps = list(item.events.order_by("pk").values_list("action", "actor__username"))
    assert steps == [
        (events.CREATED, "chengban"),
        (events.SUBMITTED, "chengban"),
        (events.REVIEW_APPROVED, "shenhe"),
        (events.LEADER_APPROVED, "lingdao"),
    ]
    review = item.events.get(action=events.REVIEW_APPROVED)
    assert review.answers.count() == len(checklist_for(organisation=item.organisation))
    assert ItemEvent.objects.filter(action=events.RETURNED).exclude(comment="").exists()
    pending = Counter(
        InformationItem.objects.exclude(status=Status.PUBLISHED).values_list(
            "status", flat=True
        )
    )
    assert set(pending) >= {Status.DRAFT, Status.SUBMITTED, Status.REVIEWED}


def _index_numbers_continue_after_the_bulk() -> None:
    """A new item published through the services takes the next 索引号 of its
    organ, category and year."""
    county = Organisation.objects.get(name=COUNTY)
    counter = IndexCounter.objects.get(
        organisation=county, category_code="03", year=TODAY.year
    )
    numbers = InformationItem.objects.filter(
        index_number__startswith=f"{county.code}-03-{TODAY.year}-"
    ).values_list("index_number", flat=True)
    assert counter.last == max(int(n.rsplit("-", 1)[1]) for n in numbers)
    users = {u.username: u for u in User.objects.all()}
    item = item_create(
        organisation=county,
        actor=users["chengban"],
        today=TODAY,
        title="关于春节后复工复产的通知",
        body="<p>各单位做好复工复产。</p>",
        category=CatalogueCategory.objects.get(organisation=county, code="03"),
    )
    item = item_submit(item=item, actor=users["chengban"], today=TODAY)
    answers = {q.pk: q.pass_answer for q in checklist_for(organisation=county)}
    item = item_review_approve(
        item=item, actor=users["shenhe"], today=TODAY, answers=answers
    )
    item = item_leader_approve(item=item, actor=users["lingdao"], today=TODAY)
    assert item.index_number == f"{county.code}-03-{TODAY.year}-{counter.last + 1:05d}"


def _the_search_index_holds_the_public_items() -> None:
    public = item_public_queryset()
    assert SearchEntry.objects.filter(kind="publication").count() == public.count()
    page = search_documents(query=SearchQuery(text="公示"))
    assert page.total > 0
    assert "<mark>" in str(page.hits[0].title_html) + str(page.hits[0].snippet_html)


def _loading_again_changes_nothing() -> None:
    before = (
        InformationItem.objects.count(),
        ItemEvent.objects.count(),
        SearchEntry.objects.count(),
        _county_report().updated_at,
    )
    demo_load(today=TODAY, new_cases=0)
    after = (
        InformationItem.objects.count(),
        ItemEvent.objects.count(),
        SearchEntry.objects.count(),
        _county_report().updated_at,
    )
    assert after == before


def test_the_demo_publishes_and_section_two_is_computed(loaded, capsys) -> None:
    """One load (a few seconds), every property checked on it."""
    _section_two_is_computed_from_the_items(loaded, capsys)
    _every_organs_reports_agree_with_its_items()
    _every_organ_publishes_in_its_catalogue()
    _the_clock_shows_late_and_due()
    _the_last_weeks_went_through_three_people()
    _the_search_index_holds_the_public_items()
    _loading_again_changes_nothing()
    _index_numbers_continue_after_the_bulk()


def test_the_plan_is_deterministic(db) -> None:
    """The same year and day give the same items (the plan alone, no writes)."""
    county = Organisation.objects.create(name=COUNTY, code="990101")
    plans = []
    for _ in range(2):
        planner = Planner(
            calendar=application_calendar(organisation=county, today=TODAY),
            year=YEAR,
            today=TODAY,
            seed=1,
            scale=0.2,
        )
        planner.normative(COUNTY, YEAR - 6, planner.recent_from)
        planner.ordinary(COUNTY, date(YEAR, 1, 1), planner.recent_from)
        plans.append(planner.plans)
    assert plans[0]
    assert plans[0] == plans[1]
