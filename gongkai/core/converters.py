"""Path converters for numbers in URLs: ``<id:pk>`` and ``<year:year>``.

Django's ``<int:...>`` accepts any run of digits, and a number past the database's
integer range (``/reports/99999999999999999999/2024/``) then fails in the query with
a server error.  These converters accept only values a row can hold, so that any
other number is simply a URL that matches nothing: a 404.  ``CoreConfig.ready``
registers them once for every urls.py (and the API's paths)."""

from __future__ import annotations

from typing import Final

from django.urls import register_converter

#: Primary keys are BigAutoField: 1 .. 2**63-1 (PostgreSQL bigint, SQLite INTEGER).
MIN_ID: Final = 1
MAX_ID: Final = 2**63 - 1
#: A statistical year is a four-digit year (as the report loader requires).
MIN_YEAR: Final = 1000
MAX_YEAR: Final = 9999


class _RangeConverter:
    regex = "[0-9]+"
    minimum: int
    maximum: int

    def to_python(self, value: str) -> int:
        number = int(value)
        if not self.minimum <= number <= self.maximum:
            raise ValueError(f"{value} is outside {self.minimum}..{self.maximum}")
        return number

    def to_url(self, value: int) -> str:
        number = int(value)
        if not self.minimum <= number <= self.maximum:
            raise ValueError(f"{value} is outside {self.minimum}..{self.maximum}")
        return str(number)


class IdConverter(_RangeConverter):
    """A primary key: ``<id:pk>``."""

    regex = "[0-9]{1,19}"  # 2**63-1 has 19 digits
    minimum = MIN_ID
    maximum = MAX_ID


class YearConverter(_RangeConverter):
    """A statistical year: ``<year:year>``."""

    regex = "[0-9]{4}"
    minimum = MIN_YEAR
    maximum = MAX_YEAR


CONVERTERS: Final[dict[str, type[_RangeConverter]]] = {
    "id": IdConverter,
    "year": YearConverter,
}


def register() -> None:
    for name, converter in CONVERTERS.items():
        register_converter(converter, name)
