from __future__ import annotations

from datetime import date
from typing import Any, Literal

from ninja import Schema


class CellOut(Schema):
    path: str  # e.g. "applications.withheld.3.6"
    row: str  # the row label of the format
    column: str  # the column label ("" for a whole row)


class FindingOut(Schema):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    cells: list[CellOut]


class ReportSummaryOut(Schema):
    org_id: int
    org: str
    year: int
    title: str
    published_on: date | None
    errors: int
    warnings: int
    page_url: str  # the public report page
    api_url: str  # this report in the API


class ReportDetailOut(Schema):
    org_id: int
    org: str
    year: int
    title: str
    status: Literal["draft", "published"]
    published_on: date | None
    ok: bool  # no check finds an error
    errors: int
    warnings: int
    report: dict[str, Any]  # annual-report.schema.json form
    findings: list[FindingOut]


class CheckOut(Schema):
    ok: bool  # no check finds an error
    errors: int
    warnings: int
    findings: list[FindingOut]
