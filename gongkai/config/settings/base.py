"""Complete settings: SQLite by default, PostgreSQL with DATABASE_URL."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from gongkai.config.env import SOURCE_DIR, data_dir, env, kept_secret_key

BASE_DIR = SOURCE_DIR
DATA_DIR = data_dir()

# Unset: a random key made once and kept in the data directory (see env.py).
SECRET_KEY = env.str("GONGKAI_SECRET_KEY", default="") or kept_secret_key(DATA_DIR)
DEBUG = env.bool("GONGKAI_DEBUG", default=False)
ALLOWED_HOSTS = env.list(
    "GONGKAI_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"]
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "gongkai.core",
    "gongkai.accounts",
    "gongkai.orgs",
    "gongkai.annual_reports",
    "gongkai.deadlines",
    "gongkai.applications",
    "gongkai.publications",
    "gongkai.reminders",
    "gongkai.letters",
    "gongkai.appeals",
    "gongkai.imports",
    "gongkai.portal",
    "gongkai.backoffice",
    "gongkai.demo",
    "gongkai.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gongkai.api.middleware.ApiErrorMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gongkai.core.middleware.ChosenLanguageOnlyMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: it calls the view itself, in a transaction when the request may write.
    "gongkai.core.middleware.AtomicWritesMiddleware",
]

ROOT_URLCONF = "gongkai.config.urls"
WSGI_APPLICATION = "gongkai.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "gongkai.portal.display.display_context",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}"
    )
}
# Writing requests (POST, PUT, PATCH, DELETE) run in one transaction each; reads do not
# (gongkai.core.middleware.AtomicWritesMiddleware).  Django's ATOMIC_REQUESTS stays off:
# it would wrap reads too, and on SQLite every transaction takes the write lock.
GONGKAI_ATOMIC_WRITE_REQUESTS = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Keep connections between requests and tasks (a worker opening one per task
    # halved import throughput: benchmarks/bench_import_workers.py), checked
    # before reuse.  ``?conn_max_age=…`` in DATABASE_URL overrides it.
    if not DATABASES["default"].get("CONN_MAX_AGE"):
        DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several server processes write one file: write-ahead logging lets readers go
    # on while one writes; a transaction takes the write lock when it begins
    # (IMMEDIATE), so that two requests never both read and then fail to write
    # ("database is locked"), and waits up to 20 s for it.  Measured by
    # benchmarks/bench_intake.py (200 concurrent submissions, none lost).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# Shared by every server process: rendered downloads and public pages.  Files in the
# data directory by default; GONGKAI_CACHE_URL (django-environ's cache URL, e.g.
# rediscache://127.0.0.1:6379/1) for a cache shared between machines.
CACHES = {
    "default": env.cache(
        "GONGKAI_CACHE_URL", default=f"filecache://{DATA_DIR / 'cache'}"
    )
}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    # Culled at most once a minute (Django's lists the folder on every write).
    CACHES["default"]["BACKEND"] = "gongkai.core.cache.FileCache"
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20000)
# Seconds a public page stays in that cache for anonymous readers (0: not cached);
# publishing, amending or withdrawing an item misses every kept page at once
# (gongkai/portal/page_cache.py).
GONGKAI_PAGE_CACHE_SECONDS = env.int("GONGKAI_PAGE_CACHE_SECONDS", default=300)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "backoffice:home"
LOGOUT_REDIRECT_URL = "portal:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "gongkai" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise scans it at start-up
STATICFILES_DIRS = [BASE_DIR / "gongkai" / "static"]
MEDIA_ROOT = DATA_DIR / "media"
# Largest file one may attach to a disclosure application (bytes; default 10 MB).
GONGKAI_ATTACHMENT_MAX_BYTES = env.int(
    "GONGKAI_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# E-mail (reminders to staff, notices to applicants): printed on the console unless
# GONGKAI_EMAIL_URL names a server, e.g. smtp+tls://user:password@smtp.example.org:587.
_email = env.email_url("GONGKAI_EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
DEFAULT_FROM_EMAIL = env.str("GONGKAI_DEFAULT_FROM_EMAIL", default="gongkai@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
GONGKAI_SITE_URL = env.str("GONGKAI_SITE_URL", default="")

# Background tasks (django-tasks): due-date reminders, recomputing open cases.  The
# database backend is run by `gongkai worker` (started by `make run`);
# GONGKAI_TASKS_BACKEND=rq with REDIS_URL queues them on Redis for RQ workers.
GONGKAI_TASKS_BACKEND = env.str("GONGKAI_TASKS_BACKEND", default="database")
if GONGKAI_TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": env.str("REDIS_URL")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif GONGKAI_TASKS_BACKEND == "database":
    TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
else:
    raise ImproperlyConfigured(
        f"GONGKAI_TASKS_BACKEND={GONGKAI_TASKS_BACKEND!r} 无效：请设为 database 或 rq"
    )
GONGKAI_REMINDER_TIME = env.str("GONGKAI_REMINDER_TIME", default="08:00")
GONGKAI_REMINDER_WORKING_DAYS = env.int("GONGKAI_REMINDER_WORKING_DAYS", default=5)
# Web uploads of published reports for import (/imports/batches/new/).
GONGKAI_IMPORT_UPLOAD_MAX_BYTES = env.int(
    "GONGKAI_IMPORT_UPLOAD_MAX_BYTES", default=500 * 1024 * 1024
)
GONGKAI_IMPORT_FILE_MAX_BYTES = env.int(
    "GONGKAI_IMPORT_FILE_MAX_BYTES", default=50 * 1024 * 1024
)
GONGKAI_IMPORT_MAX_FILES = env.int("GONGKAI_IMPORT_MAX_FILES", default=20000)

# Readings of UNVERIFIED rules (domain-spec §7), see docs/reference/settings.md.
GONGKAI_APPEAL_COUNTING = env.str("GONGKAI_APPEAL_COUNTING", default="year_end")
GONGKAI_FEE_WAN_YUAN_PLACES = env.int("GONGKAI_FEE_WAN_YUAN_PLACES", default=4)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env.str("GONGKAI_LOG_LEVEL", default="WARNING"),
    },
}
