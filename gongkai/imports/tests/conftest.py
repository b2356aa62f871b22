"""Fixtures of the imports tests: the seeds, a stand-in parser for unit tests (the
end-to-end tests use the real one), users and report files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports.data import report_from_dict, report_to_dict
from gongkai.annual_reports.importing.result import ParseResult, SourceSpan
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.validation.rules import check_report
from gongkai.orgs.tests.factories import OrganisationFactory

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def _fake_parse(data: bytes, *, source: str, suffix: str = "") -> ParseResult:
    """Reads files holding the interchange JSON, whatever their suffix.  Provenance:
    where ``"new"`` row's 总计 value is in the text (enough to test the links)."""
    text = data.decode("utf-8", errors="replace")
    if text.startswith("CRASH"):
        raise RuntimeError("parser bug")
    try:
        obj = json.loads(text)
    except ValueError:
        return ParseResult(
            source=source, report=None, text=text, error="不是可识别的年度报告"
        )
    loaded = report_from_dict(obj)
    provenance: dict[str, SourceSpan] = {}
    match = re.search(r'"new": \[\s*(-?\d+)', text)
    if match and loaded.report.applications is not None:
        start, end = match.span(1)
        line = text.count("\n", 0, start) + 1
        provenance["applications.new.0"] = SourceSpan(line, start, end, text[start:end])
    return ParseResult(
        source=source,
        report=loaded.report,
        findings=tuple(check_report(loaded.report, loaded.findings)),
        text=text,
        provenance=provenance,
        detected={"kind": "json", "encoding": "utf-8"},
    )


@pytest.fixture
def fake_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import gongkai.annual_reports.importing as importing

    monkeypatch.setattr(importing, "parse_bytes", _fake_parse, raising=False)


WriteReport = Callable[..., Path]


@pytest.fixture
def write_report(tmp_path: Path) -> WriteReport:
    """Write a consistent sample report as a file; ``cells`` change single cells
    (``{("applications", "new", 0): 5}``)."""

    def write(
        name: str,
        *,
        org: str,
        year: int,
        seed: int = 0,
        cells: dict[tuple[Any, ...], Any] | None = None,
        folder: Path | None = None,
    ) -> Path:
        data = sample_report(org=org, year=year, seed=seed)
        for path, value in (cells or {}).items():
            data = data.with_cell(path, value)
        target = (folder or tmp_path) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(report_to_dict(data), ensure_ascii=False, indent=1), "utf-8"
        )
        return target

    return write


@pytest.fixture
def importer(db: None) -> User:
    """The office admin of a county: may import and correct."""
    return StaffUserFactory(
        username="gongkaiban",
        role=Role.OFFICE_ADMIN,
        organisation=OrganisationFactory(name="导入测试市人民政府"),
    )


@pytest.fixture
def auditor(db: None) -> User:
    """A staff user with no role: may look, not correct."""
    return UserFactory(username="shenji", is_staff=True)
