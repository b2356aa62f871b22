"""Importing a province's reports as a background batch, with 1 and with 2
workers, beside a synchronous in-process import of the same files in the same run.

Writes ``BENCH_IMPORT_COUNT`` reports (default 10,000, ~20 minutes for the three
runs on 2 cores; ``BENCH_IMPORT_COUNT=2000`` for a quick look) rendered by gongkai's own HTML renderer
(``sample_report`` of COUNT / 5 organs × 2021–2025, different seeds) to a temporary
folder, and imports them into a PostgreSQL database ``bench_import`` created and
dropped by the run (``BENCH_PG_URL``, default ``postgres://postgres@127.0.0.1:5432``;
skipped with the reason when it does not answer: SQLite serialises writers, so
more workers cannot add throughput there).  The database is emptied (``flush``)
between the runs, so each run imports every file anew:

- ``import_sync_files_per_s``, the baseline: ``gongkai import FOLDER`` as before,
  one process (``import_paths``);
- ``import_workers_<n>_files_per_s`` (n = 1, 2): ``gongkai worker`` × n started
  and idle, then a background batch of the same folder made and queued
  (``batch_create_from_paths`` + ``batch_enqueue``: the files' bytes stored, one
  task per file in django-tasks-db) and waited for until its last file is done;
  the time runs from making the batch to its end.  ``import_workers_enqueue_s``
  is the part of it spent making and queueing the batch;
- ``import_workers_2_vs_1_ratio``: the rate with 2 workers over the rate with 1;
- ``import_parse_files_per_s``: bare parse speed of the same files (``parse_file``,
  no database), the most one core could import.

Every file is checked to be imported (no failures) in each run, and, with workers,
to have been run exactly once (django-tasks-db claims a task with ``SELECT … FOR
UPDATE SKIP LOCKED``; the task claims its file with a conditional ``UPDATE``).
The workers' database URL asks for persistent connections (``conn_max_age``):
otherwise django-tasks-db's worker closes its connection after every task.  Times are wall
clock: the workers are separate processes and the database server is another;
the machine's other load counts (the load average is printed).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pg import PG_SERVER, pg_admin, pg_answers  # noqa: E402 - after the path

ROOT = HERE.parent
PG_DATABASE = "bench_import"
COUNT = int(os.environ.get("BENCH_IMPORT_COUNT", "10000"))
ORGANS = max(1, COUNT // 5)  # each organ reports for five years
YEARS = range(2021, 2026)
PARSE_SAMPLE = 500
WORKERS = (1, 2)
TIMEOUT_S = 3600
_PLACES = "东西南北中安宁平和兴华新丰永清河山阳江湖"


def _organ(i: int) -> str:
    n, k = i % ORGANS, len(_PLACES)
    return f"{_PLACES[n // k // k % k]}{_PLACES[n // k % k]}{_PLACES[n % k]}县人民政府"


# -- the parent ----------------------------------------------------------------------
def run() -> dict[str, float]:
    if not pg_answers():
        print(
            f"import workers: skipped ({PG_SERVER} does not answer; on SQLite one "
            "writer at a time, so workers cannot add throughput)"
        )
        return {}
    print(f"import workers: {COUNT:,} files, PostgreSQL {PG_SERVER}/{PG_DATABASE}")
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-import-") as tmp:
        folder = Path(tmp) / "reports"
        _write_reports(folder)
        parse_rate = _parse_rate(folder)
        pg_admin(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"')
        pg_admin(f'CREATE DATABASE "{PG_DATABASE}"')
        try:
            env = _env(tmp)
            _manage(env, "migrate", "--noinput", "-v0")
            sync = _child(env, "sync", folder)
            runs = {}
            for n in WORKERS:
                _manage(env, "flush", "--noinput", "-v0")
                runs[n] = _with_workers(env, n, folder)
        finally:
            pg_admin(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
    return _report(parse_rate, sync, runs)


def _report(
    parse_rate: float, sync: dict[str, float], runs: dict[int, dict[str, float]]
) -> dict[str, float]:
    base = sync["rate"]
    print(
        f"import sync (baseline): {base:,.1f} files/s ({COUNT:,} files in "
        f"{sync['seconds']:.1f} s, one process); bare parse {parse_rate:,.1f} files/s"
    )
    figures = {
        "import_sync_files_per_s": base,
        "import_parse_files_per_s": parse_rate,
    }
    for n, got in runs.items():
        print(
            f"import background, {n} worker{'s' if n > 1 else ''}: "
            f"{got['rate']:,.1f} files/s ({COUNT:,} files in {got['seconds']:.1f} s, "
            f"of which making and queueing the batch {got['enqueue']:.1f} s); "
            f"baseline sync {base:,.1f} files/s, ratio {got['rate'] / base:.2f}"
        )
        figures[f"import_workers_{n}_files_per_s"] = got["rate"]
    if 1 in runs and 2 in runs:
        ratio = runs[2]["rate"] / runs[1]["rate"]
        print(f"import background: 2 workers / 1 worker = {ratio:.2f}x")
        figures["import_workers_2_vs_1_ratio"] = ratio
        figures["import_workers_enqueue_s"] = runs[2]["enqueue"]
    print(
        f"load average during the run: {os.getloadavg()[0]:.1f} (cores: {os.cpu_count()})"
    )
    return figures


def _write_reports(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from gongkai.annual_reports.rendering.html import render_html
    from gongkai.annual_reports.sample import sample_report

    folder.mkdir(parents=True)
    for i in range(COUNT):
        year = YEARS[(i // ORGANS) % len(YEARS)]
        report = sample_report(org=_organ(i), year=year, seed=i)
        (folder / f"{i:05d}.html").write_text(render_html(report), "utf-8")


def _parse_rate(folder: Path) -> float:
    from gongkai.annual_reports.importing import parse_file

    paths = sorted(folder.iterdir())[:PARSE_SAMPLE]
    for path in paths[:20]:
        parse_file(path)
    start = time.perf_counter()
    for path in paths:
        parse_file(path)
    return len(paths) / (time.perf_counter() - start)


def _env(data_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        # Persistent connections (CONN_MAX_AGE): the worker closes its connection
        # after every task otherwise, and PostgreSQL forks a process per connection.
        "DATABASE_URL": f"{PG_SERVER}/{PG_DATABASE}?conn_max_age=600"
        "&conn_health_checks=true",
        "GONGKAI_DATA_DIR": data_dir,
        "GONGKAI_TASKS_BACKEND": "database",
        "DJANGO_SETTINGS_MODULE": "gongkai.config.settings.base",
    }


def _gongkai() -> list[str]:
    return [sys.executable, "-m", "gongkai.cli"]


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([*_gongkai(), "manage", *args], env=env, cwd=ROOT, check=True)


def _child(env: dict[str, str], mode: str, folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(folder)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
        timeout=TIMEOUT_S,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _with_workers(env: dict[str, str], n: int, folder: Path) -> dict[str, float]:
    workers = [
        subprocess.Popen(
            [*_gongkai(), "worker", "--interval", "0.2"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(n)
    ]
    try:
        time.sleep(3)  # started and idle (Django loaded, first poll done)
        return _child(env, "background", folder)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


# -- the child: one run in the benchmark's database ---------------------------------
def _child_main(mode: str, folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from gongkai.core import clock

    if mode == "sync":
        from gongkai.imports.services import import_paths

        start = time.perf_counter()
        summary = import_paths(paths=[folder], actor=None, clock=clock.now)
        seconds = time.perf_counter() - start
        if summary.failed or len(summary.outcomes) != COUNT:
            raise RuntimeError(f"files failed: {summary.failed[:3]}")
        print(json.dumps({"rate": COUNT / seconds, "seconds": seconds}))
        return
    from gongkai.imports.models import FileState, ImportBatch
    from gongkai.imports.services.batches import batch_create_from_paths, batch_enqueue

    start = time.perf_counter()
    batch = batch_create_from_paths(paths=[folder], actor=None, now=clock.now())
    batch_enqueue(batch=batch)
    enqueue = time.perf_counter() - start
    deadline = start + TIMEOUT_S
    while not ImportBatch.objects.filter(
        pk=batch.pk, finished_at__isnull=False
    ).exists():
        if time.perf_counter() > deadline:
            raise TimeoutError("the batch did not finish")
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    from django.db.models import Count, Sum

    states = dict(batch.files.values_list("state").annotate(n=Count("pk")).order_by())
    if states != {FileState.DONE: COUNT}:
        raise RuntimeError(f"not every file was imported: {states}")
    runs = batch.files.aggregate(n=Sum("attempts"))["n"]
    if runs != COUNT:  # a file run by two workers (a claim that was not safe)
        raise RuntimeError(f"{COUNT} files took {runs} runs")
    print(json.dumps({"rate": COUNT / seconds, "seconds": seconds, "enqueue": enqueue}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child_main(sys.argv[2], Path(sys.argv[3]))
    else:
        run()
