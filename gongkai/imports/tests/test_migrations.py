"""The migration that turns the imports app's corrections into the cell overrides of
annual_reports keeps every row (ids, people, values, times, what superseded what)
and renames the events they recorded."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("imports", "0001_initial"), ("annual_reports", "0001_initial")]
AFTER = [
    ("imports", "0002_corrections_to_cell_overrides"),
    ("annual_reports", "0002_origins_overrides_rules_version"),
]
WHEN = datetime(2025, 3, 1, 8, 30, tzinfo=UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_corrections_become_cell_overrides() -> None:
    apps = _migrate(BEFORE)
    try:
        user = apps.get_model("accounts", "User").objects.create(username="jiaozheng")
        org = apps.get_model("orgs", "Organisation").objects.create(name="甲县人民政府")
        report = apps.get_model("annual_reports", "AnnualReport").objects.create(
            organisation=org, year=2022, source="imported", status="published"
        )
        Correction = apps.get_model("imports", "ReportCorrection")
        first = Correction.objects.create(
            report=report,
            path="active.licensing",
            value=1,
            previous_value=5,
            parsed_value=5,
            actor=user,
            note="来源第 3 行",
            active=False,
            end_reason="superseded",
            ended_by=user,
        )
        second = Correction.objects.create(
            report=report,
            path="active.licensing",
            value=2,
            previous_value=1,
            parsed_value=5,
            actor=user,
        )
        Correction.objects.filter(pk=first.pk).update(
            superseded_by=second, created_at=WHEN
        )
        Event = apps.get_model("annual_reports", "AnnualReportEvent")
        Event.objects.create(
            report=report,
            action="imports.corrected",
            payload={"path": "active.licensing", "old": 5, "new": 1, "parsed": 5},
        )

        apps = _migrate(AFTER)
        Override = apps.get_model("annual_reports", "ReportCellOverride")
        rows = {o.pk: o for o in Override.objects.all()}
        assert set(rows) == {first.pk, second.pk}
        old, new = rows[first.pk], rows[second.pk]
        assert (old.value, old.previous_value, old.machine_value) == (1, 5, 5)
        assert (old.note, old.active, old.end_reason) == (
            "来源第 3 行",
            False,
            "superseded",
        )
        assert (old.actor_id, old.ended_by_id, old.superseded_by_id) == (
            user.pk,
            user.pk,
            second.pk,
        )
        assert old.created_at == WHEN
        assert (new.value, new.active, new.report_id) == (2, True, report.pk)
        event = Event.objects.get()
        assert event.action == "annual_reports.cell_overridden"
        assert event.payload == {
            "path": "active.licensing",
            "old": 5,
            "new": 1,
            "machine": 5,
        }
        # the id sequence continues after the copied rows
        third = Override.objects.create(
            report_id=report.pk, path="active.punishment", value=3, actor_id=user.pk
        )
        assert third.pk > second.pk
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
