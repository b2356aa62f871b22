"""Where the documents come from when the index is rebuilt: each app that has
searchable items registers a source (its kind and a function yielding its
documents), usually from its ``AppConfig.ready``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from gongkai.search.documents import SearchDocument

DocumentSource = Callable[[], Iterable[SearchDocument]]

_SOURCES: dict[str, DocumentSource] = {}


def search_source_register(*, kind: str, documents: DocumentSource) -> None:
    _SOURCES[kind] = documents


def search_sources() -> dict[str, DocumentSource]:
    return dict(_SOURCES)
