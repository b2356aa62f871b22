"""Demo data: 示范县 with departments and townships, an account for each role at the
county, a clerk at one department (a unit) and an auditor, annual reports
(published and draft) whose figures add up, a year of disclosure applications
for the county (``demo.cases``) from which its latest report's sections 三 and 四
are computed, and a year and more of published information per organ
(``demo.disclosure``) from which its section 二 is computed.  Loading again
changes nothing."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from gongkai.accounts.models import Membership, Role, User
from gongkai.annual_reports.data import Narrative
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.services import (
    report_compute,
    report_publish,
    report_save,
)
from gongkai.applications.models import Application, Notification
from gongkai.demo.cases import NEW_CASES, Actors, demo_cases_load
from gongkai.demo.disclosure.catalogue import PROFILES
from gongkai.demo.disclosure.load import Staff, counted_active, demo_disclosure_load
from gongkai.orgs.models import Kind, Level, Organisation
from gongkai.portal.page_cache import page_cache_invalidate
from gongkai.search.publications import KIND as SEARCH_KIND
from gongkai.search.services import search_index_rebuild

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
_ACTORS = ("gongkaiban", "chengban", "caizheng", "shenhe", "lingdao")
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


def demo_load(
    *, today: date, new_cases: int = NEW_CASES, item_scale: float = 1.0
) -> list[DemoAccount]:
    """Load the demo (once: loading again changes nothing).  ``new_cases``: how
    many applications the county receives in last year; ``item_scale``: the share
    of a year's published items each organ makes (tests make fewer)."""
    with _fast_sqlite_commits():
        accounts, made_cases, made_items = _load(
            today=today, new_cases=new_cases, item_scale=item_scale
        )
    if made_cases:
        # The notifications the services queued for a year of past cases (written on
        # commit) are history: read.
        Notification.objects.filter(
            application__organisation__name=COUNTY, read=False
        ).update(read=True)
    if made_items:
        # The bulk went in without the services' hooks: index once, show once.
        search_index_rebuild(kinds=[SEARCH_KIND])
        page_cache_invalidate()
    return accounts


@contextmanager
def _fast_sqlite_commits() -> Iterator[None]:
    """On SQLite, no fsync per commit while the demo loads: the services queue
    their notifications on commit, and a year of cases makes some 2,000 small
    commits after the load's own.  This connection only; restored after."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA synchronous = OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous = {int(before)}")


@transaction.atomic
def _load(
    *, today: date, new_cases: int, item_scale: float
) -> tuple[list[DemoAccount], bool, bool]:
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
    users = {u.username: u for u in User.objects.filter(username__in=_ACTORS)}
    admin = users["gongkaiban"]
    year = today.year - 1
    made_items = demo_disclosure_load(
        organs={org.name: org for org in orgs},
        staff=Staff(
            office=admin,
            handler=users["chengban"],
            unit_handler=users["caizheng"],
            unit=next(o for o in orgs if o.name == UNIT),
            reviewer=users["shenhe"],
            leader=users["lingdao"],
        ),
        year=year,
        today=today,
        scale=item_scale,
    )
    for org in orgs:  # section 二 as the published items count it
        _reports(org, admin=admin, last=year)
    made_cases = _cases(
        county, orgs[1:], users=users, year=year, today=today, n=new_cases
    )
    report = AnnualReport.objects.get(organisation=county, year=year)
    if (made_items or made_cases) and not report.is_published:
        # Sections 二 (the items), 三 and 四 (the cases) computed, not typed.
        report_compute(organisation=county, year=year, actor=admin)
    return accounts, made_cases, made_items


def _cases(
    county: Organisation,
    units: list[Organisation],
    *,
    users: dict[str, User],
    year: int,
    today: date,
    n: int,
) -> bool:
    """The county's applications of ``year`` (once)."""
    if Application.objects.filter(organisation=county).exists():
        return False  # loaded before (or cases entered by hand: left alone)
    previous = AnnualReport.objects.get(organisation=county, year=year - 1)
    table = report_data(report=previous).applications
    carried = table.carried_forward if table is not None else ()
    actors = Actors(
        office=users["gongkaiban"],
        clerk=users["chengban"],
        unit_clerk=users["caizheng"],
        unit=next(u for u in units if u.name == UNIT),
        leader=users["lingdao"],
    )
    demo_cases_load(
        county=county,
        units=units,
        actors=actors,
        year=year,
        carried_over=[int(c or 0) for c in carried],
        today=today,
        new_cases=n,
    )
    return True


def _organ(
    name: str,
    parent: Organisation | None,
    level: Level,
    kind: Kind,
    **extra: str,
) -> Organisation:
    profile = PROFILES.get(name)
    code = {"code": profile.code} if profile else {}
    defaults = {"parent": parent, "level": level, "kind": kind, **code, **extra}
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
        data = replace(
            data,
            active=counted_active(organisation=org, year=year, typed=data.active),
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
