"""An auditor's review of an import (issue 8): inferred splits with their
confidence, one-click corrections (kept as cell overrides), accepting a split,
filling in a table the import did not find, and naming the organ and the year."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gongkai.annual_reports import events as report_events
from gongkai.annual_reports.errors import OverrideRefused
from gongkai.annual_reports.importing import splitting
from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    ReportCellOverride,
)
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.imports import events
from gongkai.imports.models import ImportEvent, ImportRecord, RecordStatus
from gongkai.imports.review import split_get, split_list, tables_not_found
from gongkai.imports.services import import_paths
from gongkai.imports.services.review import (
    CHOSEN_SPLIT_NOTE,
    record_assign,
    report_assign,
    report_cell_correct,
    split_accept,
    split_choose,
)
from gongkai.imports.tests.fakes import fake_parse
from gongkai.imports.tests.flat_report import UNCERTAIN_KEY, UNIQUE_KEY, import_flat
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
CLOCK = lambda: datetime(2025, 3, 1, tzinfo=UTC)  # noqa: E731


@pytest.fixture
def flat(tmp_path: Path) -> AnnualReport:
    return import_flat(tmp_path)


# ---------------------------------------------------------------------------
# Confidence
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "broken", "band"),
    [
        (splitting.UNIQUE, False, splitting.HIGH),
        (splitting.RELATION, False, splitting.HIGH),
        (splitting.CONTINUITY, False, splitting.MEDIUM),
        (splitting.PLAUSIBILITY, False, splitting.LOW),
        (splitting.RELATION, True, splitting.LOW),  # the relations hold for no cut
    ],
)
def test_band_follows_how_the_split_was_decided(method, broken, band) -> None:
    decision = splitting.Decision("102", (1, 0, 2), None, method, 0.9, broken=broken)
    assert decision.band == band


def test_inferred_splits_of_a_flat_report_carry_band_method_and_alternatives(
    flat,
) -> None:
    uncertain = split_get(report=flat, key=UNCERTAIN_KEY)
    assert uncertain is not None
    assert uncertain.band == splitting.LOW
    assert uncertain.band_label == "低"
    assert uncertain.method == splitting.PLAUSIBILITY
    assert uncertain.alternatives  # the other possible cuts, one value per cell
    assert all(len(a) == len(uncertain.paths) for a in uncertain.alternatives)
    assert "".join(map(str, uncertain.values)) == uncertain.run
    unique = split_get(report=flat, key=UNIQUE_KEY)
    assert unique is not None
    assert unique.band_label == "高"
    assert unique.alternatives == ()
    # every cell of section 三 came from a split: one entry per row
    rows = [s for s in split_list(report=flat) if s.key.startswith("applications.")]
    assert len(rows) == 25
    assert all(len(s.paths) == 7 for s in rows)


# ---------------------------------------------------------------------------
# One click: another cut, or accept
# ---------------------------------------------------------------------------
def test_choosing_an_alternative_overrides_every_changed_cell_of_the_run(
    flat, importer
) -> None:
    split = split_get(report=flat, key=UNCERTAIN_KEY)
    assert split is not None
    chosen = split.alternatives[0]
    made = split_choose(report=flat, key=UNCERTAIN_KEY, choice=0, actor=importer)
    changed = [
        p for p, a, b in zip(split.paths, chosen, split.values, strict=True) if a != b
    ]
    assert sorted(o.path for o in made) == sorted(changed)
    assert all(o.note.startswith(CHOSEN_SPLIT_NOTE) for o in made)
    assert all(o.actor == importer for o in made)
    flat.refresh_from_db()
    after = split_get(report=flat, key=UNCERTAIN_KEY)
    assert after is not None
    assert after.current == chosen
    assert after.reviewed
    assert AnnualReportEvent.objects.filter(
        report=flat, action=report_events.CELL_OVERRIDDEN
    ).count() == len(changed)


def test_choosing_the_cut_already_in_the_cells_is_refused(flat, importer) -> None:
    split_choose(report=flat, key=UNCERTAIN_KEY, choice=0, actor=importer)
    flat.refresh_from_db()
    with pytest.raises(OverrideRefused, match="无需更正"):
        split_choose(report=flat, key=UNCERTAIN_KEY, choice=0, actor=importer)


def test_an_unknown_split_or_choice_is_refused(flat, importer) -> None:
    with pytest.raises(InvalidState, match="没有这一处推断的拆分"):
        split_choose(report=flat, key="active.licensing", choice=0, actor=importer)
    with pytest.raises(InvalidState, match="没有这种候选拆分"):
        split_choose(report=flat, key=UNCERTAIN_KEY, choice=99, actor=importer)


def test_accepting_a_split_is_recorded_once(flat, importer) -> None:
    event = split_accept(report=flat, key=UNCERTAIN_KEY, actor=importer)
    assert event.action == events.SPLIT_ACCEPTED
    assert event.payload["report"] == flat.pk
    assert event.payload["band"] == "low"
    split = split_get(report=flat, key=UNCERTAIN_KEY)
    assert split is not None
    assert split.accepted_by == str(importer)
    assert not ReportCellOverride.objects.exists()  # the values stay as inferred
    with pytest.raises(InvalidState, match="已确认过"):
        split_accept(report=flat, key=UNCERTAIN_KEY, actor=importer)


def test_a_user_without_the_right_to_correct_cannot_accept(flat, auditor) -> None:
    with pytest.raises(PermissionDenied):
        split_accept(report=flat, key=UNCERTAIN_KEY, actor=auditor)
    with pytest.raises(PermissionDenied):
        split_choose(report=flat, key=UNCERTAIN_KEY, choice=0, actor=auditor)


# ---------------------------------------------------------------------------
# A table the import did not find
# ---------------------------------------------------------------------------
def _import_json(path: Path, **changes) -> None:
    data = json.loads(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    import_paths(paths=[path], actor=None, clock=CLOCK, parse=fake_parse)


def test_a_table_not_found_is_filled_in_cell_by_cell(write_report, importer) -> None:
    _import_json(write_report("a.txt", org="甲县人民政府", year=2022), appeals=None)
    report = AnnualReport.objects.get()
    assert [n.table for n in tables_not_found(report=report)] == ["appeals"]
    override = report_cell_correct(
        report=report,
        path="appeals.reconsideration.0",
        value=3,
        actor=importer,
        note="来源第 40 行",
    )
    assert override.value == 3
    report.refresh_from_db()
    assert report.statistics["appeals"]["reconsideration"][0] == 3
    assert report.statistics["appeals"]["reconsideration"][1] is None
    added = ImportEvent.objects.get(action=events.TABLE_ADDED)
    assert added.payload["table"] == "appeals"
    assert added.actor == importer
    # still said to be not found in the source, now being filled in
    (missing,) = tables_not_found(report=report)
    assert missing.added_by == str(importer)
    report_cell_correct(
        report=report, path="appeals.reconsideration.1", value=0, actor=importer
    )
    assert ImportEvent.objects.filter(action=events.TABLE_ADDED).count() == 1


# ---------------------------------------------------------------------------
# The organ and the year
# ---------------------------------------------------------------------------
def test_naming_another_organ_and_year_of_a_report(flat, importer) -> None:
    other = OrganisationFactory.create(name="中阳县人民政府办公室")
    report = report_assign(report=flat, actor=importer, organisation=other, year=2021)
    assert (report.organisation, report.year) == (other, 2021)
    assert report.statistics["year"] == 2021
    assert report.statistics["org"] == other.name
    event = AnnualReportEvent.objects.filter(report=report).first()
    assert event is not None
    assert event.action == report_events.REPORT_REASSIGNED
    logged = ImportEvent.objects.get(action=events.REPORT_ASSIGNED)
    assert logged.payload["from_year"] == 2022
    assert logged.payload["year"] == 2021


def test_naming_an_organ_and_year_already_taken_is_refused(flat, importer) -> None:
    annual_report(organisation=flat.organisation, year=2021)
    with pytest.raises(InvalidState, match="已有年度报告"):
        report_assign(
            report=flat, actor=importer, year=2021, name=flat.organisation.name
        )
    with pytest.raises(InvalidState, match="没有变化"):
        report_assign(
            report=flat, actor=importer, year=2022, organisation=flat.organisation
        )


def test_a_file_without_a_year_gets_its_organ_and_year_from_a_person(
    write_report, importer
) -> None:
    _import_json(write_report("a.txt", org="甲县人民政府", year=2022), year=None)
    failed = ImportRecord.objects.get()
    assert failed.status == RecordStatus.FAILED
    assert "统计年度" in failed.error
    report = record_assign(
        record=failed,
        actor=importer,
        year=2022,
        name="甲县人民政府",
        clock=CLOCK,
        parse=fake_parse,
    )
    assert (report.organisation.name, report.year) == ("甲县人民政府", 2022)
    assert report.statistics["applications"] is not None
    event = ImportEvent.objects.get(action=events.RECORD_ASSIGNED)
    assert event.payload["record"] == failed.pk
    assert event.payload["report"] == report.pk
    assert ImportRecord.objects.filter(status=RecordStatus.IMPORTED).count() == 1
    with pytest.raises(InvalidState, match="已为这个文件指定过"):
        record_assign(
            record=failed,
            actor=importer,
            year=2022,
            organisation=Organisation.objects.get(name="甲县人民政府"),
            clock=CLOCK,
            parse=fake_parse,
        )


def test_only_failed_records_get_an_organ_and_year(flat, importer, auditor) -> None:
    record = ImportRecord.objects.get(report=flat)
    with pytest.raises(InvalidState, match="导入失败"):
        record_assign(record=record, actor=importer, year=2022, name="x", clock=CLOCK)
    with pytest.raises(PermissionDenied):
        record_assign(record=record, actor=auditor, year=2022, name="x", clock=CLOCK)


def test_the_review_names_every_method_the_parser_has() -> None:
    from gongkai.annual_reports.importing import splitting
    from gongkai.imports.review import METHOD_LABELS

    assert set(splitting.METHOD_NAMES) <= set(METHOD_LABELS)
