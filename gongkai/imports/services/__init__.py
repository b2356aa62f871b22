"""Writes of the imports app.  Every write takes the actor and records an event."""

from gongkai.imports.services.importing import (
    FOLDER_SUFFIXES,
    Candidate,
    FileOutcome,
    ImportSummary,
    import_bytes,
    import_expand,
    import_paths,
    source_file_store,
)
from gongkai.imports.services.organisations import (
    organisation_confirm,
    organisation_get_or_create_imported,
    organisation_match,
)
from gongkai.imports.services.reports import (
    current_record,
    record_statistics,
    report_store_imported,
)

__all__ = [
    "FOLDER_SUFFIXES",
    "Candidate",
    "FileOutcome",
    "ImportSummary",
    "current_record",
    "import_bytes",
    "import_expand",
    "import_paths",
    "organisation_confirm",
    "organisation_get_or_create_imported",
    "organisation_match",
    "record_statistics",
    "report_store_imported",
    "source_file_store",
]
