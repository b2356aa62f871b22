"""Settings: the development key is refused without DEBUG, production settings pass
``check --deploy``, and a site started with nothing configured keeps a key of its
own."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.core.management.utils import get_random_secret_key
from django.test import override_settings

from gongkai.config.env import kept_secret_key
from gongkai.core.checks import DEVELOPMENT_SECRET_KEY

REPO = Path(__file__).resolve().parents[3]


def _security_errors() -> list[str]:
    return [m.id or "" for m in checks.run_checks(tags=[checks.Tags.security])]


@override_settings(SECRET_KEY=DEVELOPMENT_SECRET_KEY, DEBUG=False)
def test_the_development_key_without_debug_is_an_error() -> None:
    errors = [
        m
        for m in checks.run_checks(tags=[checks.Tags.security])
        if m.id == "gongkai.E001"
    ]
    assert len(errors) == 1
    assert errors[0].level == checks.ERROR
    assert "GONGKAI_SECRET_KEY" in (errors[0].hint or "")


@override_settings(SECRET_KEY=DEVELOPMENT_SECRET_KEY, DEBUG=True)
def test_the_development_key_with_debug_is_allowed() -> None:
    assert "gongkai.E001" not in _security_errors()


@override_settings(SECRET_KEY=get_random_secret_key(), DEBUG=False)
def test_a_real_key_passes() -> None:
    assert "gongkai.E001" not in _security_errors()


def test_a_kept_key_is_random_private_and_stable(tmp_path: Path) -> None:
    first = kept_secret_key(tmp_path)
    assert len(first) >= 50
    assert first != DEVELOPMENT_SECRET_KEY
    assert kept_secret_key(tmp_path) == first
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600
    assert kept_secret_key(tmp_path / ".." / tmp_path.name) == first
    other = tmp_path / "other"
    other.mkdir()
    assert kept_secret_key(other) != first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "secret_key"]


def _run(
    code: list[str], tmp_path: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GONGKAI_") and k not in {"DATABASE_URL"}
    }
    environment.update({"GONGKAI_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, *code],
        env=environment,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


PROD = "gongkai.config.settings.prod"


def test_check_deploy_is_clean_for_production(tmp_path: Path) -> None:
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        DJANGO_SETTINGS_MODULE=PROD,
        GONGKAI_SECRET_KEY=get_random_secret_key(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_production_requires_a_key(tmp_path: Path) -> None:
    result = _run(["manage.py", "check"], tmp_path, DJANGO_SETTINGS_MODULE=PROD)
    assert result.returncode != 0
    assert "GONGKAI_SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("debug", "refused"), [("false", True), ("true", False)], ids=["off", "on"]
)
def test_the_wsgi_application_refuses_the_development_key(
    tmp_path: Path, debug: str, refused: bool
) -> None:
    result = _run(
        ["-c", "import gongkai.config.wsgi"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="gongkai.config.settings.base",
        GONGKAI_SECRET_KEY=DEVELOPMENT_SECRET_KEY,
        GONGKAI_DEBUG=debug,
    )
    assert (result.returncode != 0) == refused, result.stderr
    assert ("gongkai.E001" in result.stderr) == refused


def test_without_a_key_the_base_settings_keep_one(tmp_path: Path) -> None:
    """``make run`` works out of the box (the system checks pass), with a key of
    its own kept in the data directory, not the development key."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.core.management import call_command; "
        "call_command('check'); print(settings.SECRET_KEY)"
    )
    env = {"DJANGO_SETTINGS_MODULE": "gongkai.config.settings.base"}
    result = _run(["-c", code], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    key = result.stdout.strip().splitlines()[-1]
    assert key == (tmp_path / "secret_key").read_text().strip()
    assert key != DEVELOPMENT_SECRET_KEY


def test_every_system_check_is_documented() -> None:
    text = (REPO / "docs" / "reference" / "settings.md").read_text("utf-8")
    source = (REPO / "gongkai" / "core" / "checks.py").read_text("utf-8")
    ids = re.findall(r'id="(gongkai\.[EW]\d+)"', source)
    assert ids, "no check ids found: the pattern is stale"
    assert [i for i in ids if f"`{i}`" not in text] == []
