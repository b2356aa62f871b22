"""Reads of the organ tree.

An organ's ancestors and descendants are found with one recursive common table
expression (``WITH RECURSIVE``, raw SQL that SQLite and PostgreSQL both run) rather
than a materialised path column: the tree is edited in the admin (``parent``) and by
the imports service (confirming an organ created by an import), and a path column
would have to be rewritten for a whole subtree on every such edit, by a ``save()``
override or a signal that this project does not use.  The CTE reads ``parent_id``,
the only truth, so nothing can go stale.  ``UNION`` (not ``UNION ALL``) drops rows
already found, so even a cycle entered by hand ends the recursion.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from gongkai.orgs.models import Organisation

#: The organs ``{roots}`` and every organ below them, with the root each was
#: reached from.
_BELOW = (
    "WITH RECURSIVE below(root, id) AS ("
    "SELECT id, id FROM {table} WHERE id IN ({roots}) "
    "UNION SELECT below.root, o.id FROM {table} o JOIN below ON o.parent_id = below.id"
    ") SELECT {columns} FROM below"
)
#: The organs above the organ ``%s`` (its parent, the parent's parent, ...).
_ABOVE = (
    "WITH RECURSIVE above(id) AS ("
    "SELECT parent_id FROM {table} WHERE id = %s "
    "UNION SELECT o.parent_id FROM {table} o JOIN above ON o.id = above.id"
    ") SELECT id FROM above WHERE id IS NOT NULL"
)


def _sql(template: str, *, roots: int = 0, columns: str = "") -> str:
    """Only the quoted table name, the column list of this module and one ``%s`` per
    root go into the text; every id is a query parameter."""
    table = connection.ops.quote_name(Organisation._meta.db_table)
    placeholders = ", ".join(["%s"] * roots)
    return template.format(table=table, roots=placeholders, columns=columns)


def organisation_subtree_ids_sql(*, roots: Collection[int]) -> RawSQL:
    """A subquery of the ids of ``roots`` and every organ below them, for
    ``filter(organisation_id__in=...)`` (the filter stays one query)."""
    if not roots:
        return RawSQL(_sql("SELECT id FROM {table} WHERE 1 = 0"), ())  # noqa: S611
    sql = _sql(_BELOW, roots=len(roots), columns="id")
    return RawSQL(sql, tuple(roots))  # noqa: S611 - ids are parameters (see _sql)


def organisation_subtrees(*, roots: Collection[int]) -> dict[int, set[int]]:
    """For each root: its id and the ids of every organ below it (one query)."""
    if not roots:
        return {}
    out: dict[int, set[int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_sql(_BELOW, roots=len(roots), columns="root, id"), [*roots])
        for root, pk in cursor.fetchall():
            out.setdefault(root, set()).add(pk)
    return out


def organisation_descendant_ids(*, organisation: Organisation) -> set[int]:
    """The organ and every organ below it (one query)."""
    return organisation_subtrees(roots=[organisation.pk]).get(
        organisation.pk, {organisation.pk}
    )


def organisation_ancestors(*, organisation: Organisation) -> list[Organisation]:
    """The organs above ``organisation``, nearest first (one query)."""
    if organisation.parent_id is None:
        return []
    above = RawSQL(_sql(_ABOVE), (organisation.pk,))  # noqa: S611 - see _sql
    found = {org.pk: org for org in Organisation.objects.filter(pk__in=above)}
    chain: list[Organisation] = []
    node = found.get(organisation.parent_id)
    while node is not None and node not in chain and node != organisation:
        chain.append(node)
        node = found.get(node.parent_id) if node.parent_id is not None else None
    return chain


def organisation_list_below(*, roots: Collection[int]) -> QuerySet[Organisation]:
    """The organs ``roots`` and below, as a lazy queryset (one query when read)."""
    return Organisation.objects.filter(pk__in=organisation_subtree_ids_sql(roots=roots))


def organisation_tree() -> list[tuple[Organisation, int]]:
    """Every organ with its depth, parents before children."""
    orgs = list(Organisation.objects.all())
    children: dict[int | None, list[Organisation]] = {}
    for org in orgs:
        children.setdefault(org.parent_id, []).append(org)
    out: list[tuple[Organisation, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for org in children.get(parent, []):
            out.append((org, depth))
            walk(org.pk, depth + 1)

    walk(None, 0)
    return out
