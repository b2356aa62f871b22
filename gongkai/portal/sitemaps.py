"""The sitemap (django.contrib.sitemaps): an index at /sitemap.xml with one section
each for the portal's fixed pages, public items (paged by 50,000), organs' guides
and published annual reports."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.selectors import report_list_published
from gongkai.publications.models import Guide, GuideStatus, InformationItem
from gongkai.publications.selectors import item_public_queryset


class PageSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return ["portal:home", "portal:organs", "portal:topics", "portal:reports"]

    def location(self, item: str) -> str:
        return reverse(item)


class ItemSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"

    def items(self) -> QuerySet[InformationItem]:
        return (
            item_public_queryset()
            .only("pk", "published_on", "amended_on")
            .order_by("pk")
        )

    def location(self, item: InformationItem) -> str:
        return reverse("portal:item", args=[item.pk])

    def lastmod(self, item: InformationItem) -> date | None:
        return item.amended_on or item.published_on


class GuideSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "yearly"

    def items(self) -> list[dict[str, Any]]:
        rows = (
            Guide.objects.filter(status=GuideStatus.PUBLISHED)
            .order_by("organisation_id", "-version")
            .values("organisation_id", "published_on")
        )
        newest: dict[int, Any] = {}
        for row in rows:
            newest.setdefault(row["organisation_id"], row)
        return list(newest.values())

    def location(self, item: dict[str, Any]) -> str:
        return reverse("portal:guide", args=[item["organisation_id"]])

    def lastmod(self, item: dict[str, Any]) -> date | None:
        return item["published_on"]  # type: ignore[no-any-return]


class ReportSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "yearly"

    def items(self) -> QuerySet[AnnualReport]:
        return report_list_published().order_by("organisation_id", "year")

    def location(self, item: AnnualReport) -> str:
        return reverse("portal:report", args=[item.organisation_id, item.year])

    def lastmod(self, item: AnnualReport) -> date | None:
        return item.published_on


SITEMAPS: Final[dict[str, type[Sitemap]]] = {  # type: ignore[type-arg]
    "pages": PageSitemap,
    "items": ItemSitemap,
    "guides": GuideSitemap,
    "reports": ReportSitemap,
}
