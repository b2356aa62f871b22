"""gongkai compute: sections 三 and 四 from the cases, for one organ or with the
units below it, printed in the interchange format (and saved on request)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gongkai.annual_reports.models import AnnualReport
from gongkai.applications.tests.factories import ApplicationFactory
from gongkai.cli import main
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_one_organ_or_the_whole_jurisdiction(tmp_path: Path, capsys) -> None:
    county = OrganisationFactory.create()
    unit = DepartmentFactory.create(parent=county)
    ApplicationFactory.create_batch(
        2, organisation=county, received_on=date(2025, 3, 2)
    )
    ApplicationFactory.create_batch(3, organisation=unit, received_on=date(2025, 4, 1))
    out = tmp_path / "county.json"
    assert (
        main(
            [
                "compute",
                "--organisation",
                str(county.pk),
                "--year",
                "2025",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    own = json.loads(out.read_text("utf-8"))
    assert own["applications"]["new"][6] == 2
    assert (
        main(
            [
                "compute",
                "--organisation",
                county.name,
                "--year",
                "2025",
                "--with-units",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    whole = json.loads(out.read_text("utf-8"))
    assert whole["applications"]["new"][6] == 5
    assert "0 个错误" in capsys.readouterr().err
    assert not AnnualReport.objects.exists()  # nothing saved without --save
    assert (
        main(["compute", "--organisation", str(county.pk), "--year", "2025", "--save"])
        == 0
    )
    report = AnnualReport.objects.get(organisation=county, year=2025)
    assert report.statistics["applications"]["new"][6] == 2


def test_bad_input_is_named(capsys) -> None:
    assert main(["compute", "--organisation", "不存在的机关", "--year", "2025"]) == 2
    assert "没有找到机关" in capsys.readouterr().err
    assert (
        main(["compute", "--organisation", "99999999999999999999999", "--year", "2025"])
        == 2
    )
    assert main(["compute", "--organisation", "1", "--year", "99999"]) == 2
    assert "超出范围" in capsys.readouterr().err
