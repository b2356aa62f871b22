"""The findings an import adds before the checks of ``validation.rules``.

Their codes are registered in :mod:`gongkai.annual_reports.codes` (stage ``parser``);
``finding`` refuses a code that is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from gongkai.annual_reports.codes import Stage, codes_of
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.validation.findings import (
    CellRef,
    Finding,
    Location,
    Severity,
)

#: The parser's codes, with what each means (a view of :mod:`annual_reports.codes`).
IMPORT_FINDING_CODES: Final[dict[str, str]] = codes_of(Stage.PARSER)


def finding(
    code: str,
    severity: Severity,
    message: str,
    paths: Iterable[Path] = (),
    data: Mapping[str, Any] | None = None,
    at: Location | None = None,
) -> Finding:
    """A finding with a documented code (KeyError for an undocumented one).
    ``at``: where in the source text it points (``column=0`` when only the
    offsets are known: :func:`importing.locations.place_findings` completes it)."""
    if code not in IMPORT_FINDING_CODES:
        raise KeyError(code)
    return Finding(
        code, severity, message, tuple(map(cell_ref, paths)), dict(data or {}), at
    )


_REFS: dict[Path, CellRef] = {}


def cell_ref(path: Path) -> CellRef:
    """CellRef.at, remembered (a CellRef is immutable and depends on the path only)."""
    ref = _REFS.get(path)
    if ref is None:
        if len(_REFS) > 10_000:
            _REFS.clear()
        ref = _REFS[path] = CellRef.at(path)
    return ref


INFO, WARNING, ERROR = Severity.INFO, Severity.WARNING, Severity.ERROR
