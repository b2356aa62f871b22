"""Highlighting is safe whatever the text and the terms (no database)."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from gongkai.search.highlight import highlight, snippet

MARK = re.compile(r"</?mark>")


def test_terms_are_marked_and_the_rest_escaped() -> None:
    html = highlight("<公开>信息&公开", ["公开"])
    assert html == "&lt;<mark>公开</mark>&gt;信息&amp;<mark>公开</mark>"


def test_the_longest_term_wins_where_terms_overlap() -> None:
    assert highlight("示范县", ["示范", "示范县"]) == "<mark>示范县</mark>"


def test_latin_terms_match_case_insensitively() -> None:
    assert highlight("GDP增长", ["gdp"]) == "<mark>GDP</mark>增长"


def test_snippet_is_cut_around_the_first_match() -> None:
    text = "前" * 300 + "公开" + "后" * 300
    html = snippet(text, ["公开"], size=40)
    assert html.startswith("…")
    assert html.endswith("…")
    assert "<mark>公开</mark>" in html
    assert len(MARK.sub("", unescape(html))) <= 42


def test_snippet_without_match_is_the_start() -> None:
    assert snippet("短文本", ["无"], size=40) == "短文本"


texts = st.text(
    alphabet=st.sampled_from(list("<>&\"'/公开信息mark ab县\n")) | st.characters(),
    max_size=200,
)
term_lists = st.lists(st.text(min_size=1, max_size=6), max_size=4)


def _only_mark_tags(html: str) -> bool:
    return re.findall(r"<[^>]*>", html) == MARK.findall(html) and ">" not in MARK.sub(
        "", html
    ).replace("&gt;", "")


@given(texts, term_lists)
def test_highlight_never_lets_markup_through(text: str, terms: list[str]) -> None:
    html = highlight(text, terms)
    assert _only_mark_tags(html)
    assert unescape(MARK.sub("", html)) == text
    assert html.count("<mark>") == html.count("</mark>")


@given(texts, term_lists)
def test_snippet_never_lets_markup_through(text: str, terms: list[str]) -> None:
    html = snippet(text, terms, size=30)
    assert _only_mark_tags(html)
    plain = unescape(MARK.sub("", html)).strip("…")
    assert plain in " ".join(text.split())
