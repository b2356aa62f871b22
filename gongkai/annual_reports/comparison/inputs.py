"""One report as the comparison takes it: plain data, no database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ReportInput:
    """One report to compare: its identity, statistics (interchange form) and stored
    findings (``Finding.to_dict`` form)."""

    report_id: int
    organisation_id: int
    organisation: str
    year: int
    statistics: Mapping[str, Any]
    findings: Sequence[Mapping[str, Any]] = ()
    imported: bool = True  # else a report made in gongkai (and published)

    @property
    def label(self) -> str:
        return f"{self.organisation} {self.year}"
