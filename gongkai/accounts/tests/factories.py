"""factory_boy factories for users and their roles (shared by every app's tests).

Every user gets the password ``PASSWORD`` so that tests can log in through forms or
a browser as well as with ``client.force_login``.
"""

from __future__ import annotations

from factory.declarations import (
    PostGeneration,
    RelatedFactory,
    SelfAttribute,
    Sequence,
    SubFactory,
)
from factory.django import DjangoModelFactory

from gongkai.accounts.models import Membership, Role, User
from gongkai.orgs.tests.factories import OrganisationFactory

PASSWORD = "correct-horse-battery"


def _set_password(user: User, create: bool, extracted: str | None, **_: object) -> None:
    user.set_password(extracted or PASSWORD)
    if create:
        user.save(update_fields=["password"])


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = Sequence(lambda n: f"user{n}")
    display_name = Sequence(lambda n: f"用户{n}")
    is_staff = True
    password = PostGeneration(_set_password)


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = SubFactory(UserFactory)
    organisation = SubFactory(OrganisationFactory)
    role = Role.HANDLER


class StaffUserFactory(UserFactory):
    """A user holding ``role`` at ``organisation``::

    StaffUserFactory(organisation=org, role=Role.LEADER)
    """

    class Params:
        organisation = SubFactory(OrganisationFactory)
        role = Role.HANDLER

    membership = RelatedFactory(
        MembershipFactory,
        factory_related_name="user",
        organisation=SelfAttribute("..organisation"),
        role=SelfAttribute("..role"),
    )
