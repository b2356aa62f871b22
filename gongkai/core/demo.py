"""Demo data: 示范县 with departments and townships, one account per role, and
annual reports (published and draft) whose figures add up."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from gongkai.accounts.models import Membership, Role, User
from gongkai.annual_reports.data import Narrative
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.services import report_publish, report_save
from gongkai.orgs.models import Kind, Level, Organisation

COUNTY = "示范县人民政府"
DEPARTMENTS = (
    "示范县人民政府办公室",
    "示范县发展和改革局",
    "示范县财政局",
    "示范县自然资源局",
    "示范县市场监督管理局",
)
TOWNSHIPS = ("示范县城关镇人民政府", "示范县东风乡人民政府", "示范县西湖街道办事处")
ACCOUNTS = (
    ("gongkaiban", "公开办管理员", Role.OFFICE_ADMIN),
    ("chengban", "承办人", Role.HANDLER),
    ("shenhe", "审核人", Role.REVIEWER),
    ("lingdao", "分管领导", Role.LEADER),
)
NARRATIVE = Narrative(
    overview="本年度，示范县坚持“公开为常态、不公开为例外”，依法做好政府信息主动公开、依申请公开和政府信息管理工作。",
    problems="一是部分单位公开内容不够全面；二是依申请公开答复的说理需进一步加强。下一步将加强培训和考核。",
    other="本年度未收取信息处理费。",
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str


def _passwords_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-accounts.txt"


def _known_passwords() -> dict[str, str]:
    path = _passwords_file()
    if not path.exists():
        return {}
    pairs = (
        line.split("\t", 1) for line in path.read_text("utf-8").splitlines() if line
    )
    return dict(pairs)


@transaction.atomic
def demo_load(*, today: date) -> list[DemoAccount]:
    county, _ = Organisation.objects.get_or_create(
        name=COUNTY,
        defaults={
            "level": Level.COUNTY,
            "kind": Kind.GOVERNMENT,
            "short_name": "示范县",
            "code": "990101",
        },
    )
    orgs = [county]
    for name in DEPARTMENTS:
        orgs.append(
            Organisation.objects.get_or_create(
                name=name,
                defaults={
                    "parent": county,
                    "level": Level.COUNTY,
                    "kind": Kind.DEPARTMENT,
                },
            )[0]
        )
    for name in TOWNSHIPS:
        orgs.append(
            Organisation.objects.get_or_create(
                name=name,
                defaults={
                    "parent": county,
                    "level": Level.TOWNSHIP,
                    "kind": Kind.TOWNSHIP,
                },
            )[0]
        )
    accounts = _demo_accounts(county)
    admin = User.objects.get(username="gongkaiban")
    last = today.year - 1
    for org in orgs:
        previous = None
        for year in (last - 1, last):
            existing = AnnualReport.objects.filter(organisation=org, year=year).first()
            if existing is not None:
                previous = report_data(report=existing)
                continue
            data = sample_report(
                org=org.name, year=year, narrative=NARRATIVE, previous=previous
            )
            previous = data
            report = report_save(organisation=org, year=year, data=data, actor=admin)
            if year < last or org != county:
                report_publish(report=report, actor=admin, today=date(year + 1, 1, 20))
    return accounts


def _demo_accounts(county: Organisation) -> list[DemoAccount]:
    known = _known_passwords()
    out = []
    for username, label, role in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        password = known.get(username)
        if user is None or password is None:
            password = secrets.token_urlsafe(9)
            user = user or User(username=username, display_name=label, is_staff=True)
            user.set_password(password)
            user.save()
        Membership.objects.get_or_create(user=user, organisation=county, role=role)
        out.append(DemoAccount(username, password, label))
    if role_admin := User.objects.filter(username="gongkaiban").first():
        role_admin.is_superuser = True
        role_admin.save(update_fields=["is_superuser"])
    path = _passwords_file()
    path.write_text("".join(f"{a.username}\t{a.password}\n" for a in out), "utf-8")
    path.chmod(0o600)
    return out
