"""The values that cross the search interface: what is indexed, what is asked, what
comes back.  Plain frozen dataclasses: no database, no Django models."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from django.utils.safestring import SafeString

#: The most hits one page may hold.
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SearchDocument:
    """One searchable item, identified by ``(kind, object_id)``.

    ``body`` is plain text (an adapter strips markup first).  ``organ_ids`` are the
    organs the item belongs to (its 发布机构 and any co-issuers)."""

    kind: str
    object_id: int
    title: str
    body: str
    date: date
    organ_ids: tuple[int, ...] = ()
    category_id: int | None = None
    document_type: str = ""


class Sort(enum.StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"


@dataclass(frozen=True)
class SearchQuery:
    """A search: free text plus filters (each filter matches any of its values;
    dates are inclusive), the order and the page (from 1)."""

    text: str
    organ_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = ()
    document_types: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        if self.page < 1:
            raise ValueError(f"page must be 1 or more, not {self.page}")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise ValueError(
                f"per_page must be between 1 and {MAX_PER_PAGE}, not {self.per_page}"
            )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(
                f"date_from {self.date_from} is after date_to {self.date_to}"
            )


@dataclass(frozen=True)
class SearchHit:
    """One result.  ``title_html`` and ``snippet_html`` are escaped HTML whose only
    tags are ``<mark>`` around the matched terms."""

    kind: str
    object_id: int
    title_html: SafeString
    snippet_html: SafeString
    date: date
    score: float


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    terms: tuple[str, ...] = field(default=())

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1
