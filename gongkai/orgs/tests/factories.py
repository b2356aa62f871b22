"""factory_boy factories for organisations (shared by every app's tests)."""

from __future__ import annotations

from typing import Any

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

from gongkai.orgs.models import Kind, Level, Organisation


class OrganisationFactory(DjangoModelFactory[Organisation]):
    """A county government by default; pass ``parent=`` for a department."""

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = Sequence(lambda n: f"测试县{n}人民政府")
    short_name = ""
    level = Level.COUNTY
    kind = Kind.GOVERNMENT
    parent: Any = None


class DepartmentFactory(OrganisationFactory):
    name = Sequence(lambda n: f"测试县部门{n}")
    kind = Kind.DEPARTMENT
    parent = SubFactory(OrganisationFactory)


class TownshipFactory(OrganisationFactory):
    name = Sequence(lambda n: f"测试镇{n}人民政府")
    level = Level.TOWNSHIP
    kind = Kind.TOWNSHIP
    parent = SubFactory(OrganisationFactory)
