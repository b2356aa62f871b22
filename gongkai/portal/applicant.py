"""The applicant's session: after a successful query (受理编号 + 查询码) or a
submission, the case page and its downloads do not ask again in that browser
session.  No account: only the ids of the cases are kept in the session."""

from __future__ import annotations

from typing import Final

from django.http import HttpRequest

SESSION_KEY: Final = "gongkai_applicant_cases"
#: A browser session remembers at most this many cases (the newest).
MAX_CASES: Final = 20


def _granted(request: HttpRequest) -> list[int]:
    value = request.session.get(SESSION_KEY, [])
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, int)]


def applicant_grant(request: HttpRequest, application_id: int) -> None:
    """Remember that this browser proved it may see the case."""
    ids = [i for i in _granted(request) if i != application_id]
    if not ids:
        request.session.cycle_key()  # a new session id once the browser holds a case
    ids.append(application_id)
    request.session[SESSION_KEY] = ids[-MAX_CASES:]


def applicant_allowed(request: HttpRequest, application_id: int) -> bool:
    return application_id in _granted(request)
