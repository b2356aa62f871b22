"""factory_boy factories for organisations (shared by every app's tests)."""

from __future__ import annotations

import factory

from gongkai.orgs.models import Kind, Level, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A county government by default; pass ``parent=`` for a department."""

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"测试县{n}人民政府")
    short_name = ""
    level = Level.COUNTY
    kind = Kind.GOVERNMENT
    parent = None


class DepartmentFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"测试县部门{n}")
    kind = Kind.DEPARTMENT
    parent = factory.SubFactory(OrganisationFactory)


class TownshipFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"测试镇{n}人民政府")
    level = Level.TOWNSHIP
    kind = Kind.TOWNSHIP
    parent = factory.SubFactory(OrganisationFactory)
