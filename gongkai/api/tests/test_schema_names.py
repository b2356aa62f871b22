"""Every schema of the API has its own name: the OpenAPI document keys its
components by class name, so two ``EventOut`` classes in two modules silently became
one, and the timeline of an application was documented as a publication's."""

from __future__ import annotations

from collections import Counter

from ninja import Schema

import gongkai.api.api  # noqa: F401 - loads every router and its schemas


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_no_two_api_schemas_share_a_name() -> None:
    ours = [c for c in _subclasses(Schema) if c.__module__.startswith("gongkai.")]
    counts = Counter(c.__name__ for c in ours)
    assert [name for name, n in counts.items() if n > 1] == []
