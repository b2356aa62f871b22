"""Demo data: one county with departments and townships, one account per role."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Membership, Role
from gongkai.annual_reports.models import AnnualReport, Status
from gongkai.cli import main
from gongkai.core.demo import COUNTY, DEPARTMENTS, TOWNSHIPS, demo_load
from gongkai.orgs.models import Organisation

pytestmark = pytest.mark.django_db


def test_demo_is_complete_and_idempotent(settings, tmp_path) -> None:
    settings.DATA_DIR = tmp_path
    first = demo_load(today=date(2025, 3, 1))
    second = demo_load(today=date(2025, 3, 1))
    assert [(a.username, a.password) for a in first] == [
        (a.username, a.password) for a in second
    ]
    assert {m.role for m in Membership.objects.all()} == set(Role.values)
    county = Organisation.objects.get(name=COUNTY)
    assert county.children.count() == len(DEPARTMENTS) + len(TOWNSHIPS)
    reports = AnnualReport.objects.all()
    assert reports.count() == 2 * (1 + len(DEPARTMENTS) + len(TOWNSHIPS))
    assert all(r.error_count == 0 for r in reports)
    assert reports.filter(status=Status.DRAFT).get().organisation == county


def test_demo_accounts_can_log_in(settings, tmp_path, client) -> None:
    settings.DATA_DIR = tmp_path
    accounts = demo_load(today=date(2025, 3, 1))
    for account in accounts:
        assert client.login(username=account.username, password=account.password)


def test_demo_command_prints_accounts(settings, tmp_path, capsys) -> None:
    settings.DATA_DIR = tmp_path
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "承办人" in out
    assert "chengban" in out


def test_demo_years_carry_over(settings, tmp_path) -> None:
    """Last year's 结转下年度 is this year's 上年结转 for every organ and column."""
    settings.DATA_DIR = tmp_path
    demo_load(today=date(2025, 3, 1))
    for org in Organisation.objects.all():
        old, new = (
            AnnualReport.objects.get(organisation=org, year=y).statistics[
                "applications"
            ]
            for y in (2023, 2024)
        )
        assert old["carried_forward"] == new["carried_over"], org.name
