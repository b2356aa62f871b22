"""Due-date speed: 1,000,000 reply due dates, beside bare baselines in the same run.

The receipts are 1,000,000 random dates of 2021–2027 (fixed seed); one in ten has the
longest extension (20 more working days).  gongkai computes each with
``gongkai.deadlines.engine.reply_due_date`` (the period in force on the receipt date,
the extension check, the working-day count and the provisional years) on a calendar of
2021–2028 (``chinesecalendar`` to 2026, provisional after: no database).

Baselines, on the same receipts:

- ``deadline_timedelta_1m_s``: ``received + timedelta(days=…)``, the same number of
  bare date additions (calendar days, no holidays): the floor of any date arithmetic;
- ``deadline_chinesecalendar_1m_s``: ``chinese_calendar.find_workday``, the package's
  own day-by-day helper, on the first 5,000 receipts that end by 2026 (timed once), scaled to
  1,000,000 (the full count would take minutes).  The run checks that gongkai gives
  the same dates on that sample.

Each time is the best of a few passes (``time.perf_counter``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta

import chinese_calendar

from gongkai.deadlines.calendar import calendar_from_sources
from gongkai.deadlines.engine import reply_due_date

COUNT = 1_000_000
SAMPLE = 5_000
RUNS = 3
SEED = 20250120


def receipts() -> tuple[list[date], list[int]]:
    rng = random.Random(SEED)
    first, last = date(2021, 1, 1).toordinal(), date(2027, 12, 31).toordinal()
    days = [date.fromordinal(rng.randint(first, last)) for _ in range(COUNT)]
    extensions = [20 if rng.random() < 0.1 else 0 for _ in range(COUNT)]
    return days, extensions


def _best_s(function: Callable[[], object], runs: int = RUNS) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> dict[str, float]:
    days, extensions = receipts()
    calendar = calendar_from_sources(first_year=2021, last_year=2028)
    pairs = list(zip(days, extensions, strict=True))

    def gongkai() -> None:
        for received, extension in pairs:
            reply_due_date(
                received=received, calendar=calendar, extension_days=extension
            )

    steps = [timedelta(days=28), timedelta(days=56)]

    def bare() -> None:
        for received, extension in pairs:
            received + steps[extension > 0]

    sample = [(r, x) for r, x in pairs if r < date(2026, 10, 1)][:SAMPLE]

    def package() -> list[date]:
        # find_workday(k, d): the k-th working day after the first on or after d
        return [
            chinese_calendar.find_workday(19 + x, r + timedelta(days=1))
            for r, x in sample
        ]

    start = time.perf_counter()
    expected = package()
    package_s = (time.perf_counter() - start) * COUNT / len(sample)
    got = [
        reply_due_date(received=r, calendar=calendar, extension_days=x).date
        for r, x in sample
    ]
    if got != expected:
        raise RuntimeError("gongkai and chinese_calendar.find_workday disagree")
    provisional = sum(
        reply_due_date(received=r, calendar=calendar, extension_days=x).provisional
        for r, x in pairs[:100_000]
    )
    gongkai_s = _best_s(gongkai)
    bare_s = _best_s(bare)
    ratio = gongkai_s / bare_s
    print(
        f"{COUNT:,} reply due dates (2021–2027, 10% extended; "
        f"{provisional / 1000:.0f}% provisional): {gongkai_s:.2f} s "
        f"({COUNT / gongkai_s:,.0f}/s); baseline {COUNT:,} date + timedelta: "
        f"{bare_s:.2f} s (ratio {ratio:.1f}); chinese_calendar.find_workday "
        f"scaled to {COUNT:,}: {package_s:.0f} s"
    )
    return {
        "deadline_1m_s": gongkai_s,
        "deadline_timedelta_1m_s": bare_s,
        "deadline_ratio": ratio,
        "deadline_chinesecalendar_1m_s": package_s,
    }


if __name__ == "__main__":
    run()
