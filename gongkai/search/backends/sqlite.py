"""SQLite: an FTS5 table ``search_fts(title, body, chars, facets)`` whose rowid is the
``search_entry`` id (migration 0002).  Filters by organ, category and type are index
tokens in ``facets``, so that FTS5 intersects them with the terms; the date range is
checked on the joined entry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gongkai.search.backends.base import (
    ENTRY_COLUMNS,
    Prepared,
    Row,
    document_facets,
    entry_values,
    query_facets,
)
from gongkai.search.documents import SearchQuery, Sort
from gongkai.search.segment import is_char_term

_INSERT_ENTRY = (
    f"INSERT INTO search_entry (id, {', '.join(ENTRY_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join(['%s'] * (len(ENTRY_COLUMNS) + 1))})"
)
# OR REPLACE: a row left behind under the same rowid (the entries' table emptied
# without the index, e.g. by ``flush``, so ids start again) is replaced, not a crash.
_INSERT_FTS = (
    "INSERT OR REPLACE INTO search_fts (rowid, title, body, chars, facets) "
    "VALUES (%s, %s, %s, %s, %s)"
)


def _quoted(token: str) -> str:
    return f'"{token}"'  # tokens are letters and digits only (segment.py)


def _term(term: str, *, title_only: bool = False) -> str:
    if title_only:
        return f"title : {_quoted(term)}"
    if is_char_term(term):
        return f"chars : {_quoted(term)}"
    return f"{{title body}} : {_quoted(term)}"


def match_expression(
    query: SearchQuery, terms: Sequence[str], *, title_only: bool = False
) -> str:
    """Every term (in the title, with ``title_only``) and every filter."""
    parts = [_term(t, title_only=title_only) for t in terms]
    groups = query_facets(query)
    for tokens in groups.values():
        if tokens:
            parts.append(f"facets : ({' OR '.join(map(_quoted, tokens))})")
    return " AND ".join(parts)


class SqliteBackend:
    def insert(self, cursor: Any, prepared: Sequence[Prepared]) -> None:
        if not prepared:
            return
        cursor.execute("SELECT coalesce(max(id), 0) FROM search_entry")
        first = cursor.fetchone()[0] + 1  # the transaction holds the write lock
        ids = range(first, first + len(prepared))
        cursor.executemany(
            _INSERT_ENTRY,
            [[i, *entry_values(p)] for i, p in zip(ids, prepared, strict=False)],
        )
        cursor.executemany(
            _INSERT_FTS,
            [
                [
                    i,
                    " ".join(dict.fromkeys(p.title.words + p.title.chars)),
                    " ".join(p.body.words),
                    " ".join(dict.fromkeys(p.title.chars + p.body.chars)),
                    " ".join(document_facets(p.document)),
                ]
                for i, p in zip(ids, prepared, strict=False)
            ],
        )

    def delete(self, cursor: Any, keys: Sequence[tuple[str, int]]) -> None:
        for kind, object_id in keys:
            cursor.execute(
                "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_entry "
                "WHERE kind = %s AND object_id = %s)",
                [kind, object_id],
            )
            cursor.execute(
                "DELETE FROM search_entry WHERE kind = %s AND object_id = %s",
                [kind, object_id],
            )

    def clear(self, cursor: Any) -> None:
        cursor.execute("DELETE FROM search_fts")
        cursor.execute("DELETE FROM search_entry")

    def search(
        self, cursor: Any, query: SearchQuery, terms: Sequence[str]
    ) -> tuple[list[Row], int]:
        """One pass orders every match and counts them (a window count), keeping
        only ids; the page's rows are then read by id.

        Relevance is "every word in the title" first, then the newest: FTS5's bm25
        reads the whole posting list of each term to weigh it (49 ms for a
        530-match filtered query over 200,000 items, against 0.5 ms for the match
        alone), while this costs one more match restricted to the titles."""
        where = ["search_fts MATCH %s"]
        params: list[Any] = [match_expression(query, terms)]
        if query.date_from:
            where.append("e.date >= %s")
            params.append(query.date_from)
        if query.date_to:
            where.append("e.date <= %s")
            params.append(query.date_to)
        score = "0"
        if query.sort == Sort.RELEVANCE:
            score = (
                "search_fts.rowid IN (SELECT rowid FROM search_fts "
                "WHERE search_fts MATCH %s)"
            )
            params.insert(0, match_expression(query, terms, title_only=True))
        cursor.execute(
            f"SELECT e.id, {score} AS score, count(*) OVER () "  # noqa: S608
            "FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid "
            f"WHERE {' AND '.join(where)} ORDER BY score DESC, e.date DESC, e.id DESC "
            "LIMIT %s OFFSET %s",
            [*params, query.per_page, (query.page - 1) * query.per_page],
        )
        ranked = cursor.fetchall()
        if ranked:
            rows = fetch_rows(cursor, [(i, float(score)) for i, score, _ in ranked])
            return rows, int(ranked[0][2])
        if query.page == 1:
            return [], 0
        cursor.execute(
            "SELECT count(*) FROM search_fts JOIN search_entry e "  # noqa: S608
            f"ON e.id = search_fts.rowid WHERE {' AND '.join(where)}",
            params[1:] if query.sort == Sort.RELEVANCE else params,
        )
        return [], int(cursor.fetchone()[0])


def fetch_rows(cursor: Any, ranked: Sequence[tuple[int, float]]) -> list[Row]:
    """The entries of ``ranked`` (id, score), in its order."""
    marks = ", ".join(["%s"] * len(ranked))
    cursor.execute(
        "SELECT id, kind, object_id, title, body, date FROM search_entry "  # noqa: S608
        f"WHERE id IN ({marks})",
        [i for i, _ in ranked],
    )
    found = {row[0]: row[1:] for row in cursor.fetchall()}
    return [
        Row(kind, object_id, title, body, _date(on), score)
        for i, score in ranked
        if i in found
        for kind, object_id, title, body, on in [found[i]]
    ]


def _date(value: Any) -> Any:
    from datetime import date

    return value if isinstance(value, date) else date.fromisoformat(value)
