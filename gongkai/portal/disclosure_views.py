"""Public disclosure pages (主动公开): home, browsing by organ, theme (主题分类) and
category (公开目录), an item with its metadata, 政策解读 and attachments, an organ's
guide and catalogue, and the search page.  Thin: selectors read, templates show.
Every page here is kept in the page cache for anonymous readers."""

from __future__ import annotations

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.http import not_found
from gongkai.portal import disclosure as d
from gongkai.portal.page_cache import cache_public_page, remember
from gongkai.portal.pagination import pagination
from gongkai.portal.search_page import (
    SearchForm,
    search_choices,
    search_query,
    search_results,
)
from gongkai.publications.models import InformationItem

PER_PAGE = 20


def _bad_request(request: HttpRequest, form: forms.Form) -> HttpResponse:
    return render(request, "portal/bad_request.html", {"form": form}, status=400)


@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "latest": d.latest_items(),
            "notices": d.latest_notices(),
            "organs": d.organ_list(),
            "topics": d.topic_list(),
            "reports": d.latest_reports(),
        },
    )


@cache_public_page
def organ_index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/organs.html", {"organs": d.organ_list()})


@cache_public_page
def topic_index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/topics.html", {"topics": d.topic_list()})


@cache_public_page
def organ_detail(request: HttpRequest, org_id: int) -> HttpResponse:
    page = d.organ_page_get(pk=org_id)
    if page is None:
        return not_found(request, _("没有找到这个机关。"))
    return render(request, "portal/organ.html", {"page": page})


@cache_public_page
def guide_detail(request: HttpRequest, org_id: int) -> HttpResponse:
    page = d.organ_page_get(pk=org_id)
    if page is None or page.guide is None:
        return not_found(request, _("这个机关尚未发布政府信息公开指南。"))
    return render(request, "portal/guide.html", {"page": page, "guide": page.guide})


class BrowseForm(forms.Form):
    topic = forms.CharField(required=False, max_length=100)
    organ = forms.IntegerField(required=False, min_value=1)
    page = forms.IntegerField(required=False, min_value=1)


def _paged(
    request: HttpRequest, items: QuerySet[InformationItem], number: int
) -> dict[str, object]:
    paginator = Paginator(items, PER_PAGE)
    try:
        page = paginator.page(number)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return {
        "items": list(page.object_list),
        "count": paginator.count,
        "pagination": pagination(
            query=request.GET, number=page.number, num_pages=paginator.num_pages
        ),
    }


@cache_public_page
def item_index(request: HttpRequest) -> HttpResponse:
    """Public items, filtered by organ and theme (the browse pages link here)."""
    form = BrowseForm(request.GET)
    if not form.is_valid():
        return _bad_request(request, form)
    organ_id, topic = form.cleaned_data["organ"], form.cleaned_data["topic"] or ""
    organisation = d.organ_get(pk=organ_id) if organ_id else None
    if organ_id and organisation is None:
        return not_found(request, _("没有找到这个机关。"))
    items = d.browse_items(organisation=organisation, topic=topic)
    context = _paged(request, items, form.cleaned_data["page"] or 1)
    context.update({"organisation": organisation, "topic": topic})
    return render(request, "portal/items.html", context)


@cache_public_page
def category_detail(request: HttpRequest, category_id: int) -> HttpResponse:
    form = BrowseForm(request.GET)
    if not form.is_valid():
        return _bad_request(request, form)
    category = d.category_get(pk=category_id)
    if category is None:
        return not_found(request, _("没有找到这个公开目录分类。"))
    context = _paged(
        request, d.category_items(category=category), form.cleaned_data["page"] or 1
    )
    context.update(
        {
            "category": category,
            "path": d.category_path(category=category),
            "children": d.category_children(category=category),
        }
    )
    return render(request, "portal/category.html", context)


@cache_public_page
def item_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    page = d.item_page_get(pk=item_id)
    if page is None:
        return not_found(request, _("没有找到这条政府信息，或者它已经撤回。"))
    return render(request, "portal/item.html", {"page": page, "item": page.item})


@cache_public_page
def interpretation_detail(request: HttpRequest, interpretation_id: int) -> HttpResponse:
    interpretation = d.interpretation_get_public(pk=interpretation_id)
    if interpretation is None:
        return not_found(request, _("没有找到这篇政策解读。"))
    return render(
        request,
        "portal/interpretation.html",
        {"interpretation": interpretation, "document": interpretation.document},
    )


def attachment_download(
    request: HttpRequest, item_id: int, attachment_id: int
) -> HttpResponseBase:
    attachment = d.attachment_get_public(item_pk=item_id, pk=attachment_id)
    if attachment is None:
        return not_found(request, _("没有找到这个附件。"))
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type or "application/octet-stream",
    )


def interpretation_file(
    request: HttpRequest, interpretation_id: int
) -> HttpResponseBase:
    interpretation = d.interpretation_get_public(pk=interpretation_id)
    if interpretation is None or not interpretation.file:
        return not_found(request, _("没有找到这个文件。"))
    name = interpretation.file.name.rsplit("/", 1)[-1]
    return FileResponse(interpretation.file.open("rb"), filename=name)


SEARCH_TITLE = gettext_lazy("站内检索")


@cache_public_page
def search(request: HttpRequest) -> HttpResponse:
    choices = remember("search-choices", search_choices)
    form = SearchForm(request.GET or None, **choices)
    context: dict[str, object] = {"form": form, "searched": False}
    status = 200
    if request.GET and not form.is_valid():
        status = 400
    elif form.is_bound and (form.cleaned_data.get("q") or "").strip():
        found = search_results(search_query(form.cleaned_data))
        context.update(
            {
                "searched": True,
                "results": found.results,
                "total": found.page.total,
                "terms": found.page.terms,
                "pagination": pagination(
                    query=request.GET,
                    number=found.page.page,
                    num_pages=found.page.num_pages,
                ),
            }
        )
    return render(request, "portal/search.html", context, status=status)
