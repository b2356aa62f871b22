"""Indexing and searching on the database in use (SQLite FTS5 or PostgreSQL; `make
test` runs these again on PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.cli import main as cli_main
from gongkai.search import registry
from gongkai.search.documents import SearchDocument, SearchQuery, Sort
from gongkai.search.models import SearchEntry
from gongkai.search.selectors import search_documents
from gongkai.search.services import (
    search_document_index,
    search_document_remove,
    search_index_bulk,
    search_index_rebuild,
)
from gongkai.search.tests.factories import SearchDocumentFactory

pytestmark = pytest.mark.django_db


def _ids(text: str, **filters: object) -> list[int]:
    page = search_documents(query=SearchQuery(text=text, **filters))  # type: ignore[arg-type]
    return [hit.object_id for hit in page.hits]


@pytest.fixture
def library() -> list[SearchDocument]:
    documents = [
        SearchDocumentFactory.build(
            object_id=1,
            title="关于做好政府信息公开工作的通知",
            body="各单位要依法做好主动公开工作，及时发布财政预算信息。",
            organ_ids=(1,),
            category_id=10,
            document_type="notice",
            date=date(2024, 1, 10),
        ),
        SearchDocumentFactory.build(
            object_id=2,
            title="示范县农业农村局2023年工作总结",
            body="全年完成高标准农田建设，乡村振兴取得新进展。",
            organ_ids=(2,),
            category_id=20,
            document_type="report",
            date=date(2023, 12, 20),
        ),
        SearchDocumentFactory.build(
            object_id=3,
            title="关于公布行政许可事项清单的公告",
            body="为推进政务公开，现将本县行政许可事项清单予以公布。",
            organ_ids=(1, 2),
            category_id=10,
            document_type="announcement",
            date=date(2024, 6, 1),
        ),
    ]
    search_index_bulk(documents=documents)
    return documents


def test_a_two_character_word_finds_its_items(library) -> None:
    assert sorted(_ids("农田")) == [2]
    assert sorted(_ids("公开")) == [1, 3]
    assert sorted(_ids("许可")) == [3]


def test_a_word_inside_a_longer_word_is_found(library) -> None:
    # 示范县 is one word in precise mode; search mode also indexes 示范.
    assert _ids("示范") == [2]


def test_a_one_character_query_finds_every_item_with_that_character(library) -> None:
    assert sorted(_ids("县")) == [2, 3]
    assert sorted(_ids("农")) == [2]


def test_a_four_character_query_needs_each_of_its_words(library) -> None:
    assert _ids("财政预算") == [1]
    assert _ids("乡村振兴") == [2]
    assert _ids("财政振兴") == []


def test_matches_are_marked_in_title_and_snippet(library) -> None:
    hit = search_documents(query=SearchQuery(text="许可"))
    assert hit.hits[0].title_html == "关于公布行政<mark>许可</mark>事项清单的公告"
    assert "<mark>许可</mark>" in hit.hits[0].snippet_html
    assert hit.terms == ("许可",)


def test_markup_in_an_item_is_escaped() -> None:
    search_document_index(
        document=SearchDocumentFactory.build(
            title="<script>alert(1)</script>公开", body="a & b <i>公开</i>"
        )
    )
    hit = search_documents(query=SearchQuery(text="公开")).hits[0]
    assert hit.title_html == "&lt;script&gt;alert(1)&lt;/script&gt;<mark>公开</mark>"
    assert hit.snippet_html == "a &amp; b &lt;i&gt;<mark>公开</mark>&lt;/i&gt;"


def test_filters(library) -> None:
    assert sorted(_ids("公开", organ_ids=(2,))) == [3]
    assert sorted(_ids("公开", organ_ids=(1, 2))) == [1, 3]
    assert _ids("公开", category_ids=(20,)) == []
    assert _ids("公开", document_types=("notice",)) == [1]
    assert _ids("公开", date_from=date(2024, 2, 1)) == [3]
    assert _ids("公开", date_to=date(2024, 1, 10)) == [1]
    assert _ids("公开", date_from=date(2024, 1, 11), date_to=date(2024, 5, 31)) == []
    assert _ids("公开", date_from=date(2023, 1, 1), date_to=date(2024, 1, 10)) == [1]
    wide = {
        "date_from": date(1990, 1, 1),
        "date_to": date(2030, 1, 1),
    }  # no year tokens
    assert sorted(_ids("公开", **wide)) == [1, 3]


def test_sort_by_relevance_puts_title_matches_first(library) -> None:
    search_document_index(
        document=SearchDocumentFactory.build(
            object_id=4,
            title="无关标题",
            body="财政预算公开。",
            date=date(2025, 1, 1),
        )
    )
    ranked = _ids("公开")
    assert ranked[0] == 1  # the only one with 公开 in its title
    assert sorted(ranked[1:]) == [3, 4]
    assert _ids("公开", sort=Sort.DATE) == [4, 3, 1]


def test_pagination(library) -> None:
    search_index_bulk(
        documents=[
            SearchDocumentFactory.build(object_id=100 + n, title=f"公告第{n}号")
            for n in range(25)
        ]
    )
    first = search_documents(query=SearchQuery(text="公告", per_page=10))
    third = search_documents(query=SearchQuery(text="公告", per_page=10, page=3))
    assert (first.total, first.num_pages, len(first.hits)) == (26, 3, 10)
    assert len(third.hits) == 6
    assert not third.has_next
    assert third.has_previous
    beyond = search_documents(query=SearchQuery(text="公告", per_page=10, page=5))
    assert (beyond.hits, beyond.total) == ([], 26)
    by_date = search_documents(
        query=SearchQuery(text="公告", per_page=10, page=5, sort=Sort.DATE)
    )
    assert by_date.total == 26
    everything = _ids("公告", per_page=100)
    assert len(set(everything)) == 26


def test_amending_replaces_the_indexed_text(library) -> None:
    search_document_index(
        document=SearchDocumentFactory.build(
            object_id=2, title="示范县农业农村局工作总结", body="改为畜牧业。"
        )
    )
    assert _ids("农田") == []
    assert _ids("畜牧") == [2]
    assert SearchEntry.objects.filter(object_id=2).count() == 1


def test_a_removed_item_disappears_at_once(library) -> None:
    search_document_remove(kind="test", object_id=3)
    assert _ids("许可") == []
    assert sorted(_ids("公开")) == [1]
    search_document_remove(kind="test", object_id=3)  # again: nothing happens


def test_kinds_are_separate(library) -> None:
    search_document_index(
        document=SearchDocumentFactory.build(kind="other", object_id=3, title="农田")
    )
    search_document_remove(kind="test", object_id=3)
    assert sorted(_ids("农田")) == [2, 3]


@pytest.mark.parametrize(
    "text",
    ['"', "公开 OR", "公开*", "NEAR(公开", "a:b", "'", "公开 & !许可", "\\", "(", ""],
)
def test_query_syntax_in_user_text_is_only_text(library, text: str) -> None:
    search_documents(query=SearchQuery(text=text))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=12))
def test_any_query_text_runs(library, text: str) -> None:
    page = search_documents(query=SearchQuery(text=text))
    assert page.total >= len(page.hits)


def test_bad_pages_are_refused() -> None:
    with pytest.raises(ValueError, match="page must be"):
        SearchQuery(text="x", page=0)
    with pytest.raises(ValueError, match="per_page"):
        SearchQuery(text="x", per_page=1000)
    with pytest.raises(ValueError, match="after"):
        SearchQuery(text="x", date_from=date(2024, 2, 1), date_to=date(2024, 1, 1))


def test_rebuild_from_registered_sources(monkeypatch, library, capsys) -> None:
    monkeypatch.setattr(registry, "_SOURCES", {})
    registry.search_source_register(
        kind="test", documents=lambda: [SearchDocumentFactory.build(title="重建")]
    )
    assert search_index_rebuild() == {"test": 1}
    assert _ids("公开") == []
    assert len(_ids("重建")) == 1
    monkeypatch.setattr("gongkai.cli.setup_django", lambda: None)
    assert cli_main(["reindex", "--kind", "test"]) == 0
    assert "test: 1 条" in capsys.readouterr().out
    assert len(_ids("重建")) == 1
    assert cli_main(["reindex", "--kind", "nope"]) == 2


@pytest.mark.db
def test_inserting_an_indexed_item_again_replaces_it() -> None:
    """Two transactions that index the same item at once each delete nothing and
    then insert: the second insert must replace the first, never fail."""
    from django.db import connection

    from gongkai.search.backends import get_backend
    from gongkai.search.services import search_document_prepare

    first = SearchDocumentFactory.build(kind="item", object_id=7, title="旧标题")
    second = SearchDocumentFactory.build(kind="item", object_id=7, title="新标题")
    backend = get_backend()
    with connection.cursor() as cursor:
        backend.insert(cursor, [search_document_prepare(document=first)])
        if connection.vendor == "postgresql":
            backend.insert(cursor, [search_document_prepare(document=second)])
        else:  # SQLite serialises writers: delete-then-insert cannot race there
            backend.delete(cursor, [("item", 7)])
            backend.insert(cursor, [search_document_prepare(document=second)])
    assert list(SearchEntry.objects.values_list("title", flat=True)) == ["新标题"]


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_no_full_text_row_behind() -> None:
    """``flush`` empties the entries but not SQLite's full-text table; its rows
    would then answer for the next entries given the same ids."""
    from django.core.management import call_command
    from django.db import connection

    search_document_index(document=SearchDocumentFactory.build(title="旧的通知"))
    call_command("flush", verbosity=0, interactive=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts")
            assert cursor.fetchone()[0] == 0
    search_document_index(document=SearchDocumentFactory.build(title="新的公告"))
    assert _ids("通知") == []
