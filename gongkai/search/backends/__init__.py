"""The full-text implementation for the database in use, chosen by its vendor."""

from __future__ import annotations

from django.db import connection

from gongkai.search.backends.base import SearchBackend
from gongkai.search.errors import SearchUnavailable


def get_backend() -> SearchBackend:
    if connection.vendor == "sqlite":
        from gongkai.search.backends.sqlite import SqliteBackend

        return SqliteBackend()
    if connection.vendor == "postgresql":
        from gongkai.search.backends.postgresql import PostgresqlBackend

        return PostgresqlBackend()
    raise SearchUnavailable(vendor=connection.vendor)
