"""Test settings: fast hashing, in-memory static storage."""

from gongkai.config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
GONGKAI_ATOMIC_WRITE_REQUESTS = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages are not kept between requests (the LocMem cache outlives each test's
# database); the page cache's own tests turn it on (gongkai/portal/tests).
GONGKAI_PAGE_CACHE_SECONDS = 0
WHITENOISE_AUTOREFRESH = True
# Tasks run when enqueued; tests of the worker switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
