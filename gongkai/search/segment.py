"""Chinese word segmentation for indexing and querying (rjieba: the Rust port of
jieba, about ten times faster than jieba here; see the search README).

A document is indexed by its words in jieba's search mode (long words and the
dictionary words inside them: 示范县 gives 示范 and 示范县) and by each of its
non-ASCII characters, so that a one-character query finds every item containing
that character.  A query is cut in jieba's precise mode: each of its words must
occur.  Tokens are runs of letters and digits only (``[^\\W_]+``), lower-cased after
NFKC normalisation (full-width letters and digits become ASCII), so that no token
carries syntax into an FTS5 or tsquery expression.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import rjieba

_TOKEN = re.compile(r"[^\W_]+")
_CHAR = re.compile(r"[^\W_\x00-\x7f]")  # a non-ASCII letter or digit


@dataclass(frozen=True)
class IndexTerms:
    """The distinct tokens of a text, in order of first occurrence."""

    words: tuple[str, ...]
    chars: tuple[str, ...]


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _tokens(pieces: list[str]) -> list[str]:
    return _TOKEN.findall(" ".join(pieces))


def index_terms(text: str) -> IndexTerms:
    """Words (search mode) and single non-ASCII characters of ``text``."""
    text = normalise(text)
    words = dict.fromkeys(_tokens(rjieba.cut_for_search(text)))
    chars = dict.fromkeys(_CHAR.findall(text))
    return IndexTerms(words=tuple(words), chars=tuple(chars))


def query_terms(text: str) -> tuple[str, ...]:
    """The distinct words of a query (precise mode), in order."""
    return tuple(dict.fromkeys(_tokens(rjieba.cut(normalise(text)))))


def is_char_term(term: str) -> bool:
    """A one-character term is looked up among the indexed characters."""
    return len(term) == 1 and not term.isascii()
