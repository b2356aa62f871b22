"""Production: base settings, with what differs in production set by the
environment (docs/reference/settings.md).  ``manage.py check --deploy`` is clean
with these defaults; a test keeps it so.

    DJANGO_SETTINGS_MODULE=gongkai.config.settings.prod
    GONGKAI_SECRET_KEY=...          (required)
    GONGKAI_ALLOWED_HOSTS=gongkai.example.gov.cn
    DATABASE_URL=postgres://...
"""

from gongkai.config.env import env
from gongkai.config.settings.base import *  # noqa: F403

# Required: every server of the site signs with the same key, set by the operator.
SECRET_KEY = env.str("GONGKAI_SECRET_KEY")
DEBUG = False

# HTTPS only.  Behind a reverse proxy that terminates TLS, set
# GONGKAI_PROXY_SSL_HEADER=true (the proxy must set X-Forwarded-Proto).
SECURE_SSL_REDIRECT = env.bool("GONGKAI_SSL_REDIRECT", default=True)
if env.bool("GONGKAI_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("GONGKAI_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "GONGKAI_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("GONGKAI_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("GONGKAI_CSRF_TRUSTED_ORIGINS", default=[])
