"""Segmentation (no database)."""

from __future__ import annotations

from gongkai.search.segment import index_terms, is_char_term, query_terms


def test_search_mode_indexes_the_words_inside_long_words() -> None:
    terms = index_terms("示范县政府信息公开工作要点")
    assert {"示范", "示范县", "政府", "信息", "公开"} <= set(terms.words)


def test_every_non_ascii_character_is_indexed_once() -> None:
    terms = index_terms("县政府 县 GDP")
    assert terms.chars == ("县", "政", "府")


def test_tokens_are_letters_and_digits_only() -> None:
    terms = index_terms('标题"OR"*)(" 2024年_第1号 — <b>')
    assert all(t.isalnum() for t in terms.words + terms.chars)
    assert "or" in terms.words
    assert "b" in terms.words


def test_full_width_letters_and_case_are_folded() -> None:
    assert query_terms("ＧＤＰ统计") == query_terms("gdp统计")
    assert "gdp" in query_terms("GDP")


def test_query_is_cut_in_precise_mode() -> None:
    assert query_terms("信息公开") == ("信息", "公开")
    assert query_terms("“公开”！") == ("公开",)
    assert query_terms("  ，。") == ()


def test_char_terms() -> None:
    assert is_char_term("县")
    assert not is_char_term("a")
    assert not is_char_term("公开")
