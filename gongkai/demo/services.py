"""Demo data: 示范县 with departments and townships, an account for each role at the
county, a clerk at one department (a unit) and an auditor, and annual reports
(published and draft) whose figures add up.  Loading again changes nothing."""

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
UNIT = "示范县财政局"  # the department where the unit clerk works
DEPARTMENTS = (
    "示范县人民政府办公室",
    "示范县发展和改革局",
    UNIT,
    "示范县自然资源局",
    "示范县市场监督管理局",
)
TOWNSHIPS = ("示范县城关镇人民政府", "示范县东风乡人民政府", "示范县西湖街道办事处")
#: Organs whose latest report is left as a draft (the others are published).
DRAFT_ORGANS = frozenset({COUNTY, UNIT})


@dataclass(frozen=True)
class AccountSpec:
    username: str
    display_name: str
    role: Role
    organisation: str


ACCOUNTS = (
    AccountSpec("gongkaiban", "公开办管理员", Role.OFFICE_ADMIN, COUNTY),
    AccountSpec("chengban", "承办人", Role.HANDLER, COUNTY),
    AccountSpec("shenhe", "审核人", Role.REVIEWER, COUNTY),
    AccountSpec("lingdao", "分管领导", Role.LEADER, COUNTY),
    AccountSpec("caizheng", "财政局承办人", Role.HANDLER, UNIT),
    AccountSpec("jiandu", "监督评估人员", Role.AUDITOR, COUNTY),
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
    role: str  # the role's label, e.g. 承办人
    organisation: str


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
    county = _organ(
        COUNTY,
        parent=None,
        level=Level.COUNTY,
        kind=Kind.GOVERNMENT,
        short_name="示范县",
        code="990101",
    )
    orgs = [county]
    orgs += [_organ(n, county, Level.COUNTY, Kind.DEPARTMENT) for n in DEPARTMENTS]
    orgs += [_organ(n, county, Level.TOWNSHIP, Kind.TOWNSHIP) for n in TOWNSHIPS]
    accounts = _demo_accounts({org.name: org for org in orgs})
    admin = User.objects.get(username="gongkaiban")
    for org in orgs:
        _reports(org, admin=admin, last=today.year - 1)
    return accounts


def _organ(
    name: str,
    parent: Organisation | None,
    level: Level,
    kind: Kind,
    **extra: str,
) -> Organisation:
    defaults = {"parent": parent, "level": level, "kind": kind, **extra}
    return Organisation.objects.get_or_create(name=name, defaults=defaults)[0]


def _reports(org: Organisation, *, admin: User, last: int) -> None:
    """Two consecutive years, the second carrying over the first."""
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
        if year < last or org.name not in DRAFT_ORGANS:
            report_publish(report=report, actor=admin, today=date(year + 1, 1, 20))


def _demo_accounts(orgs: dict[str, Organisation]) -> list[DemoAccount]:
    known = _known_passwords()
    out = []
    for spec in ACCOUNTS:
        user = User.objects.filter(username=spec.username).first()
        password = known.get(spec.username)
        if user is None or password is None:
            password = secrets.token_urlsafe(9)
            user = user or User(
                username=spec.username, display_name=spec.display_name, is_staff=True
            )
            user.set_password(password)
            user.save()
        organisation = orgs[spec.organisation]
        Membership.objects.get_or_create(
            user=user, organisation=organisation, role=spec.role
        )
        out.append(
            DemoAccount(
                spec.username, password, str(spec.role.label), organisation.name
            )
        )
    User.objects.filter(username="gongkaiban").update(is_superuser=True)
    path = _passwords_file()
    path.write_text("".join(f"{a.username}\t{a.password}\n" for a in out), "utf-8")
    path.chmod(0o600)
    return out
