"""Atom feeds of public items: one per organ and one per catalogue category (the
category's own items and those of the categories below it)."""

from __future__ import annotations

from datetime import datetime, time
from html import unescape
from typing import Final

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gongkai.orgs.models import Organisation
from gongkai.portal import disclosure as d
from gongkai.portal.page_cache import cache_public_page
from gongkai.publications.models import CatalogueCategory, InformationItem

#: Entries in one feed, newest first.
ENTRIES: Final = 30
SUMMARY_CHARS: Final = 200


class _ItemFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        return cache_public_page(super().__call__)(request, *args, **kwargs)

    def item_title(self, item: InformationItem) -> str:
        return item.title

    def item_description(self, item: InformationItem) -> str:
        text = " ".join(unescape(strip_tags(item.body or "")).split())
        return Truncator(text).chars(SUMMARY_CHARS)

    def item_link(self, item: InformationItem) -> str:
        return reverse("portal:item", args=[item.pk])

    def item_pubdate(self, item: InformationItem) -> datetime | None:
        if item.published_on is None:
            return None
        return timezone.make_aware(datetime.combine(item.published_on, time()))

    def item_updateddate(self, item: InformationItem) -> datetime | None:
        return (
            self.item_pubdate(item)
            if item.amended_on is None
            else (timezone.make_aware(datetime.combine(item.amended_on, time())))
        )

    def item_author_name(self, item: InformationItem) -> str:
        return item.organisation.name

    def item_categories(self, item: InformationItem) -> list[str]:
        return [c for c in (item.topic, item.genre) if c]


class OrganFeed(_ItemFeed):
    def get_object(self, request: HttpRequest, org_id: int) -> Organisation:
        organisation = d.organ_get(pk=org_id)
        if organisation is None:
            raise Http404(_("没有找到这个机关。"))
        return organisation

    def title(self, obj: Organisation) -> str:
        return _("%(organ)s · 政府信息公开") % {"organ": obj.name}

    def subtitle(self, obj: Organisation) -> str:
        return _("%(organ)s最新主动公开的政府信息") % {"organ": obj.name}

    def link(self, obj: Organisation) -> str:
        return reverse("portal:organ", args=[obj.pk])

    def items(self, obj: Organisation) -> list[InformationItem]:
        return list(d.browse_items(organisation=obj)[:ENTRIES])


class CategoryFeed(_ItemFeed):
    def get_object(self, request: HttpRequest, category_id: int) -> CatalogueCategory:
        category = d.category_get(pk=category_id)
        if category is None:
            raise Http404(_("没有找到这个公开目录分类。"))
        return category

    def title(self, obj: CatalogueCategory) -> str:
        return _("%(organ)s · %(category)s") % {
            "organ": obj.organisation.name,
            "category": obj.name,
        }

    def subtitle(self, obj: CatalogueCategory) -> str:
        return _("公开目录“%(category)s”中最新主动公开的政府信息") % {
            "category": obj.name
        }

    def link(self, obj: CatalogueCategory) -> str:
        return reverse("portal:category", args=[obj.pk])

    def items(self, obj: CatalogueCategory) -> list[InformationItem]:
        return list(d.category_items(category=obj)[:ENTRIES])
