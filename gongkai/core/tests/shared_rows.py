"""Rows made once for several tests that only build on them (e.g. the demo county):
loaded in a transaction that stays open while those tests run and is rolled back
after the last of them.  Each test's ``db`` fixture runs in a savepoint inside that
transaction, so what one test changes is undone before the next, as usual; tests
outside the scope never see the rows.  Not for ``transactional_db`` or
``live_server`` tests (they need real commits)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.db import transaction

T = TypeVar("T")


def rows_kept_for_the_scope(
    django_db_blocker: Any, load: Callable[[], T]
) -> Iterator[T]:
    """For a module- or class-scoped fixture (``yield from`` it): run ``load`` in an
    open transaction, hand its result to the tests, roll back after them."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            value = load()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield value
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
