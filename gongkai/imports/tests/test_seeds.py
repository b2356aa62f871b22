"""End to end with the real parser: the five published seed reports."""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from gongkai.annual_reports.codes import CORRECTION_REVIEW as REVIEW_CODE
from gongkai.annual_reports.models import AnnualReport, Source, Status
from gongkai.annual_reports.services import report_cell_override
from gongkai.cli import main
from gongkai.imports.models import ImportRecord, RecordStatus, SourceFile
from gongkai.imports.services import import_paths
from gongkai.imports.tests.conftest import SEEDS
from gongkai.orgs.models import Organisation

pytestmark = pytest.mark.django_db

TRUTHS = {
    p.name.removesuffix(".truth.json"): json.loads(p.read_text("utf-8"))
    for p in sorted(SEEDS.glob("*.truth.json"))
}
TABLES = ("active", "applications", "appeals")


def run(*paths: Path):
    return import_paths(
        paths=list(paths), actor=None, clock=lambda: datetime(2025, 3, 1, tzinfo=UTC)
    )


def test_there_are_five_seeds() -> None:
    assert len(TRUTHS) == 5
    assert len(list(SEEDS.glob("*.txt"))) == 5


def test_import_the_seeds_gives_the_truth() -> None:
    summary = run(SEEDS)
    assert summary.failed == []
    assert len(summary.imported) == 5  # the *.truth.json beside them are left alone
    for seed, truth in TRUTHS.items():
        report = AnnualReport.objects.get(
            organisation__name=truth["org"], year=truth["year"]
        )
        assert report.source == Source.IMPORTED
        assert report.status == Status.PUBLISHED
        for table in TABLES:
            assert report.statistics[table] == truth[table], (seed, table)
        assert not report.organisation.confirmed
        record = ImportRecord.objects.get(report=report)
        assert record.path.endswith(f"{seed}.txt")
        assert record.source_file.text  # the text the parser read
        assert bytes(record.source_file.content) == (SEEDS / f"{seed}.txt").read_bytes()
        assert (
            report.findings
        )  # every seed has something to say (blanks, missing tables)
        assert report.error_count + report.warning_count == len(
            [f for f in report.findings if f["severity"] in ("error", "warning")]
        )
        if truth["applications"] is None:
            assert "table.missing" in {f["code"] for f in report.findings}
    assert sorted(Organisation.objects.values_list("name", flat=True)) == sorted(
        t["org"] for t in TRUTHS.values()
    )


def test_importing_the_seeds_again_changes_nothing() -> None:
    run(SEEDS)
    state = list(
        AnnualReport.objects.order_by("pk").values_list(
            "pk", "statistics", "findings", "updated_at"
        )
    )
    counts = (SourceFile.objects.count(), Organisation.objects.count())
    summary = run(SEEDS)
    assert [o.status for o in summary.outcomes] == [RecordStatus.UNCHANGED] * 5
    assert (
        list(
            AnnualReport.objects.order_by("pk").values_list(
                "pk", "statistics", "findings", "updated_at"
            )
        )
        == state
    )
    assert (SourceFile.objects.count(), Organisation.objects.count()) == counts


def test_a_bad_batch_still_imports_the_seeds(tmp_path: Path) -> None:
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "扫描件.pdf").write_bytes(os.urandom(4096))
    summary = run(tmp_path, tmp_path / "已删除.docx")
    assert len(summary.imported) == 5
    reasons = {Path(o.path).name: o.error for o in summary.failed}
    assert set(reasons) == {"扫描件.pdf", "已删除.docx"}
    assert all(reasons.values())


def _provenance_of_a_number(record: ImportRecord) -> tuple[str, dict[str, Any]]:
    for path, span in sorted(record.provenance.items()):
        if path.startswith("applications.") and re.fullmatch(
            r"\s*\d+\s*", span["text"]
        ):
            return path, span
    raise AssertionError("no provenance for a section 三 cell")


def test_correction_survives_a_changed_source(tmp_path: Path, importer) -> None:
    seed = next(s for s, t in TRUTHS.items() if t["applications"] is not None)
    source = tmp_path / f"{seed}.txt"
    shutil.copy(SEEDS / f"{seed}.txt", source)
    run(source)
    report = AnnualReport.objects.get()
    path, span = _provenance_of_a_number(ImportRecord.objects.get(report=report))
    text = (SEEDS / f"{seed}.txt").read_text("utf-8")
    record_text = ImportRecord.objects.get(report=report).source_file.text
    assert record_text[span["start"] : span["end"]] == span["text"]  # traceable
    parsed = int(span["text"])
    report_cell_override(
        report=report, path=path, value=parsed + 40, actor=importer, note="人工核对"
    )
    # the same file again: nothing changes, the correction holds
    assert run(source).outcomes[0].status == RecordStatus.UNCHANGED
    # the organ republishes with that figure changed: re-import keeps the correction
    # and asks for a review
    old = span["text"].strip()
    line_start = text.index(record_text.splitlines()[span["line"] - 1].strip())
    at = text.index(old, line_start)
    source.write_text(text[:at] + str(parsed + 1) + text[at + len(old) :], "utf-8")
    assert run(source).outcomes[0].status == RecordStatus.IMPORTED
    report.refresh_from_db()
    cell = [int(p) if p.isdigit() else p for p in path.split(".")]
    node = report.statistics
    for key in cell:
        node = node[key]
    assert node == parsed + 40
    review = [f for f in report.findings if f["code"] == REVIEW_CODE]
    assert [c["path"] for f in review for c in f["cells"]] == [path]


def test_web_pages_show_the_seeds(client, auditor) -> None:
    run(SEEDS)
    client.force_login(auditor)
    listing = client.get(reverse("imports:list")).content.decode()
    for truth in TRUTHS.values():
        assert truth["org"] in listing
    for report in AnnualReport.objects.all():
        page = client.get(reverse("imports:report", args=[report.pk])).content.decode()
        assert '<div class="imp-line" id="L1">' in page
        if report.statistics["applications"] or report.statistics["active"]:
            marked = re.findall(r'<mark class="imp-span" data-paths="([^"]+)"', page)
            assert marked, report
            cells = [p for m in marked for p in m.split() if "." in p]
            assert cells, report
            assert f'data-path="{cells[0]}"' in page  # the value and its source, linked
    compare = client.get(reverse("imports:compare"), {"year": [2021, 2022]})
    assert len(compare.context["comparison"].rows) == 5
    assert compare.status_code == 200


def test_cli_on_the_seeds(capsys) -> None:
    assert main(["import", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "共 5 个文件：已导入 5，未变 0，失败 0" in out
    assert main(["import", str(SEEDS)]) == 0
    assert "共 5 个文件：已导入 0，未变 5，失败 0" in capsys.readouterr().out


def test_nul_characters_are_stored_on_every_database(tmp_path: Path) -> None:
    """PostgreSQL text/JSON cannot hold NUL: a seed with NUL bytes inside still
    imports, its stored text keeps every offset (NUL becomes U+FFFD)."""
    seed = SEEDS / "001_1bbcc3992d530de9.txt"
    data = seed.read_bytes().replace("年度报告".encode(), "年度报告\x00".encode(), 1)
    damaged = tmp_path / "001_with_nul.txt"
    damaged.write_bytes(data)
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\x00\x00\x01binary\x00" * 20)
    summary = run(damaged, garbage)
    assert [Path(o.path).name for o in summary.imported] == [damaged.name]
    assert summary.failed[0].error.startswith("无法解析")
    source = SourceFile.objects.get(records__path=str(damaged))
    assert "\x00" not in source.text
    assert "年度报告\ufffd" in source.text
    assert len(source.text) == len(data.decode("utf-8"))


def test_seed_003_with_a_loose_number_line_imports(tmp_path: Path) -> None:
    """Seed 003's one-cell (一)/(二) rows once made section 三's re-reading by row
    order fail with an IndexError (the file failed to import)."""
    from gongkai.annual_reports.tests.importing.test_flat import (
        seed_003_with_a_loose_number_line,
    )

    source = tmp_path / "003_loose.txt"
    source.write_text(seed_003_with_a_loose_number_line(), "utf-8")
    summary = run(source)
    assert summary.failed == []
    truth = TRUTHS[next(s for s in TRUTHS if s.startswith("003"))]
    report = AnnualReport.objects.get()
    assert report.statistics["applications"] == truth["applications"]
