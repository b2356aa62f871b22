"""factory_boy factories for users and their roles (shared by every app's tests).

Every user gets the password ``PASSWORD`` so that tests can log in through forms or
a browser as well as with ``client.force_login``.
"""

from __future__ import annotations

import factory

from gongkai.accounts.models import Membership, Role, User
from gongkai.orgs.tests.factories import OrganisationFactory

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"用户{n}")
    is_staff = True

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: object) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.HANDLER


class StaffUserFactory(UserFactory):
    """A user holding ``role`` at ``organisation``::

    StaffUserFactory(organisation=org, role=Role.LEADER)
    """

    class Params:
        organisation = factory.SubFactory(OrganisationFactory)
        role = Role.HANDLER

    membership = factory.RelatedFactory(
        MembershipFactory,
        factory_related_name="user",
        organisation=factory.SelfAttribute("..organisation"),
        role=factory.SelfAttribute("..role"),
    )
