"""Where each cell of a report comes from: its *origin*.

Every cell of a stored report has one origin:

- ``imported``: read from a published file (the ImportRecord, and the span of the
  source text the value was read from, when the parser gave one);
- ``computed``: produced by a statistic of the registry (its code);
- ``typed``: typed by a person in the staff editor (who, and the AnnualReportEvent
  of the save, which says when);
- ``aggregated``: summed from other reports (their ids);
- ``overridden``: a person's cell override (``ReportCellOverride``) is in force; the
  origin keeps the machine value under it and the machine value's own origin.

Stored as one JSON map on the report (``AnnualReport.origins``: path string →
origin), packed: the origin most cells share is stored once under ``"*"`` and only
the cells that differ are listed.  A report typed in one go stores one origin; an
import stores one per cell the parser located in the text.  The map is read and
written with the statistics it describes (one row, one transaction), which a table
of ~300 rows per report would not give.

Pure: no database.
"""

from __future__ import annotations

import enum
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import blank_report, iter_cells
from gongkai.annual_reports.format import Path

Origin = dict[str, Any]  # the JSON form of one origin
JsonValue = int | str | None

#: The key of the origin shared by every cell not listed.
DEFAULT_KEY: Final = "*"

#: Every cell path of the 2021 format, in the format's order.
CELL_PATHS: Final[tuple[Path, ...]] = tuple(
    p for p, _ in iter_cells(blank_report(org=None, year=None))
)
CELL_PATH_STRS: Final[tuple[str, ...]] = tuple(fmt.path_str(p) for p in CELL_PATHS)
CELL_PATH_SET: Final = frozenset(CELL_PATH_STRS)


class Kind(enum.StrEnum):
    IMPORTED = "imported"
    COMPUTED = "computed"
    TYPED = "typed"
    AGGREGATED = "aggregated"
    OVERRIDDEN = "overridden"


def is_cell(path: str) -> bool:
    return path in CELL_PATH_SET


# ---------------------------------------------------------------------------
# Making origins (JSON form)
# ---------------------------------------------------------------------------
def imported(*, record: int, span: Mapping[str, Any] | None = None) -> Origin:
    """Read from the file of ImportRecord ``record``; ``span`` as in
    ``ImportRecord.provenance`` (line, start, end: offsets into the text)."""
    origin: Origin = {"kind": Kind.IMPORTED.value, "record": record}
    if span is not None:
        origin["span"] = [span.get("line"), span.get("start"), span.get("end")]
    return origin


def computed(*, statistic: str) -> Origin:
    return {"kind": Kind.COMPUTED.value, "statistic": statistic}


def typed(*, by: int | None, event: int | None = None) -> Origin:
    """Typed by user ``by``.  ``event`` None: the event of the rebuild that stores
    it (the pipeline fills it in)."""
    return {"kind": Kind.TYPED.value, "by": by, "event": event}


def aggregated(*, reports: Sequence[int]) -> Origin:
    return {"kind": Kind.AGGREGATED.value, "reports": sorted(reports)}


def overridden(*, override: int, machine: JsonValue, under: Origin | None) -> Origin:
    return {
        "kind": Kind.OVERRIDDEN.value,
        "override": override,
        "machine": machine,
        "under": under,
    }


def from_records(origin: Origin | None) -> bool:
    """The cell's machine value is computed from records or summed from other
    reports (under an override too): it changes through those, not by typing."""
    origin = machine_origin(origin)
    return origin is not None and origin.get("kind") in (
        Kind.COMPUTED.value,
        Kind.AGGREGATED.value,
    )


def cells_from_records(stored: Mapping[str, Any]) -> frozenset[str]:
    """The cells of a stored origins map that :func:`from_records`."""
    return frozenset(p for p, o in unpack(stored).items() if from_records(o))


def machine_origin(origin: Origin | None) -> Origin | None:
    """The origin of the machine value: under an override, the one it covers."""
    if origin is not None and origin.get("kind") == Kind.OVERRIDDEN:
        under = origin.get("under")
        return dict(under) if isinstance(under, dict) else None
    return origin


# ---------------------------------------------------------------------------
# Packing
# ---------------------------------------------------------------------------
def _key(origin: Origin) -> str:
    return json.dumps(origin, sort_keys=True, ensure_ascii=False)


def pack(origins: Mapping[str, Origin]) -> dict[str, Origin | None]:
    """The stored form: the most common origin under ``"*"``, the rest by path (a
    cell with no origin, e.g. a typed cell nobody has typed yet, as ``null``)."""
    if not origins:
        return {}
    counts = Counter(_key(o) for o in origins.values())
    common_key, _ = counts.most_common(1)[0]
    common = json.loads(common_key)
    packed: dict[str, Origin | None] = {DEFAULT_KEY: common}
    for path in CELL_PATH_STRS:
        origin = origins.get(path)
        if origin is None:  # no origin: stored as such, not as the default's
            packed[path] = None
        elif _key(origin) != common_key:
            packed[path] = origin
    return packed


def unpack(stored: Mapping[str, Any]) -> dict[str, Origin]:
    """Every cell's origin (cells of a report stored before origins existed: none)."""
    default = stored.get(DEFAULT_KEY)
    out: dict[str, Origin] = {}
    for path in CELL_PATH_STRS:
        origin = stored.get(path, default)
        if isinstance(origin, dict):
            out[path] = dict(origin)
    return out


def origin_at(stored: Mapping[str, Any], path: str) -> Origin | None:
    origin = stored.get(path, stored.get(DEFAULT_KEY)) if is_cell(path) else None
    return dict(origin) if isinstance(origin, dict) else None


# ---------------------------------------------------------------------------
# A typed view, for selectors and pages
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class CellOrigin:
    """One cell's origin, read from its JSON form."""

    kind: Kind
    record_id: int | None = None  # imported
    span: tuple[int, int, int] | None = None  # imported: line, start, end
    statistic: str = ""  # computed
    by_id: int | None = None  # typed
    event_id: int | None = None  # typed
    report_ids: tuple[int, ...] = ()  # aggregated
    override_id: int | None = None  # overridden
    machine: JsonValue = None  # overridden: the machine value under the override
    under: CellOrigin | None = None  # overridden: the machine value's origin

    @classmethod
    def from_json(cls, origin: Mapping[str, Any]) -> CellOrigin:
        under = origin.get("under")
        return cls(
            kind=Kind(origin["kind"]),
            record_id=origin.get("record"),
            span=_span(origin.get("span")),
            statistic=str(origin.get("statistic", "")),
            by_id=origin.get("by"),
            event_id=origin.get("event"),
            report_ids=tuple(origin.get("reports", ())),
            override_id=origin.get("override"),
            machine=origin.get("machine"),
            under=cls.from_json(under) if isinstance(under, dict) else None,
        )

    def describe(self) -> str:
        """In Chinese, for a page."""
        if self.kind == Kind.IMPORTED:
            where = f"（第 {self.span[0]} 行）" if self.span and self.span[0] else ""
            return f"从已发布报告导入{where}"
        if self.kind == Kind.COMPUTED:
            return f"由办理记录计算（{self.statistic}）"
        if self.kind == Kind.TYPED:
            return "工作人员填报"
        if self.kind == Kind.AGGREGATED:
            return f"由 {len(self.report_ids)} 份报告汇总"
        below = self.under.describe() if self.under is not None else "无"
        return f"人工更正（更正前的值来源：{below}）"


def _span(value: Any) -> tuple[int, int, int] | None:
    if (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(v, int) for v in value)
    ):
        return (value[0], value[1], value[2])
    return None
