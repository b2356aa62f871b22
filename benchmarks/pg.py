"""The PostgreSQL server the benchmarks use when one answers (not a benchmark:
``run.py`` runs only ``bench_*.py``)."""

from __future__ import annotations

import os

#: The server, without a database name (``BENCH_PG_URL`` overrides it).
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")


def pg_answers() -> bool:
    try:
        import psycopg

        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
    except Exception:  # any failure means "not available"
        return False
    return True


def pg_admin(sql: str) -> None:
    """Run ``sql`` (CREATE / DROP DATABASE) on the server's maintenance database."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)
