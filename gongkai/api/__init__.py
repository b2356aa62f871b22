"""The JSON API (django-ninja), mounted at /api/v1/; OpenAPI at /api/v1/openapi.json."""
