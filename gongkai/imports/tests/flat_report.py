"""A report as scraped pages serve it: seed 001 with every white space removed
(one line, glued digits), imported through the real parser (issue 8)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.tests.importing.helpers import seed
from gongkai.imports.services import import_paths

#: The run of section 二 that only plausibility could cut (alternatives left).
UNCERTAIN_KEY = "active.normative_docs.0"
#: A run with only one possible cut (high confidence, no alternatives).
UNIQUE_KEY = "active.rules.0"


def one_line_text() -> str:
    return "".join(seed("001").read_text("utf-8").split())


def import_flat(folder: Path) -> AnnualReport:
    path = folder / "flat.txt"
    path.write_text(one_line_text(), "utf-8")
    summary = import_paths(
        paths=[path], actor=None, clock=lambda: datetime(2025, 3, 1, tzinfo=UTC)
    )
    assert not summary.failed, summary.failed
    report_id = summary.imported[0].report_id
    assert report_id is not None
    return AnnualReport.objects.get(pk=report_id)
