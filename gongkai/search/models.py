"""The indexed copy of each searchable item.

The full-text part is not a model field: migration 0002 adds it per vendor (an FTS5
table ``search_fts`` whose rowid is the entry's id on SQLite, a ``tsv`` tsvector
column with a GIN index on PostgreSQL).  Only ``services.py`` writes these rows.
"""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    title = models.TextField()
    body = models.TextField(blank=True)
    date = models.DateField()
    organ_ids = models.JSONField(default=list)
    category_id = models.BigIntegerField(null=True, blank=True)
    document_type = models.CharField(max_length=64, blank=True)

    class Meta:
        db_table = "search_entry"
        indexes = [
            # Covers the date read for every match (order, date range) without
            # loading the entry's text: SQLite joins the FTS matches through it.
            models.Index(fields=["id", "date"], name="search_entry_id_date"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_entry_unique_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
