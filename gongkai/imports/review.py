"""Reads for an auditor reviewing an import: the cells that came from an inferred
split of glued digits (with the confidence, how the split was decided and the other
possible splits), what the import did not find in the source, and the auditor's own
review actions (``imports.services.review`` writes them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.importing import splitting
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.validation.findings import CellRef, Finding
from gongkai.imports import events
from gongkai.imports.cells import JsonValue, get_value, short_label
from gongkai.imports.models import ImportEvent, ImportRecord, RecordStatus
from gongkai.imports.selectors import current_record
from gongkai.orgs.models import Organisation

SPLIT_CODES: Final = frozenset({"import.split_inferred", "import.split_uncertain"})
TABLES: Final = ("active", "applications", "appeals")
#: Section number of each table (render_section_fragment).
TABLE_SECTIONS: Final = {"active": 2, "applications": 3, "appeals": 4}
BAND_LABELS: Final = {
    splitting.HIGH: pgettext_lazy("confidence", "高"),
    splitting.MEDIUM: pgettext_lazy("confidence", "中"),
    splitting.LOW: pgettext_lazy("confidence", "低"),
}
BAND_ICONS: Final = {splitting.HIGH: "✓", splitting.MEDIUM: "?", splitting.LOW: "!"}
#: The parser's names of its methods (splitting.METHOD_NAMES), for the page.
METHOD_LABELS: Final = {
    splitting.UNIQUE: _("只有一种拆法"),
    splitting.RELATION: _("勾稽关系"),
    splitting.CONTINUITY: _("与上年报告的连续性"),
    splitting.PLAUSIBILITY: _("合理性（无前导零、数值较小者优先）"),
    splitting.NONE: _("无法拆分"),
    splitting.SEPARATED: _("有分隔符"),
}
#: Why an import failed, said as what was not found in the source.
NOT_FOUND_REASONS: Final = {
    "未能从文件中识别出统计年度": "未在来源文本中找到统计年度",
    "未能从文件中识别出报告机关": "未在来源文本中找到报告机关的名称",
    "未能从文件中识别出报告机关的名称": "未在来源文本中找到报告机关的名称",
}


@dataclass(frozen=True)
class Split:
    """One run of glued digits cut into cells by the import."""

    key: str  # the first cell's path: names the split in forms
    record: int
    code: str
    band: str
    method: str
    confidence: float | None
    run: str
    paths: tuple[str, ...]
    values: tuple[JsonValue, ...]  # as the import cut them
    alternatives: tuple[tuple[int, ...], ...]
    current: tuple[JsonValue, ...]  # the report's values now
    accepted_by: str = ""  # who accepted the inferred split ("" if nobody)

    @property
    def band_label(self) -> str:
        return str(BAND_LABELS.get(self.band, self.band))

    @property
    def band_icon(self) -> str:
        return BAND_ICONS.get(self.band, "")

    @property
    def method_label(self) -> str:
        return str(METHOD_LABELS.get(self.method, self.method))

    @property
    def name(self) -> str:
        """The row (or table) the run belongs to, as the format labels it."""
        path = fmt.parse_path(self.key)
        if path[0] == "appeals":
            return fmt.TABLE_LABELS["appeals"]
        return CellRef.at(path).row or short_label(path)

    @property
    def percent(self) -> str:
        """The parser's estimate, shown beside a high or medium band only (for a
        cut chosen by plausibility alone it is the share among the possible cuts,
        which would read as more certain than the cut is)."""
        if self.confidence is None or self.band == splitting.LOW:
            return ""
        return f"{self.confidence:.0%}"

    @property
    def shown(self) -> str:
        return " | ".join("空白" if v is None else str(v) for v in self.values)

    @property
    def choices(self) -> list[tuple[int, str]]:
        return [(i, " | ".join(map(str, v))) for i, v in enumerate(self.alternatives)]

    @property
    def corrected(self) -> bool:
        """A person changed a cell of the run (typed a value or chose another cut)."""
        return tuple(self.current) != tuple(self.values)

    @property
    def reviewed(self) -> bool:
        return self.corrected or bool(self.accepted_by)


def _findings(record: ImportRecord) -> list[Finding]:
    return [
        Finding.from_dict(f)
        for f in record.findings or ()
        if isinstance(f, dict) and f.get("code") in SPLIT_CODES
    ]


def _accepted(record: ImportRecord) -> dict[str, str]:
    out: dict[str, str] = {}
    for event in review_events(record=record, actions=(events.SPLIT_ACCEPTED,)):
        key = str(event.payload.get("key", ""))
        out.setdefault(key, str(event.actor or ""))
    return out


def _runs(finding: Finding) -> list[tuple[str, ...]]:
    """The cells of each run a finding is about: its data's paths, or (for the
    finding about several rows that had only one cut) each row's cells."""
    paths = finding.data.get("paths")
    if isinstance(paths, list) and paths:
        return [tuple(str(p) for p in paths)]
    rows: dict[fmt.Path, list[str]] = {}
    for cell in finding.cells:
        if len(cell.path) > 1:
            rows.setdefault(cell.path[:-1], []).append(fmt.path_str(cell.path))
    return [tuple(p) for p in rows.values()]


def split_list(*, report: AnnualReport) -> list[Split]:
    """Every inferred split of the report's current import, in the parser's order."""
    record = current_record(report=report)
    if record is None:
        return []
    parsed = record.statistics or {}
    now = report.statistics or {}
    accepted = _accepted(record)
    out: list[Split] = []
    for finding in _findings(record):
        data = finding.data
        if "band" not in data:
            continue
        for paths in _runs(finding):
            cells = [fmt.parse_path(p) for p in paths]
            alternatives = data.get("alternatives") if len(_runs(finding)) == 1 else []
            out.append(
                Split(
                    key=paths[0],
                    record=record.pk,
                    code=finding.code,
                    band=str(data["band"]),
                    method=str(data.get("method", "")),
                    confidence=_float(data.get("confidence")),
                    run=str(data.get("run") or _run_text(record, paths)),
                    paths=paths,
                    values=tuple(get_value(parsed, c) for c in cells),
                    alternatives=tuple(
                        tuple(int(v) for v in alt)
                        for alt in alternatives or ()
                        if isinstance(alt, list) and len(alt) == len(paths)
                    ),
                    current=tuple(get_value(now, c) for c in cells),
                    accepted_by=accepted.get(paths[0], ""),
                )
            )
    return out


def _run_text(record: ImportRecord, paths: Sequence[str]) -> str:
    """The digits the cells were cut from, as the source has them."""
    spans = record.provenance or {}
    return "".join(
        str(spans[p].get("text", "")) for p in paths if isinstance(spans.get(p), dict)
    )


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def split_get(*, report: AnnualReport, key: str) -> Split | None:
    return next((s for s in split_list(report=report) if s.key == key), None)


def split_for_cell(splits: Iterable[Split], path: str) -> Split | None:
    return next((s for s in splits if path in s.paths), None)


def split_highlight(splits: Sequence[Split]) -> dict[str, str]:
    """CSS classes of the cells of inferred splits: the band while nobody has
    reviewed the split, ``imp-split-done`` after."""
    out: dict[str, str] = {}
    for split in splits:
        css = (
            "imp-inferred-done"
            if split.reviewed
            else f"imp-inferred imp-inferred-{split.band}"
        )
        for path in split.paths:
            out[path] = css
    return out


def merge_highlight(*marks: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, set[str]] = {}
    for mark in marks:
        for path, css in mark.items():
            out.setdefault(path, set()).update(css.split())
    return {path: " ".join(sorted(css)) for path, css in out.items()}


# ---------------------------------------------------------------------------
# What the import did not find
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class NotFound:
    table: str
    label: str
    added_by: str = ""  # who started filling it in ("" if nobody yet)

    @property
    def message(self) -> str:
        return f"未在来源文本中找到「{self.label}」表"


def tables_added(*, record: ImportRecord) -> dict[str, str]:
    """The tables a person started filling in (table → who)."""
    out: dict[str, str] = {}
    for event in review_events(record=record, actions=(events.TABLE_ADDED,)):
        out.setdefault(str(event.payload.get("table", "")), str(event.actor or ""))
    return out


def tables_not_found(*, report: AnnualReport) -> list[NotFound]:
    record = current_record(report=report)
    if record is None:
        return []
    parsed = record.statistics or {}
    added = tables_added(record=record)
    return [
        NotFound(t, fmt.TABLE_LABELS[t], added.get(t, ""))
        for t in TABLES
        if parsed.get(t) is None
    ]


def review_events(*, record: ImportRecord, actions: Sequence[str]) -> list[ImportEvent]:
    return list(
        ImportEvent.objects.filter(action__in=actions, payload__record=record.pk)
        .select_related("actor")
        .order_by("pk")
    )


def report_review_events(*, report: AnnualReport) -> list[ImportEvent]:
    """The review actions about ``report`` (newest first)."""
    return list(
        ImportEvent.objects.filter(payload__report=report.pk)
        .exclude(action__in=(events.ORGANISATION_CREATED,))
        .select_related("actor", "organisation")
        .order_by("-pk")[:20]
    )


# ---------------------------------------------------------------------------
# A failed import
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class FailedRecord:
    record: ImportRecord
    not_found: list[str] = field(default_factory=list)
    assigned: ImportEvent | None = None  # an auditor already named organ and year

    @property
    def assignable(self) -> bool:
        return self.record.source_file_id is not None and self.assigned is None


def record_get_failed(*, pk: int) -> FailedRecord | None:
    record = (
        ImportRecord.objects.select_related("source_file", "batch", "report")
        .filter(pk=pk, status=RecordStatus.FAILED)
        .first()
    )
    if record is None:
        return None
    reason = NOT_FOUND_REASONS.get(record.error.strip())
    assigned = (
        ImportEvent.objects.filter(
            action=events.RECORD_ASSIGNED, payload__record=record.pk
        )
        .select_related("actor")
        .order_by("-pk")
        .first()
    )
    return FailedRecord(record, [reason] if reason else [], assigned)


#: Organs suggested at most while one types an organ's name.
SEARCH_LIMIT: Final = 20


def organisation_search(*, query: str, limit: int = SEARCH_LIMIT) -> list[Organisation]:
    """Organs whose name or short name holds ``query`` (spaces ignored), those
    whose name starts with it first, then by name; none for an empty query."""
    key = "".join(query.split())
    if not key:
        return []
    found = Organisation.objects.filter(
        Q(name__icontains=key) | Q(short_name__icontains=key)
    ).only("pk", "name", "short_name")
    starts = list(found.filter(name__istartswith=key).order_by("name")[:limit])
    rest = found.exclude(pk__in=[o.pk for o in starts]).order_by("name")
    return starts + list(rest[: limit - len(starts)])
