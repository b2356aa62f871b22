"""A folder holding several years of one organ: the files are imported oldest first,
and a year whose section 二 came as glued digits is cut with the year before
(现行有效 last year + 制发 − 废止 = 现行有效 this year), not by plausibility alone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gongkai.annual_reports.data import report_from_dict, report_to_dict
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.rendering import render
from gongkai.annual_reports.sample import sample_report
from gongkai.imports.services import import_paths

pytestmark = pytest.mark.django_db
ORG = "某县人民政府"


def _glued_2023() -> str:
    return (
        f"{ORG}2023年政府信息公开工作年度报告"
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
        "现行有效件数规章000行政规范性文件124258第二十条第（五）项"
    )


def test_a_glued_year_is_cut_with_the_year_before_in_the_same_folder(
    tmp_path: Path,
) -> None:
    earlier = report_to_dict(sample_report(org=ORG, year=2022, seed=3))
    earlier["active"] = {**earlier["active"], "normative_docs": [3, 1, 250]}
    doc = report_from_dict(earlier).report
    # named so that the later year comes first in the folder's order
    (tmp_path / "a-2023.txt").write_text(_glued_2023(), "utf-8")
    (tmp_path / "b-2022.html").write_bytes(render(doc, "html"))
    summary = import_paths(
        paths=[tmp_path], actor=None, clock=lambda: datetime(2025, 3, 1, tzinfo=UTC)
    )
    assert [o.year for o in summary.outcomes] == [2022, 2023], summary.outcomes
    later = AnnualReport.objects.get(organisation__name=ORG, year=2023)
    assert later.statistics["active"]["normative_docs"] == [12, 4, 258]
    messages = [f["message"] for f in later.findings]
    assert any("与上年报告的连续性" in m for m in messages)
