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
from ninja.errors import AuthenticationError, HttpError, ValidationError

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
        "查询参数或请求体有误，detail 列出每个错误 "
        "(a query parameter or a field of the body is invalid)",
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
    "unauthorized": (
        401,
        "需要登录或 API 令牌（Authorization: Bearer <令牌>），或令牌无效、已吊销 "
        "(sign-in or a valid, unrevoked API token is required)",
    ),
    "permission_denied": (
        403,
        "您可以查看该申请，但无权办理此事项；或缺少 CSRF 令牌 "
        "(you may see the case but not do this; or the CSRF token is missing)",
    ),
    "application_not_found": (
        404,
        "没有这件申请，或您无权查看；受理编号或查询码不正确 "
        "(no such case, not visible to you, or a wrong tracking number or query code)",
    ),
    "organisation_not_found": (
        404,
        "没有请求中所指的机关（编号不存在） (no organ with the id given)",
    ),
    "application_invalid": (
        400,
        "申请的办理事项不能按所填内容办理，message 说明原因及改正方法 "
        "(the action cannot be done as given; see message)",
    ),
    "application_content_invalid": (
        400,
        "申请内容不符合第二十九条、第三十一条，detail 逐项列出 field、code、message "
        "(the application is incomplete or invalid; detail lists each problem by field)",
    ),
    "invalid_transition": (
        409,
        "申请当前的状态不能办理此事项 (the case's status does not allow this step)",
    ),
    "invalid_state": (
        409,
        "此事项已经办理过，不能再次办理（如补正、延期只能一次） "
        "(already done and allowed only once, e.g. a correction notice or an extension)",
    ),
    "deadline_invalid": (
        400,
        "无法按所填日期计算期限（如早于条例施行或超出日历范围） "
        "(no deadline can be computed from the dates given)",
    ),
    "fee_invalid": (
        400,
        "信息处理费无法按所填内容计算或收取（如按所选方式计算为0元） "
        "(no fee can be computed or charged as given, e.g. it comes to 0 元)",
    ),
    "fee_notice_not_found": (
        404,
        "该申请没有发出收费通知 (no fee notice was sent on the case)",
    ),
    "attachment_invalid": (
        400,
        "上传的文件不能保存：超过大小上限、空文件，或内容与扩展名不符 "
        "(the file is too large, empty, or its content is not the type its name says)",
    ),
    "file_not_found": (
        404,
        "没有这个文件（材料、送达凭证或缴费凭证），或您无权查看 "
        "(no such stored file, or not visible to you)",
    ),
    "appeal_invalid": (
        400,
        "行政复议或行政诉讼不能按所填内容登记或审结，message 说明原因 "
        "(the appeal cannot be recorded as given; see message)",
    ),
    "appeal_not_found": (
        404,
        "没有这件行政复议或行政诉讼，或您无权查看 (no such appeal, or not visible to you)",
    ),
    "letter_invalid": (
        400,
        "文书不能按所填内容出具（类别与办理结果不符、仍有待填写内容等） "
        "(the letter cannot be drafted or issued as given; see message)",
    ),
    "letter_not_found": (
        404,
        "没有这份文书，或您无权查看 (no such letter, or not visible to you)",
    ),
    "document_unavailable": (
        503,
        "服务器暂时无法生成 PDF（缺少系统库或中文字体），message 说明需安装什么 "
        "(the server cannot render PDF now: a system library or CJK font is missing)",
    ),
    "item_not_found": (
        404,
        "没有这条政府信息，或它尚未公开、已撤回；工作人员：或您无权查看 "
        "(no such item, not public, or not visible to you)",
    ),
    "guide_not_found": (
        404,
        "该机关尚未发布政府信息公开指南 (the organ has published no guide)",
    ),
    "publication_invalid": (
        400,
        "政府信息不能按所填内容保存或办理，message 说明原因 "
        "(the item cannot be saved or the step done as given; see message)",
    ),
    "publication_invalid_transition": (
        409,
        "政府信息当前的状态不能办理此事项 (the item's status does not allow this step)",
    ),
    "publication_self_approval": (
        403,
        "不能审核或审批自己提交的信息，审核和审批须由不同人员完成 "
        "(nobody approves their own submission; reviewer and leader must differ)",
    ),
    "publication_review_incomplete": (
        400,
        "保密审查清单未全部回答或未通过 "
        "(the confidentiality checklist is incomplete or not passed)",
    ),
    "publication_comment_required": (
        400,
        "退回、撤回、更正须写明意见或理由 "
        "(returning, withdrawing or amending needs a comment)",
    ),
}

#: The code of an error that has nothing more specific than its HTTP status.
STATUS_CODES: Final[dict[int, str]] = {
    400: "bad_request",
    401: "unauthorized",
    403: "permission_denied",
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
    """An error the API itself raises (its code is one of ``ERROR_CODES``), with
    an optional JSON ``detail`` (e.g. the problems of each field)."""

    def __init__(
        self, message: str, *, code: str | None = None, detail: Any = None
    ) -> None:
        super().__init__(message, code=code)
        self.detail = detail


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


_UNPARSABLE: Final = (
    "请求体不是合法的 JSON（或嵌套过深）：应为一个 JSON 对象，编码为 UTF-8"
)
_UNAUTHENTICATED: Final = (
    "此操作仅限工作人员：请在请求头中提供 API 令牌（Authorization: Bearer <令牌>，"
    "用 gongkai token create 生成），或在浏览器中登录后台"
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
        detail = exc.detail if isinstance(exc, ApiError) else None
        return respond(request, error_body(code, exc.message, detail))

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
        if exc.status_code == 400 and str(exc).startswith("Cannot parse request"):
            return respond(request, error_body("invalid_json", _UNPARSABLE))
        return respond(request, error_body(code, str(exc)))

    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(request, error_body("unauthorized", _UNAUTHENTICATED))

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, error_body("not_found"))

    def too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return respond(request, error_body("request_too_large"))

    _add(api, DomainError, domain_error)
    _add(api, ValidationError, validation_error)
    _add(api, HttpError, http_error)
    _add(api, AuthenticationError, unauthenticated)
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
