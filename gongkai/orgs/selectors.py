from __future__ import annotations

from gongkai.orgs.models import Organisation


def organisation_descendant_ids(*, organisation: Organisation) -> set[int]:
    """The organ and every organ below it (one query per level)."""
    ids, frontier = {organisation.pk}, [organisation.pk]
    while frontier:
        frontier = list(
            Organisation.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids.update(frontier)
    return ids


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
