"""Reading the search index."""

from __future__ import annotations

from django.db import connection

from gongkai.search.backends import get_backend
from gongkai.search.documents import SearchHit, SearchPage, SearchQuery
from gongkai.search.highlight import highlight, snippet
from gongkai.search.segment import query_terms


def search_documents(*, query: SearchQuery) -> SearchPage:
    """One page of the documents matching every word of ``query.text`` and its
    filters, with the matches marked in the title and a snippet of the body.  A
    query with no word (empty, punctuation only) matches nothing."""
    terms = query_terms(query.text)
    if not terms:
        return SearchPage(hits=[], total=0, page=query.page, per_page=query.per_page)
    with connection.cursor() as cursor:
        rows, total = get_backend().search(cursor, query, terms)
    hits = [
        SearchHit(
            kind=row.kind,
            object_id=row.object_id,
            title_html=highlight(row.title, terms),
            snippet_html=snippet(row.body, terms),
            date=row.date,
            score=row.score,
        )
        for row in rows
    ]
    return SearchPage(
        hits=hits,
        total=total,
        page=query.page,
        per_page=query.per_page,
        terms=terms,
    )
