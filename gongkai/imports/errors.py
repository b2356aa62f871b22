"""Domain errors of imports (see gongkai.core.errors)."""

from __future__ import annotations

from gongkai.core.errors import DomainError


class ImportFailed(DomainError):
    """One file could not be imported; the message is the reason a person reads."""

    code = "import_failed"


class CorrectionRefused(DomainError):
    """A correction cannot be made as asked; the message says why."""

    code = "correction_refused"


class UploadRefused(DomainError):
    """An upload (or a zip in it) is refused as a whole; nothing was stored."""

    code = "upload_refused"


class BatchNotFound(DomainError):
    """No import batch with that number."""

    code = "batch_not_found"
