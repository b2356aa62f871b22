from __future__ import annotations

from collections.abc import Sequence

from gongkai.core.errors import DomainError, InvalidState


class PublicationError(DomainError):
    """Bad input; ``field``: the input it is about, when it is one (a form shows
    the message beside it)."""

    code = "publication_invalid"

    def __init__(
        self, message: str, *, code: str | None = None, field: str = ""
    ) -> None:
        super().__init__(message, code=code)
        self.field = field


class InvalidTransition(InvalidState):
    code = "publication_invalid_transition"


class SelfApproval(PublicationError):
    code = "publication_self_approval"


class ReviewIncomplete(PublicationError):
    """The 保密审查 checklist is not complete; ``questions``: the ids of the
    questions the message is about (a form shows it beside them)."""

    code = "publication_review_incomplete"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        questions: Sequence[int] = (),
    ) -> None:
        super().__init__(message, code=code, field="")
        self.questions = tuple(questions)


class CommentRequired(PublicationError):
    code = "publication_comment_required"
