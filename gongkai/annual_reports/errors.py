from gongkai.core.errors import DomainError, InvalidState


class ReportHasErrors(InvalidState):
    code = "report_has_errors"


class ReportNotFound(DomainError):
    code = "report_not_found"
