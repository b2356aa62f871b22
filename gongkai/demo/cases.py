"""A year of disclosure applications (依申请公开) for the demo county, made through the
real services of ``applications.services`` only (register → route → start → 补正 /
征求意见 / 延期 → decide → deliver → archive), so that the county's report for that
year is computed from them (``report_compute``) instead of typed.

Deterministic: one seeded generator; the same ``year`` gives the same cases.  What
the demo makes:

- the cases carried over from the year before: exactly the county's last year's
  结转下年度 per applicant type (its published, typed report), received in December
  of that year and decided in January, so that the two years chain;
- about ``NEW_CASES`` cases received in the year, spread over the county's
  departments and townships, every applicant type and every outcome of section 三
  (予以公开, 部分公开, the eight 不予公开 grounds, the three 无法提供, the five 不予处理,
  the three 其他处理: 逾期不补正 after a 补正 notice, 逾期未缴费, 撤回), some through a
  补正, a consultation or an extension;
- cases still open at 31 December (结转下年度): those whose answer falls after the
  year's end, decided in January when that is not after ``today``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final, TypeVar

from gongkai.accounts.models import User
from gongkai.applications import services as app
from gongkai.applications.models import (
    Application,
    Channel,
    ConsultationParty,
    Delivery,
    FormWanted,
    IdentityDocument,
)
from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.applications.rules.identity import (
    credit_code_check_char,
    org_code_check_char,
    resident_id_check_char,
)
from gongkai.deadlines.calendar import BusinessCalendar, calendar_from_sources
from gongkai.orgs.models import Organisation

SEED: Final = 20250120
NEW_CASES: Final = 320

T = TypeVar("T")
A = ApplicantType
OC = Outcome

#: Applicant types and their share of a county's applications (most are people).
APPLICANT_WEIGHTS: Final = (
    (A.NATURAL_PERSON, 70),
    (A.BUSINESS, 12),
    (A.RESEARCH, 3),
    (A.PUBLIC_INTEREST, 4),
    (A.LEGAL_SERVICES, 6),
    (A.OTHER_ORGANISATION, 5),
)
#: Outcomes and their share (every one occurs at least once).
OUTCOME_WEIGHTS: Final = (
    (OC.DISCLOSED, 150),
    (OC.PARTLY_DISCLOSED, 30),
    (OC.WITHHELD_STATE_SECRET, 2),
    (OC.WITHHELD_PROHIBITED_BY_LAW, 2),
    (OC.WITHHELD_THREE_SECURITIES_ONE_STABILITY, 2),
    (OC.WITHHELD_THIRD_PARTY_INTERESTS, 6),
    (OC.WITHHELD_INTERNAL_AFFAIRS, 4),
    (OC.WITHHELD_PROCESS_INFORMATION, 8),
    (OC.WITHHELD_LAW_ENFORCEMENT_FILE, 3),
    (OC.WITHHELD_INQUIRY_MATTER, 5),
    (OC.UNABLE_NOT_HELD, 35),
    (OC.UNABLE_NEEDS_CREATION, 10),
    (OC.UNABLE_UNCLEAR_AFTER_CORRECTION, 4),
    (OC.NOT_PROCESSED_PETITION_OR_COMPLAINT, 8),
    (OC.NOT_PROCESSED_REPEATED, 6),
    (OC.NOT_PROCESSED_PUBLICATION, 2),
    (OC.NOT_PROCESSED_EXCESSIVE, 2),
    (OC.NOT_PROCESSED_CONFIRMATION, 2),
    (OC.OTHER_NO_CORRECTION, 8),
    (OC.OTHER_FEE_UNPAID, 3),
    (OC.OTHER, 8),  # withdrawn by the applicant
)

SURNAMES: Final = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
GIVEN: Final = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文海波宁峰亮俊玲萍鹏辉斌雪琴凤林春燕晓东新宇浩然子涵梓轩雨欣佳怡"
VILLAGES: Final = (
    "城关镇东关社区",
    "城关镇北街村",
    "东风乡李庄村",
    "东风乡王营村",
    "东风乡柳河村",
    "西湖街道新华社区",
    "西湖街道湖滨社区",
    "西湖街道张湾村",
)
PLACES: Final = ("城关镇", "东风乡", "西湖街道")
ROADS: Final = ("人民路", "解放路", "建设路", "文化路", "滨河大道", "工业园区纬二路")
COMPANIES: Final = (
    "示范县宏达建材有限公司",
    "示范县鑫源农业开发有限公司",
    "河南省中原路桥工程有限公司",
    "示范县恒通物流有限公司",
    "示范县绿野食品有限公司",
    "示范县安居房地产开发有限公司",
    "郑州市华信工程咨询有限公司",
    "示范县百姓大药房连锁有限公司",
)
RESEARCH: Final = (
    "某大学公共管理学院",
    "某大学法学院政府信息公开研究中心",
    "省社会科学院法学研究所",
)
PUBLIC_INTEREST: Final = (
    "绿色家园环境保护公益基金会",
    "示范县助残志愿者协会",
    "自然之友环境研究所",
)
LAW_FIRMS: Final = (
    "河南明德律师事务所",
    "示范县正义律师事务所",
    "北京盈科（郑州）律师事务所",
    "河南大河律师事务所",
)
OTHER_ORGS: Final = (
    "城关镇东关社区居民委员会",
    "东风乡李庄村村民委员会",
    "西湖花园小区业主委员会",
    "示范县个体劳动者协会",
)
RESPONSIBLE_ORGANS: Final = (
    "示范县住房和城乡建设局",
    "示范县教育局",
    "示范县人力资源和社会保障局",
    "示范县公安局",
    "市生态环境局示范分局",
)

#: What people ask each unit for ({y}: the year, {p}: a place, {v}: a village or
#: community, {c}: a company, {n}: a small number).
SOUGHT: Final[dict[str, tuple[str, ...]]] = {
    "示范县人民政府办公室": (
        "示范县人民政府关于{v}征收土地的批复",
        "示范县人民政府{y}年第{n}次常务会议纪要",
        "示范县{y}年重点民生实事项目清单",
        "示范县人民政府关于印发《示范县城区老旧小区改造实施方案》的通知",
        "示范县人民政府{y}年政府工作报告",
        "县政府关于{c}项目用地的会议纪要",
    ),
    "示范县发展和改革局": (
        "{c}新建仓储项目的备案证明",
        "示范县{y}年重点建设项目计划",
        "{p}污水处理厂项目可行性研究报告的批复",
        "示范县城区集中供热价格调整听证会记录",
        "示范县{y}年中央预算内投资项目清单",
    ),
    "示范县财政局": (
        "示范县{y}年财政预算执行情况和{y1}年财政预算草案的报告",
        "示范县{y}年“三公”经费预算表",
        "{v}农村公路建设项目财政资金拨付明细",
        "示范县{y}年政府采购项目中标结果公告及合同",
        "示范县{y}年耕地地力保护补贴资金发放明细",
        "示范县{y}年政府债务余额情况表",
        "{v}一事一议财政奖补项目资金使用情况",
    ),
    "示范县自然资源局": (
        "{v}集体土地征收补偿安置方案",
        "{v}征收土地的农用地转用和土地征收批复",
        "示范县国土空间总体规划（2021—2035年）",
        "{c}地块国有建设用地使用权出让合同",
        "{p}{v}宅基地审批档案",
        "{v}土地征收补偿费用发放明细",
        "示范县城区控制性详细规划",
    ),
    "示范县市场监督管理局": (
        "对{c}的行政处罚决定书",
        "{c}的企业登记档案",
        "示范县{y}年食品安全监督抽检结果",
        "关于{c}投诉举报的调查处理结果",
        "示范县{y}年“双随机、一公开”抽查结果",
    ),
    "示范县城关镇人民政府": (
        "城关镇{y}年城乡低保对象名单及发放金额",
        "{v}危房改造补助资金发放明细",
        "{v}征地补偿款分配方案",
        "城关镇{y}年财政预决算",
    ),
    "示范县东风乡人民政府": (
        "{v}高标准农田建设项目合同及验收资料",
        "东风乡{y}年农村低保审批材料",
        "{v}村集体经济收支明细",
        "东风乡{y}年涉农补贴发放名单",
    ),
    "示范县西湖街道办事处": (
        "{v}房屋征收补偿协议",
        "西湖街道{y}年老旧小区改造项目资金使用情况",
        "{v}拆迁安置房分配方案",
        "西湖街道{y}年部门预算",
    ),
}
#: Outcomes for which a 补正 notice comes first (the description was unclear).
_AFTER_CORRECTION: Final = frozenset(
    {OC.UNABLE_UNCLEAR_AFTER_CORRECTION, OC.OTHER_NO_CORRECTION}
)
#: Outcomes for which a third party is consulted (第三十二条).
_CONSULTED: Final = frozenset({OC.WITHHELD_THIRD_PARTY_INTERESTS})
_REASONS: Final[dict[str, str]] = {
    OC.WITHHELD_STATE_SECRET: "经审查，所申请信息已依法确定为国家秘密。",
    OC.WITHHELD_PROHIBITED_BY_LAW: "所申请信息属于法律、行政法规禁止公开的信息。",
    OC.WITHHELD_THREE_SECURITIES_ONE_STABILITY: "所申请信息公开后可能危及社会稳定。",
    OC.WITHHELD_THIRD_PARTY_INTERESTS: "所申请信息涉及第三方商业秘密，第三方不同意公开。",
    OC.WITHHELD_INTERNAL_AFFAIRS: "所申请信息属于内部管理信息。",
    OC.WITHHELD_PROCESS_INFORMATION: "所申请信息属于讨论记录、过程稿等过程性信息。",
    OC.WITHHELD_LAW_ENFORCEMENT_FILE: "所申请信息属于行政执法案卷信息。",
    OC.WITHHELD_INQUIRY_MATTER: "所申请信息属于行政查询事项，请按相关规定办理查询。",
    OC.UNABLE_NOT_HELD: "经检索，本机关未制作或获取所申请的政府信息。",
    OC.UNABLE_NEEDS_CREATION: "所申请信息需要对现有信息进行加工、分析，本机关不予另行制作。",
    OC.UNABLE_UNCLEAR_AFTER_CORRECTION: "经补正后，申请内容仍不明确，无法确定所需信息。",
    OC.NOT_PROCESSED_PETITION_OR_COMPLAINT: "申请实为投诉举报，已告知通过相应渠道提出。",
    OC.NOT_PROCESSED_REPEATED: "申请人此前已提出相同申请，本机关已依法作出答复。",
    OC.NOT_PROCESSED_PUBLICATION: "所申请信息为公开出版物，已告知获取途径。",
    OC.NOT_PROCESSED_EXCESSIVE: "申请人无正当理由大量、反复申请，已要求说明理由，逾期未说明。",
    OC.NOT_PROCESSED_CONFIRMATION: "申请要求本机关确认已获取信息的真实性，不属于政府信息公开申请。",
    OC.OTHER_FEE_UNPAID: "申请人收到收费通知后逾期未缴纳信息处理费。",
}
_WITHHELD_PART: Final = (
    (OC.WITHHELD_THIRD_PARTY_INTERESTS, "涉及个人身份证号码、银行账号等个人隐私的内容"),
    (OC.WITHHELD_PROCESS_INFORMATION, "会议讨论记录部分"),
    (OC.UNABLE_NOT_HELD, "本机关不掌握的附件部分"),
)


@dataclass(frozen=True)
class Actors:
    """Who acts: the office (registers online and postal mail, routes), the county's
    clerk (other units' cases), the unit clerk (their unit's), the leader (extends)."""

    office: User
    clerk: User
    unit_clerk: User
    unit: Organisation
    leader: User

    def handler(self, unit: Organisation) -> User:
        return self.unit_clerk if unit.pk == self.unit.pk else self.clerk


@dataclass
class _Case:
    received: date
    applicant_type: str
    outcome: str
    unit: Organisation
    carried_over: bool = False  # from last year: answered in January
    steps: list[str] = field(default_factory=list)


def demo_cases_load(
    *,
    county: Organisation,
    units: Sequence[Organisation],
    actors: Actors,
    year: int,
    carried_over: Sequence[int],
    today: date,
    new_cases: int = NEW_CASES,
) -> int:
    """The county's cases for ``year`` (and those carried over into it); ``carried_over``
    gives last year's 结转下年度 per applicant column.  Returns how many were made."""
    rng = random.Random(SEED + year)  # noqa: S311 (demo data, not secrets)
    calendar = calendar_from_sources(first_year=year - 1, last_year=year + 1)
    people = _People(rng, year)
    plans = _plans(rng, year, units, carried_over, new_cases)
    for plan in plans:
        _run(plan, county, actors, calendar, rng, people, today)
    _appeals(rng, county, actors, year, today)
    return len(plans)


#: Outcomes applicants contest (a refusal of some kind).
_CONTESTED: Final = tuple(
    o
    for o in OC.values
    if o.startswith(("withheld_", "unable_", "not_processed_", "partly_"))
)
RECONSIDERATION_BODY: Final = "示范市人民政府"
COURT: Final = "示范市中级人民法院"


def _appeals(
    rng: random.Random, county: Organisation, actors: Actors, year: int, today: date
) -> None:
    """Reconsiderations and lawsuits against refusals decided in ``year`` (through
    ``appeals.services``): some decided (维持 / 纠正 / 其他), some still open at 31
    December (尚未审结), a few lawsuits after a reconsideration."""
    from gongkai.appeals.models import AppealKind, AppealOutcome
    from gongkai.appeals.services import appeal_decide, appeal_file

    refused = list(
        Application.objects.filter(
            organisation=county,
            outcome__in=_CONTESTED,
            decided_on__gte=date(year, 1, 1),
            decided_on__lte=date(year, 12, 31),
        ).order_by("pk")
    )
    chosen = rng.sample(refused, min(len(refused), 18))
    results = (AppealOutcome.UPHELD,) * 5 + (
        AppealOutcome.CORRECTED,
        AppealOutcome.OTHER,
    )
    for n, application in enumerate(chosen):
        if application.decided_on is None:  # excluded by the filter
            continue
        direct = n % 4 == 3
        kind = AppealKind.LITIGATION_DIRECT if direct else AppealKind.RECONSIDERATION
        filed = application.decided_on + timedelta(days=rng.randint(10, 55))
        if filed > today:
            continue
        appeal = appeal_file(
            application=application,
            kind=kind,
            filed_on=filed,
            body=COURT if direct else RECONSIDERATION_BODY,
            case_number=(
                f"（{filed.year}）豫17行初{rng.randint(10, 300)}号"
                if direct
                else f"示市政复〔{filed.year}〕{rng.randint(1, 200)}号"
            ),
            actor=actors.office,
            today=today,
        )
        decided = filed + timedelta(days=rng.randint(40, 150 if direct else 60))
        if decided > today:
            continue
        outcome = rng.choice(results)
        appeal = appeal_decide(
            appeal=appeal,
            outcome=outcome,
            decided_on=decided,
            actor=actors.office,
            today=today,
            detail="申请人撤回" if outcome == AppealOutcome.OTHER else "",
        )
        if (
            kind == AppealKind.RECONSIDERATION
            and outcome == AppealOutcome.UPHELD
            and n % 3 == 0
        ):
            sued = decided + timedelta(days=rng.randint(5, 14))
            if sued > today:
                continue
            lawsuit = appeal_file(
                application=application,
                kind=AppealKind.LITIGATION_AFTER_RECONSIDERATION,
                filed_on=sued,
                body=COURT,
                case_number=f"（{sued.year}）豫17行初{rng.randint(10, 300)}号",
                follows=appeal,
                actor=actors.office,
                today=today,
            )
            judged = sued + timedelta(days=rng.randint(60, 180))
            if judged <= today:
                appeal_decide(
                    appeal=lawsuit,
                    outcome=AppealOutcome.UPHELD,
                    decided_on=judged,
                    actor=actors.office,
                    today=today,
                )


def _pick(rng: random.Random, weighted: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _plans(
    rng: random.Random,
    year: int,
    units: Sequence[Organisation],
    carried_over: Sequence[int],
    count: int,
) -> list[_Case]:
    out: list[_Case] = []
    types = [t for t, _ in APPLICANT_WEIGHTS]
    # Last year's 结转: received in the last fortnight of December.
    for column, n in enumerate(carried_over[: len(types)]):
        for _ in range(n):
            received = date(year - 1, 12, rng.randint(14, 30))
            outcome = _pick(rng, OUTCOME_WEIGHTS[:2] + OUTCOME_WEIGHTS[10:12])
            out.append(_Case(received, types[column], outcome, rng.choice(units), True))
    # Every outcome and every applicant type at least once, then by weight.
    outcomes = [o for o, _ in OUTCOME_WEIGHTS][:count]
    outcomes += [_pick(rng, OUTCOME_WEIGHTS) for _ in range(count - len(outcomes))]
    rng.shuffle(outcomes)
    applicants = types[:count] + [
        _pick(rng, APPLICANT_WEIGHTS) for _ in range(count - len(types))
    ]
    rng.shuffle(applicants)
    first, last = date(year, 1, 2).toordinal(), date(year, 12, 31).toordinal()
    days = sorted(date.fromordinal(rng.randint(first, last)) for _ in outcomes)
    for received, outcome, applicant in zip(days, outcomes, applicants, strict=True):
        out.append(_Case(received, applicant, outcome, rng.choice(units)))
    return out


class _People:
    """Applicants with well-formed identity numbers and contacts."""

    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng = rng
        self.year = year
        self.serial = 0

    def person(self) -> tuple[str, str, str]:
        r = self.rng
        name = r.choice(SURNAMES) + "".join(
            r.choice(GIVEN) for _ in range(r.choice((1, 2, 2)))
        )
        born = date(r.randint(1950, 2004), r.randint(1, 12), r.randint(1, 28))
        first17 = f"411721{born:%Y%m%d}{r.randint(0, 999):03d}"
        return (
            name,
            IdentityDocument.RESIDENT_ID,
            first17 + resident_id_check_char(first17),
        )

    def organisation(self, applicant_type: str) -> tuple[str, str, str]:
        r = self.rng
        names = {
            A.BUSINESS: COMPANIES,
            A.RESEARCH: RESEARCH,
            A.PUBLIC_INTEREST: PUBLIC_INTEREST,
            A.LEGAL_SERVICES: LAW_FIRMS,
            A.OTHER_ORGANISATION: OTHER_ORGS,
        }[A(applicant_type)]
        header = {
            A.BUSINESS: "91",
            A.RESEARCH: "12",
            A.PUBLIC_INTEREST: "53",
            A.LEGAL_SERVICES: "31",
            A.OTHER_ORGANISATION: "59",
        }[A(applicant_type)]
        body = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        first17 = f"{header}411721{body}{org_code_check_char(body)}"
        return (
            r.choice(names),
            IdentityDocument.CREDIT_CODE,
            first17 + (credit_code_check_char(first17)),
        )

    def contact(self) -> tuple[str, str, str]:
        r = self.rng
        self.serial += 1
        phone = r.choice(("138", "139", "150", "152", "186", "187", "135")) + "".join(
            r.choice("0123456789") for _ in range(8)
        )
        email = f"applicant{self.year}{self.serial:04d}@example.cn"
        address = (
            f"河南省示范县{r.choice(PLACES)}{r.choice(ROADS)}{r.randint(1, 300)}号"
        )
        return phone, email, address


def _items(
    rng: random.Random, unit: Organisation, year: int, outcome: str
) -> list[app.ItemInput]:
    templates = SOUGHT.get(unit.name) or SOUGHT["示范县人民政府办公室"]
    n = 2 if outcome == OC.PARTLY_DISCLOSED else rng.choice((1, 1, 1, 2))
    out = []
    for template in rng.sample(templates, min(n, len(templates))):
        name = template.format(
            y=year - rng.choice((0, 1, 1, 2)),
            y1=year,
            p=rng.choice(PLACES),
            v=rng.choice(VILLAGES),
            c=rng.choice(COMPANIES),
            n=rng.randint(1, 30),
        )
        number = ""
        if "通知" in name or "批复" in name:
            number = f"示政文〔{year - 1}〕{rng.randint(1, 120)}号"
        out.append(
            app.ItemInput(
                name=name,
                document_number=number,
                description="" if number else f"申请获取{name}的全文",
            )
        )
    return out


def _run(
    case: _Case,
    county: Organisation,
    actors: Actors,
    calendar: BusinessCalendar,
    rng: random.Random,
    people: _People,
    today: date,
) -> None:
    """Take one case as far as it got by ``today``."""
    wd = calendar.add_working_days
    if case.applicant_type == A.NATURAL_PERSON:
        name, id_type, id_number = people.person()
    else:
        name, id_type, id_number = people.organisation(case.applicant_type)
    phone, email, address = people.contact()
    channel = rng.choice(
        (Channel.ONLINE,) * 5
        + (Channel.IN_PERSON, Channel.IN_PERSON, Channel.REGISTERED_POST, Channel.EMAIL)
    )
    online = channel == Channel.ONLINE
    delivery = (
        Delivery.ONLINE if online else rng.choice((Delivery.POST, Delivery.PICKUP))
    )
    registered = app.application_register(
        organisation=county,
        applicant_type=case.applicant_type,
        applicant_name=name,
        id_type=id_type,
        id_number=id_number,
        form_wanted=FormWanted.ELECTRONIC if online else FormWanted.PAPER,
        delivery=delivery,
        channel=channel,
        received_on=case.received,
        items=_items(rng, case.unit, case.received.year, case.outcome),
        actor=None if online else actors.clerk,
        today=today,
        phone=phone,
        email=email if online or channel == Channel.EMAIL else "",
        address=address,
    )
    a: Application = registered.application
    handler = actors.handler(case.unit)
    # A working day on or after a date (services accept any date; offices work on
    # working days).
    day = (
        case.received
        if calendar.is_working_day(case.received)
        else wd(case.received, 1)
    )
    if day > today:
        return
    a = app.application_route(
        application=a, unit=case.unit, actor=actors.office, on=day
    )
    step = wd(day, rng.randint(0, 2))
    if step > today:
        return
    a = app.application_start(application=a, actor=handler, on=step)
    # The clock: the answer's day, counted from receipt (or from the correction).
    clock_from = last = case.received
    if case.outcome in _AFTER_CORRECTION:
        notice = wd(case.received, rng.randint(3, 6))
        if notice > today:
            return
        deadline = wd(notice, 15)
        app.application_request_correction(
            application=a,
            points=[
                "请明确所需政府信息的名称、文号或者便于查询的其他特征描述",
                "请提供身份证明",
            ],
            notice_on=notice,
            deadline=deadline,
            actor=handler,
        )
        if case.outcome == OC.OTHER_NO_CORRECTION:
            lapsed = wd(deadline, 1)
            if lapsed > today:
                return
            a = app.application_correction_lapsed(
                application=a, on=lapsed, actor=handler
            )
            _archive(a, handler, calendar, rng, lapsed, today, deliver=True)
            return
        corrected = wd(notice, rng.randint(3, 10))
        if corrected > today:
            return
        a = app.application_correction_received(
            application=a, on=corrected, actor=handler
        )
        clock_from = last = corrected
    paused = 0
    if case.outcome in _CONSULTED or rng.random() < 0.04:
        sent = wd(max(step, last), rng.randint(1, 4))
        if sent > today:
            return
        third_party = case.outcome in _CONSULTED or rng.random() < 0.5
        consultation = app.application_consult(
            application=a,
            party_kind=(
                ConsultationParty.THIRD_PARTY
                if third_party
                else ConsultationParty.ORGAN
            ),
            party_name=rng.choice(COMPANIES if third_party else RESPONSIBLE_ORGANS),
            sent_on=sent,
            actor=handler,
        )
        answered = wd(sent, rng.randint(5, 15))
        if answered > today:
            return
        a = app.application_consultation_answered(
            consultation=consultation,
            answered_on=answered,
            actor=handler,
            answer="不同意公开，涉及本公司商业秘密。"
            if case.outcome == OC.WITHHELD_THIRD_PARTY_INTERESTS
            else "无意见。",
        )
        paused = calendar.working_days_between(sent, answered)
        last = answered
    extended = case.outcome != OC.OTHER and rng.random() < 0.06
    if extended:
        approved = max(wd(clock_from, 18 + paused), wd(last, 1))
        last = approved
        if approved > today:
            return
        a = app.application_extend(
            application=a,
            days=rng.choice((10, 15, 20)),
            approved_on=approved,
            notice_sent_on=approved,
            actor=actors.leader,
            reason="所申请信息数量较大，需要检索、汇总的档案较多。",
        )
    limit = 20 + paused + (15 if extended else 0)
    if case.carried_over:
        answer = max(
            wd(clock_from, rng.randint(10, limit)),
            wd(date(case.received.year, 12, 31), rng.randint(1, 8)),
        )
    else:
        answer = wd(clock_from, rng.randint(min(5 + paused, limit), limit))
    answer = max(answer, step, wd(last, 1) if last > case.received else last)
    if answer > today:
        return
    if case.outcome == OC.OTHER:
        a = app.application_withdraw(
            application=a, on=answer, actor=handler, note="申请人书面撤回申请。"
        )
        _archive(a, handler, calendar, rng, answer, today, deliver=False)
        return
    withheld: list[app.Withheld] = []
    if case.outcome == OC.PARTLY_DISCLOSED:
        item = a.items.order_by("position").last() or a.items.get()
        ground, note = rng.choice(_WITHHELD_PART)
        withheld.append(app.Withheld(item.pk, ground, note))
    not_this_organ = case.outcome == OC.UNABLE_NOT_HELD and rng.random() < 0.4
    a = app.application_decide(
        application=a,
        outcome=case.outcome,
        decided_on=answer,
        actor=handler,
        reason=_REASONS.get(case.outcome, ""),
        withheld=withheld,
        not_this_organ=not_this_organ,
        responsible_organ=rng.choice(RESPONSIBLE_ORGANS) if not_this_organ else "",
    )
    _archive(a, handler, calendar, rng, answer, today, deliver=True)


def _archive(
    a: Application,
    actor: User,
    calendar: BusinessCalendar,
    rng: random.Random,
    on: date,
    today: date,
    *,
    deliver: bool,
) -> None:
    wd: Callable[[date, int], date] = calendar.add_working_days
    if deliver:
        delivered = wd(on, rng.randint(0, 3))
        if delivered > today:
            return
        a = app.application_deliver(
            application=a,
            delivered_by=a.delivery,
            on=delivered,
            actor=actor,
        )
        on = delivered
    archived = wd(on, rng.randint(5, 20))
    if archived <= today:
        app.application_archive(application=a, on=archived, actor=actor)


__all__ = ["Actors", "demo_cases_load"]
