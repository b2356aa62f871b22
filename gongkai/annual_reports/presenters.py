"""How check findings are shown to people: the relation (勾稽关系) status, the
errors and warnings, and the CSS class each offending cell gets.  Shared by the
public report page, the staff editor and the API (interface apps do not import
each other, so what they share lives here, in the report domain)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.validation.findings import Finding, Severity
from gongkai.annual_reports.validation.rules import RULES

#: The sum relations of the format (勾稽关系): errors when they do not hold.
RELATION_RULES = tuple(
    rule
    for rule in RULES
    if rule.severity == Severity.ERROR
    and rule.code.startswith(("applications.", "appeals."))
)

CELL_ERROR = "cell-error"  # the cell to look at: wrong input, or the likely culprit
CELL_RELATED = "cell-related"  # a cell of a relation that does not hold
CELL_WARNING = "cell-warning"
#: Warnings that do not mark cells: a blank cell is visibly blank already.
UNMARKED_WARNINGS = frozenset({"cell.blank"})
#: Hints that name the cell most likely wrong.
SUSPECT_CODES = frozenset({"cells.suspect"})


@dataclass(frozen=True)
class RelationStatus:
    code: str
    description: str
    failures: int

    @property
    def holds(self) -> bool:
        return self.failures == 0


@dataclass(frozen=True)
class FindingItem:
    """A finding as a list item: its message and the cell to jump to."""

    finding: Finding

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def severity(self) -> str:
        return str(self.finding.severity)

    @property
    def focus(self) -> str:
        """The path string of the first cell the finding names ("" if none)."""
        return path_str(self.finding.cells[0].path) if self.finding.cells else ""


@dataclass(frozen=True)
class FindingsSummary:
    errors: tuple[FindingItem, ...]
    warnings: tuple[FindingItem, ...]
    hints: tuple[FindingItem, ...]  # e.g. which cell is most likely wrong
    relations: tuple[RelationStatus, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def findings_summary(findings: Iterable[Finding]) -> FindingsSummary:
    findings = tuple(findings)
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return FindingsSummary(
        errors=tuple(FindingItem(f) for f in findings if f.severity == Severity.ERROR),
        warnings=tuple(
            FindingItem(f) for f in findings if f.severity == Severity.WARNING
        ),
        hints=tuple(FindingItem(f) for f in findings if f.severity == Severity.INFO),
        relations=tuple(
            RelationStatus(rule.code, rule.description, counts.get(rule.code, 0))
            for rule in RELATION_RULES
        ),
    )


def cell_marks(findings: Iterable[Finding]) -> dict[str, str]:
    """Path string → CSS class for the cells the findings name.

    A cell an error names alone (wrong input, a negative count), a cell a hint
    names as the likely culprit, and a cell where two broken relations cross (its
    row and its column) is ``CELL_ERROR``; the other cells of a broken relation are
    ``CELL_RELATED``; cells with a warning are ``CELL_WARNING``."""
    strong: set[str] = set()
    crossings: dict[str, int] = {}
    warned: set[str] = set()
    for finding in findings:
        paths = [path_str(cell.path) for cell in finding.cells]
        if finding.severity == Severity.ERROR and len(paths) == 1:
            strong.update(paths)
        elif finding.severity == Severity.ERROR:
            for path in paths:
                crossings[path] = crossings.get(path, 0) + 1
        elif finding.code in SUSPECT_CODES:
            strong.update(paths)
        elif (
            finding.severity == Severity.WARNING
            and finding.code not in UNMARKED_WARNINGS
        ):
            warned.update(paths)
    marks = dict.fromkeys(warned, CELL_WARNING)
    for path, count in crossings.items():
        marks[path] = CELL_ERROR if count > 1 else CELL_RELATED
    marks.update(dict.fromkeys(strong, CELL_ERROR))
    return marks


def stored_findings(report: AnnualReport) -> tuple[Finding, ...]:
    """The check results saved with the report (services keep them in step),
    rechecked on read when they were stored under other rules (never stale)."""
    from gongkai.annual_reports.selectors import report_current_findings

    return tuple(report_current_findings(report=report))
