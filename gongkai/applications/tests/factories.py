"""factory_boy factories for disclosure applications.

``ApplicationFactory`` makes a registered case directly (for selectors and
permissions); workflow tests go through ``services`` so that every record the clock
reads is written the way production writes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from factory.declarations import LazyAttribute, RelatedFactory, Sequence, SubFactory
from factory.django import DjangoModelFactory

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import MembershipFactory, UserFactory
from gongkai.applications.models import (
    Application,
    ApplicationItem,
    Channel,
    Delivery,
    FormWanted,
    IdentityDocument,
)
from gongkai.applications.outcomes import ApplicantType
from gongkai.applications.selectors import query_code_hash
from gongkai.applications.status import Status
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

QUERY_CODE = "TESTCODE23"


class ApplicationFactory(DjangoModelFactory[Application]):
    class Meta:
        model = Application
        skip_postgeneration_save = True

    organisation = SubFactory(OrganisationFactory)
    tracking_number = Sequence(lambda n: f"T-2025-{n:05d}")
    query_code_hash = query_code_hash(QUERY_CODE)
    applicant_type = ApplicantType.NATURAL_PERSON
    applicant_name = Sequence(lambda n: f"申请人{n}")
    id_type = IdentityDocument.RESIDENT_ID
    id_number = "110101199003074514"
    phone = "13800000000"
    form_wanted = FormWanted.ELECTRONIC
    delivery = Delivery.EMAIL
    channel = Channel.IN_PERSON
    received_on = date(2025, 3, 3)
    status = Status.RECEIVED
    item = RelatedFactory(
        "gongkai.applications.tests.factories.ApplicationItemFactory",
        factory_related_name="application",
    )


class ApplicationItemFactory(DjangoModelFactory[ApplicationItem]):
    class Meta:
        model = ApplicationItem

    application = SubFactory(ApplicationFactory)
    position = 1
    name = Sequence(lambda n: f"某项目环境影响评价文件{n}")
    description = LazyAttribute(lambda o: f"{o.name}的全文")


def staff(organisation: Organisation, role: str = Role.HANDLER, **kw: Any) -> User:
    """A user holding ``role`` at ``organisation``."""
    user: User = UserFactory.create(**kw)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


__all__ = [
    "QUERY_CODE",
    "ApplicationFactory",
    "ApplicationItemFactory",
    "DepartmentFactory",
    "OrganisationFactory",
    "staff",
]
