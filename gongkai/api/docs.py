"""/api/v1/docs: Swagger UI from this site's own static files (vendor/swagger-ui,
copied from the npm package swagger-ui-dist with its LICENSE), so that the page
works offline and asks no other host for anything (django-ninja's default page
loads Swagger UI from a CDN)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils.html import escape
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

SWAGGER_UI = "vendor/swagger-ui/"
SETTINGS: dict[str, Any] = {
    "layout": "BaseLayout",
    "deepLinking": True,
    # Swagger UI would otherwise send the document to validator.swagger.io.
    "validatorUrl": None,
}


class LocalSwagger(DocsBase):
    def render_page(
        self, request: HttpRequest, api: NinjaAPI, **kwargs: Any
    ) -> HttpResponse:
        settings = {**SETTINGS, "url": self.get_openapi_url(api, kwargs)}
        html = f"""<!DOCTYPE html>
<html lang="zh-hans">
<head>
<meta charset="utf-8">
<title>{escape(api.title)}</title>
<link rel="stylesheet" href="{static(SWAGGER_UI + "swagger-ui.css")}">
</head>
<body>
<div id="swagger-ui" data-settings="{escape(json.dumps(settings))}"></div>
<script src="{static(SWAGGER_UI + "swagger-ui-bundle.js")}"></script>
<script src="{static("api/swagger-init.js")}"></script>
</body>
</html>
"""
        return HttpResponse(html)
