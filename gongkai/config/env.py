"""Configuration from the environment (12-factor).  Every variable is documented in
docs/reference/settings.md, and a test checks that."""

from __future__ import annotations

import os
from pathlib import Path

import environ
from django.core.management.utils import get_random_secret_key

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


def kept_secret_key(directory: Path) -> str:
    """A random secret key made once and kept in ``directory/secret_key`` (mode
    0600), so that a site started without GONGKAI_SECRET_KEY (``make run``) signs
    its sessions with a key of its own that survives restarts.  Production sets
    GONGKAI_SECRET_KEY (the production settings require it)."""
    path = directory / "secret_key"
    if not path.exists():
        temporary = directory / f".secret_key.{os.getpid()}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write(get_random_secret_key())
        try:
            os.link(temporary, path)  # atomic; another process may have won
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text("ascii").strip()
