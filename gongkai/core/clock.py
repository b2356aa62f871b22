"""The only place gongkai reads the clock.  Interfaces call these and pass the result
down; services and the deadline engine take dates as arguments."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate()
