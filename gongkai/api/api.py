"""The NinjaAPI instance; ``gongkai.config.urls`` mounts ``api.urls`` at /api/v1/."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from gongkai.api.applications import router as applications_router
from gongkai.api.case_records import router as case_records_router
from gongkai.api.deadlines import router as deadlines_router
from gongkai.api.docs import LocalSwagger
from gongkai.api.errors import error_codes_markdown, install_error_handlers
from gongkai.api.publications import router as publications_router
from gongkai.api.reports import router as reports_router


class ReadableJSONRenderer(JSONRenderer):
    """UTF-8 JSON with Chinese written as is (not as \\u escapes)."""

    json_dumps_params: dict[str, Any] = {"ensure_ascii": False}


api = NinjaAPI(
    title="gongkai API",
    version="1",
    description=(
        "政府信息公开工作年度报告的数据与检查 (annual reports of government information "
        "disclosure: statistics in the form of annual-report.schema.json, and their "
        "checks).\n\n" + error_codes_markdown()
    ),
    urls_namespace="api-v1",
    renderer=ReadableJSONRenderer(),
    docs=LocalSwagger(),
)
install_error_handlers(api)
api.add_router("/", reports_router)
api.add_router("/", applications_router)
api.add_router("/", deadlines_router)
api.add_router("/", case_records_router)
api.add_router("/", publications_router)
