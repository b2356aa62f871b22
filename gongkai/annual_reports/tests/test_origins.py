"""Cell origins in their stored form (no database)."""

from __future__ import annotations

from gongkai.annual_reports import origins
from gongkai.annual_reports.origins import CELL_PATH_STRS, CellOrigin, Kind


def test_pack_stores_the_common_origin_once() -> None:
    typed = origins.typed(by=3, event=9)
    cells = dict.fromkeys(CELL_PATH_STRS, typed)
    cells["active.licensing"] = origins.computed(statistic="T2.licensing")
    packed = origins.pack(cells)
    assert packed == {
        origins.DEFAULT_KEY: typed,
        "active.licensing": origins.computed(statistic="T2.licensing"),
    }
    assert origins.unpack(packed) == cells
    assert origins.origin_at(packed, "appeals.reconsideration.4") == typed
    assert origins.origin_at(packed, "applications.new") is None  # a row, no cell


def test_a_report_stored_before_origins_has_none() -> None:
    assert origins.unpack({}) == {}
    assert origins.pack({}) == {}


def test_an_override_keeps_the_machine_value_and_its_origin() -> None:
    under = origins.imported(record=4, span={"line": 12, "start": 300, "end": 302})
    stored = origins.overridden(override=7, machine=15, under=under)
    origin = CellOrigin.from_json(stored)
    assert (origin.kind, origin.override_id, origin.machine) == (Kind.OVERRIDDEN, 7, 15)
    assert origin.under == CellOrigin(Kind.IMPORTED, record_id=4, span=(12, 300, 302))
    assert origins.machine_origin(stored) == under
    assert "第 12 行" in origin.describe()
