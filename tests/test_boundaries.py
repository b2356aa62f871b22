"""The boundaries between apps, read from the source with ``ast`` (nothing imported).

- ``core`` imports nothing of the project: every app may use it, so it uses none.
- Domain apps (the data, its rules and its services) never import an interface app
  (the pages, the API, the imports app, the demo data, the command line); an app's
  own ``gongkai`` subcommands (``<app>/commands/``) may use the command line's
  entry point.
- Interface apps do not import each other's pages: what two of them share lives in
  the domain (e.g. ``annual_reports.presenters``) or in ``core``.

Test code is left out: fixtures may be shared between the apps' tests.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "gongkai"

DOMAIN = (
    "core",
    "accounts",
    "orgs",
    "annual_reports",
    "deadlines",
    "documents",
    "applications",
    "reminders",
    "appeals",
    "letters",
    "publications",
    "search",
)
#: (app, app it must never import): a workflow reports plain codes and the report
#: side imports the workflow's selectors, never the other way round.
FORBIDDEN = {
    ("applications", "annual_reports"),
    ("appeals", "annual_reports"),
    ("letters", "annual_reports"),
    ("publications", "annual_reports"),
    ("search", "annual_reports"),
}
#: Apps (and top-level modules) that serve people or machines from the domain.
INTERFACE = ("portal", "backoffice", "api", "imports", "demo", "cli", "config")
#: The modules of each interface app that are its pages (the rest of ``imports``,
#: its models, services and selectors, is a domain other interfaces may use).
PAGES: dict[str, tuple[str, ...] | None] = {
    "portal": None,  # None: every module
    "backoffice": None,
    "api": None,
    "imports": ("views", "urls", "forms", "templatetags"),
}


def imported_modules(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every import in ``source`` (relative ones resolved
    against ``module``); ``from a import b`` yields ``a.b`` as well as ``a``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: -node.level]
                base = ".".join([*parent, base] if base else parent)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def project_modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "tests" in parts or "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "gongkai" else None


def is_page(module: str) -> bool:
    parts = module.split(".")
    app = app_of(module)
    if app not in PAGES:
        return False
    pages = PAGES[app]
    return pages is None or (len(parts) > 2 and parts[2] in pages)


def is_command(module: str, name: str) -> bool:
    """A domain app's ``gongkai`` subcommand is its command-line interface: it may
    use the entry point (``gongkai.cli.setup_django``), nothing else outside."""
    parts = module.split(".")
    return len(parts) > 2 and parts[2] == "commands" and app_of(name) == "cli"


def violations(module: str, source: str) -> list[str]:
    app = app_of(module)
    out = []
    for line, name in imported_modules(source, module):
        target = app_of(name)
        if target is None or target == app:
            continue
        where = f"{module}:{line} imports {name}"
        if app == "core":
            out.append(f"{where} (core imports nothing of the project)")
        elif (app, target) in FORBIDDEN:
            out.append(f"{where} ({app} never imports {target})")
        elif app in DOMAIN and target in INTERFACE and not is_command(module, name):
            out.append(f"{where} (a domain app imports an interface app)")
        elif app in PAGES and target in PAGES and is_page(name):
            out.append(f"{where} (interface apps do not import each other's pages)")
    return out


def test_the_apps_keep_their_boundaries() -> None:
    found = [
        v
        for module, path in project_modules()
        for v in violations(module, path.read_text("utf-8"))
    ]
    assert found == []


def test_every_package_is_classified() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert sorted(packages - set(DOMAIN) - set(INTERFACE)) == []


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        ("gongkai.core.x", "from gongkai.orgs.models import Organisation", True),
        ("gongkai.core.x", "from gongkai.core import clock", False),
        ("gongkai.core.commands.x", "from .. import clock", False),
        ("gongkai.annual_reports.x", "import gongkai.portal.views", True),
        ("gongkai.annual_reports.x", "from gongkai.imports import cells", True),
        ("gongkai.orgs.x", "from gongkai.accounts.models import User", False),
        ("gongkai.backoffice.views", "from gongkai.portal import presenters", True),
        ("gongkai.api.reports", "from gongkai.portal.selectors import x", True),
        ("gongkai.backoffice.views", "from gongkai.imports import views", True),
        ("gongkai.backoffice.views", "from gongkai.imports.services import x", False),
        ("gongkai.imports.views", "from gongkai.backoffice.views import x", True),
        ("gongkai.imports.views", "from gongkai.annual_reports import x", False),
        ("gongkai.demo.services", "from gongkai.annual_reports import x", False),
        ("gongkai.annual_reports.commands.x", "from gongkai.cli import x", False),
        ("gongkai.annual_reports.commands.x", "from gongkai.portal import x", True),
        ("gongkai.annual_reports.services", "from gongkai.cli import x", True),
        ("gongkai.core.commands.serve", "from gongkai.cli import x", True),
        ("gongkai.applications.x", "from gongkai.annual_reports import x", True),
        ("gongkai.annual_reports.x", "from gongkai.applications import x", False),
    ],
)
def test_the_checker(module: str, source: str, broken: bool) -> None:
    assert bool(violations(module, source)) is broken
