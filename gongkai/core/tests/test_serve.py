"""gongkai serve answers over HTTP (gunicorn, and the development server)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = {**os.environ, "GONGKAI_DATA_DIR": str(tmp_path_factory.mktemp("serve"))}
    env.pop("DATABASE_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "gongkai.config.settings.base"
    gongkai = [sys.executable, "-m", "gongkai.cli"]
    subprocess.run(
        [*gongkai, "manage", "migrate", "--noinput"],
        env=env,
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    subprocess.run(
        [*gongkai, "demo", "--quiet"],
        env=env,
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    return env


@pytest.mark.parametrize("extra", [[], ["--dev"]], ids=["gunicorn", "dev"])
def test_serves_home_report_page_and_static(data_dir: dict[str, str], extra) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gongkai.cli", "serve", "--port", str(port), *extra],
        env=data_dir,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                home = urllib.request.urlopen(base + "/", timeout=5).read().decode()  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        assert "示范县人民政府" in home
        link = re.search(r'href="(/reports/\d+/\d+/)"', home)
        assert link, "the home page links no report"
        page = urllib.request.urlopen(base + link.group(1), timeout=10)  # noqa: S310
        assert "三、收到和处理政府信息公开申请情况" in page.read().decode()
        css = urllib.request.urlopen(f"{base}/static/gongkai/site.css", timeout=10)  # noqa: S310
        assert css.status == 200
    finally:
        server.terminate()
        server.wait(timeout=15)
