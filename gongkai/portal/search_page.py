"""The public search page: the form (query, filters, order, page), the query it
makes for the search module, and its hits joined with the items they name.

A hit whose item is no longer public (withdrawn since it was indexed) is dropped
here too, so a withdrawn item never shows even if its index entry were late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final, cast

from django import forms
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from gongkai.portal.disclosure import category_descendant_ids, public_items
from gongkai.publications.models import GENRES, CatalogueCategory, InformationItem
from gongkai.search.documents import SearchPage, SearchQuery, Sort
from gongkai.search.publications import KIND
from gongkai.search.selectors import search_documents

PER_PAGE: Final = 20
#: The deepest page one may ask for (deeper pages are refused as bad input).
MAX_PAGE: Final = 500


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("检索词"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("如：预算")}),
    )
    organ = forms.TypedChoiceField(
        label=_("发布机构"), required=False, coerce=int, empty_value=None
    )
    category = forms.TypedChoiceField(
        label=_("公开目录"), required=False, coerce=int, empty_value=None
    )
    genre = forms.ChoiceField(label=_("体裁"), required=False)
    date_from = forms.DateField(
        label=_("发布日期从"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("至"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("排序"),
        required=False,
        choices=[(Sort.RELEVANCE.value, _("按相关度")), (Sort.DATE.value, _("按日期"))],
    )
    page = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput
    )

    def __init__(
        self,
        *args: Any,
        organs: list[tuple[int, str]],
        categories: list[tuple[str, list[tuple[int, str]]]],
        genres: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        cast(forms.ChoiceField, fields["organ"]).choices = [
            ("", _("全部机构")),
            *organs,
        ]
        cast(forms.ChoiceField, fields["category"]).choices = [
            ("", _("全部目录")),
            *categories,
        ]
        cast(forms.ChoiceField, fields["genre"]).choices = [
            ("", _("全部体裁")),
            *((g, g) for g in genres),
        ]

    def filter_fields(self) -> list[forms.BoundField]:
        """The visible fields but the query box (shown as filters)."""
        return [f for f in self.visible_fields() if f.name != "q"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("结束日期不能早于开始日期。"))
        return data


def search_choices() -> dict[str, Any]:
    """The filters' choices: organs and their catalogue categories (grouped by
    organ) and the 体裁 in use besides the statutory ones."""
    items = public_items().order_by()
    organ_ids = set(items.values_list("organisation_id", flat=True).distinct())
    categories = CatalogueCategory.objects.filter(
        organisation_id__in=organ_ids
    ).select_related("organisation")
    organs: dict[int, str] = {}
    grouped: dict[str, list[tuple[int, str]]] = {}
    for category in categories.order_by("organisation__name", "position", "pk"):
        grouped.setdefault(category.organisation.name, []).append(
            (category.pk, category.name)
        )
    from gongkai.orgs.models import Organisation

    for org in Organisation.objects.filter(pk__in=organ_ids):
        organs[org.pk] = org.name
    used = set(items.exclude(genre="").values_list("genre", flat=True).distinct())
    return {
        "organs": sorted(organs.items(), key=lambda o: o[1]),
        "categories": list(grouped.items()),
        "genres": [*GENRES, *sorted(used - set(GENRES))],
    }


def search_query(data: dict[str, Any]) -> SearchQuery:
    """The search module's query for the form's cleaned data (a category filter
    includes the categories below it)."""
    category_ids: tuple[int, ...] = ()
    if data.get("category"):
        category = CatalogueCategory.objects.filter(pk=data["category"]).first()
        if category is not None:
            category_ids = tuple(category_descendant_ids(category=category))
    return SearchQuery(
        text=data.get("q") or "",
        organ_ids=(data["organ"],) if data.get("organ") else (),
        category_ids=category_ids,
        document_types=(data["genre"],) if data.get("genre") else (),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        sort=Sort(data.get("sort") or Sort.RELEVANCE),
        page=data.get("page") or 1,
        per_page=PER_PAGE,
    )


@dataclass(frozen=True)
class Result:
    item: InformationItem
    title_html: SafeString
    snippet_html: SafeString
    date: date


@dataclass(frozen=True)
class Results:
    page: SearchPage
    results: list[Result]


def search_results(query: SearchQuery) -> Results:
    """One page of hits as the items they name (public items only)."""
    page = search_documents(query=query)
    ids = [hit.object_id for hit in page.hits if hit.kind == KIND]
    items = public_items().in_bulk(ids)
    results = [
        Result(items[hit.object_id], hit.title_html, hit.snippet_html, hit.date)
        for hit in page.hits
        if hit.kind == KIND and hit.object_id in items
    ]
    return Results(page, results)
