import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings.base")
application = get_wsgi_application()


def _refuse_insecure_settings() -> None:
    """gunicorn runs no system checks: run the security ones (among them
    gongkai.E001, the development SECRET_KEY without DEBUG) and refuse to start."""
    from django.core import checks

    errors = [
        message
        for message in checks.run_checks(tags=[checks.Tags.security])
        if message.is_serious() and not message.is_silenced()
    ]
    if errors:
        raise ImproperlyConfigured("\n".join(str(e) for e in errors))


_refuse_insecure_settings()
