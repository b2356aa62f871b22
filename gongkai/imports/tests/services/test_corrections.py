"""Corrections of imported reports (cell overrides of ``annual_reports``):
validated, kept with who made them, applied over every later import, and never
silently overwritten when the source changes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.annual_reports import events
from gongkai.annual_reports.codes import CORRECTION_REVIEW as REVIEW_CODE
from gongkai.annual_reports.errors import OverrideRefused as CorrectionRefused
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    OverrideEnd,
    ReportCellOverride,
)
from gongkai.annual_reports.services import (
    report_cell_override as report_correct,
)
from gongkai.annual_reports.services import (
    report_cell_override_withdraw,
)
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.core.errors import PermissionDenied
from gongkai.imports.models import RecordStatus
from gongkai.imports.selectors import report_get_imported
from gongkai.imports.services import import_paths
from gongkai.imports.tests.fakes import fake_parse

pytestmark = pytest.mark.django_db

ORG = "甲县人民政府"
LICENSING = "active.licensing"
NEW0 = ("applications", "new", 0)


def run(*paths: Path):
    return import_paths(
        paths=list(paths),
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )


@pytest.fixture
def imported(write_report) -> tuple[AnnualReport, Path]:
    path = write_report("a.txt", org=ORG, year=2022)
    run(path)
    return AnnualReport.objects.get(), path


def codes(report: AnnualReport) -> list[str]:
    return [f["code"] for f in report.findings]


def test_correction_is_kept_with_its_actor(imported, importer) -> None:
    report, _ = imported
    parsed = report.statistics["active"]["licensing"]
    correction = report_correct(
        report=report,
        path=LICENSING,
        value=parsed + 1,
        actor=importer,
        note="来源第 3 行",
    )
    report.refresh_from_db()
    assert report.statistics["active"]["licensing"] == parsed + 1
    assert (correction.actor, correction.note) == (importer, "来源第 3 行")
    assert (correction.previous_value, correction.machine_value) == (parsed, parsed)
    event = AnnualReportEvent.objects.get(report=report, action=events.CELL_OVERRIDDEN)
    assert event.actor == importer
    assert event.payload == {
        "path": LICENSING,
        "old": parsed,
        "new": parsed + 1,
        "machine": parsed,
        "errors": report.error_count,
        "warnings": report.warning_count,
        "reviews": 0,
    }


def test_correction_reruns_the_check(imported, importer) -> None:
    report, _ = imported
    assert report.error_count == 0
    value = report.statistics["applications"]["new"][0] + 5
    report_correct(
        report=report, path="applications.new.0", value=value, actor=importer
    )
    report.refresh_from_db()
    assert report.error_count > 0
    assert "applications.balance" in codes(report)


def test_correction_survives_reimport_of_the_same_file(imported, importer) -> None:
    report, path = imported
    report_correct(report=report, path=LICENSING, value=7, actor=importer)
    summary = run(path)
    assert summary.outcomes[0].status == RecordStatus.UNCHANGED
    report.refresh_from_db()
    assert report.statistics["active"]["licensing"] == 7
    assert REVIEW_CODE not in codes(report)


def test_correction_survives_a_changed_file_and_asks_for_review(
    imported, importer, write_report
) -> None:
    report, path = imported
    parsed = report.statistics["active"]["licensing"]
    report_correct(report=report, path=LICENSING, value=7, actor=importer)
    write_report(
        "a.txt",
        org=ORG,
        year=2022,
        cells={("active", "licensing"): 9, ("active", "punishment"): 3},
    )
    summary = run(path)
    assert summary.outcomes[0].status == RecordStatus.IMPORTED
    report.refresh_from_db()
    assert report.statistics["active"]["licensing"] == 7  # the correction holds
    assert report.statistics["active"]["punishment"] == 3  # the rest is new
    review = [f for f in report.findings if f["code"] == REVIEW_CODE]
    assert len(review) == 1
    assert review[0]["severity"] == "warning"
    assert review[0]["cells"][0]["path"] == LICENSING
    assert "解析为 9" in review[0]["message"]
    assert f"更正时解析为 {parsed}" in review[0]["message"]
    assert importer.display_name in review[0]["message"]
    event = report.events.first()
    assert (event.action, event.payload["reviews"]) == (events.REPORT_REIMPORTED, 1)
    # re-confirming the value clears the review
    report_correct(
        report=report, path=LICENSING, value=7, actor=importer, note="已复核"
    )
    report.refresh_from_db()
    assert REVIEW_CODE not in codes(report)
    assert ReportCellOverride.objects.filter(report=report).count() == 2


def test_reimport_reading_the_corrected_value_is_only_a_hint(
    imported, importer, write_report
) -> None:
    report, path = imported
    report_correct(report=report, path=LICENSING, value=7, actor=importer)
    write_report("a.txt", org=ORG, year=2022, cells={("active", "licensing"): 7})
    run(path)
    report.refresh_from_db()
    review = next(f for f in report.findings if f["code"] == REVIEW_CODE)
    assert review["severity"] == "info"


def test_a_new_correction_supersedes_the_old(imported, importer) -> None:
    report, _ = imported
    first = report_correct(report=report, path=LICENSING, value=1, actor=importer)
    second = report_correct(report=report, path=LICENSING, value=2, actor=importer)
    first.refresh_from_db()
    assert not first.active
    assert (first.end_reason, first.superseded_by) == (OverrideEnd.SUPERSEDED, second)
    assert second.previous_value == 1
    assert ReportCellOverride.objects.filter(report=report, active=True).get() == second


def test_withdraw_restores_the_parsed_value(imported, importer) -> None:
    report, _ = imported
    parsed = report.statistics["active"]["licensing"]
    correction = report_correct(report=report, path=LICENSING, value=1, actor=importer)
    report_cell_override_withdraw(override=correction, actor=importer, note="误改")
    report.refresh_from_db()
    correction.refresh_from_db()
    assert report.statistics["active"]["licensing"] == parsed
    assert (correction.active, correction.end_reason, correction.ended_by) == (
        False,
        OverrideEnd.WITHDRAWN,
        importer,
    )
    assert correction.end_note == "误改"
    with pytest.raises(CorrectionRefused):
        report_cell_override_withdraw(override=correction, actor=importer)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("active.licensing", -1, "不能为负数"),
        ("active.licensing", True, "0 或正整数"),
        ("active.licensing", "3", "0 或正整数"),
        ("active.licensing", 10**12, "数值过大"),
        ("active.fees_wan_yuan", 1.5, "应写成字符串"),
        ("active.fees_wan_yuan", "-1", "不能为负数"),
        ("applications.new", 1, "不是统计表中的单元格"),
        ("title", "x", "不是统计表中的单元格"),
    ],
)
def test_invalid_corrections_are_refused(
    imported, importer, path, value, message
) -> None:
    report, _ = imported
    with pytest.raises(CorrectionRefused, match=message):
        report_correct(report=report, path=path, value=value, actor=importer)
    assert not ReportCellOverride.objects.exists()


def test_fee_and_blank_corrections(imported, importer) -> None:
    report, _ = imported
    report_correct(
        report=report, path="active.fees_wan_yuan", value="0.1234", actor=importer
    )
    report_correct(report=report, path="applications.new.0", value=None, actor=importer)
    report.refresh_from_db()
    assert report.statistics["active"]["fees_wan_yuan"] == "0.1234"
    assert report.statistics["applications"]["new"][0] is None


def test_same_value_is_refused(imported, importer) -> None:
    report, _ = imported
    with pytest.raises(CorrectionRefused, match="无需更正"):
        report_correct(
            report=report,
            path=LICENSING,
            value=report.statistics["active"]["licensing"],
            actor=importer,
        )


def test_a_missing_table_cannot_be_corrected_cell_by_cell(
    write_report, importer, tmp_path: Path
) -> None:
    import json

    path = write_report("a.txt", org=ORG, year=2022)
    data = json.loads(path.read_text("utf-8"))
    data["appeals"] = None
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    run(path)
    report = AnnualReport.objects.get()
    with pytest.raises(CorrectionRefused, match="没有这张表"):
        report_correct(
            report=report, path="appeals.reconsideration.0", value=1, actor=importer
        )


def test_permissions(imported, auditor, write_report) -> None:
    report, _ = imported
    with pytest.raises(PermissionDenied):
        report_correct(report=report, path=LICENSING, value=1, actor=auditor)
    handler = StaffUserFactory.create(
        role=Role.HANDLER, organisation=report.organisation
    )
    report_correct(report=report, path=LICENSING, value=1, actor=handler)


def test_only_imported_reports_are_corrected_here(importer) -> None:
    """The imports pages open imported reports only (a typed report's cells are
    overridden from the staff side, by its organ's editors)."""
    report = annual_report(year=2022)
    with pytest.raises(ReportNotFound, match="导入的年度报告"):
        report_get_imported(pk=report.pk)


def test_each_cell_knows_it_was_imported_and_from_where(imported, importer) -> None:
    from gongkai.annual_reports.origins import Kind
    from gongkai.annual_reports.selectors import report_cell_origin

    report, _ = imported
    record = report.import_records.get()
    new = report_cell_origin(report=report, path="applications.new.0")
    assert new is not None
    assert (new.kind, new.record_id) == (Kind.IMPORTED, record.pk)
    span = record.provenance["applications.new.0"]
    assert new.span == (span["line"], span["start"], span["end"])
    other = report_cell_origin(report=report, path=LICENSING)
    assert other is not None
    assert (other.kind, other.span) == (Kind.IMPORTED, None)  # no span given
    correction = report_correct(
        report=report, path="applications.new.0", value=1, actor=importer
    )
    report.refresh_from_db()
    overridden = report_cell_origin(report=report, path="applications.new.0")
    assert overridden is not None
    assert (overridden.kind, overridden.override_id) == (Kind.OVERRIDDEN, correction.pk)
    assert overridden.under == new
