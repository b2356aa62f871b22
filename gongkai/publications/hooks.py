"""What other modules hear when the public side changes: the search index and the
page cache subscribe here (no Django signals: the services call
:func:`publication_changed` on commit, after publish, amend, withdraw, repeal, lapse
and import).

    from gongkai.publications import hooks
    hooks.subscribe(my_listener)   # e.g. in AppConfig.ready

A listener takes one :class:`PublicationChange`.  ``public`` says what the item is
now: True — (re)index and show it; False — remove it from the index and the pages.
A listener that raises is logged and does not stop the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PublicationChange:
    item_id: int
    organisation_id: int
    action: str  # an ``events`` action, e.g. "publications.withdrawn"
    public: bool


Listener = Callable[[PublicationChange], None]

_LISTENERS: list[Listener] = []


def subscribe(listener: Listener) -> None:
    """Hear every change (subscribing the same listener twice hears it once)."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _LISTENERS:
        _LISTENERS.remove(listener)


def listeners() -> tuple[Listener, ...]:
    return tuple(_LISTENERS)


def publication_changed(change: PublicationChange) -> None:
    """Tell every listener (the services call this on commit)."""
    for listener in tuple(_LISTENERS):
        try:
            listener(change)
        except Exception:
            logger.exception("publication listener %r failed for %s", listener, change)
