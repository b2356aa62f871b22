"""One exception tree for domain errors: each has a stable code and a Chinese message."""

from __future__ import annotations


class DomainError(Exception):
    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class PermissionDenied(DomainError):
    code = "permission_denied"


class InvalidState(DomainError):
    code = "invalid_state"
