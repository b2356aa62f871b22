"""Random reports flattened into each seed's shape, with noise, parse back exactly."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual_reports.importing import parse_bytes
from gongkai.annual_reports.tests.importing.helpers import differences, rng
from gongkai.annual_reports.tests.importing.shapes import SHAPES, make_case

ROUND_TRIP = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("shape", SHAPES)
@ROUND_TRIP
@given(rng=st.randoms(use_true_random=False))
def test_shape_round_trip(shape: str, rng: random.Random) -> None:
    case = make_case(shape, rng)
    result = parse_bytes(case.text.encode("utf-8"), source=f"{shape}.txt")
    assert result.report is not None, result.error
    assert differences(case.expected, result.report) == [], case.text
    inferred = [f for f in result.findings if f.code == "import.table_inferred"]
    assert bool(inferred) == case.inferred_appeals


@pytest.mark.parametrize("shape", SHAPES)
def test_shape_round_trip_in_gb18030(shape: str) -> None:
    case = make_case(shape, rng(7))
    result = parse_bytes(case.text.encode("gb18030"), source=f"{shape}.txt")
    assert result.report is not None, result.error
    assert differences(case.expected, result.report) == []


def test_generated_shapes_really_carry_the_noise() -> None:
    """The round trips above mean something only if the noise is there."""
    texts = {
        shape: [make_case(shape, rng(i)).text for i in range(40)] for shape in SHAPES
    }
    scraped = "\n".join(texts["scraped"])
    assert "\n\xa0\n" in scraped  # blank cells as a lone NBSP
    tabbed = "\n".join(texts["tabbed"])
    for variant in ("社会组织", "本年度止件数", "规范性文件\t"):
        assert variant in tabbed
    assert any(ch in tabbed for ch in "０１２３４５６７８９")  # full-width digits
    assert "\n- " in tabbed  # page numbers between rows
    assert any("," in line and "\t" in line for line in tabbed.splitlines())
    markdown = "\n".join(texts["markdown"])
    assert "| ---" in markdown or "|---" in markdown
    for text in texts["headerless"]:  # the appeals row alone, no section 三 or 四
        assert "三、收到和处理" not in text
        assert "四、政府信息公开行政复议" not in text
        assert any(line.count("\t") == 14 for line in text.splitlines())


@pytest.mark.parametrize("closing", ["”", '"', "」"])
def test_label_split_before_its_closing_quote_across_a_page_break(closing: str) -> None:
    """A page break can fall inside a row label, even before its last character;
    a cell that is only punctuation then stands before the row's values."""
    for seed in range(100):
        case = make_case("tabbed", random.Random(seed))  # noqa: S311 - test data
        lines = case.text.split("\n")
        at = next(
            (
                i
                for i, line in enumerate(lines)
                if "三安全一稳定" in line and "\t" in line
            ),
            None,
        )
        if at is None:
            continue
        line = lines[at]
        cut = line.index("稳定") + 2
        if line[cut] not in '”"':
            continue
        lines[at : at + 1] = [line[:cut], "", "- 4 -", "", closing + line[cut + 1 :]]
        result = parse_bytes("\n".join(lines).encode("utf-8"), source="split.txt")
        assert result.report is not None
        assert differences(case.expected, result.report) == []
        return
    pytest.fail("no generated case had the row to split")
