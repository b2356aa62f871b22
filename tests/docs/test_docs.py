"""Docs that tests enforce: every check code, CLI command and setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

from gongkai.annual_reports.validation.rules import LOADER_CODES, RULES
from gongkai.cli import COMMANDS

DOCS = Path(__file__).resolve().parents[2] / "docs"
REPO = DOCS.parent


def test_every_check_code_is_documented() -> None:
    text = (DOCS / "reference" / "checks.md").read_text("utf-8")
    codes = {r.code for r in RULES} | set(LOADER_CODES)
    assert sorted(c for c in codes if f"`{c}`" not in text) == []


def test_every_cli_command_is_documented() -> None:
    text = (DOCS / "reference" / "cli.md").read_text("utf-8")
    assert [c for c in COMMANDS if f"`gongkai {c}" not in text] == []


def test_every_environment_variable_is_documented() -> None:
    text = (DOCS / "reference" / "settings.md").read_text("utf-8")
    source = "\n".join(
        p.read_text("utf-8") for p in (REPO / "gongkai" / "config").rglob("*.py")
    )
    names = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', source))
    names |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z_]+)"', source))
    assert names, "no settings found: the pattern is stale"
    assert sorted(n for n in names if f"`{n}`" not in text) == []


def test_readme_starts_with_the_two_commands() -> None:
    text = (REPO / "README.md").read_text("utf-8")
    assert text.index("make run") < text.index("make test")


def test_every_import_finding_code_is_documented() -> None:
    from gongkai.annual_reports.importing.codes import IMPORT_FINDING_CODES
    from gongkai.imports.codes import IMPORTS_FINDING_CODES

    text = (DOCS / "reference" / "checks.md").read_text("utf-8")
    codes = set(IMPORT_FINDING_CODES) | set(IMPORTS_FINDING_CODES)
    codes.add("aggregate.table_missing")
    assert sorted(c for c in codes if f"`{c}`" not in text) == []


def test_every_api_error_code_is_documented() -> None:
    from gongkai.api.errors import ERROR_CODES

    text = (DOCS / "reference" / "api.md").read_text("utf-8")
    assert sorted(c for c in ERROR_CODES if f"`{c}`" not in text) == []
