"""The full-text index, per database vendor (see gongkai/search/backends/)."""

from django.db import migrations

SQLITE_FORWARD = [
    # Pre-segmented, space-separated tokens: the ``ascii`` tokenizer splits on ASCII
    # spaces and punctuation only and keeps every non-ASCII character in its token.
    # detail=column: no positions (no phrase queries are made), a smaller index.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, chars, facets, tokenize='ascii', detail=column)",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]
POSTGRESQL_FORWARD = [
    "ALTER TABLE search_entry ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector",
    # The title's words and characters alone, small enough to test on every match
    # for relevance without reading the whole vector.
    "ALTER TABLE search_entry ADD COLUMN title_tsv tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX search_entry_tsv ON search_entry USING gin (tsv)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_tsv",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS tsv",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS title_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, ()):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        ),
    ]
