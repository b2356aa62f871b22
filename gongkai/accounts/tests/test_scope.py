"""A user's roles by organ: held at an organ, a role applies there and below; read
once per user object."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.accounts.models import Role
from gongkai.accounts.scope import (
    roles_for,
    scope_forget,
    staff_organisations,
    user_scope,
)
from gongkai.accounts.tests.factories import (
    MembershipFactory,
    StaffUserFactory,
    UserFactory,
)
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def county():
    return OrganisationFactory.create(name="范围县人民政府")


@pytest.fixture
def finance(county):
    return DepartmentFactory.create(name="范围县财政局", parent=county)


@pytest.fixture
def education(county):
    return DepartmentFactory.create(name="范围县教育局", parent=county)


def test_a_role_applies_below_not_above(county, finance, education) -> None:
    clerk = StaffUserFactory.create(organisation=finance, role=Role.HANDLER)
    assert roles_for(clerk, finance) == {Role.HANDLER}
    assert roles_for(clerk, county) == frozenset()
    assert roles_for(clerk, education) == frozenset()
    admin = StaffUserFactory.create(organisation=county, role=Role.OFFICE_ADMIN)
    assert roles_for(admin, finance) == {Role.OFFICE_ADMIN}


def test_roles_held_at_two_levels_add_up(county, finance) -> None:
    user = StaffUserFactory.create(organisation=county, role=Role.LEADER)
    MembershipFactory.create(user=user, organisation=finance, role=Role.HANDLER)
    scope_forget(user)
    assert roles_for(user, finance) == {Role.LEADER, Role.HANDLER}
    assert roles_for(user, county) == {Role.LEADER}


def test_read_once_in_two_queries(
    county, finance, education, django_assert_num_queries
) -> None:
    user = StaffUserFactory.create(organisation=county, role=Role.AUDITOR)
    with django_assert_num_queries(2):  # the memberships, then their subtrees
        scope = user_scope(user)
    with django_assert_num_queries(0):
        assert user_scope(user) is scope
        assert all(
            roles_for(user, org) == {Role.AUDITOR}
            for org in (county, finance, education)
        )


def test_forgetting_reads_again(county) -> None:
    user = UserFactory.create()
    assert not user_scope(user).roles
    MembershipFactory.create(user=user, organisation=county, role=Role.HANDLER)
    assert not user_scope(user).roles  # kept for the rest of the request
    scope_forget(user)
    assert roles_for(user, county) == {Role.HANDLER}


def test_superuser_holds_every_role_everywhere(county, finance) -> None:
    root = UserFactory.create(is_superuser=True)
    assert roles_for(root, finance) == set(Role.values)
    assert set(staff_organisations(root)) == {county, finance}


def test_anonymous_holds_nothing(county, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        assert roles_for(AnonymousUser(), county) == frozenset()
    assert not staff_organisations(AnonymousUser()).exists()


def test_staff_organisations_by_role(county, finance, education) -> None:
    user = StaffUserFactory.create(organisation=finance, role=Role.HANDLER)
    MembershipFactory.create(user=user, organisation=county, role=Role.AUDITOR)
    scope_forget(user)
    scope = user_scope(user)
    assert set(scope.organisations([Role.HANDLER])) == {finance}
    assert set(scope.organisations([Role.AUDITOR])) == {county, finance, education}
    assert set(staff_organisations(user)) == {county, finance, education}
