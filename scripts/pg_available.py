"""Exit 0 if a PostgreSQL server answers at the URL given as argv[1]."""

import sys

try:
    import psycopg
except ImportError:
    sys.exit(1)

url = sys.argv[1]
if not url.startswith(("postgres://", "postgresql://")):
    sys.exit(1)
try:
    psycopg.connect(url, connect_timeout=3).close()
except Exception:  # any failure means "not available"
    sys.exit(1)
