"""Highlighting: matched terms wrapped in ``<mark>``, everything else HTML-escaped.

Works on the original text (not the segmented one): each query term is found as a
case-insensitive substring, so a hit in 示范县政府 marks 政府 whatever the
segmentation was.  The text is cut into plain and matched pieces and each piece is
escaped on its own, so no character of the text can open a tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

#: Characters of body text around the first match in a snippet.
SNIPPET_CHARS = 120
ELLIPSIS = "…"


def _pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    alternatives = sorted({t for t in terms if t}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile("|".join(map(re.escape, alternatives)), re.IGNORECASE)


def _marked(text: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def highlight(text: str, terms: Sequence[str]) -> SafeString:
    """The whole of ``text``, escaped, with every term marked."""
    return mark_safe(_marked(text, _pattern(terms)))  # noqa: S308 - escaped above


def snippet(
    text: str, terms: Sequence[str], *, size: int = SNIPPET_CHARS
) -> SafeString:
    """About ``size`` characters of ``text`` around the first match (or its start),
    escaped, terms marked, with an ellipsis where it was cut."""
    text = " ".join(text.split())
    pattern = _pattern(terms)
    first = pattern.search(text) if pattern else None
    start = 0 if first is None else max(0, first.start() - size // 4)
    end = min(len(text), start + size)
    if first is not None and end < first.end():  # a very long term
        end = first.end()
    piece = _marked(text[start:end], pattern)
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    return mark_safe(head + piece + tail)  # noqa: S308 - escaped above
