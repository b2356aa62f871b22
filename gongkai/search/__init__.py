"""Chinese full-text search over published documents.

One interface, two implementations chosen by the database vendor: SQLite FTS5
(``backends/sqlite.py``) and PostgreSQL full-text search (``backends/postgresql.py``).
Text is segmented in Python with rjieba (``segment.py``) and the segmented words are
indexed, together with every single CJK character so that one-character queries work.

The interface (keyword-only arguments everywhere):

- ``services.search_document_index(*, document: SearchDocument) -> None``
- ``services.search_document_remove(*, kind: str, object_id: int) -> None``
- ``services.search_index_bulk(*, documents: Iterable[SearchDocument]) -> int``
- ``services.search_index_rebuild() -> int`` (every registered source)
- ``selectors.search_documents(*, query: SearchQuery) -> SearchPage``
- ``registry.search_source_register(*, kind: str, documents: Callable[[], Iterable[SearchDocument]])``

The module knows nothing of the apps whose items it indexes: an app turns its items
into ``SearchDocument`` values and calls the services when they change (see
``publications.py`` for the publications app's adapter and hooks).
"""
