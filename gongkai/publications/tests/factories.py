"""factory_boy factories for proactive disclosure.

``ItemFactory`` makes a published item directly (for selectors and counts); the
workflow tests go through ``services``."""

from __future__ import annotations

from datetime import date

from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from gongkai.orgs.tests.factories import OrganisationFactory
from gongkai.publications.models import (
    CatalogueCategory,
    DecisionCount,
    InformationItem,
    NormativeKind,
)
from gongkai.publications.status import Status


class ItemFactory(DjangoModelFactory[InformationItem]):
    class Meta:
        model = InformationItem

    organisation = SubFactory(OrganisationFactory)
    title = Sequence(lambda n: f"关于印发某项管理办法的通知{n}")
    body = "<p>正文</p>"
    index_number = Sequence(lambda n: f"TEST-00-2025-{n:05d}")
    status = Status.PUBLISHED
    written_on = date(2025, 3, 1)
    published_on = LazyAttribute(lambda o: o.written_on)
    formed_on = LazyAttribute(lambda o: o.written_on)


class NormativeFactory(ItemFactory):
    normative_kind = NormativeKind.NORMATIVE


class CategoryFactory(DjangoModelFactory[CatalogueCategory]):
    class Meta:
        model = CatalogueCategory

    organisation = SubFactory(OrganisationFactory)
    name = Sequence(lambda n: f"分类{n}")
    code = Sequence(lambda n: f"{n:02d}")


class DecisionCountFactory(DjangoModelFactory[DecisionCount]):
    class Meta:
        model = DecisionCount

    organisation = SubFactory(OrganisationFactory)
    year = 2025
