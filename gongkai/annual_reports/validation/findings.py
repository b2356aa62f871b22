"""Findings: what a check or an import says about a report.  Never exceptions."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gongkai.annual_reports.format import Path, cell_labels, path_str


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class CellRef:
    """A cell (or a row, or a table) named by its path and its Chinese labels."""

    path: Path
    row: str
    column: str

    @classmethod
    @lru_cache(maxsize=2048)
    def at(cls, path: Path) -> CellRef:
        try:
            row, column = cell_labels(path)
        except (KeyError, IndexError, ValueError):
            row, column = path_str(path), ""
        return cls(path=path, row=row, column=column)

    def to_dict(self) -> dict[str, str]:
        return {"path": path_str(self.path), "row": self.row, "column": self.column}

    def describe(self) -> str:
        return f"「{self.row}」/「{self.column}」" if self.column else f"「{self.row}」"


@dataclass(frozen=True)
class Location:
    """Where in the source text (the text the import read) a finding points:
    1-based line and character column, and the offsets ``[start, end)``."""

    line: int
    column: int
    start: int
    end: int

    def describe(self) -> str:
        return f"第 {self.line} 行第 {self.column} 字"

    def to_dict(self) -> dict[str, int]:
        return {
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Location | None:
        try:
            return cls(*(int(data[k]) for k in ("line", "column", "start", "end")))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    cells: tuple[CellRef, ...] = field(default=())
    #: Details for programs (e.g. an inferred split's alternatives and confidence);
    #: JSON-serialisable, left out of equality and of ``to_dict`` when empty.
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)
    #: Where in the source text it points (imports only; None when unknown).
    at: Location | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "cells": [c.to_dict() for c in self.cells],
        }
        if self.data:
            out["data"] = dict(self.data)
        if self.at is not None:
            out["at"] = self.at.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        from gongkai.annual_reports.format import parse_path

        cells = tuple(
            CellRef(parse_path(c["path"]), c.get("row", ""), c.get("column", ""))
            for c in data.get("cells", [])
        )
        extra = data.get("data")
        return cls(
            data["code"],
            Severity(data["severity"]),
            data["message"],
            cells,
            dict(extra) if isinstance(extra, dict) else {},
            Location.from_dict(data["at"]) if data.get("at") else None,
        )

    def __str__(self) -> str:
        return f"[{self.severity}] {self.code}: {self.message}"


def has_errors(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    return any(f.severity == Severity.ERROR for f in findings)
