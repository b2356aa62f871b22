# The imports app's corrections become the cell overrides of annual_reports: every
# row is copied (same id, times, people, values; the parsed value is the machine
# value), the events they recorded are renamed, then the old table goes.

from django.core.management.color import no_style
from django.db import migrations

FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "report_id",
    "path",
    "value",
    "previous_value",
    "actor_id",
    "note",
    "active",
    "end_reason",
    "ended_by_id",
)

LEGACY_ACTIONS = {
    "imports.corrected": "annual_reports.cell_overridden",
    "imports.correction_withdrawn": "annual_reports.cell_override_withdrawn",
}


def forwards(apps, schema_editor):
    Correction = apps.get_model("imports", "ReportCorrection")
    Override = apps.get_model("annual_reports", "ReportCellOverride")
    Event = apps.get_model("annual_reports", "AnnualReportEvent")
    db = schema_editor.connection.alias
    rows = list(Correction.objects.using(db).order_by("pk").values())
    Override.objects.using(db).bulk_create(
        Override(
            **{name: row[name] for name in FIELDS},
            machine_value=row["parsed_value"],
        )
        for row in rows
    )
    for row in rows:
        if row["superseded_by_id"] is not None:
            Override.objects.using(db).filter(pk=row["id"]).update(
                superseded_by_id=row["superseded_by_id"]
            )
    # bulk_create's auto_now fields: keep the corrections' own times
    for row in rows:
        Override.objects.using(db).filter(pk=row["id"]).update(
            created_at=row["created_at"], updated_at=row["updated_at"]
        )
    connection = schema_editor.connection
    sql = connection.ops.sequence_reset_sql(no_style(), [Override])
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)
    for old, new in LEGACY_ACTIONS.items():
        Event.objects.using(db).filter(action=old).update(action=new)
    for event in Event.objects.using(db).filter(
        action="annual_reports.cell_overridden", payload__has_key="parsed"
    ):
        payload = dict(event.payload)
        payload["machine"] = payload.pop("parsed")
        event.payload = payload
        event.save(update_fields=["payload"])


def backwards(apps, schema_editor):
    Correction = apps.get_model("imports", "ReportCorrection")
    Override = apps.get_model("annual_reports", "ReportCellOverride")
    Event = apps.get_model("annual_reports", "AnnualReportEvent")
    db = schema_editor.connection.alias
    rows = list(Override.objects.using(db).order_by("pk").values())
    Correction.objects.using(db).bulk_create(
        Correction(
            **{name: row[name] for name in FIELDS},
            parsed_value=row["machine_value"],
        )
        for row in rows
    )
    for row in rows:
        Correction.objects.using(db).filter(pk=row["id"]).update(
            superseded_by_id=row["superseded_by_id"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Correction]):
            cursor.execute(statement)
    for old, new in LEGACY_ACTIONS.items():
        Event.objects.using(db).filter(action=new).update(action=old)
    Override.objects.using(db).all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("imports", "0001_initial"),
        ("annual_reports", "0002_origins_overrides_rules_version"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(
            name="ReportCorrection",
        ),
    ]
