from gongkai.core.errors import DomainError, InvalidState


class ReportHasErrors(InvalidState):
    code = "report_has_errors"


class ReportNotFound(DomainError):
    code = "report_not_found"


class OverrideRefused(InvalidState):
    """A cell override that cannot be made (the message says why and how to fix)."""

    code = "override_refused"
