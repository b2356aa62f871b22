"""Which task backend runs: the database by default, RQ/Redis when
GONGKAI_TASKS_BACKEND=rq (a deployment with separate workers)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("GONGKAI_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _settings_probe(
    tmp_path: Path, code: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with the base settings loaded from a fresh environment."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GONGKAI_") and k not in {"REDIS_URL", "DATABASE_URL"}
    }
    clean.update(
        DJANGO_SETTINGS_MODULE="gongkai.config.settings.base",
        GONGKAI_DATA_DIR=str(tmp_path),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=clean,
        timeout=120,
        check=False,
    )


BACKEND = (
    "from django_tasks import task_backends\n"
    "from django.conf import settings\n"
    "print(type(task_backends['default']).__name__, settings.EMAIL_BACKEND)\n"
)


def test_the_database_backend_and_console_mail_are_the_default(tmp_path) -> None:
    done = _settings_probe(tmp_path, BACKEND)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "DatabaseBackend",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_rq_is_selected_by_the_setting(tmp_path) -> None:
    done = _settings_probe(
        tmp_path, BACKEND, GONGKAI_TASKS_BACKEND="rq", REDIS_URL=REDIS_URL
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "RQBackend"


def test_rq_without_redis_url_says_what_to_set(tmp_path) -> None:
    done = _settings_probe(tmp_path, BACKEND, GONGKAI_TASKS_BACKEND="rq")
    assert done.returncode != 0
    assert "REDIS_URL" in done.stderr


def test_an_unknown_backend_is_refused(tmp_path) -> None:
    done = _settings_probe(tmp_path, BACKEND, GONGKAI_TASKS_BACKEND="celery")
    assert done.returncode != 0
    assert "GONGKAI_TASKS_BACKEND" in done.stderr
    assert "database 或 rq" in done.stderr


def test_smtp_is_set_by_the_email_url(tmp_path) -> None:
    done = _settings_probe(
        tmp_path,
        "from django.conf import settings as s\n"
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS,"
        " s.EMAIL_HOST_USER, s.DEFAULT_FROM_EMAIL)\n",
        GONGKAI_EMAIL_URL="smtp+tls://clerk:secret@smtp.example.org:587",
        GONGKAI_DEFAULT_FROM_EMAIL="gongkai@example.gov.cn",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "True",
        "clerk",
        "gongkai@example.gov.cn",
    ]


def _redis_answers(url: str) -> bool:
    host_port = url.split("//", 1)[1].split("/", 1)[0]
    host, _, port = host_port.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def test_a_task_round_trip_through_redis(tmp_path) -> None:
    if not _redis_answers(REDIS_URL):
        pytest.skip(f"no Redis answers at {REDIS_URL} (GONGKAI_TEST_REDIS_URL)")
    done = _settings_probe(
        tmp_path,
        "import django_rq\n"
        "from gongkai.reminders.tests.rq_probe import add\n"
        "result = add.enqueue(2, 3)\n"
        "django_rq.get_worker('default', job_class='django_tasks_rq.Job')"
        ".work(burst=True)\n"
        "print(result.status, add.get_result(result.id).status,"
        " add.get_result(result.id).return_value)\n",
        GONGKAI_TASKS_BACKEND="rq",
        REDIS_URL=REDIS_URL,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-3:] == ["READY", "SUCCESSFUL", "5"]
