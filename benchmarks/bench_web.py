"""HTTP throughput of the public report page, beside a static file served by the
same server in the same run.

Sets up a throwaway data directory (``GONGKAI_DATA_DIR``, SQLite), runs
``gongkai manage migrate`` and ``gongkai demo``, starts one server on 127.0.0.1 (a
WSGI server when one is installed in the virtual environment: gunicorn, then
waitress; otherwise Django's runserver through ``gongkai serve``) and loads it with
``wrk -t2 -c8 -d10s --latency`` (with runserver, ``-H "Connection: close"``: see
``server_command``):

- the demo county's published report page (``/reports/<org_id>/<year>/``, the first
  report the home page links to): a database query and the report's tables rendered
  into the page template;
- the baseline: ``/static/gongkai/site.css``, a file the same server returns from
  memory or disk without touching the database or a template: the most requests
  per second this server and machine can answer.

Figures: requests/s for both, their ratio (static over report: how many times fewer
report pages than static files the server answers) and the 50th and 99th
percentile latencies.  The server is always stopped and the directory removed.
Needs ``wrk`` (Debian package, ``make bench`` installs it); without it the benchmark
says so and gives no figures.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
THREADS, CONNECTIONS, DURATION_S = 2, 8, 10
STATIC_PATH = "/static/gongkai/site.css"
BIN = Path(sys.executable).parent  # the virtual environment's bin directory
ROOT = Path(__file__).resolve().parents[1]
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _gongkai() -> str:
    for candidate in (BIN / "gongkai", ROOT / ".venv" / "bin" / "gongkai"):
        if candidate.exists():
            return str(candidate)
    raise RuntimeError("gongkai command not found: run `make` (pip install -e .)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # the throwaway SQLite database, never another
    env.update(
        GONGKAI_DATA_DIR=str(data_dir),
        GONGKAI_DEBUG="false",
        DJANGO_SETTINGS_MODULE="gongkai.config.settings.base",
        PYTHONUNBUFFERED="1",
    )
    return env


def server_command(port: int) -> tuple[str, list[str], bool]:
    """(description, argv, keep-alive) of the server to measure.

    Django's runserver is measured with ``Connection: close`` (a new connection per
    request): on a kept-alive connection it sends each response's headers and body
    as separate small packets without TCP_NODELAY, so the client's delayed ACK
    stalls every response by ~40 ms and both URLs would measure that stall."""
    app = "gongkai.config.wsgi:application"
    gunicorn, waitress = BIN / "gunicorn", BIN / "waitress-serve"
    if gunicorn.exists():
        workers = str(os.cpu_count() or 1)
        argv = [str(gunicorn), "--bind", f"{HOST}:{port}", "--workers", workers, app]
        return f"gunicorn, {workers} workers", argv, True
    if waitress.exists():
        return "waitress", [str(waitress), f"--listen={HOST}:{port}", app], True
    argv = [_gongkai(), "serve", "--host", HOST, "--port", str(port)]
    what = "Django runserver (gongkai serve; no WSGI server installed)"
    return what, argv, False


def _get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback URL built here
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"the server exited ({server.returncode}):\n{_tail(log)}"
            )
        try:
            _get(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within 60 s:\n{_tail(log)}")


def _tail(path: Path, lines: int = 20) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text("utf-8", "replace").splitlines()[-lines:])


def start_server(
    argv: list[str], env: dict[str, str], data_dir: Path
) -> tuple[subprocess.Popen[bytes], Path]:
    """Start the server in its own session (so that ``_stop`` ends its workers
    too), its output in ``data_dir/server.log``."""
    log = data_dir / "server.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            argv,
            env=env,
            cwd=data_dir,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return server, log


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server and its workers: the process group it leads (started in a
    new session below), by its id."""
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    except ProcessLookupError:
        pass


def report_path(home_page: str) -> str:
    """The first published report page the home page links to."""
    match = re.search(r'href="(/reports/\d+/\d+/)"', home_page)
    if match is None:
        raise RuntimeError("the home page links to no report page")
    return match.group(1)


def parse_wrk(output: str) -> dict[str, float]:
    """requests/s, requests, non-2xx responses, socket errors and the 50th/99th
    percentile latency (ms) from ``wrk --latency`` output."""
    found = re.search(r"Requests/sec:\s*([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if found is None or total is None:
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    out = {"rps": float(found.group(1)), "requests": float(total.group(1))}
    for percent in ("50", "99"):
        latency = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        if latency is None:
            raise RuntimeError(f"no {percent}% latency in wrk's output:\n{output}")
        out[f"p{percent}_ms"] = float(latency.group(1)) * _UNIT_MS[latency.group(2)]
    bad = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output)
    out["non_2xx"] = float(bad.group(1)) if bad else 0.0
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    counts = [int(n) for n in errors.groups()] if errors else [0, 0, 0, 0]
    # connect/write/timeout errors; read errors are also every connection the
    # server closes after a ``Connection: close`` request.
    out["socket_errors"] = float(counts[0] + counts[2] + counts[3])
    out["read_errors"] = float(counts[1])
    return out


def wrk_command(wrk: str, url: str, *, keep_alive: bool) -> list[str]:
    argv = [wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION_S}s", "--latency"]
    if not keep_alive:
        argv += ["-H", "Connection: close"]
    return [*argv, url]


def _wrk(wrk: str, url: str, *, keep_alive: bool) -> dict[str, float]:
    argv = wrk_command(wrk, url, keep_alive=keep_alive)
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=DURATION_S + 60, check=True
    )
    figures = parse_wrk(done.stdout)
    if figures["non_2xx"]:
        raise RuntimeError(
            f"{url}: {figures['non_2xx']:.0f} of {figures['requests']:.0f} responses "
            f"were not 2xx/3xx, so the figure would not measure the page:\n{done.stdout}"
        )
    return figures


def _setup(data_dir: Path, env: dict[str, str]) -> None:
    for argv in (
        [_gongkai(), "manage", "migrate", "--noinput"],
        [_gongkai(), "demo", "--quiet"],
    ):
        done = subprocess.run(
            argv, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{' '.join(argv[1:])} failed ({done.returncode}):\n"
                f"{done.stdout}{done.stderr}"
            )


def run() -> dict[str, float]:
    wrk = shutil.which("wrk")
    if wrk is None:
        print(
            "web: skipped, no figures: wrk is not installed (Debian package wrk; "
            "`make bench` installs it, or `bash scripts/sysdeps.sh bench`)"
        )
        return {}
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-web-") as tmp:
        data_dir = Path(tmp)
        env = _environment(data_dir)
        _setup(data_dir, env)
        port = _free_port()
        what, argv, keep_alive = server_command(port)
        base = f"http://{HOST}:{port}"
        server, log = start_server(argv, env, data_dir)
        try:
            _wait_until_up(base + "/", server, log)
            status, home = _get(base + "/")
            if status != 200:
                raise RuntimeError(f"GET / answered {status}")
            page = report_path(home.decode("utf-8", "replace"))
            sizes = {}
            for path in (page, STATIC_PATH):
                status, body = _get(base + path)
                if status != 200:
                    raise RuntimeError(f"GET {path} answered {status}")
                sizes[path] = len(body)
            wrk_line = shlex.join(wrk_command("wrk", "URL", keep_alive=keep_alive))
            print(
                f"  server: {what} on {HOST}:{port}; {wrk_line}; report page {page} "
                f"({sizes[page]:,} bytes), static {STATIC_PATH} "
                f"({sizes[STATIC_PATH]:,} bytes)"
            )
            report = _wrk(wrk, base + page, keep_alive=keep_alive)
            static = _wrk(wrk, base + STATIC_PATH, keep_alive=keep_alive)
        finally:
            _stop(server)
    ratio = static["rps"] / report["rps"]
    print(
        f"web report page: {report['rps']:,.0f} requests/s (baseline static file "
        f"from the same server: {static['rps']:,.0f} requests/s, ratio {ratio:.1f})"
    )
    for name, figures in (("report page", report), ("static file", static)):
        print(
            f"web {name} latency: p50 {figures['p50_ms']:.2f} ms, p99 "
            f"{figures['p99_ms']:.2f} ms ({figures['requests']:,.0f} requests, "
            f"{figures['socket_errors']:.0f} connect/write/timeout errors)"
        )
    return {
        "web_report_rps": report["rps"],
        "web_static_rps": static["rps"],
        "web_report_ratio": ratio,
        "web_report_p50_ms": report["p50_ms"],
        "web_report_p99_ms": report["p99_ms"],
        "web_static_p50_ms": static["p50_ms"],
        "web_static_p99_ms": static["p99_ms"],
    }


if __name__ == "__main__":
    run()
