"""200 concurrent submissions of the public application form against the production
server: none may be lost, and the 95th percentile latency, beside 200 concurrent
requests for a static file answered by the same server in the same run.

Sets up a throwaway data directory (SQLite, migrated, demo data loaded, as
``bench_web`` does), starts the production server (``gongkai serve``: gunicorn, the
workers and threads it runs with by default) and then, from 200 client threads, each
with its own cookies like a browser:

1. opens the form (``/applications/new/``: the CSRF cookie and token), then all wait
   at a barrier;
2. submits one valid application each, at once (the timed request: the form POST and
   its redirect to the page that shows the 受理编号 and 查询码);
3. reads its tracking number from that page.

Afterwards the database is read directly: every client must have got a tracking
number, and each of those numbers must be a stored case with its items (``lost`` =
clients without a stored case; ``duplicates`` = tracking numbers given twice).  The
baseline: 200 concurrent GETs of ``/static/gongkai/site.css`` from the same server
(its latency floor under the same concurrency).

Figures: ``intake_200_lost``, ``intake_200_p50_ms``, ``intake_200_p95_ms``,
``intake_200_wall_s`` and the baseline's ``intake_static_200_p95_ms``.  Run it alone
with ``.venv/bin/python benchmarks/run.py bench_intake``.
"""

from __future__ import annotations

import html
import http.cookiejar
import re
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import (
    HOST,
    STATIC_PATH,
    _environment,
    _free_port,
    _gongkai,
    _setup,
    _stop,
    _wait_until_up,
    start_server,
)

CLIENTS = 200
LIMIT_LOST = 0
FORM = "/applications/new/"
#: A resident identity number with a valid check character (GB 11643).
ID_NUMBER = "110101199003074514"


class Client:
    """One browser: its own cookies, no shared connection."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path))  # noqa: S310 - loopback URL built here

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(  # noqa: S310 - loopback URL built here
            self.base + path, data=body, method="POST"
        )
        request.add_header("Referer", self.base + path)  # Django's CSRF check (https)
        return self._open(request)

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")


def _form_fields(page: str) -> dict[str, str]:
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    organ = re.search(
        r'<select name="organisation"[^>]*>.*?<option value="(\d+)"', page, re.S
    )
    if token is None or organ is None:
        raise RuntimeError(
            "the application form has no CSRF token or no organ to choose"
        )
    return {"csrfmiddlewaretoken": token.group(1), "organisation": organ.group(1)}


def _application(fields: dict[str, str], n: int) -> dict[str, str]:
    return {
        **fields,
        "applicant_category": "natural_person",
        "organisation_kind": "",
        "applicant_name": f"基准测试申请人{n}",
        "id_type": "resident_id",
        "id_number": ID_NUMBER,
        "phone": "13812345678",
        "email": f"bench{n}@example.cn",
        "address": "河南省驻马店市示范县示例路1号",
        "form_wanted": "electronic",
        "delivery": "email",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "20",
        "items-0-name": f"2025年示范县财政预算执行情况（基准{n}）",
        "items-0-document_number": "",
        "items-0-description": "",
    }


def _tracking_number(page: str) -> str | None:
    found = re.search(r'id="tracking-number"><strong>([^<]+)</strong>', page)
    return html.unescape(found.group(1)).strip() if found else None


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(percent / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def _submit_all(base: str) -> tuple[list[float], list[str | None], float]:
    clients = [Client(base) for _ in range(CLIENTS)]
    forms: list[dict[str, str]] = []
    for client in clients:  # open the form first (not timed)
        status, page = client.get(FORM)
        if status != 200:
            raise RuntimeError(f"GET {FORM} answered {status}")
        forms.append(_form_fields(page))
    barrier = threading.Barrier(CLIENTS)
    latencies: list[float] = [0.0] * CLIENTS
    numbers: list[str | None] = [None] * CLIENTS

    def one(i: int) -> None:
        barrier.wait()
        start = time.perf_counter()
        status, page = clients[i].post(FORM, _application(forms[i], i))
        latencies[i] = (time.perf_counter() - start) * 1000
        if status == 200:
            numbers[i] = _tracking_number(page)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        list(pool.map(one, range(CLIENTS)))
    return latencies, numbers, time.perf_counter() - start


def _static_all(base: str) -> list[float]:
    barrier = threading.Barrier(CLIENTS)
    latencies = [0.0] * CLIENTS

    def one(i: int) -> None:
        client = Client(base)
        barrier.wait()
        start = time.perf_counter()
        status, _ = client.get(STATIC_PATH)
        latencies[i] = (time.perf_counter() - start) * 1000
        if status != 200:
            raise RuntimeError(f"GET {STATIC_PATH} answered {status}")

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        list(pool.map(one, range(CLIENTS)))
    return latencies


def _stored(database: Path, numbers: list[str]) -> tuple[int, int]:
    """(cases stored with an item among ``numbers``, tracking numbers stored twice)."""
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT a.tracking_number, COUNT(i.id) FROM applications_application a "
            "LEFT JOIN applications_applicationitem i ON i.application_id = a.id "
            "WHERE a.channel = 'online' GROUP BY a.id"
        ).fetchall()
    with_items = {number for number, items in rows if items >= 1}
    all_numbers = [number for number, _ in rows]
    return len(with_items & set(numbers)), len(all_numbers) - len(set(all_numbers))


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-intake-") as tmp:
        data_dir = Path(tmp)
        env = _environment(data_dir)
        _setup(data_dir, env)
        port = _free_port()
        argv = [_gongkai(), "serve", "--host", HOST, "--port", str(port)]
        base = f"http://{HOST}:{port}"
        server, log = start_server(argv, env, data_dir)
        try:
            _wait_until_up(base + "/", server, log)
            static = _static_all(base)
            latencies, numbers, wall_s = _submit_all(base)
        finally:
            _stop(server)
        got = [n for n in numbers if n]
        stored, duplicates = _stored(data_dir / "gongkai.sqlite3", got)
        errors = re.findall(
            r"(?m)^.*(?:Traceback|database is locked).*$",
            log.read_text("utf-8", "replace"),
        )
    lost = CLIENTS - stored
    p50, p95 = _percentile(latencies, 50), _percentile(latencies, 95)
    static_p95 = _percentile(static, 95)
    print(
        f"intake: {CLIENTS} concurrent submissions of the public form to `gongkai serve` "
        f"(gunicorn, SQLite): {stored} stored with their tracking numbers, {lost} lost "
        f"(limit {LIMIT_LOST}), {duplicates} duplicate numbers, {len(errors)} server "
        f"errors logged; latency p50 {p50:.0f} ms, p95 {p95:.0f} ms, all done in "
        f"{wall_s:.1f} s; baseline {CLIENTS} concurrent GETs of {STATIC_PATH}: p95 "
        f"{static_p95:.0f} ms"
    )
    if lost or duplicates:
        print(f"intake: NOT met: {lost} lost, {duplicates} duplicates")
    return {
        "intake_200_lost": float(lost),
        "intake_200_duplicates": float(duplicates),
        "intake_200_p50_ms": p50,
        "intake_200_p95_ms": p95,
        "intake_200_wall_s": wall_s,
        "intake_static_200_p95_ms": static_p95,
    }


if __name__ == "__main__":
    run()
