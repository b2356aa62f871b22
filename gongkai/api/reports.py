"""/reports and /check."""

from __future__ import annotations

import json
from typing import Any, Final

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.params.functions import Path

from gongkai.annual_reports.data import (
    ReportFormatError,
    report_from_dict,
    report_to_dict,
)
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.presenters import stored_findings
from gongkai.annual_reports.selectors import (
    report_data,
    report_get_visible,
    report_list_published,
)
from gongkai.annual_reports.validation.findings import Finding, Severity
from gongkai.annual_reports.validation.rules import check_report
from gongkai.api.errors import ApiError, ErrorOut
from gongkai.api.request_schema import REPORT_REQUEST_SCHEMA
from gongkai.api.schemas import CheckOut, ReportDetailOut, ReportSummaryOut
from gongkai.core.converters import MAX_ID, MAX_YEAR, MIN_ID, MIN_YEAR

router = Router(tags=["年度报告 annual reports"])

#: The same words for a draft as for a report that does not exist: the public
#: cannot tell the two apart.
NOT_FOUND_MESSAGE: Final = "没有这份年度报告，或者它尚未发布"


#: A report nests four levels deep (report, section, row group, row); a body nested
#: far deeper is refused before anything walks it.
MAX_JSON_DEPTH: Final = 32


# The same ranges as the path converters: documented in OpenAPI.
_ORG_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="organ id")
_YEAR = Path(..., ge=MIN_YEAR, le=MAX_YEAR, description="statistical year")


class ReportFilter(Schema):
    org: str | None = Field(
        None,
        max_length=200,
        pattern=r"^[^\x00]*$",  # PostgreSQL text cannot hold NUL
        description="part of the organ's name",
    )
    year: int | None = Field(
        None, ge=MIN_YEAR, le=MAX_YEAR, description="statistical year"
    )


def _findings_out(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, Any]:
    errors = sum(f.severity == Severity.ERROR for f in findings)
    return {
        "ok": errors == 0,
        "errors": errors,
        "warnings": sum(f.severity == Severity.WARNING for f in findings),
        "findings": [f.to_dict() for f in findings],
    }


def _summary(report: AnnualReport) -> dict[str, Any]:
    args = [report.organisation_id, report.year]
    return {
        "org_id": report.organisation_id,
        "org": report.organisation.name,
        "year": report.year,
        "title": report.title
        or f"{report.organisation.name}{report.year}年政府信息公开工作年度报告",
        "published_on": report.published_on,
        "errors": report.error_count,
        "warnings": report.warning_count,
        "page_url": reverse("portal:report", args=args),
        "api_url": reverse("api-v1:report_detail_api", args=args),
    }


@router.get(
    "/reports",
    response={200: list[ReportSummaryOut], 400: ErrorOut},
    url_name="report_list_api",
    summary="已发布的年度报告 (published reports)",
)
def report_list_api(
    request: HttpRequest, filters: Query[ReportFilter]
) -> list[dict[str, Any]]:
    reports = report_list_published()
    if filters.org:
        reports = reports.filter(organisation__name__icontains=filters.org)
    if filters.year is not None:
        reports = reports.filter(year=filters.year)
    return [_summary(r) for r in reports.order_by("-year", "organisation__name")]


@router.get(
    "/reports/{id:org_id}/{year:year}",
    response={200: ReportDetailOut, 404: ErrorOut},
    url_name="report_detail_api",
    summary="一份年度报告：统计数据与检查结果 (one report with its findings)",
)
def report_detail_api(
    request: HttpRequest,
    org_id: int = _ORG_ID,
    year: int = _YEAR,
) -> dict[str, Any]:
    """Published reports for everybody; drafts only for signed-in staff of the organ
    (for anybody else a draft is the same 404 as a report that does not exist)."""
    # Read the session for every request, not only for a draft: else a draft's
    # 404 would differ from a missing report's by "Vary: Cookie".
    user = request.user if request.user.is_authenticated else None
    try:
        report = report_get_visible(organisation_id=org_id, year=year, user=user)
    except ReportNotFound as exc:
        raise ApiError(NOT_FOUND_MESSAGE, code="report_not_found") from exc
    data = report_data(report=report)
    return {
        **_summary(report),
        "title": data.display_title,
        "status": report.status,
        "report": report_to_dict(data, extended=False),
        **_findings_out(stored_findings(report)),
    }


@router.post(
    "/check",
    response={200: CheckOut, 400: ErrorOut, 413: ErrorOut, 422: ErrorOut},
    url_name="report_check_api",
    summary="检查一份报告 (check a report)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": REPORT_REQUEST_SCHEMA}},
        }
    },
)
def report_check_api(request: HttpRequest) -> dict[str, Any]:
    """Check a report in the form of annual-report.schema.json.  A report that does
    not follow the schema inside (a wrong type, a wrong length) is still checked: the
    problems are findings and ``ok`` is false.  A body that is not JSON (or nested
    too deeply) is a 400 ``invalid_json``; JSON that is not an object is a 422
    ``invalid_report``; a body over the size limit is a 413 ``request_too_large``."""
    payload = _json_body(request)
    try:
        loaded = report_from_dict(payload)
    except ReportFormatError as exc:
        raise ApiError(str(exc), code="invalid_report") from exc
    return _findings_out(check_report(loaded.report, loaded.findings))


def _json_body(request: HttpRequest) -> Any:
    if not request.body.strip():
        raise ApiError("请求体为空：应为一份 JSON 格式的年度报告", code="invalid_json")
    try:
        text = request.body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(
            f"请求体不是 UTF-8 编码（第 {exc.start} 字节）", code="invalid_json"
        ) from exc
    try:
        payload = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ApiError(
            f"请求体不是合法的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}",
            code="invalid_json",
        ) from exc
    except RecursionError as exc:
        raise ApiError(_too_deep(), code="invalid_json") from exc
    except _NotJsonNumber as exc:
        raise ApiError(f"请求体不是合法的 JSON：{exc}", code="invalid_json") from exc
    except ValueError as exc:  # Python refuses integers of over 4,300 digits
        raise ApiError(
            "请求体不是合法的 JSON：其中有位数过多的数（超过 4300 位）；"
            "报告中的数应为件数（整数）或金额",
            code="invalid_json",
        ) from exc
    if _depth(payload) > MAX_JSON_DEPTH:
        raise ApiError(_too_deep(), code="invalid_json")
    return payload


class _NotJsonNumber(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotJsonNumber(f"{name} 不是 JSON 中的数（应为整数或 null）")


def _too_deep() -> str:
    return (
        f"请求体的 JSON 嵌套过深（超过 {MAX_JSON_DEPTH} 层）："
        "一份报告只有报告、部分、行组、行四层"
    )


def _depth(value: Any) -> int:
    """How deeply arrays and objects nest (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = (
            item.values()
            if isinstance(item, dict)
            else item
            if isinstance(item, list)
            else None
        )
        if children is None:
            continue
        deepest = max(deepest, level)
        if level > MAX_JSON_DEPTH:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest
