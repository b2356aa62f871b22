"""Stable error codes of the API: every error response under /api/ is
``{"code": "...", "message": "...", "detail": ...}`` with one of these codes.

``ERROR_CODES`` is exactly what the API can answer: a test provokes each code, and
docs/reference/api.md lists the same codes (both enforced by tests).  Errors that
Django answers before the API's views run (no such path, a wrong method, a body over
DATA_UPLOAD_MAX_MEMORY_SIZE, a server error) get the same shape from
``gongkai.api.middleware.ApiErrorMiddleware``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

from gongkai.core.errors import DomainError

#: code → (HTTP status, what it means).  Documented in the OpenAPI description.
ERROR_CODES: Final[dict[str, tuple[int, str]]] = {
    "report_not_found": (
        404,
        "没有这份年度报告，或者它尚未发布 (no such report, or not published)",
    ),
    "not_found": (
        404,
        "没有这个地址：路径不存在，或路径中的编号、年份超出范围 "
        "(no such path, or an id or year in it is out of range)",
    ),
    "method_not_allowed": (
        405,
        "这个地址不支持此请求方法，见响应头 Allow (method not allowed; see Allow)",
    ),
    "invalid_request": (
        400,
        "查询参数有误，detail 列出每个错误 (a query parameter is invalid)",
    ),
    "invalid_json": (
        400,
        "请求体不是合法的 UTF-8 JSON，或嵌套过深 "
        "(the body is not valid UTF-8 JSON, or is nested too deeply)",
    ),
    "invalid_report": (
        422,
        "请求体不是一份报告：应为 JSON 对象 (the body is not a report object)",
    ),
    "request_too_large": (
        413,
        "请求体过大 (the body is larger than the server accepts)",
    ),
    "bad_request": (
        400,
        "请求无法处理，例如主机名不在允许的列表中 "
        "(a malformed request, e.g. a Host the site does not answer to)",
    ),
    "server_error": (500, "服务器内部错误 (an internal error)"),
}

#: The code of an error that has nothing more specific than its HTTP status.
STATUS_CODES: Final[dict[int, str]] = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
    500: "server_error",
}


class ErrorOut(Schema):
    code: str
    message: str
    detail: Any = None


class ApiError(DomainError):
    """An error the API itself raises (its code is one of ``ERROR_CODES``)."""


def error_body(
    code: str, message: str | None = None, detail: Any = None
) -> dict[str, Any]:
    return {
        "code": code,
        "message": message or ERROR_CODES[code][1],
        "detail": detail,
    }


def status_of(code: str) -> int:
    return ERROR_CODES[code][0]


def error_codes_markdown() -> str:
    rows = "\n".join(
        f"| `{code}` | {status} | {meaning} |"
        for code, (status, meaning) in ERROR_CODES.items()
    )
    return (
        'Errors are `{"code", "message", "detail"}`; `code` is stable:\n\n'
        "| code | HTTP | meaning |\n|---|---|---|\n" + rows
    )


_WHERE = {"query": "查询参数", "path": "路径参数", "body": "请求体"}


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ())]
        where = _WHERE.get(loc[0], loc[0]) if loc else "请求"
        name = ".".join(loc[1:])
        parts.append(f"{where} {name}：{error.get('msg', '')}".strip())
    return "请求参数有误，请按接口文档改正：" + "；".join(parts)


def _validation_detail(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Only what is JSON for sure (pydantic's ``ctx`` may hold exceptions)."""
    return [
        {
            "type": str(e.get("type", "")),
            "loc": [str(p) for p in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
        }
        for e in errors
    ]


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status_of(body["code"]))

    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        code = exc.code if exc.code in ERROR_CODES else "bad_request"
        return respond(request, error_body(code, exc.message))

    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return respond(
            request,
            error_body(
                "invalid_request",
                _validation_message(exc.errors),
                _validation_detail(exc.errors),
            ),
        )

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = STATUS_CODES.get(exc.status_code, "bad_request")
        return respond(request, error_body(code, str(exc)))

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, error_body("not_found"))

    def too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return respond(request, error_body("request_too_large"))

    _add(api, DomainError, domain_error)
    _add(api, ValidationError, validation_error)
    _add(api, HttpError, http_error)
    _add(api, Http404, not_found)
    _add(api, RequestDataTooBig, too_large)


_E = TypeVar("_E", bound=Exception)


def _add(
    api: NinjaAPI,
    exc_class: type[_E],
    handler: Callable[[HttpRequest, _E], HttpResponse],
) -> None:
    # django-ninja types the handler's argument as "the exception or its class";
    # it is always called with the exception.
    api.add_exception_handler(exc_class, cast(Any, handler))
