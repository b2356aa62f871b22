"""Demo data: one county with departments and townships, an account for each role at
the county, a clerk at a unit and an auditor; loading again changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Membership, Role, User
from gongkai.annual_reports import permissions
from gongkai.annual_reports.models import AnnualReport, Status
from gongkai.cli import main
from gongkai.demo.services import COUNTY, DEPARTMENTS, TOWNSHIPS, UNIT, demo_load
from gongkai.orgs.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


def test_demo_is_complete_and_idempotent(data_dir) -> None:
    first = demo_load(today=date(2025, 3, 1), new_cases=0, item_scale=0.1)
    second = demo_load(today=date(2025, 3, 1), new_cases=0, item_scale=0.1)
    assert [(a.username, a.password) for a in first] == [
        (a.username, a.password) for a in second
    ]
    assert {m.role for m in Membership.objects.all()} == set(Role.values)
    county = Organisation.objects.get(name=COUNTY)
    assert county.children.count() == len(DEPARTMENTS) + len(TOWNSHIPS)
    reports = AnnualReport.objects.all()
    assert reports.count() == 2 * (1 + len(DEPARTMENTS) + len(TOWNSHIPS))
    assert all(r.error_count == 0 for r in reports)
    drafts = reports.filter(status=Status.DRAFT)
    assert {r.organisation.name for r in drafts} == {COUNTY, UNIT}


def test_passwords_are_kept_in_the_data_dir(data_dir) -> None:
    accounts = demo_load(today=date(2025, 3, 1), new_cases=0, item_scale=0.1)
    lines = (data_dir / "demo-accounts.txt").read_text("utf-8").splitlines()
    assert lines == [f"{a.username}\t{a.password}" for a in accounts]


def test_demo_accounts_can_log_in(data_dir, client) -> None:
    accounts = demo_load(today=date(2025, 3, 1), new_cases=0, item_scale=0.1)
    for account in accounts:
        assert client.login(username=account.username, password=account.password)


def test_a_unit_clerk_and_an_auditor(data_dir) -> None:
    demo_load(today=date(2025, 3, 1), new_cases=0, item_scale=0.1)
    unit = Organisation.objects.get(name=UNIT)
    clerk = User.objects.get(username="caizheng")
    assert [(m.organisation, m.role) for m in clerk.memberships.all()] == [
        (unit, Role.HANDLER)
    ]
    assert list(permissions.editable_organisations(clerk)) == [unit]
    auditor = User.objects.get(username="jiandu")
    held = auditor.memberships.get()
    assert (held.organisation.name, held.role) == (COUNTY, Role.AUDITOR)
    assert not auditor.is_superuser


def test_demo_command_prints_accounts(data_dir, capsys) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "chengban" in out
    assert "承办人" in out
    assert "caizheng" in out
    assert f"承办人 · {UNIT}" in out
    assert f"监督评估人员 · {COUNTY}" in out
    # Three different people publish: 承办人, 审核人 (保密审查), 分管领导.
    for line in ("chengban", "shenhe", "lingdao"):
        assert line in out
    assert f"审核人 · {COUNTY}" in out
    assert f"分管领导 · {COUNTY}" in out
    assert "chengban 起草提交 → shenhe 审核（保密审查） → lingdao 审批发布" in out


def test_demo_years_carry_over(data_dir) -> None:
    """Last year's 结转下年度 is this year's 上年结转 for every organ and column."""
    demo_load(today=date(2025, 3, 1), new_cases=0, item_scale=0.1)
    for org in Organisation.objects.all():
        old, new = (
            AnnualReport.objects.get(organisation=org, year=y).statistics[
                "applications"
            ]
            for y in (2023, 2024)
        )
        assert old["carried_forward"] == new["carried_over"], org.name
