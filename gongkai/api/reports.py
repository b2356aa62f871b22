"""/reports and /check."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from gongkai.annual_reports.data import (
    ReportFormatError,
    report_from_dict,
    report_to_dict,
)
from gongkai.annual_reports.models import AnnualReport
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
from gongkai.portal.selectors import stored_findings

router = Router(tags=["年度报告 annual reports"])


class ReportFilter(Schema):
    org: str | None = None  # part of the organ's name
    year: int | None = None  # statistical year


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
    response=list[ReportSummaryOut],
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
    "/reports/{org_id}/{year}",
    response={200: ReportDetailOut, 404: ErrorOut},
    url_name="report_detail_api",
    summary="一份年度报告：统计数据与检查结果 (one report with its findings)",
)
def report_detail_api(request: HttpRequest, org_id: int, year: int) -> dict[str, Any]:
    """Published reports for everybody; drafts only for signed-in staff of the organ."""
    report = report_get_visible(organisation_id=org_id, year=year, user=request.user)
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
    response={200: CheckOut, 422: ErrorOut},
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
    problems are findings and ``ok`` is false.  A body that is not JSON, or not a
    JSON object, is a 422 with code ``invalid_json`` or ``invalid_report``."""
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
        return json.loads(request.body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ApiError(
            f"请求体不是 UTF-8 编码（第 {exc.start} 字节）", code="invalid_json"
        ) from exc
    except json.JSONDecodeError as exc:
        raise ApiError(
            f"请求体不是合法的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}",
            code="invalid_json",
        ) from exc
