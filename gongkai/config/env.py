"""Configuration from the environment (12-factor).  Every variable is documented in
docs/reference/settings.md, and a test checks that."""

from __future__ import annotations

import os
from pathlib import Path

import environ

SOURCE_DIR = Path(__file__).resolve().parents[2]  # the checkout (or site-packages)
env = environ.Env()


def data_dir() -> Path:
    """Where the embedded database and uploaded/imported files live."""
    default = (
        SOURCE_DIR / "var"
        if (SOURCE_DIR / "pyproject.toml").exists()
        else (Path.cwd() / "gongkai-data")
    )
    path = Path(os.environ.get("GONGKAI_DATA_DIR", default))
    path.mkdir(parents=True, exist_ok=True)
    return path
