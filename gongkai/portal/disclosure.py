"""Reads for the public disclosure pages (主动公开): the latest items and notices,
the organs, themes and catalogue categories to browse, one item with its 政策解读
and attachments, an organ's guide, catalogue and annual reports.

Only what the public may see: items through ``item_public_queryset`` (published,
主动公开), guides through ``guide_current`` (published), reports through
``report_list_published``.  Nothing here writes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.selectors import report_list_published
from gongkai.orgs.models import Organisation
from gongkai.publications.models import (
    CatalogueCategory,
    Guide,
    InformationItem,
)
from gongkai.publications.public import (
    LATEST,
    NOTICE_GENRES,
    ItemPage,
    MetaField,
    OrganLink,
    TopicLink,
    attachment_get_public,
    browse_items,
    category_children,
    category_descendant_ids,
    category_get,
    category_items,
    category_path,
    interpretation_get_public,
    item_metadata,
    item_page_get,
    latest_items,
    latest_notices,
    organ_get,
    organ_list,
    public_items,
    topic_list,
    validity_text,
)
from gongkai.publications.selectors import (
    CategoryNode,
    catalogue_tree,
    guide_current,
)

#: The portal's reads: the public ones of the publications domain and its own.
__all__ = [
    "LATEST",
    "NOTICE_GENRES",
    "CatalogueRow",
    "ItemPage",
    "MetaField",
    "OrganLink",
    "OrganPage",
    "TopicLink",
    "attachment_get_public",
    "browse_items",
    "catalogue_rows",
    "category_children",
    "category_descendant_ids",
    "category_get",
    "category_items",
    "category_path",
    "interpretation_get_public",
    "item_metadata",
    "item_page_get",
    "latest_items",
    "latest_notices",
    "latest_reports",
    "organ_get",
    "organ_list",
    "organ_page_get",
    "organ_reports",
    "public_items",
    "topic_list",
    "validity_text",
]


# -- an organ ----------------------------------------------------------------------
@dataclass(frozen=True)
class CatalogueRow:
    """One category of the tree, flattened for the page (``depth`` from 0)."""

    category: CatalogueCategory
    depth: int


def _flatten(nodes: Sequence[CategoryNode], depth: int = 0) -> list[CatalogueRow]:
    out: list[CatalogueRow] = []
    for node in sorted(nodes, key=lambda n: (n.category.position, n.category.pk)):
        out.append(CatalogueRow(node.category, depth))
        out.extend(_flatten(node.children, depth + 1))
    return out


def catalogue_rows(*, organisation: Organisation) -> list[CatalogueRow]:
    return _flatten(catalogue_tree(organisation=organisation))


def organ_reports(*, organisation: Organisation) -> list[AnnualReport]:
    """The organ's published annual reports, newest year first."""
    return list(
        report_list_published().filter(organisation=organisation).order_by("-year")
    )


@dataclass(frozen=True)
class OrganPage:
    organisation: Organisation
    guide: Guide | None
    catalogue: list[CatalogueRow]
    reports: list[AnnualReport]
    latest: list[InformationItem]


def organ_page_get(*, pk: int) -> OrganPage | None:
    organisation = organ_get(pk=pk)
    if organisation is None:
        return None
    return OrganPage(
        organisation=organisation,
        guide=guide_current(organisation=organisation),
        catalogue=catalogue_rows(organisation=organisation),
        reports=organ_reports(organisation=organisation),
        latest=latest_items(organisation=organisation),
    )


def latest_reports() -> list[AnnualReport]:
    """The newest published annual reports (home page)."""
    return list(
        report_list_published().order_by("-year", "organisation__name")[:LATEST]
    )
