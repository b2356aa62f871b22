"""Stable error codes of the API: every error response is
``{"code": "...", "message": "...", "detail": ...}`` with one of these codes."""

from __future__ import annotations

from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

from gongkai.core.errors import DomainError, InvalidState, PermissionDenied

#: code → (HTTP status, what it means).  Documented in the OpenAPI description.
ERROR_CODES: Final[dict[str, tuple[int, str]]] = {
    "report_not_found": (
        404,
        "没有这份年度报告，或者它尚未发布 (no such report, or not published)",
    ),
    "permission_denied": (403, "无权进行此操作 (not allowed)"),
    "invalid_state": (
        409,
        "报告当前的状态不允许此操作 (the report's state does not allow this)",
    ),
    "report_has_errors": (
        409,
        "报告有错误，不能发布 (the report has errors and cannot be published)",
    ),
    "invalid_json": (
        422,
        "请求体不是合法的 UTF-8 JSON (the body is not valid UTF-8 JSON)",
    ),
    "invalid_report": (
        422,
        "请求体不是一份报告：应为 JSON 对象 (the body is not a report object)",
    ),
    "invalid_request": (422, "请求参数有误 (a path or query parameter is invalid)"),
    "http_error": (400, "其他 HTTP 错误 (another HTTP error)"),
    "domain_error": (400, "其他业务错误 (another domain error)"),
}


class ErrorOut(Schema):
    code: str
    message: str
    detail: Any = None


class ApiError(DomainError):
    """An error the API itself raises (its code is one of ``ERROR_CODES``)."""


def status_for(exc: DomainError) -> int:
    if exc.code in ERROR_CODES:
        return ERROR_CODES[exc.code][0]
    if isinstance(exc, PermissionDenied):
        return 403
    if isinstance(exc, InvalidState):
        return 409
    return 400


def error_codes_markdown() -> str:
    rows = "\n".join(
        f"| `{code}` | {status} | {meaning} |"
        for code, (status, meaning) in ERROR_CODES.items()
    )
    return (
        'Errors are `{"code", "message", "detail"}`; `code` is stable:\n\n'
        "| code | HTTP | meaning |\n|---|---|---|\n" + rows
    )


def install_error_handlers(api: NinjaAPI) -> None:
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return api.create_response(
            request,
            {"code": exc.code, "message": exc.message, "detail": None},
            status=status_for(exc),
        )

    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(
            request,
            {
                "code": "invalid_request",
                "message": "请求参数有误",
                "detail": exc.errors,
            },
            status=422,
        )

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(
            request,
            {"code": "http_error", "message": str(exc), "detail": None},
            status=exc.status_code,
        )

    api.add_exception_handler(DomainError, domain_error)
    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(HttpError, http_error)
