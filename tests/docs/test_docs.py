"""Docs that tests enforce: every check code, CLI command and setting is documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from gongkai.annual_reports.codes import CODES
from gongkai.cli import COMMANDS

DOCS = Path(__file__).resolve().parents[2] / "docs"
REPO = DOCS.parent


_CODE = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z_0-9]*$")
#: A file name (``manifest.csv``) is not a finding code.
_FILE_SUFFIXES = frozenset(
    {"csv", "pdf", "docx", "zip", "json", "txt", "html", "xlsx", "xml"}
)
#: The first part of a dotted name that is a module, not a finding's family.
_MODULE_ROOTS = frozenset({"gongkai", "django"})


def test_every_finding_code_is_documented() -> None:
    text = (DOCS / "reference" / "checks.md").read_text("utf-8")
    assert sorted(c for c in CODES if f"`{c}`" not in text) == []


def test_every_documented_finding_code_is_registered() -> None:
    text = (DOCS / "reference" / "checks.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_0-9]+)` \|", text, re.MULTILINE))
    assert len(documented) >= len(CODES)
    assert sorted(documented - set(CODES)) == []


def _emitted_codes() -> dict[str, set[str]]:
    """Code-shaped string literals a module passes as the first argument of a call
    (``Finding("x.y", …)``, ``_find("x.y", …)``, ``ctx.add("x.y", …)``), as
    ``code=``, or assigns to a ``…_CODE`` name: the codes it emits."""
    found: dict[str, set[str]] = {}
    for path in (REPO / "gongkai").rglob("*.py"):
        if {"tests", "migrations"} & set(path.parts):
            continue
        if path.parent.name == "rules" and path.parent.parent.name == "applications":
            # Intake problems, not report findings: docs/reference/application-input.md
            # and applications/tests/rules/test_codes.py.
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            candidates: list[ast.expr] = []
            if isinstance(node, ast.Call):
                candidates += node.args[:1]
                candidates += [k.value for k in node.keywords if k.arg == "code"]
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("_CODE") for t in node.targets
            ):
                candidates.append(node.value)
            for c in candidates:
                if (
                    isinstance(c, ast.Constant)
                    and _CODE.match(str(c.value))
                    and str(c.value).rsplit(".", 1)[1] not in _FILE_SUFFIXES
                    and str(c.value).split(".", 1)[0] not in _MODULE_ROOTS
                ):
                    found.setdefault(str(c.value), set()).add(
                        str(path.relative_to(REPO))
                    )
    return found


def test_every_emitted_finding_code_is_registered() -> None:
    emitted = _emitted_codes()
    assert {"table.missing", "import.table_missing", "input.invalid"} <= set(emitted)
    assert {c: sorted(where) for c, where in emitted.items() if c not in CODES} == {}


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


def test_every_api_error_code_is_documented() -> None:
    from gongkai.api.errors import ERROR_CODES

    text = (DOCS / "reference" / "api.md").read_text("utf-8")
    assert sorted(c for c in ERROR_CODES if f"`{c}`" not in text) == []


def test_every_statistic_and_plain_code_is_documented() -> None:
    from gongkai.annual_reports.statistics import outcomes
    from gongkai.annual_reports.statistics.registry import STATISTICS

    text = (DOCS / "reference" / "statistics.md").read_text("utf-8")
    rows = {
        line.split("|")[1].strip()
        for line in text.splitlines()
        if line.startswith("| `")
    }
    codes = {
        *(f"`{s.code}`" for s in STATISTICS.values()),
        *(f"`{o.code}`" for o in outcomes.OUTCOMES),
        *(f"`{c}`" for c, _ in outcomes.APPLICANT_TYPES),
        *(f"`{c}`" for c, _ in outcomes.APPEAL_KINDS),
        *(f"`{c}`" for c, _ in outcomes.APPEAL_RESULTS),
    }
    assert sorted(codes - rows) == []
    assert sorted(rows - codes) == []  # nothing documented that is not declared
    for stat in STATISTICS.values():  # each statistic's row says its origin
        assert f"| `{stat.code}` | {stat.origin} |" in text
