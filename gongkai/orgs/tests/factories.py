import factory

from gongkai.orgs.models import Kind, Level, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"测试{n}县人民政府")
    level = Level.COUNTY
    kind = Kind.GOVERNMENT


class DepartmentFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"测试县第{n}局")
    kind = Kind.DEPARTMENT
    parent = factory.SubFactory(OrganisationFactory)
