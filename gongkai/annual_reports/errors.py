from gongkai.core.errors import DomainError, InvalidState


class ReportHasErrors(InvalidState):
    code = "report_has_errors"


class ReportNotFound(DomainError):
    code = "report_not_found"


class OverrideRefused(InvalidState):
    """A cell override that cannot be made (the message says why and how to fix)."""

    code = "override_refused"


class ComputedCellChanged(InvalidState):
    """A save would change cells computed from records (or summed from other
    reports): those change only through their records, or by a cell override that
    gives a reason."""

    code = "computed_cell_changed"

    def __init__(self, message: str, *, paths: tuple[str, ...]) -> None:
        super().__init__(message)
        self.paths = paths
