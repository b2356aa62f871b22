"""What each full-text implementation provides (the services and selectors speak
only to this)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from gongkai.search.documents import SearchDocument, SearchQuery
from gongkai.search.segment import IndexTerms

#: The columns of ``search_entry`` a backend inserts, in order (``id`` aside).
ENTRY_COLUMNS = (
    "kind",
    "object_id",
    "title",
    "body",
    "date",
    "organ_ids",
    "category_id",
    "document_type",
)


@dataclass(frozen=True)
class Prepared:
    """A document with its segmented text, ready to be written."""

    document: SearchDocument
    title: IndexTerms
    body: IndexTerms


@dataclass(frozen=True)
class Row:
    """One matched entry as the database returns it."""

    kind: str
    object_id: int
    title: str
    body: str
    date: date
    score: float


def entry_values(prepared: Prepared) -> list[Any]:
    import json

    d = prepared.document
    return [
        d.kind,
        d.object_id,
        d.title,
        d.body,
        d.date,
        json.dumps(list(d.organ_ids)),
        d.category_id,
        d.document_type,
    ]


#: A date range spanning at most this many years also narrows the match to the
#: items of those years (``y2023`` tokens); the exact range is checked after.
MAX_YEAR_TOKENS = 30


def facet_tokens(
    *,
    organ_ids: Sequence[int] = (),
    category_ids: Sequence[int | None] = (),
    document_types: Sequence[str] = (),
    years: Sequence[int] = (),
) -> dict[str, list[str]]:
    """Filter values as index tokens (ASCII letters and digits only): ``o12`` for an
    organ, ``c5`` for a category, ``t`` + the type's UTF-8 hex for a type,
    ``y2024`` for a year."""
    return {
        "organ": [f"o{int(i)}" for i in organ_ids],
        "category": [f"c{int(i)}" for i in category_ids if i is not None],
        "type": [f"t{t.encode().hex()}" for t in document_types if t],
        "year": [f"y{int(y)}" for y in years],
    }


def query_facets(query: SearchQuery) -> dict[str, list[str]]:
    """The query's filters as index tokens (each group: any of its tokens)."""
    years: Sequence[int] = ()
    if query.date_from and query.date_to:
        first, last = query.date_from.year, query.date_to.year
        if last - first < MAX_YEAR_TOKENS:
            years = range(first, last + 1)
    return facet_tokens(
        organ_ids=query.organ_ids,
        category_ids=query.category_ids,
        document_types=query.document_types,
        years=years,
    )


def document_facets(document: SearchDocument) -> list[str]:
    groups = facet_tokens(
        organ_ids=document.organ_ids,
        category_ids=[document.category_id],
        document_types=[document.document_type],
        years=[document.date.year],
    )
    return [token for tokens in groups.values() for token in tokens]


class SearchBackend(Protocol):
    def insert(self, cursor: Any, prepared: Sequence[Prepared]) -> None:
        """Write the entries and their index rows (none of them exists yet)."""

    def delete(self, cursor: Any, keys: Sequence[tuple[str, int]]) -> None:
        """Remove the entries ``(kind, object_id)`` and their index rows."""

    def clear(self, cursor: Any) -> None:
        """Remove every entry."""

    def search(
        self, cursor: Any, query: SearchQuery, terms: Sequence[str]
    ) -> tuple[list[Row], int]:
        """One page of matches in the query's order, and how many match in all."""
