"""Every write to the search index.

An app calls ``search_document_index`` when an item is published or amended and
``search_document_remove`` when it is withdrawn, inside the transaction that changes
the item: the index changes with the item and a withdrawn item is gone from results
as soon as that transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection, transaction

from gongkai.search.backends import get_backend
from gongkai.search.backends.base import Prepared
from gongkai.search.documents import SearchDocument
from gongkai.search.registry import search_sources
from gongkai.search.segment import index_terms

#: Documents segmented and written per round in bulk indexing.
BATCH = 2_000


def search_document_prepare(*, document: SearchDocument) -> Prepared:
    return Prepared(
        document=document,
        title=index_terms(document.title),
        body=index_terms(document.body),
    )


@transaction.atomic
def search_document_index(*, document: SearchDocument) -> None:
    """Index ``document``, replacing what was indexed under its kind and id."""
    prepared = search_document_prepare(document=document)
    backend = get_backend()
    with connection.cursor() as cursor:
        backend.delete(cursor, [(document.kind, document.object_id)])
        backend.insert(cursor, [prepared])


def search_index_prune(*, using: str = "default") -> int:
    """Remove full-text rows that have no entry (left behind when the entries'
    table was emptied without them).  Returns how many; 0 where the index lives in
    the entries' table itself (PostgreSQL)."""
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "sqlite":
        return 0
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'search_fts'"
        )
        if cursor.fetchone() is None:  # not migrated yet
            return 0
        cursor.execute(
            "DELETE FROM search_fts WHERE rowid NOT IN (SELECT id FROM search_entry)"
        )
        return int(cursor.rowcount)


@transaction.atomic
def search_document_remove(*, kind: str, object_id: int) -> None:
    """Take the item out of the index (nothing happens if it is not there)."""
    with connection.cursor() as cursor:
        get_backend().delete(cursor, [(kind, object_id)])


def _batches(documents: Iterable[SearchDocument]) -> Iterator[list[SearchDocument]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def search_index_bulk(*, documents: Iterable[SearchDocument]) -> int:
    """Add many documents not yet in the index (a rebuild, an import): segmented
    and written in batches, one transaction per batch.  Returns how many."""
    backend = get_backend()
    count = 0
    for batch in _batches(documents):
        prepared = [search_document_prepare(document=d) for d in batch]
        with transaction.atomic(), connection.cursor() as cursor:
            backend.insert(cursor, prepared)
        count += len(prepared)
    return count


def search_index_clear() -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        get_backend().clear(cursor)


def search_index_rebuild(*, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Empty the index and index every registered source's documents again (or
    only those of ``kinds``, whose entries are replaced).  Returns counts by kind."""
    sources = search_sources()
    wanted = list(sources) if kinds is None else list(kinds)
    unknown = [k for k in wanted if k not in sources]
    if unknown:
        raise ValueError(f"未登记的检索来源：{', '.join(unknown)}")
    if kinds is None:
        search_index_clear()
    counts: dict[str, int] = {}
    for kind in wanted:
        if kinds is not None:
            with transaction.atomic():
                from gongkai.search.models import SearchEntry

                keys = SearchEntry.objects.filter(kind=kind).values_list(
                    "kind", "object_id"
                )
                with connection.cursor() as cursor:
                    get_backend().delete(cursor, list(keys))
        counts[kind] = search_index_bulk(documents=sources[kind]())
    return counts
