"""HTTP throughput of the public pages, beside a static file served by the same
server in the same run.

Sets up a throwaway data directory (``GONGKAI_DATA_DIR``, SQLite), runs
``gongkai manage migrate`` and ``gongkai demo`` (the demo county with its year of
published items), starts the production server on 127.0.0.1 (gunicorn with one
worker per core when installed in the virtual environment, then waitress; otherwise
Django's runserver through ``gongkai serve``) and loads it with
``wrk -t2 -c8 -d10s --latency`` (with runserver, ``-H "Connection: close"``: see
``server_command``).  Pages:

- ``home``: the portal's home page (latest items, notices, organs, reports);
- ``item``: one published item's page (metadata block, body, interpretation);
- ``search``: a search for a two-character word with an organ filter;
- ``report``: the demo county's published annual report page;
- ``items_varied`` / ``search_varied``: each request a different item page (every
  published item of the demo, in random order) or a different query from a fixed
  list of one-, two- and four-character words: most requests miss the page cache;
- the baseline ``static``: ``/static/gongkai/site.css``, a file the same server
  returns without touching the database or a template: the most requests per
  second this server and machine can answer.

Each page is measured twice: with the page cache (the production setting) and with
it switched off (``GONGKAI_PAGE_CACHE_SECONDS=0``: every request queries the
database and renders the template).  Figures: requests/s, the ratio of the static
file's requests/s to the page's, and the 50th and 99th percentile latencies.  The
server is always stopped and the directory removed.  Needs ``wrk`` (Debian package,
``make bench`` installs it); without it the benchmark says so and gives no figures.
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
import urllib.parse
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


def _wrk(
    wrk: str, url: str, *, keep_alive: bool, script: Path | None = None
) -> dict[str, float]:
    argv = wrk_command(wrk, url, keep_alive=keep_alive)
    if script is not None:
        argv[1:1] = ["-s", str(script)]
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


#: One-, two- and four-character queries (the search benchmark's kind of set).
QUERIES = (
    "税",
    "公开",
    "规划",
    "通知",
    "教育",
    "财政",
    "行政许可",
    "政府信息",
    "乡村振兴",
)
SEARCH_PATH = "/search/?q=%E5%85%AC%E5%BC%80"  # 公开
ITEM_LINK = re.compile(r'href="(/items/\d+/)"')


def item_paths(data_dir: Path) -> list[str]:
    """Every public item of the demo (read from the throwaway database)."""
    import sqlite3

    with sqlite3.connect(data_dir / "gongkai.sqlite3") as db:
        rows = db.execute(
            "SELECT id FROM publications_informationitem "
            "WHERE status = 'published' AND disclosure = 'proactive' ORDER BY id"
        ).fetchall()
    return [f"/items/{pk}/" for (pk,) in rows]


def _lua_script(data_dir: Path, name: str, paths: list[str]) -> Path:
    """A wrk script that asks for a random path of ``paths`` on each request."""
    listed = ",\n".join('"' + p.replace('"', "%22") + '"' for p in paths)
    script = data_dir / f"{name}.lua"
    script.write_text(
        "paths = {\n" + listed + "\n}\n"
        "init = function(args)\n"
        "  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))\n"
        "end\n"
        "request = function()\n"
        "  return wrk.format('GET', paths[math.random(#paths)])\n"
        "end\n",
        "utf-8",
    )
    return script


def _measure_all(
    wrk: str, base: str, pages: dict[str, str], scripts: dict[str, Path], keep: bool
) -> dict[str, dict[str, float]]:
    out = {
        name: _wrk(wrk, base + path, keep_alive=keep) for name, path in pages.items()
    }
    for name, script in scripts.items():
        out[name] = _wrk(wrk, base + "/", keep_alive=keep, script=script)
    return out


def _serve_and_measure(
    wrk: str, data_dir: Path, env: dict[str, str], *, cache: bool
) -> dict[str, dict[str, float]]:
    env = {**env, "GONGKAI_PAGE_CACHE_SECONDS": "300" if cache else "0"}
    port = _free_port()
    what, argv, keep_alive = server_command(port)
    base = f"http://{HOST}:{port}"
    server, log = start_server(argv, env, data_dir)
    try:
        _wait_until_up(base + "/", server, log)
        status, home = _get(base + "/")
        if status != 200:
            raise RuntimeError(f"GET / answered {status}")
        text = home.decode("utf-8", "replace")
        items = item_paths(data_dir)
        first_item = ITEM_LINK.search(text)
        if first_item is None or not items:
            raise RuntimeError("the demo has no published item the home page links to")
        pages = {
            "home": "/",
            "item": first_item.group(1),
            "search": SEARCH_PATH,
            "report": report_path(text),
            "static": STATIC_PATH,
        }
        for path in pages.values():
            status, _body = _get(base + path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")
        scripts = {
            "items_varied": _lua_script(data_dir, "items", items),
            "search_varied": _lua_script(
                data_dir,
                "search",
                [f"/search/?q={urllib.parse.quote(q)}" for q in QUERIES]
                + [f"/search/?q={urllib.parse.quote(q)}&sort=date" for q in QUERIES],
            ),
        }
        wrk_line = shlex.join(wrk_command("wrk", "URL", keep_alive=keep_alive))
        print(
            f"  server: {what} on {HOST}:{port}; {wrk_line}; page cache "
            f"{'on (300 s)' if cache else 'off'}; {len(items):,} public items"
        )
        return _measure_all(wrk, base, pages, scripts, keep_alive)
    finally:
        _stop(server)


def run() -> dict[str, float]:
    wrk = shutil.which("wrk")
    if wrk is None:
        print(
            "web: skipped, no figures: wrk is not installed (Debian package wrk; "
            "`make bench` installs it, or `bash scripts/sysdeps.sh bench`)"
        )
        return {}
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-web-") as tmp:
        data_dir = Path(tmp)
        env = _environment(data_dir)
        _setup(data_dir, env)
        for cache in (True, False):
            figures = _serve_and_measure(wrk, data_dir, env, cache=cache)
            static = figures["static"]
            suffix = "" if cache else "_nocache"
            label = "page cache on" if cache else "page cache off"
            for name, f in figures.items():
                if name == "static":
                    continue
                ratio = static["rps"] / f["rps"]
                print(
                    f"web {name} ({label}): {f['rps']:,.0f} requests/s, p50 "
                    f"{f['p50_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms (baseline "
                    f"static file from the same server: {static['rps']:,.0f} "
                    f"requests/s, ratio {ratio:.1f})"
                )
                results[f"web_{name}{suffix}_rps"] = f["rps"]
                results[f"web_{name}{suffix}_p50_ms"] = f["p50_ms"]
                results[f"web_{name}{suffix}_p99_ms"] = f["p99_ms"]
                results[f"web_{name}{suffix}_ratio"] = ratio
            print(
                f"web static file ({label}): {static['rps']:,.0f} requests/s, p50 "
                f"{static['p50_ms']:.2f} ms, p99 {static['p99_ms']:.2f} ms"
            )
            results[f"web_static{suffix}_rps"] = static["rps"]
            results[f"web_static{suffix}_p99_ms"] = static["p99_ms"]
    return results


if __name__ == "__main__":
    run()
