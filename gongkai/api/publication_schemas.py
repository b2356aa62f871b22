"""Bodies and answers of the proactive-disclosure operations (/publications).
Text fields refuse NUL (PostgreSQL cannot store it) and are bounded by the
database column; dates by ``DATE_MIN``/``DATE_MAX`` (checked in the operations)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Final

from ninja import Field, Schema
from pydantic import StringConstraints

from gongkai.api.application_schemas import NO_NUL, Id
from gongkai.search.documents import Sort

#: Body HTML is sanitised by the service; this bounds what is sent.
MAX_BODY: Final = 500_000
MAX_PAGE_SIZE: Final = 100
MAX_PAGE: Final = 10_000

Text = Annotated[str, StringConstraints(max_length=5000, pattern=NO_NUL)]
Title = Annotated[str, StringConstraints(max_length=500, pattern=NO_NUL)]
Short = Annotated[str, StringConstraints(max_length=100, pattern=NO_NUL)]
Genre = Annotated[str, StringConstraints(max_length=50, pattern=NO_NUL)]
Long = Annotated[str, StringConstraints(max_length=500, pattern=NO_NUL)]
Body = Annotated[str, StringConstraints(max_length=MAX_BODY, pattern=NO_NUL)]
Code = Annotated[str, StringConstraints(max_length=40, pattern=NO_NUL)]


# -- the public side ---------------------------------------------------------------
class ItemFilter(Schema):
    organ: Id | None = Field(None, description="发布机构的编号")
    category: Id | None = Field(None, description="公开目录分类（含其下级分类）")
    genre: Genre | None = Field(None, description="体裁，如 通知")
    date_from: date | None = Field(None, description="发布日期不早于")
    date_to: date | None = Field(None, description="发布日期不晚于")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class SearchFilter(ItemFilter):
    q: str = Field(
        ..., min_length=1, max_length=100, pattern=NO_NUL, description="检索词"
    )
    sort: Sort = Field(Sort.RELEVANCE, description="relevance 相关度 / date 日期")


class NamedOut(Schema):
    id: int
    name: str


class ItemSummaryOut(Schema):
    id: int
    title: str
    index_number: str | None  # 索引号
    organisation: NamedOut  # 发布机构
    category: NamedOut | None  # 公开目录分类
    document_number: str  # 文号
    genre: str  # 体裁
    published_on: date | None  # 发布日期
    validity: str  # valid 有效 / lapsed 失效 / repealed 废止
    page_url: str  # the item on the portal
    api_url: str


class ItemPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[ItemSummaryOut]


class ItemAttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    url: str


class InterpretationOut(Schema):
    id: int
    kind: str  # text 文字解读 / graphic 图解 / video 视频解读
    kind_label: str
    title: str
    body: str  # sanitised HTML
    video_url: str
    published_on: date | None
    page_url: str
    file_url: str | None


class MetadataOut(Schema):
    """The metadata block as government sites show it."""

    index_number: str | None  # 索引号
    organisation: str  # 发布机构
    document_number: str  # 文号
    topic: str  # 主题分类
    genre: str  # 体裁
    category: str  # 公开目录分类
    written_on: date | None  # 成文日期
    published_on: date | None  # 发布日期
    effective_on: date | None  # 施行日期
    amended_on: date | None  # 修改日期
    validity: str
    validity_label: str  # 有效性
    repealed_on: date | None
    lapsed_on: date | None
    normative_kind: str  # "" / rule 规章 / normative 行政规范性文件


class ItemDetailOut(ItemSummaryOut):
    metadata: MetadataOut
    body: str  # sanitised HTML
    attachments: list[ItemAttachmentOut]
    interpretations: list[InterpretationOut]
    replaces: int | None  # the public earlier version it amends
    replaced_by: list[int]


class HitOut(Schema):
    item: ItemSummaryOut
    title_html: str  # escaped; <mark> around matches
    snippet_html: str
    date: date


class SearchOut(Schema):
    total: int
    page: int
    page_size: int
    num_pages: int
    terms: list[str]  # the query's words as segmented
    hits: list[HitOut]


class CategoryOut(Schema):
    id: int
    name: str
    code: str
    description: str
    url: str
    children: list[CategoryOut]


class CatalogueOut(Schema):
    organisation: NamedOut
    categories: list[CategoryOut]


class GuideOut(Schema):
    organisation: NamedOut
    version: int
    published_on: date | None
    body: str  # sanitised HTML
    page_url: str


# -- staff -------------------------------------------------------------------------
class ItemFieldsIn(Schema):
    """The editable fields (``services.EDITABLE``); omitted = unchanged."""

    title: Title | None = None
    body: Body | None = Field(None, description="正文 HTML（保存时清理）")
    category_id: Id | None = Field(None, description="公开目录分类的编号")
    document_number: Short | None = None
    topic: Short | None = None
    genre: Genre | None = None
    normative_kind: Code | None = Field(None, description='"" / rule / normative')
    written_on: date | None = None
    effective_on: date | None = None
    disclosure: Code | None = Field(None, description="proactive/on_request/withheld")
    withheld_ground: Code | None = None
    disclosure_note: Text | None = None
    channels: list[Code] | None = Field(
        None, max_length=10, description="website / weibo / wechat / other"
    )
    channel_other: (
        Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)] | None
    ) = None
    formed_on: date | None = Field(None, description="形成或者变更之日（第二十六条）")
    major_policy: bool | None = None
    replaces_id: Id | None = Field(None, description="所修订的已发布信息")
    legacy_url: Long | None = None


class ItemCreateIn(ItemFieldsIn):
    organisation_id: Id = Field(..., description="发布机构的编号")
    title: Title = Field(..., min_length=1)


class CommentIn(Schema):
    comment: Text = ""


class RequiredCommentIn(Schema):
    comment: Text = Field(..., description="意见或理由（必填）")


class ReviewIn(CommentIn):
    answers: dict[str, Code] = Field(
        ...,
        max_length=200,
        description="保密审查清单：问题编号 → yes / no（每个问题都要回答）",
    )


class AmendIn(ItemFieldsIn):
    comment: Text = Field(..., description="更正理由（必填）")
    amended_on: date | None = Field(None, description="修改日期，默认今天")


class EndIn(CommentIn):
    on: date = Field(..., description="废止或失效之日")


class QuestionOut(Schema):
    id: int
    text: str
    pass_answer: str  # the answer that allows publication


class ItemEventOut(Schema):
    action: str
    on: date
    actor: str | None
    comment: str


class StaffItemOut(Schema):
    id: int
    title: str
    organisation: NamedOut
    category: NamedOut | None
    status: str  # draft / submitted / reviewed / published / withdrawn
    status_label: str
    index_number: str | None
    formed_on: date
    publish_due_on: date | None  # 第二十六条
    published_on: date | None
    validity: str
    disclosure: str
    checklist: list[QuestionOut]  # 保密审查 questions that apply
    timeline: list[ItemEventOut]


class DecisionFilter(Schema):
    year: int | None = Field(None, ge=2008, le=2100)
    organisation: Id | None = Field(None, description="单位（含其下级）")


class DecisionIn(Schema):
    organisation_id: Id = Field(..., description="单位的编号")
    year: int = Field(..., ge=1, le=9999, description="年度（2008–2100）")
    licensing: int = Field(..., ge=0, le=2_000_000_000, description="行政许可")
    punishment: int = Field(..., ge=0, le=2_000_000_000, description="行政处罚")
    coercion: int = Field(..., ge=0, le=2_000_000_000, description="行政强制")
    fees_wan_yuan: str = Field(
        "0",
        pattern=r"^[0-9]{1,12}(\.[0-9]{1,6})?$",
        description="行政事业性收费（万元，最多六位小数）",
    )
    note: Text = ""


class DecisionOut(Schema):
    id: int
    organisation: NamedOut
    year: int
    licensing: int
    punishment: int
    coercion: int
    fees_wan_yuan: str
    source: str  # entered / imported
    note: str
