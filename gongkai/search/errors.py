from __future__ import annotations

from gongkai.core.errors import DomainError


class SearchUnavailable(DomainError):
    """The database has no full-text implementation in gongkai."""

    code = "search_unavailable"

    def __init__(self, *, vendor: str) -> None:
        self.vendor = vendor
        super().__init__(
            f"全文检索不支持此数据库：{vendor}（仅支持 SQLite 与 PostgreSQL）"
        )
