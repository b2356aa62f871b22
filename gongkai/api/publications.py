"""/publications: proactive disclosure (主动公开).

The public reads published items of 主动公开 only: a draft, an item under review,
a withdrawn one or one not of 主动公开 is the same 404 ``item_not_found`` as an id
that names nothing.  Staff operations take an API token or the session (CSRF on
unsafe methods), and each write calls exactly one service of
``gongkai.publications.services``; an item the caller may not see is the same 404,
one they see but may not act on is a 403 (the service's ``permission_denied``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Final, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router
from ninja import Status as Answer
from ninja.params.functions import Path

from gongkai.accounts.scope import user_scope
from gongkai.api import publication_presenters as p
from gongkai.api import publication_schemas as s
from gongkai.api.applications import _actor, _organisation
from gongkai.api.auth import STAFF_AUTH
from gongkai.api.errors import ApiError, ErrorOut
from gongkai.core import clock
from gongkai.core.converters import MAX_ID, MIN_ID
from gongkai.orgs.selectors import organisation_descendant_ids
from gongkai.publications import permissions, services
from gongkai.publications.models import (
    CatalogueCategory,
    DecisionCount,
    InformationItem,
)
from gongkai.publications.public import (
    category_descendant_ids,
    item_page_get,
    public_items,
)
from gongkai.publications.selectors import (
    catalogue_tree,
    guide_current,
)
from gongkai.search.documents import SearchQuery
from gongkai.search.publications import KIND
from gongkai.search.selectors import search_documents

router = Router(tags=["主动公开 publications"])

ITEM_NOT_FOUND: Final = "没有这条政府信息，或它尚未公开、已撤回"
GUIDE_NOT_FOUND: Final = "这个机关尚未发布政府信息公开指南"
#: Dates an item may carry (成文、施行、形成、废止 …).
DATE_MIN: Final = date(1949, 10, 1)
DATE_MAX: Final = date(2100, 12, 31)

_ITEM_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="item id")
_ORG_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="organ id")
_PUBLIC_ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}
_STAFF_ERRORS: dict[int, Any] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
}
_ACTION = {200: s.StaffItemOut, **_STAFF_ERRORS}

F = TypeVar("F", bound=Callable[..., Any])


# -- helpers -----------------------------------------------------------------------
def _bounded(value: date | None, field: str) -> date | None:
    if value is not None and not DATE_MIN <= value <= DATE_MAX:
        raise ApiError(
            f"{field} {value.isoformat()} 超出范围：应在 {DATE_MIN.isoformat()} 至 "
            f"{DATE_MAX.isoformat()} 之间",
            code="publication_invalid",
        )
    return value


def _filtered(filters: s.ItemFilter) -> QuerySet[InformationItem]:
    items = public_items()
    if filters.organ is not None:
        items = items.filter(organisation_id=filters.organ)
    if filters.category is not None:
        category = CatalogueCategory.objects.filter(pk=filters.category).first()
        below = category_descendant_ids(category=category) if category else []
        items = items.filter(category_id__in=below)
    if filters.genre:
        items = items.filter(genre=filters.genre)
    if filters.date_from is not None:
        items = items.filter(published_on__gte=filters.date_from)
    if filters.date_to is not None:
        items = items.filter(published_on__lte=filters.date_to)
    return items


def _visible(request: HttpRequest, item_id: int) -> InformationItem:
    item = (
        permissions.visible_items(_actor(request))
        .select_related("organisation", "category")
        .filter(pk=item_id)
        .first()
    )
    if item is None:
        raise ApiError(ITEM_NOT_FOUND, code="item_not_found")
    return item


def _fields(request: HttpRequest, body: s.ItemFieldsIn) -> dict[str, Any]:
    """The service's ``fields`` for the body's given fields (ids as objects)."""
    given = body.model_dump(exclude_unset=True, exclude={"organisation_id"})
    given.pop("comment", None)
    given.pop("amended_on", None)
    for name in ("written_on", "effective_on", "formed_on"):
        _bounded(given.get(name), name)
    if "category_id" in given:
        pk = given.pop("category_id")
        given["category"] = None
        if pk is not None:
            given["category"] = CatalogueCategory.objects.filter(pk=pk).first()
            if given["category"] is None:
                raise ApiError(
                    f"category_id：没有编号为 {pk} 的目录分类",
                    code="publication_invalid",
                )
    if "replaces_id" in given:
        pk = given.pop("replaces_id")
        given["replaces"] = _visible(request, pk) if pk is not None else None
    for name in ("title", "body", "document_number", "topic", "genre"):
        if name in given and given[name] is None:
            given[name] = ""
    keep = ("category", "replaces")
    return {k: v for k, v in given.items() if v is not None or k in keep}


# -- the public side ---------------------------------------------------------------
@router.get(
    "/publications/items",
    response={200: s.ItemPageOut, **_PUBLIC_ERRORS},
    url_name="publication_list_api",
    summary="已公开的政府信息（按机关、目录分类、体裁、发布日期筛选）",
)
def publication_list_api(
    request: HttpRequest, filters: Query[s.ItemFilter]
) -> dict[str, Any]:
    items = _filtered(filters)
    start = (filters.page - 1) * filters.page_size
    return {
        "count": items.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "items": [p.summary(i) for i in items[start : start + filters.page_size]],
    }


@router.get(
    "/publications/items/{id:item_id}",
    response={200: s.ItemDetailOut, **_PUBLIC_ERRORS},
    url_name="publication_item_api",
    summary="一条政府信息：元数据、正文、政策解读、附件",
)
def publication_item_api(request: HttpRequest, item_id: int = _ITEM_ID) -> Any:
    page = item_page_get(pk=item_id)
    if page is None:
        raise ApiError(ITEM_NOT_FOUND, code="item_not_found")
    return p.item_detail(page)


@router.get(
    "/publications/search",
    response={200: s.SearchOut, **_PUBLIC_ERRORS},
    url_name="publication_search_api",
    summary="全文检索（中文分词；匹配处以 <mark> 标出）",
)
def publication_search_api(
    request: HttpRequest, filters: Query[s.SearchFilter]
) -> dict[str, Any]:
    category_ids: tuple[int, ...] = ()
    if filters.category is not None:
        category = CatalogueCategory.objects.filter(pk=filters.category).first()
        category_ids = (0,)  # an unknown category: nothing
        if category is not None:
            category_ids = tuple(category_descendant_ids(category=category))
    try:
        query = SearchQuery(
            text=filters.q,
            organ_ids=(filters.organ,) if filters.organ else (),
            category_ids=category_ids,
            document_types=(filters.genre,) if filters.genre else (),
            date_from=_bounded(filters.date_from, "date_from"),
            date_to=_bounded(filters.date_to, "date_to"),
            sort=filters.sort,
            page=filters.page,
            per_page=min(filters.page_size, 50),
        )
    except ValueError as exc:
        raise ApiError(f"检索条件有误：{exc}", code="publication_invalid") from exc
    page = search_documents(query=query)
    ids = [hit.object_id for hit in page.hits if hit.kind == KIND]
    items = public_items().in_bulk(ids)
    return {
        "total": page.total,
        "page": page.page,
        "page_size": page.per_page,
        "num_pages": page.num_pages,
        "terms": list(page.terms),
        "hits": [
            {
                "item": p.summary(items[hit.object_id]),
                "title_html": str(hit.title_html),
                "snippet_html": str(hit.snippet_html),
                "date": hit.date,
            }
            for hit in page.hits
            if hit.kind == KIND and hit.object_id in items
        ],
    }


@router.get(
    "/publications/organs/{id:org_id}/catalogue",
    response={200: s.CatalogueOut, **_PUBLIC_ERRORS},
    url_name="publication_catalogue_api",
    summary="机关的政府信息公开目录（分类树）",
)
def publication_catalogue_api(request: HttpRequest, org_id: int = _ORG_ID) -> Any:
    organisation = _organisation(org_id, "org_id")
    tree = catalogue_tree(organisation=organisation)
    return {
        "organisation": p.named(organisation),
        "categories": [p.category(node) for node in tree],
    }


@router.get(
    "/publications/organs/{id:org_id}/guide",
    response={200: s.GuideOut, **_PUBLIC_ERRORS},
    url_name="publication_guide_api",
    summary="机关现行的政府信息公开指南",
)
def publication_guide_api(request: HttpRequest, org_id: int = _ORG_ID) -> Any:
    organisation = _organisation(org_id, "org_id")
    guide = guide_current(organisation=organisation)
    if guide is None:
        raise ApiError(GUIDE_NOT_FOUND, code="guide_not_found")
    return {
        "organisation": p.named(organisation),
        "version": guide.version,
        "published_on": guide.published_on,
        "body": guide.body,
        "page_url": reverse("portal:guide", args=[organisation.pk]),
    }


# -- staff: drafting and review ----------------------------------------------------
@router.post(
    "/publications/drafts",
    response={201: s.StaffItemOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="publication_create_api",
    summary="起草一条政府信息（承办人、公开办）",
)
def publication_create_api(
    request: HttpRequest, body: s.ItemCreateIn
) -> Answer[dict[str, Any]]:
    organisation = _organisation(body.organisation_id, "organisation_id")
    fields = _fields(request, body)
    fields.pop("title", None)
    item = services.item_create(
        organisation=organisation,
        actor=_actor(request),
        today=clock.today(),
        title=body.title,
        **fields,
    )
    return Answer(201, p.staff_item(item))


def _action(path: str, name: str, summary: str) -> Callable[[F], F]:
    return router.post(
        f"/publications/items/{{id:item_id}}/{path}",
        response=_ACTION,
        auth=STAFF_AUTH,
        url_name=name,
        summary=summary,
    )


@router.get(
    "/publications/items/{id:item_id}/workflow",
    response=_ACTION,
    auth=STAFF_AUTH,
    url_name="publication_workflow_api",
    summary="信息的办理状态、保密审查清单和办理记录（工作人员）",
)
def publication_workflow_api(request: HttpRequest, item_id: int = _ITEM_ID) -> Any:
    return p.staff_item(_visible(request, item_id))


@_action("update", "publication_update_api", "修改草稿（只改所给字段）")
def publication_update_api(
    request: HttpRequest, body: s.ItemFieldsIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_update(
        item=item, actor=_actor(request), today=clock.today(), **_fields(request, body)
    )
    return p.staff_item(item)


@_action("submit", "publication_submit_api", "提交审核（承办人）")
def publication_submit_api(
    request: HttpRequest, body: s.CommentIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_submit(
        item=item, actor=_actor(request), today=clock.today(), comment=body.comment
    )
    return p.staff_item(item)


@_action("review", "publication_review_api", "审核通过（审核人：保密审查清单）")
def publication_review_api(
    request: HttpRequest, body: s.ReviewIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    answers = {int(k): v for k, v in body.answers.items() if k.isdigit()}
    services.item_review_approve(
        item=item,
        actor=_actor(request),
        today=clock.today(),
        answers=answers,
        comment=body.comment,
    )
    return p.staff_item(item)


@_action("approve", "publication_approve_api", "分管领导审批：发布")
def publication_approve_api(
    request: HttpRequest, body: s.CommentIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_leader_approve(
        item=item, actor=_actor(request), today=clock.today(), comment=body.comment
    )
    return p.staff_item(item)


@_action("return", "publication_return_api", "退回修改（须写明理由）")
def publication_return_api(
    request: HttpRequest, body: s.RequiredCommentIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_return(
        item=item, actor=_actor(request), today=clock.today(), comment=body.comment
    )
    return p.staff_item(item)


# -- staff: the published document's life -----------------------------------------
@_action("withdraw", "publication_withdraw_api", "撤回已发布的信息（须写明理由）")
def publication_withdraw_api(
    request: HttpRequest, body: s.RequiredCommentIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_withdraw(
        item=item, actor=_actor(request), today=clock.today(), comment=body.comment
    )
    return p.staff_item(item)


@_action("amend", "publication_amend_api", "更正已发布的信息（须写明理由）")
def publication_amend_api(
    request: HttpRequest, body: s.AmendIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_amend(
        item=item,
        actor=_actor(request),
        today=clock.today(),
        comment=body.comment,
        amended_on=_bounded(body.amended_on, "amended_on"),
        **_fields(request, body),
    )
    return p.staff_item(item)


@_action("repeal", "publication_repeal_api", "文件废止（第二十条第（一）项）")
def publication_repeal_api(
    request: HttpRequest, body: s.EndIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_repeal(
        item=item,
        actor=_actor(request),
        today=clock.today(),
        on=_bounded(body.on, "on") or body.on,
        comment=body.comment,
    )
    return p.staff_item(item)


@_action("lapse", "publication_lapse_api", "文件失效")
def publication_lapse_api(
    request: HttpRequest, body: s.EndIn, item_id: int = _ITEM_ID
) -> Any:
    item = _visible(request, item_id)
    services.item_lapse(
        item=item,
        actor=_actor(request),
        today=clock.today(),
        on=_bounded(body.on, "on") or body.on,
        comment=body.comment,
    )
    return p.staff_item(item)


# -- staff: decision counts (section 二) -------------------------------------------
@router.get(
    "/publications/decision-counts",
    response={200: list[s.DecisionOut], **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="publication_decisions_api",
    summary="行政许可、处罚、强制决定数和收费金额（按单位、年度）",
)
def publication_decisions_api(
    request: HttpRequest, filters: Query[s.DecisionFilter]
) -> list[dict[str, Any]]:
    entries = DecisionCount.objects.select_related("organisation")
    scope = user_scope(_actor(request))
    if not scope.everywhere:
        ids = scope.organisation_ids(permissions.VIEW_ROLES | permissions.OFFICE_ROLES)
        entries = entries.filter(organisation_id__in=ids)
    if filters.organisation is not None:
        organisation = _organisation(filters.organisation, "organisation")
        below = organisation_descendant_ids(organisation=organisation)
        entries = entries.filter(organisation_id__in=below)
    if filters.year is not None:
        entries = entries.filter(year=filters.year)
    return [p.decision(e) for e in entries.order_by("-year", "organisation__name")]


@router.post(
    "/publications/decision-counts",
    response={200: s.DecisionOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="publication_decision_save_api",
    summary="填报（或改正）一个单位一年的决定数和收费金额（公开办）",
)
def publication_decision_save_api(request: HttpRequest, body: s.DecisionIn) -> Any:
    organisation = _organisation(body.organisation_id, "organisation_id")
    entry = services.decision_count_save(
        organisation=organisation,
        year=body.year,
        actor=_actor(request),
        licensing=body.licensing,
        punishment=body.punishment,
        coercion=body.coercion,
        fees_wan_yuan=body.fees_wan_yuan,
        note=body.note,
    )
    return p.decision(entry)
