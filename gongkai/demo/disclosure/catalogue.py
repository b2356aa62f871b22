"""Each demo organ's 政府信息公开目录 (the category tree), its 公开指南 and the
profile that says what it publishes and how much: a county government issues
规范性文件 and appoints officials, the market regulator publishes penalty
decisions, a township publishes its 低保 payments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class CategorySpec:
    code: str  # goes into the 索引号 (letters and digits)
    name: str
    parent: str = ""  # the parent's code


#: The categories an organ may use (each organ takes the ones it publishes in).
CATEGORIES: Final = (
    CategorySpec("01", "机构职能"),
    CategorySpec("02", "政策文件"),
    CategorySpec("0201", "行政规范性文件", "02"),
    CategorySpec("0202", "其他政策文件", "02"),
    CategorySpec("03", "通知公告"),
    CategorySpec("04", "规划计划"),
    CategorySpec("05", "财政信息"),
    CategorySpec("0501", "财政预决算", "05"),
    CategorySpec("0502", "“三公”经费", "05"),
    CategorySpec("06", "人事信息"),
    CategorySpec("07", "行政许可"),
    CategorySpec("08", "行政处罚"),
    CategorySpec("09", "重点领域信息"),
    CategorySpec("0901", "政府采购", "09"),
    CategorySpec("0902", "重大建设项目", "09"),
    CategorySpec("0903", "社会救助", "09"),
    CategorySpec("0904", "乡村振兴", "09"),
    CategorySpec("0905", "食品药品安全", "09"),
    CategorySpec("0906", "征地信息", "09"),
    CategorySpec("10", "建议提案办理"),
)
PARENTS: Final = frozenset(c.parent for c in CATEGORIES if c.parent)


@dataclass(frozen=True)
class Profile:
    """What an organ publishes in a year: items per leaf category."""

    code: str  # the organ's code (行政区划代码 style), for its 索引号
    short: str  # as its documents name it, e.g. 县财政局
    prefix: str  # of its 文号, e.g. 示财
    per_year: dict[str, int]
    #: 规范性文件 issued per year before the demo year (现行有效 builds up).
    backlog: int = 0
    address: str = "河南省示范县人民路1号"
    phone: str = "0371-6xxxxxx"

    @property
    def categories(self) -> frozenset[str]:
        """The catalogue codes the organ uses, with their parents."""
        used = set(self.per_year) | ({"0201"} if self.backlog else set())
        parents = {c.parent for c in CATEGORIES if c.code in used and c.parent}
        return frozenset(used | parents)


PROFILES: Final[dict[str, Profile]] = {
    "示范县人民政府": Profile(
        code="990101",
        short="县政府",
        prefix="示政",
        per_year={
            "01": 2,
            "0201": 12,
            "0202": 67,
            "03": 56,
            "04": 14,
            "06": 50,
            "0902": 34,
            "10": 8,
        },
        backlog=10,
        address="河南省示范县人民路1号县政府大楼",
        phone="0371-66012345",
    ),
    "示范县人民政府办公室": Profile(
        code="99010101",
        short="县政府办公室",
        prefix="示政办",
        per_year={
            "01": 2,
            "0201": 4,
            "0202": 42,
            "03": 50,
            "0501": 3,
            "0502": 1,
            "10": 56,
        },
        backlog=3,
        address="河南省示范县人民路1号县政府大楼",
        phone="0371-66012346",
    ),
    "示范县发展和改革局": Profile(
        code="99010102",
        short="县发展改革局",
        prefix="示发改",
        per_year={
            "01": 1,
            "0201": 2,
            "0202": 17,
            "03": 28,
            "04": 14,
            "0501": 3,
            "0502": 1,
            "07": 73,
            "0902": 50,
        },
        backlog=2,
        address="河南省示范县建设路18号",
        phone="0371-66013210",
    ),
    "示范县财政局": Profile(
        code="99010103",
        short="县财政局",
        prefix="示财",
        per_year={
            "01": 1,
            "0201": 3,
            "0202": 22,
            "03": 34,
            "0501": 67,
            "0502": 2,
            "0901": 101,
        },
        backlog=2,
        address="河南省示范县文化路26号",
        phone="0371-66014321",
    ),
    "示范县自然资源局": Profile(
        code="99010104",
        short="县自然资源局",
        prefix="示自然资",
        per_year={
            "01": 1,
            "0201": 2,
            "0202": 11,
            "03": 28,
            "04": 8,
            "0501": 3,
            "07": 56,
            "08": 22,
            "0906": 50,
        },
        backlog=1,
        address="河南省示范县滨河大道66号",
        phone="0371-66015432",
    ),
    "示范县市场监督管理局": Profile(
        code="99010105",
        short="县市场监管局",
        prefix="示市监",
        per_year={
            "01": 1,
            "0201": 2,
            "0202": 11,
            "03": 28,
            "0501": 3,
            "07": 73,
            "08": 154,
            "0905": 34,
        },
        backlog=1,
        address="河南省示范县解放路88号",
        phone="0371-66016543",
    ),
    "示范县城关镇人民政府": Profile(
        code="99010121",
        short="城关镇",
        prefix="城政",
        per_year={
            "01": 1,
            "0202": 11,
            "03": 22,
            "04": 3,
            "0501": 3,
            "0903": 17,
            "0904": 20,
        },
        address="河南省示范县城关镇人民路120号",
        phone="0371-66021001",
    ),
    "示范县东风乡人民政府": Profile(
        code="99010122",
        short="东风乡",
        prefix="东政",
        per_year={
            "01": 1,
            "0202": 8,
            "03": 17,
            "04": 3,
            "0501": 3,
            "0903": 17,
            "0904": 25,
        },
        address="河南省示范县东风乡政府街8号",
        phone="0371-66022002",
    ),
    "示范县西湖街道办事处": Profile(
        code="99010123",
        short="西湖街道",
        prefix="西办",
        per_year={
            "01": 1,
            "0202": 8,
            "03": 22,
            "04": 3,
            "0501": 3,
            "0903": 17,
            "0904": 8,
        },
        address="河南省示范县湖滨路9号",
        phone="0371-66023003",
    ),
}


def guide_body(*, organ: str, profile: Profile, year: int) -> str:
    """The organ's 政府信息公开指南 (sanitised HTML), as such guides are written."""
    return f"""
<p>为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》
（以下简称《条例》）和上级有关规定，编制本指南。本指南每年更新，最近更新于{year}年。</p>
<h2>一、主动公开</h2>
<p>（一）公开范围：{organ}按照《条例》第十九条、第二十条和第二十一条的规定，主动公开机构职能、
政策文件、规划计划、财政预决算、行政许可和行政处罚结果等政府信息，具体见本机关政府信息公开目录。</p>
<p>（二）公开方式：主要通过示范县人民政府门户网站“政府信息公开”专栏公开，同时通过政务微信、
政务微博、政务服务中心和档案馆、图书馆设置的政府信息查阅场所等途径公开。</p>
<p>（三）公开时限：属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内
予以公开。法律、法规对公开期限另有规定的，从其规定。</p>
<h2>二、依申请公开</h2>
<p>（一）受理机构：{organ}政府信息公开工作机构。办公地址：{profile.address}；
办公时间：工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）；联系电话：{profile.phone}。</p>
<p>（二）申请方式：申请人可以通过本网站在线提交申请，也可以当面提交、邮寄或者通过电子邮件提交
书面申请。申请内容应当包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、
文号或者便于查询的其他特征性描述，以及获取信息的方式、途径。</p>
<p>（三）办理时限：能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内
予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长
不超过20个工作日。</p>
<p>（四）收费：提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，
按照《政府信息公开信息处理费管理办法》收取信息处理费。</p>
<h2>三、监督和救济</h2>
<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向示范县人民政府
办公室投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>
""".strip()


__all__ = ["CATEGORIES", "PARENTS", "PROFILES", "CategorySpec", "Profile", "guide_body"]
