"""The publications app's items in the search index: the adapter from an
``InformationItem`` to a ``SearchDocument``, the listener subscribed to the app's
publish/amend/withdraw/repeal/lapse/import changes, and the source for rebuilds.

Connected by ``SearchConfig.ready`` when ``gongkai.publications`` is installed.  The
app tells its listeners after commit, so a withdrawn item leaves the index as soon
as the withdrawal is committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape
from typing import TYPE_CHECKING

from django.utils.html import strip_tags

from gongkai.search.documents import SearchDocument

if TYPE_CHECKING:
    from gongkai.publications.hooks import PublicationChange
    from gongkai.publications.models import InformationItem

KIND = "publication"
#: The app this module adapts (connected only when it is installed).
APP_NAME = "gongkai.publications"


def item_search_document(item: InformationItem) -> SearchDocument:
    """A published item as a search document: the body's text without markup,
    with its 文号 and 索引号 in front so that both can be searched."""
    text = " ".join(unescape(strip_tags(item.body or "")).split())
    numbers = " ".join(n for n in (item.document_number, item.index_number) if n)
    when = item.published_on or item.written_on
    if when is None:
        raise ValueError(f"信息 {item.pk} 没有发布日期，不能编入检索索引")
    return SearchDocument(
        kind=KIND,
        object_id=item.pk,
        title=item.title,
        body=f"{numbers} {text}".strip(),
        date=when,
        organ_ids=(item.organisation_id,),
        category_id=item.category_id,
        document_type=item.genre or "",
    )


def item_search_documents() -> Iterator[SearchDocument]:
    """Every public item (the source ``gongkai reindex`` uses)."""
    from gongkai.publications.selectors import item_public_queryset

    for item in item_public_queryset().order_by("pk").iterator(chunk_size=2_000):
        yield item_search_document(item)


def on_publication_changed(change: PublicationChange) -> None:
    """Index the item again if it is public now, remove it otherwise."""
    from gongkai.publications.selectors import item_get_public
    from gongkai.search.services import search_document_index, search_document_remove

    item = item_get_public(pk=change.item_id) if change.public else None
    if item is None:
        search_document_remove(kind=KIND, object_id=change.item_id)
    else:
        search_document_index(document=item_search_document(item))


def connect() -> None:
    from gongkai.publications import hooks
    from gongkai.search.registry import search_source_register

    hooks.subscribe(on_publication_changed)
    search_source_register(kind=KIND, documents=item_search_documents)
