"""import_paths with a stand-in parser: expansion, storing, unchanged files,
failures that never take another file down, organ matching."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gongkai.annual_reports import events
from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    Source,
    Status,
)
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.imports.events import ORGANISATION_CREATED
from gongkai.imports.models import (
    ImportBatch,
    ImportEvent,
    ImportRecord,
    RecordStatus,
    SourceFile,
)
from gongkai.imports.services import import_expand, import_paths
from gongkai.imports.tests.fakes import fake_parse
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def run(*paths: Path, actor=None):
    return import_paths(paths=list(paths), actor=actor, clock=Clock(), parse=fake_parse)


def test_expand_folders_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    for name in (
        "b.txt",
        "a.html",
        "sub/c.pdf",
        "sub/d.docx",
        ".hidden.txt",
        ".git/e.txt",
        "x.truth.json",
        "notes.csv",
        "~$lock.docx",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [
        c.path.relative_to(tmp_path).as_posix()
        for c in import_expand(paths=[tmp_path, tmp_path / "b.txt"])
    ]
    assert found == ["a.html", "b.txt", "sub/c.pdf", "sub/d.docx"]
    explicit = import_expand(paths=[tmp_path / "x.truth.json", tmp_path / "nope.txt"])
    assert explicit[0].error == ""  # a file named on its own: any suffix
    assert explicit[1].error == "文件或文件夹不存在"


def test_import_stores_source_report_and_findings(write_report, importer) -> None:
    path = write_report("鹿邑.txt", org="鹿邑县人民政府", year=2022)
    summary = run(path, actor=importer)
    assert [o.status for o in summary.outcomes] == [RecordStatus.IMPORTED]
    report = AnnualReport.objects.get()
    assert (report.organisation.name, report.year) == ("鹿邑县人民政府", 2022)
    assert report.source == Source.IMPORTED
    assert report.status == Status.PUBLISHED
    assert report.error_count == 0
    source = SourceFile.objects.get()
    assert bytes(source.content) == path.read_bytes()
    assert source.size == path.stat().st_size
    assert source.text.startswith("{")
    assert (source.kind, source.encoding) == ("json", "utf-8")
    record = ImportRecord.objects.get()
    assert record.report == report
    assert record.provenance is not None
    assert record.provenance["applications.new.0"]["line"] > 1
    assert record.statistics is not None
    assert record.statistics["applications"] == report.statistics["applications"]
    assert not report.organisation.confirmed
    assert ImportEvent.objects.filter(action=ORGANISATION_CREATED).count() == 1
    event = AnnualReportEvent.objects.get(report=report)
    assert (event.action, event.actor) == (events.REPORT_IMPORTED, importer)
    batch = ImportBatch.objects.get()
    assert (batch.imported_count, batch.failed_count, batch.actor) == (1, 0, importer)
    assert batch.finished_at is not None
    assert batch.finished_at > batch.started_at


def test_importing_again_changes_nothing(write_report) -> None:
    folder = write_report("a.txt", org="甲县人民政府", year=2022).parent
    write_report("b.txt", org="乙县人民政府", year=2022)
    run(folder)
    before = {
        r.pk: (r.statistics, r.findings, r.updated_at)
        for r in AnnualReport.objects.all()
    }
    summary = run(folder)
    assert [o.status for o in summary.outcomes] == [RecordStatus.UNCHANGED] * 2
    assert {
        r.pk: (r.statistics, r.findings, r.updated_at)
        for r in AnnualReport.objects.all()
    } == before
    assert SourceFile.objects.count() == 2
    assert Organisation.objects.count() == 2
    assert AnnualReportEvent.objects.count() == 2
    assert ImportRecord.objects.filter(status=RecordStatus.UNCHANGED).count() == 2
    assert all(o.report_id for o in summary.unchanged)


def test_one_bad_file_never_loses_another(write_report, tmp_path: Path) -> None:
    first = write_report("1.txt", org="甲县人民政府", year=2022)
    (tmp_path / "2.pdf").write_bytes(os.urandom(2048))  # not a report
    (tmp_path / "3.txt").write_text("CRASH", "utf-8")  # the parser raises
    (tmp_path / "4.txt").write_bytes(b"")  # empty
    last = write_report("5.txt", org="乙县人民政府", year=2022)
    summary = run(tmp_path, tmp_path / "vanished.txt")
    assert [Path(o.path).name for o in summary.imported] == [first.name, last.name]
    reasons = {Path(o.path).name: o.error for o in summary.failed}
    assert reasons["2.pdf"].startswith("无法解析")
    assert "RuntimeError: parser bug" in reasons["3.txt"]
    assert reasons["4.txt"] == "是空文件"
    assert reasons["vanished.txt"] == "文件或文件夹不存在"
    assert AnnualReport.objects.count() == 2
    failed = ImportRecord.objects.filter(status=RecordStatus.FAILED)
    assert failed.count() == 4
    assert all(r.error for r in failed)
    # a file that could be read is kept, even when it could not be parsed
    assert failed.get(path__endswith="2.pdf").source_file is not None


def test_unreadable_files_fail_with_their_reason(
    write_report, tmp_path: Path, monkeypatch
) -> None:
    locked = write_report("locked.txt", org="甲县人民政府", year=2022)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    write_report("ok.txt", org="乙县人民政府", year=2022)
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == locked.name:  # as root, chmod 0 would not stop a read
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    summary = run(tmp_path)
    reasons = {Path(o.path).name: o.error for o in summary.failed}
    assert reasons == {
        "locked.txt": "没有读取权限",
        "dangling.txt": "文件不存在（可能在导入过程中被移走或删除）",
    }
    assert [Path(o.path).name for o in summary.imported] == ["ok.txt"]


def test_a_failed_file_is_tried_again(write_report, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not json", "utf-8")
    assert len(run(bad).failed) == 1
    assert len(run(bad).failed) == 1  # parsed again, not "unchanged"
    assert SourceFile.objects.count() == 1


def test_organs_matched_by_name_spelling(write_report) -> None:
    known = OrganisationFactory.create(name="中阳县人民政府")
    short = OrganisationFactory.create(name="海通乡人民政府", short_name="海通乡")
    run(
        write_report("a.txt", org="中阳县 人民政府", year=2022),
        write_report("b.txt", org="海通乡", year=2022),
        write_report("c.txt", org="新县人民政府", year=2022),
    )
    orgs = {r.organisation for r in AnnualReport.objects.all()}
    assert known in orgs
    assert short in orgs
    new = Organisation.objects.get(name="新县人民政府")
    assert not new.confirmed
    assert Organisation.objects.filter(confirmed=False).count() == 1


def test_missing_org_or_year_fails(write_report) -> None:
    path = write_report("a.txt", org="", year=2022)
    summary = run(path)
    assert summary.failed[0].error == "未能从文件中识别出报告机关"
    assert not Organisation.objects.exists()


def test_a_report_made_in_gongkai_is_never_overwritten(write_report) -> None:
    org = OrganisationFactory.create(name="示范县人民政府")
    manual = annual_report(organisation=org, year=2022)
    summary = run(write_report("a.txt", org="示范县人民政府", year=2022, seed=5))
    assert "手工填报" in summary.failed[0].error
    manual.refresh_from_db()
    assert manual.source == Source.MANUAL
    assert ImportRecord.objects.get().report is None


def test_changed_source_updates_the_report(write_report, tmp_path: Path) -> None:
    path = write_report("a.txt", org="甲县人民政府", year=2022)
    run(path)
    write_report(
        "a.txt", org="甲县人民政府", year=2022, cells={("active", "licensing"): 4321}
    )
    summary = run(path)
    assert [o.status for o in summary.outcomes] == [RecordStatus.IMPORTED]
    report = AnnualReport.objects.get()
    assert report.statistics["active"]["licensing"] == 4321
    assert SourceFile.objects.count() == 2
    assert list(report.events.values_list("action", flat=True)) == [
        events.REPORT_REIMPORTED,
        events.REPORT_IMPORTED,
    ]


def test_a_new_organ_gets_a_first_guess_of_level_and_kind(write_report) -> None:
    run(write_report("a.txt", org="海通乡人民政府", year=2022))
    org = Organisation.objects.get()
    assert (org.level, org.kind, org.confirmed) == ("township", "township", False)
