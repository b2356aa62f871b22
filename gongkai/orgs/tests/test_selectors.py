"""The organ tree read in one query: descendants, subtrees and ancestors."""

from __future__ import annotations

import pytest

from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import (
    organisation_ancestors,
    organisation_descendant_ids,
    organisation_list_below,
    organisation_subtrees,
)
from gongkai.orgs.tests.factories import (
    DepartmentFactory,
    OrganisationFactory,
    TownshipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> dict[str, Organisation]:
    """province → city → county → (department, township → village office)."""
    province = OrganisationFactory.create(name="某省人民政府")
    city = OrganisationFactory.create(name="某市人民政府", parent=province)
    county = OrganisationFactory.create(name="某县人民政府", parent=city)
    department = DepartmentFactory.create(name="某县财政局", parent=county)
    township = TownshipFactory.create(name="某镇人民政府", parent=county)
    office = DepartmentFactory.create(name="某镇党政办", parent=township)
    other = OrganisationFactory.create(name="另一县人民政府", parent=city)
    return {
        "province": province,
        "city": city,
        "county": county,
        "department": department,
        "township": township,
        "office": office,
        "other": other,
    }


def ids(tree: dict[str, Organisation], *names: str) -> set[int]:
    return {tree[n].pk for n in names}


def test_descendants_in_one_query(tree, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        below = organisation_descendant_ids(organisation=tree["county"])
    assert below == ids(tree, "county", "department", "township", "office")


def test_a_leaf_is_its_own_subtree(tree) -> None:
    assert organisation_descendant_ids(organisation=tree["office"]) == ids(
        tree, "office"
    )


def test_several_subtrees_in_one_query(tree, django_assert_num_queries) -> None:
    roots = [tree["township"].pk, tree["other"].pk, tree["city"].pk]
    with django_assert_num_queries(1):
        subtrees = organisation_subtrees(roots=roots)
    assert subtrees[tree["township"].pk] == ids(tree, "township", "office")
    assert subtrees[tree["other"].pk] == ids(tree, "other")
    assert subtrees[tree["city"].pk] == ids(tree, *set(tree) - {"province"})
    assert organisation_subtrees(roots=[]) == {}


def test_ancestors_nearest_first_in_one_query(tree, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        chain = organisation_ancestors(organisation=tree["office"])
    assert chain == [tree["township"], tree["county"], tree["city"], tree["province"]]
    assert organisation_ancestors(organisation=tree["province"]) == []


def test_the_subtree_filters_inside_one_query(tree, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        names = {o.name for o in organisation_list_below(roots=[tree["township"].pk])}
    assert names == {"某镇人民政府", "某镇党政办"}
    assert not organisation_list_below(roots=[]).exists()


def test_a_cycle_entered_by_hand_ends(tree) -> None:
    """``parent`` is edited in the admin: a loop must not hang the recursion."""
    Organisation.objects.filter(pk=tree["county"].pk).update(parent=tree["office"])
    county = Organisation.objects.get(pk=tree["county"].pk)
    assert organisation_descendant_ids(organisation=county) == ids(
        tree, "county", "department", "township", "office"
    )
    assert organisation_ancestors(organisation=county) == [
        tree["office"],
        tree["township"],
    ]


def test_a_deep_tree_is_still_one_query(django_assert_num_queries) -> None:
    node = OrganisationFactory.create(name="第0级")
    root = node
    for depth in range(1, 30):
        node = OrganisationFactory.create(name=f"第{depth}级", parent=node)
    with django_assert_num_queries(1):
        assert len(organisation_descendant_ids(organisation=root)) == 30
    with django_assert_num_queries(1):
        assert len(organisation_ancestors(organisation=node)) == 29
