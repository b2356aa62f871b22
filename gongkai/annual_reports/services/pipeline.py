"""The one writer of a report's statistics.

Every way a report gets figures (a person typing in the staff editor, an import, a
person's cell override, a recheck, and the computed and aggregated reports to come)
ends in :func:`report_rebuild`: the machine values with the active overrides applied,
each cell's origin, the check, the findings with their counts and the rules version,
and exactly one AnnualReportEvent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.annual_reports import events
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.composition import compose
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.models import AnnualReport, AnnualReportEvent
from gongkai.annual_reports.origins import Kind, Origin
from gongkai.annual_reports.selectors import (
    report_machine,
    report_override_list_active,
)
from gongkai.annual_reports.validation.findings import Finding, Severity
from gongkai.annual_reports.validation.rules import RULES_VERSION


def _set_metadata(report: AnnualReport, machine: ReportData) -> None:
    report.title = machine.title or ""
    report.format_version = machine.format_version
    report.overview = machine.narrative.overview
    report.problems = machine.narrative.problems
    report.other_matters = machine.narrative.other
    if machine.published_on is not None:
        report.published_on = machine.published_on


def _with_event(origins: Mapping[str, Origin], event: int) -> dict[str, Origin]:
    """Typed origins that name no event yet were typed in this rebuild."""
    out: dict[str, Origin] = {}
    for path, origin in origins.items():
        if origin.get("kind") == Kind.TYPED and origin.get("event") is None:
            origin = {**origin, "event": event}
        under = origin.get("under")
        if (
            isinstance(under, dict)
            and under.get("kind") == Kind.TYPED
            and under.get("event") is None
        ):
            origin = {**origin, "under": {**under, "event": event}}
        out[path] = origin
    return out


@transaction.atomic
def report_rebuild(
    *,
    report: AnnualReport,
    machine: ReportData,
    origins: Mapping[str, Origin],
    actor: User | None,
    action: str,
    notes: Iterable[Finding] = (),
    note: str = "",
    payload: Mapping[str, Any] | None = None,
) -> AnnualReport:
    """Store ``machine`` (the values before any override, with the title and
    narrative) as the report's statistics with the active overrides applied, each
    cell's origin (``origins``: path string → origin of the machine value), and the
    findings: ``notes`` of the source, the loader's, the overrides' and the check's.
    Records one event ``action`` (with ``payload``, the counts and how many overrides
    need review).  The caller locks the report and checks permissions."""
    if report.pk is None:
        report.save()
    _set_metadata(report, machine)
    composed = compose(
        report=report,
        machine=machine,
        origins=origins,
        notes=notes,
        overrides=report_override_list_active(report=report),
    )
    errors = sum(f.severity == Severity.ERROR for f in composed.findings)
    warnings = sum(f.severity == Severity.WARNING for f in composed.findings)
    event = AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        action=action,
        note=note,
        payload={
            **(payload or {}),
            "errors": errors,
            "warnings": warnings,
            "reviews": composed.reviews,
        },
    )
    report.statistics = composed.statistics
    report.origins = cell_origins.pack(_with_event(composed.origins, event.pk))
    report.findings = [f.to_dict() for f in composed.findings]
    report.error_count, report.warning_count = errors, warnings
    report.rules_version = RULES_VERSION
    report.save()
    return report


@transaction.atomic
def report_recheck(*, report: AnnualReport, actor: User | None) -> bool:
    """Check the report again under today's rules.  True when its findings changed
    (then stored through :func:`report_rebuild`, with an event); otherwise only the
    rules version is stamped."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    machine = report_machine(report=report)
    composed = compose(
        report=report,
        machine=machine.data,
        origins=machine.origins,
        notes=machine.notes,
        overrides=report_override_list_active(report=report),
    )
    if [f.to_dict() for f in composed.findings] == report.findings:
        report.rules_version = RULES_VERSION
        report.save(update_fields=["rules_version", "updated_at"])
        return False
    report_rebuild(
        report=report,
        machine=machine.data,
        origins=machine.origins,
        notes=machine.notes,
        actor=actor,
        action=events.REPORT_RECHECKED,
        payload={
            "rules_version": RULES_VERSION,
            "previous_rules_version": report.rules_version,
            "previous_errors": report.error_count,
            "previous_warnings": report.warning_count,
        },
    )
    return True


def report_recheck_stale(*, actor: User | None) -> tuple[int, int]:
    """Recheck every report whose findings were stored under other rules.
    Returns (how many were rechecked, how many of them changed)."""
    stale = AnnualReport.objects.exclude(rules_version=RULES_VERSION).order_by("pk")
    checked = changed = 0
    for report in stale.iterator():
        checked += 1
        changed += report_recheck(report=report, actor=actor)
    return checked, changed
