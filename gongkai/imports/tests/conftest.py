"""Fixtures of the imports tests: the seeds, users and report files (the stand-in
parser is in ``fakes.py``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.rendering.html import render_html
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.seeds import SEEDS
from gongkai.orgs.tests.factories import OrganisationFactory

__all__ = ["SEEDS"]


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
    return cast(
        User,
        StaffUserFactory(
            username="gongkaiban",
            role=Role.OFFICE_ADMIN,
            organisation=OrganisationFactory(name="导入测试市人民政府"),
        ),
    )


@pytest.fixture
def auditor(db: None) -> User:
    """A staff user with no role: may look, not correct."""
    return cast(User, UserFactory(username="shenji", is_staff=True))


@pytest.fixture
def write_published(tmp_path: Path) -> WriteReport:
    """Write a consistent sample report as a published page (the HTML rendering),
    which the real parser reads: for tests through interfaces (the command line)
    that cannot be handed a stand-in parser."""

    def write(name: str, *, org: str, year: int, seed: int = 0) -> Path:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        report = sample_report(org=org, year=year, seed=seed)
        target.write_text(render_html(report), "utf-8")
        return target

    return write
