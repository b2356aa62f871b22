"""Page links for lists and search results: the first, the last and two either side
of the current page, with gaps between, each link keeping the query's filters."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict


@dataclass(frozen=True)
class PageLink:
    number: int  # 0: a gap ("…")
    url: str
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    links: list[PageLink]
    previous_url: str
    next_url: str
    number: int
    num_pages: int


def _url(query: QueryDict, number: int) -> str:
    params = query.copy()
    params["page"] = str(number)
    if number == 1:
        del params["page"]
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def pagination(*, query: QueryDict, number: int, num_pages: int) -> Pagination | None:
    """None when everything fits on one page."""
    if num_pages <= 1:
        return None
    wanted = sorted(
        {1, num_pages, *range(max(1, number - 2), min(num_pages, number + 2) + 1)}
    )
    links: list[PageLink] = []
    for n in wanted:
        if links and n - links[-1].number > 1:
            links.append(PageLink(0, ""))
        links.append(PageLink(n, _url(query, n), n == number))
    return Pagination(
        links=links,
        previous_url=_url(query, number - 1) if number > 1 else "",
        next_url=_url(query, number + 1) if number < num_pages else "",
        number=number,
        num_pages=num_pages,
    )
