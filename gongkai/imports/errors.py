"""Domain errors of imports (see gongkai.core.errors)."""

from __future__ import annotations

from gongkai.core.errors import DomainError


class ImportFailed(DomainError):
    """One file could not be imported; the message is the reason a person reads."""

    code = "import_failed"


class CorrectionRefused(DomainError):
    """A correction cannot be made as asked; the message says why."""

    code = "correction_refused"
