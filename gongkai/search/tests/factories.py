"""Search documents for tests (plain values: no database rows behind them)."""

from __future__ import annotations

from datetime import date

from factory.base import Factory
from factory.declarations import Sequence

from gongkai.search.documents import SearchDocument


class SearchDocumentFactory(Factory[SearchDocument]):
    class Meta:
        model = SearchDocument

    kind = "test"
    object_id = Sequence(lambda n: n + 1)
    title = "示范县人民政府关于印发工作要点的通知"
    body = "各乡镇人民政府，县政府各部门：现将工作要点印发给你们，请认真贯彻落实。"
    date = date(2024, 3, 1)
    organ_ids = (1,)
    category_id = 10
    document_type = "notice"
