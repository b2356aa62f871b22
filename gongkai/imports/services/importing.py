"""Importing files: ``import_paths`` expands folders, stores each source file once
(by checksum), parses it and stores the report.  Each file is imported in its own
transaction, so no file is lost because another failed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.annual_reports.models import AnnualReport
from gongkai.imports.errors import ImportFailed
from gongkai.imports.models import ImportBatch, ImportRecord, RecordStatus, SourceFile
from gongkai.imports.services.organisations import organisation_get_or_create_imported
from gongkai.imports.services.reports import (
    record_figures,
    record_statistics,
    report_store_imported,
)

if TYPE_CHECKING:
    from gongkai.annual_reports.data import ReportData
    from gongkai.annual_reports.importing.result import ParseResult

#: Suffixes imported from a folder.  A file named on its own is imported whatever
#: its suffix.  JSON is left out of folders on purpose: folders of published reports
#: often hold JSON made from them (e.g. the seeds' ``*.truth.json``), which would
#: import the same report twice.
FOLDER_SUFFIXES = frozenset({".txt", ".md", ".htm", ".html", ".docx", ".pdf"})

Clock = Callable[[], datetime]
Progress = Callable[[int, int, str], None]  # (done, total, path)


class Parse(Protocol):
    """A parser of published report files: bytes in, a ``ParseResult`` out;
    ``previous`` is the same organ's report of the year before, when known."""

    def __call__(
        self,
        data: bytes,
        *,
        source: str,
        suffix: str = "",
        previous: ReportData | None = None,
    ) -> ParseResult: ...


def parse_published(
    data: bytes, *, source: str, suffix: str = "", previous: ReportData | None = None
) -> ParseResult:
    """The real parser (``annual_reports.importing.parse_bytes``), imported when
    first used so that loading this module does not load the parser."""
    from gongkai.annual_reports.importing import parse_bytes

    return parse_bytes(data, source=source, suffix=suffix, previous=previous)


@dataclass(frozen=True)
class FileOutcome:
    path: str
    status: str  # RecordStatus value
    error: str = ""
    report_id: int | None = None
    organisation: str = ""
    year: int | None = None
    errors: int = 0
    warnings: int = 0
    organisation_created: bool = False
    record_id: int | None = None


@dataclass
class ImportSummary:
    batch_id: int
    outcomes: list[FileOutcome] = field(default_factory=list)

    def _with(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def imported(self) -> list[FileOutcome]:
        return self._with(RecordStatus.IMPORTED)

    @property
    def unchanged(self) -> list[FileOutcome]:
        return self._with(RecordStatus.UNCHANGED)

    @property
    def failed(self) -> list[FileOutcome]:
        return self._with(RecordStatus.FAILED)

    @property
    def created_organisations(self) -> list[str]:
        return [o.organisation for o in self.outcomes if o.organisation_created]


# ---------------------------------------------------------------------------
# Finding the files
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    path: Path
    error: str = ""  # set when the path cannot even be listed


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def import_expand(*, paths: Iterable[Path]) -> list[Candidate]:
    """Files to import: each file named, and every file with an importable suffix
    under each folder named (recursively, sorted, hidden files and folders
    skipped).  A path that does not exist or cannot be listed is a candidate with
    an error, so that it is reported rather than lost."""
    out: list[Candidate] = []
    seen: set[Path] = set()

    def add(candidate: Candidate) -> None:
        key = candidate.path.absolute()
        if key not in seen:
            seen.add(key)
            out.append(candidate)

    for path in paths:
        if path.is_dir():
            for candidate in _walk(path):
                add(candidate)
        elif path.exists() or path.is_symlink():
            add(Candidate(path))
        else:
            add(Candidate(path, "文件或文件夹不存在"))
    return out


def _walk(root: Path) -> list[Candidate]:
    found: list[Candidate] = []

    def failed(exc: OSError) -> None:
        found.append(
            Candidate(Path(exc.filename or root), _os_reason(exc, "无法列出文件夹"))
        )

    for folder, dirs, files in os.walk(root, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name) and Path(name).suffix.lower() in FOLDER_SUFFIXES:
                found.append(Candidate(Path(folder) / name))
    return found


def _os_reason(exc: OSError, what: str) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在（可能在导入过程中被移走或删除）"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, IsADirectoryError):
        return "是文件夹，不是文件"
    return f"{what}（{exc.strerror or exc}）"


# ---------------------------------------------------------------------------
# Importing
# ---------------------------------------------------------------------------
def import_paths(
    *,
    paths: Sequence[Path],
    actor: User | None,
    clock: Clock,
    progress: Progress | None = None,
    parse: Parse = parse_published,
) -> ImportSummary:
    """Import every file under ``paths``.  Never raises for a bad file: each one
    becomes a failed record with the reason.  ``parse`` reads a file's bytes (the
    real parser unless a test passes a stand-in)."""
    candidates = _oldest_first(import_expand(paths=paths), parse)
    batch = ImportBatch.objects.create(
        actor=actor, started_at=clock(), paths=[str(p) for p in paths]
    )
    summary = ImportSummary(batch_id=batch.pk)
    for done, candidate in enumerate(candidates, start=1):
        summary.outcomes.append(
            _import_candidate(batch, candidate, actor, clock, parse)
        )
        if progress is not None:
            progress(done, len(candidates), str(candidate.path))
    batch.imported_count = len(summary.imported)
    batch.unchanged_count = len(summary.unchanged)
    batch.failed_count = len(summary.failed)
    batch.finished_at = clock()
    batch.save()
    return summary


def _import_candidate(
    batch: ImportBatch,
    candidate: Candidate,
    actor: User | None,
    clock: Clock,
    parse: Parse,
) -> FileOutcome:
    try:
        if candidate.error:
            raise ImportFailed(candidate.error)
        data = _read(candidate.path)
    except ImportFailed as exc:
        return _fail(batch, str(candidate.path), None, exc.message, None)
    return import_bytes(
        batch=batch,
        path=candidate.path,
        data=data,
        actor=actor,
        clock=clock,
        parse=parse,
    )


def import_bytes(
    *,
    batch: ImportBatch,
    path: Path,
    data: bytes,
    actor: User | None,
    clock: Clock,
    parse: Parse = parse_published,
    reraise: tuple[type[Exception], ...] = (),
) -> FileOutcome:
    """Import one file's bytes into ``batch`` (a background batch's task calls
    this).  Never raises for a bad file, except the exceptions in ``reraise``
    (e.g. a conflict with another worker, which the caller retries)."""
    source: SourceFile | None = None
    result: ParseResult | None = None
    try:
        with transaction.atomic():
            source, seen = source_file_store(path=path, data=data, now=clock())
        if seen and (outcome := _unchanged(batch, str(path), source)) is not None:
            return outcome
        result = _parse(data, path, parse)
        with transaction.atomic():
            _source_file_describe(source, result)
        with transaction.atomic():
            return _store(batch, str(path), source, result, actor)
    except ImportFailed as exc:
        return _fail(batch, str(path), source, exc.message, result)
    except reraise:
        raise
    except Exception as exc:  # a bug or a database error must not stop the batch
        return _fail(
            batch, str(path), source, f"导入时出错：{type(exc).__name__}: {exc}", result
        )


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(_os_reason(exc, "无法读取")) from None
    if not data:
        raise ImportFailed("是空文件")
    return data


def source_file_store(
    *, path: Path, data: bytes, now: datetime
) -> tuple[SourceFile, bool]:
    """The stored copy of a file's bytes (one per checksum) and whether it had been
    stored before."""
    sha = hashlib.sha256(data).hexdigest()
    source, created = SourceFile.objects.get_or_create(
        sha256=sha,
        defaults={
            "name": path.name[:255],
            "path": str(path)[:1000],
            "content": data,
            "size": len(data),
            "first_imported_at": now,
            "last_imported_at": now,
        },
    )
    if not created:
        source.last_imported_at = max(now, source.first_imported_at)
        source.save(update_fields=["last_imported_at", "updated_at"])
    return source, not created


def _unchanged(batch: ImportBatch, path: str, source: SourceFile) -> FileOutcome | None:
    """The outcome for a file imported before, or None if it never gave a report
    (then it is parsed again: the parser may have learnt to read it)."""
    prior = (
        ImportRecord.objects.filter(
            source_file=source, status=RecordStatus.IMPORTED, report__isnull=False
        )
        .select_related("report__organisation")
        .order_by("-pk")
        .first()
    )
    if prior is None or prior.report is None:
        return None
    record = ImportRecord.objects.create(
        batch=batch,
        path=path,
        source_file=source,
        status=RecordStatus.UNCHANGED,
        report=prior.report,
    )
    return _outcome(path, RecordStatus.UNCHANGED, prior.report, record_id=record.pk)


def _parse(data: bytes, path: Path, parse: Parse) -> ParseResult:
    """Parse; when section 二 had glued digits that only plausibility could cut,
    parse again with the organ's previous-year report from the database (its
    现行有效 + 制发 − 废止 must give this year's 现行有效)."""
    try:
        result = parse(data, source=str(path), suffix=path.suffix.lower())
        if _needs_history(result):
            previous = _previous_year(result)
            if previous is not None:
                result = parse(
                    data,
                    source=str(path),
                    suffix=path.suffix.lower(),
                    previous=previous,
                )
    except Exception as exc:  # the parser must not take the batch down with it
        raise ImportFailed(f"解析时出错：{type(exc).__name__}: {exc}") from None
    return _nul_free(result)


#: The finding of a split of glued digits decided by plausibility alone.
SPLIT_UNCERTAIN = "import.split_uncertain"


def _needs_history(result: ParseResult) -> bool:
    report = result.report
    return (
        report is not None
        and bool(report.org)
        and report.year is not None
        and any(
            f.code == SPLIT_UNCERTAIN and any(c.path[0] == "active" for c in f.cells)
            for f in result.findings
        )
    )


def _previous_year(result: ParseResult) -> ReportData | None:
    from gongkai.annual_reports.selectors import report_data
    from gongkai.imports.services.organisations import organisation_match

    report = result.report
    if report is None or not report.org or report.year is None:
        return None
    organisation = organisation_match(name=report.org)
    if organisation is None:
        return None
    prior = AnnualReport.objects.filter(
        organisation=organisation, year=report.year - 1
    ).first()
    return report_data(report=prior) if prior is not None else None


def _oldest_first(candidates: list[Candidate], parse: Parse) -> list[Candidate]:
    """The files in the order of their report years (stable; unreadable files and
    files with no year keep their place at the front), so that a folder holding
    several years of one organ gives each year the one before for continuity.
    Costs one extra parse per file (~1 ms; the import itself is ~40 ms)."""
    years: list[int] = []
    for candidate in candidates:
        year = 0
        if not candidate.error:
            try:
                data = _read(candidate.path)
                found = parse(
                    data,
                    source=str(candidate.path),
                    suffix=candidate.path.suffix.lower(),
                )
                year = found.report.year if found.report and found.report.year else 0
            except Exception:
                year = 0
        years.append(year)
    order = sorted(range(len(candidates)), key=lambda i: years[i])
    return [candidates[i] for i in order]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _nul_free(result: ParseResult) -> ParseResult:
    """PostgreSQL text and JSON cannot hold NUL characters, which damaged or binary
    files do contain.  Replace each by U+FFFD: one character for one, so that every
    provenance offset into the text stays right.  Everything stored (text, report,
    findings, spans) derives from the text or the error, so checking those suffices."""
    if "\x00" not in result.text and "\x00" not in (result.error or ""):
        return result
    from dataclasses import replace

    from gongkai.annual_reports.data import report_from_dict, report_to_dict
    from gongkai.annual_reports.importing.result import SourceSpan
    from gongkai.annual_reports.validation.findings import Finding

    report = result.report
    if report is not None:
        report = report_from_dict(_clean(report_to_dict(report))).report
    return replace(
        result,
        text=_clean(result.text),
        error=_clean(result.error),
        report=report,
        raw_findings=tuple(
            Finding.from_dict(_clean(f.to_dict())) for f in result.findings
        ),
        provenance={
            key: SourceSpan(s.line, s.start, s.end, _clean(s.text))
            for key, s in result.provenance.items()
        },
        detected=_clean(dict(result.detected)),
    )


def _source_file_describe(source: SourceFile, result: ParseResult) -> None:
    source.text = result.text or ""
    source.kind = str(result.detected.get("kind", ""))[:20]
    source.encoding = str(result.detected.get("encoding", ""))[:40]
    source.save(update_fields=["text", "kind", "encoding", "updated_at"])


def _store(
    batch: ImportBatch,
    path: str,
    source: SourceFile,
    result: ParseResult,
    actor: User | None,
) -> FileOutcome:
    if not result.ok or result.report is None:
        raise ImportFailed(f"无法解析：{result.error or '未能识别出年度报告'}")
    data = result.report
    if data.year is None:
        raise ImportFailed("未能从文件中识别出统计年度")
    if not (data.org or "").strip():
        raise ImportFailed("未能从文件中识别出报告机关")
    organisation, created = organisation_get_or_create_imported(
        name=data.org or "", actor=actor
    )
    record = ImportRecord.objects.create(
        batch=batch,
        path=path,
        source_file=source,
        status=RecordStatus.IMPORTED,
        statistics=record_statistics(data, organisation=organisation),
        findings=[f.to_dict() for f in result.findings],
        provenance={key: span.to_dict() for key, span in result.provenance.items()},
        detected=dict(result.detected),
        narrative_figures=record_figures(result.narrative_figures),
    )
    report = report_store_imported(
        organisation=organisation, data=data, record=record, actor=actor
    )
    return _outcome(
        path,
        RecordStatus.IMPORTED,
        report,
        organisation_created=created,
        record_id=record.pk,
    )


def _fail(
    batch: ImportBatch,
    path: str,
    source: SourceFile | None,
    reason: str,
    result: ParseResult | None,
) -> FileOutcome:
    findings: list[dict[str, Any]] = (
        [f.to_dict() for f in result.findings] if result is not None else []
    )
    record = ImportRecord.objects.create(
        batch=batch,
        path=path[:1000],
        source_file=source,
        status=RecordStatus.FAILED,
        error=reason,
        findings=findings,
    )
    return FileOutcome(
        path=path, status=RecordStatus.FAILED, error=reason, record_id=record.pk
    )


def _outcome(
    path: str,
    status: str,
    report: AnnualReport,
    *,
    organisation_created: bool = False,
    record_id: int | None = None,
) -> FileOutcome:
    return FileOutcome(
        path=path,
        status=status,
        report_id=report.pk,
        organisation=report.organisation.name,
        year=report.year,
        errors=report.error_count,
        warnings=report.warning_count,
        organisation_created=organisation_created,
        record_id=record_id,
    )
