"""Section 四 computed from the appeals, and the year's fee income for section 六.

- Section 四 (国办公开办函〔2021〕30号): per kind, 结果维持 / 结果纠正 / 其他结果 /
  尚未审结 / 总计; an appeal open at 31 December counts as 尚未审结 that year, an
  outcome in the year it was decided (the issue's rule; ``GONGKAI_APPEAL_COUNTING``).
- The fee income (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号) in 万元.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.services import report_compute
from gongkai.annual_reports.statistics import outcomes
from gongkai.annual_reports.statistics.appeals import (
    APPEAL_RESULTS,
    collect_appeals,
)
from gongkai.annual_reports.statistics.fees import FeeIncome, fee_income, to_wan_yuan
from gongkai.annual_reports.statistics.registry import collectors
from gongkai.annual_reports.validation.rules import check_report
from gongkai.appeals.models import PENDING, Appeal, AppealKind, AppealOutcome
from gongkai.appeals.services import appeal_decide, appeal_file
from gongkai.applications import services as s
from gongkai.applications.fees import application_fee_notice, application_fee_paid
from gongkai.applications.models import Application, FeeNotice
from gongkai.applications.outcomes import Outcome
from gongkai.applications.tests.conftest import World, _fresh_calendars, world

__all__ = ["_fresh_calendars", "world"]

TODAY = date(2030, 1, 1)


def test_the_appeal_codes_are_the_report_sides() -> None:
    """The appeals app never imports annual_reports: its codes must be the same."""
    assert [code for code, _ in outcomes.APPEAL_KINDS] == AppealKind.values
    assert [code for code, _ in outcomes.APPEAL_RESULTS] == [
        *AppealOutcome.values,
        PENDING,
    ]
    labels = [str(label) for label in AppealOutcome.labels]
    assert labels == list(fmt.APPEAL_COLUMNS[:3])


def test_the_collector_is_registered_when_the_apps_are_ready() -> None:
    assert collectors()[APPEAL_RESULTS] is collect_appeals


def _decided(world: World, received: date, decided: date) -> Application:
    app = world.register(received)
    app = s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=received
    )
    app = s.application_start(application=app, actor=world.clerk_a, on=received)
    return s.application_decide(
        application=app,
        outcome=Outcome.WITHHELD_PROCESS_INFORMATION,
        decided_on=decided,
        actor=world.clerk_a,
    )


def _file(world: World, app, kind: str, on: date, follows=None) -> Appeal:
    return appeal_file(
        application=app,
        kind=kind,
        filed_on=on,
        body="某机关",
        actor=world.office,
        today=TODAY,
        follows=follows,
    )


def _maybe_decide(world: World, appeal: Appeal, rng: random.Random) -> Appeal:
    if rng.random() < 0.35:
        return appeal  # never decided
    return appeal_decide(
        appeal=appeal,
        outcome=rng.choice(AppealOutcome.values),
        decided_on=appeal.filed_on + timedelta(days=rng.randint(0, 300)),
        actor=world.office,
        today=TODAY,
    )


def _appeals(world: World, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
    for n in range(14):
        received = date(2023, 6, 1) + timedelta(days=50 * n)
        app = _decided(world, received, received + timedelta(days=10))
        decided = app.decided_on
        assert decided is not None
        if rng.random() < 0.4:
            on = decided + timedelta(days=rng.randint(0, 170))
            _maybe_decide(
                world, _file(world, app, AppealKind.LITIGATION_DIRECT, on), rng
            )
        if rng.random() < 0.8:
            on = decided + timedelta(days=rng.randint(0, 60))
            rec = _maybe_decide(
                world, _file(world, app, AppealKind.RECONSIDERATION, on), rng
            )
            if rec.decided_on is not None and rng.random() < 0.6:
                on = rec.decided_on + timedelta(days=rng.randint(0, 15))
                after = AppealKind.LITIGATION_AFTER_RECONSIDERATION
                _maybe_decide(world, _file(world, app, after, on, rec), rng)


def _independent_count(year: int) -> dict[tuple[str, int], int]:
    """Section 四 counted here from the rows, one appeal at a time."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    columns = {"upheld": 0, "corrected": 1, "other": 2}
    out: dict[tuple[str, int], int] = {}
    for appeal in Appeal.objects.all():
        if appeal.filed_on > end:
            continue
        if appeal.decided_on is not None and appeal.decided_on < start:
            continue
        if appeal.decided_on is None or appeal.decided_on > end:
            column = 3  # 尚未审结: open at 31 December
        else:
            column = columns[appeal.outcome]
        for c in (column, 4):  # and the group's 总计
            out[(appeal.kind, c)] = out.get((appeal.kind, c), 0) + 1
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_section_four_equals_an_independent_count(world: World, seed: int) -> None:
    _appeals(world, seed)
    assert Appeal.objects.filter(decided_on__isnull=True).exists()
    for year in (2023, 2024, 2025, 2026):
        expected = _independent_count(year)
        report = report_compute(
            organisation=world.county, year=year, actor=world.office
        )
        data = report_data(report=report)
        got = {
            (kind, c): get_cell(data, ("appeals", kind, c))
            for kind in fmt.APPEAL_FIELDS
            for c in range(5)
        }
        assert got == {key: expected.get(key, 0) for key in got}, year
        unpacked = cell_origins.unpack(report.origins)
        assert unpacked["appeals.reconsideration.3"] == cell_origins.computed(
            statistic=APPEAL_RESULTS
        )
        codes = {f.code for f in check_report(data)}
        assert not {c for c in codes if c.startswith("appeals.")}


@pytest.mark.django_db
def test_an_appeal_open_at_year_end_is_pending_that_year(world: World) -> None:
    """The issue: "an appeal still open at 31 December counts as 尚未审结 in that
    year's section 四"; decided the next year, it counts there with its outcome."""
    app = _decided(world, date(2024, 9, 2), date(2024, 9, 20))
    rec = _file(world, app, AppealKind.RECONSIDERATION, date(2024, 11, 1))
    appeal_decide(
        appeal=rec,
        outcome="corrected",
        decided_on=date(2025, 1, 2),
        actor=world.office,
        today=TODAY,
    )
    cells = {}
    for year in (2024, 2025):
        report = report_compute(organisation=world.county, year=year, actor=None)
        data = report_data(report=report)
        cells[year] = [
            get_cell(data, ("appeals", "reconsideration", c)) for c in range(5)
        ]
    assert cells == {2024: [0, 0, 0, 1, 1], 2025: [0, 1, 0, 0, 1]}


# -- the fee income -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("yuan", "places", "wan"),
    [
        (Decimal("2420.00"), 4, Decimal("0.2420")),
        (Decimal("12345"), 2, Decimal("1.23")),
        (Decimal("12350"), 2, Decimal("1.24")),  # half up
        (Decimal("15"), 3, Decimal("0.002")),  # 0.0015 half up
        (Decimal("0.05"), 6, Decimal("0.000005")),  # one 分 is 6 decimals
        (Decimal("0"), 4, Decimal("0.0000")),
    ],
)
def test_yuan_to_wan_yuan(yuan: Decimal, places: int, wan: Decimal) -> None:
    """万元 = 元 / 10 000, Decimal, half up (format 30号: 本年收费金额（单位：万元）)."""
    got = to_wan_yuan(yuan, places=places)
    assert got == wan
    assert str(got) == str(wan)


def test_the_places_are_a_setting(settings) -> None:
    settings.GONGKAI_FEE_WAN_YUAN_PLACES = 2
    assert to_wan_yuan(Decimal("2420")) == Decimal("0.24")
    settings.GONGKAI_FEE_WAN_YUAN_PLACES = 9
    with pytest.raises(ValueError, match="0 至 6"):
        to_wan_yuan(Decimal("1"))


@pytest.mark.django_db
def test_fee_income_from_the_payments(world: World) -> None:
    """Fee Measures: the fees paid in the year (by payment date), in 万元."""
    expected = Decimal(0)
    for received, pages, paid_on in [
        (date(2025, 1, 6), 40, date(2025, 2, 3)),  # 100 元
        (date(2025, 12, 15), 150, date(2025, 12, 31)),  # 1,700 元
        (date(2025, 12, 16), 101, date(2026, 1, 5)),  # paid the next year
        (date(2025, 1, 27), 60, None),  # not paid
    ]:
        app = world.register(received)
        s.application_route(
            application=app, unit=world.unit_a, actor=world.office, on=received
        )
        s.application_start(application=app, actor=world.clerk_a, on=received)
        notice = application_fee_notice(
            application=app,
            actor=world.clerk_a,
            method="per_page",
            quantity=pages,
            sent_on=received,
            received_on=received,
        )
        if paid_on is not None:
            application_fee_paid(
                application=app,
                actor=world.clerk_a,
                paid_on=paid_on,
                amount=notice.amount,
            )
            if paid_on.year == 2025:
                expected += notice.amount
    assert expected == Decimal("1800")  # 100 + 1,700
    income = fee_income(organisation_ids=[world.county.pk], year=2025)
    paid_2025 = FeeNotice.objects.filter(paid_on__year=2025)
    assert income == FeeIncome(
        2025,
        Decimal("1800.00"),
        Decimal("0.1800"),
        tuple(sorted(paid_2025.values_list("pk", flat=True))),
    )
    assert "收取信息处理费2件，共计0.1800万元（1800.00元）" in income.sentence
    none = fee_income(organisation_ids=[world.county.pk], year=2024)
    assert none.yuan == 0
    assert none.sentence == "2024年，本机关未收取政府信息公开信息处理费。"
