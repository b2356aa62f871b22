"""Every route of the site, walked from the root URLconf (shared by the URL tests
and the permission matrix), so that a new route is covered without a new test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern


@dataclass(frozen=True)
class Route:
    parts: tuple[tuple[str, object], ...]  # (route text, its converters), root first
    name: str
    namespace: str = ""  # "backoffice:cases" …

    @property
    def key(self) -> str:
        """``namespace:name`` (names repeat across namespaces: list, case, …)."""
        return f"{self.namespace}:{self.name}" if self.namespace else self.name

    def converters(self) -> dict[str, object]:
        merged: dict[str, object] = {}
        for _, converters in self.parts:
            merged.update(converters)  # type: ignore[call-overload]
        return merged

    def url(self, values: dict[str, str]) -> str:
        text = "".join(route for route, _ in self.parts)

        def value(match: re.Match[str]) -> str:
            return values[match.group(1)]

        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, text)


def walk_routes(
    patterns: list[URLPattern | URLResolver] | None = None,
    prefix: tuple[tuple[str, object], ...] = (),
    namespace: str = "",
) -> Iterator[Route]:
    """The routes below ``patterns`` (default: the root URLconf).  Regex routes
    (the admin's app index) are left out: they take no typed values."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        pattern = entry.pattern
        if not isinstance(pattern, RoutePattern):
            continue
        parts = (*prefix, (str(pattern), pattern.converters))
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            joined = (
                f"{namespace}:{inner}" if namespace and inner else inner or namespace
            )
            yield from walk_routes(entry.url_patterns, parts, joined)
        else:
            yield Route(parts, entry.name or entry.lookup_str, namespace)
