"""Whatever the bytes, parsing never raises: a report with findings, or an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual_reports.importing import ParseResult, parse_bytes
from gongkai.annual_reports.tests.importing.helpers import rng, seed_paths
from gongkai.annual_reports.tests.importing.shapes import make_case

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
INTERNAL = "解析时出错"  # parse_bytes' last-resort message: a bug, never expected


def _sound(result: ParseResult) -> None:
    assert (result.report is None) == (result.error is not None)  # exactly one
    if result.error is not None:
        assert not result.error.startswith(INTERNAL), result.error
    result.to_json()  # serialisable either way


@FUZZ
@given(
    data=st.binary(max_size=4000),
    suffix=st.sampled_from(["", ".txt", ".html", ".docx", ".pdf", ".md"]),
)
def test_random_bytes_never_crash(data: bytes, suffix: str) -> None:
    _sound(parse_bytes(data, source="random" + suffix, suffix=suffix))


@FUZZ
@given(
    text=st.text(
        alphabet=st.sampled_from(
            list(
                "\t\n \xa00123456789,.-|#（）()、一二三四五六七八九十规章行政许可总计其他处理予以公开年报告"
            )
        ),
        max_size=600,
    )
)
def test_label_and_number_soup_never_crashes(text: str) -> None:
    _sound(parse_bytes(text.encode(), source="soup.txt"))


@FUZZ
@given(
    html=st.lists(
        st.sampled_from(
            [
                "<table>",
                "</table>",
                "<tr>",
                "</tr>",
                "<td rowspan=3>",
                "<td colspan=99999>",
                "<td rowspan=x>",
                "</td>",
                "<p>",
                "</p>",
                "<br>",
                "&nbsp;",
                "规章",
                "0",
                "12",
                "<!-- c -->",
                "<script>1</script>",
                "<div>",
                "</div>",
                "<th colspan=0>",
                "<",
                "<?xml version='1.0' encoding='gbk'?>",
            ]
        ),
        max_size=80,
    )
)
def test_malformed_html_never_crashes(html: list[str]) -> None:
    _sound(parse_bytes("".join(html).encode(), source="x.html", suffix=".html"))


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_every_prefix_of_a_seed_parses_without_error(path: Path) -> None:
    data = path.read_bytes()
    for end in range(0, len(data), 97):
        _sound(parse_bytes(data[:end], source=path.name, suffix=".txt"))


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("encoding", ["utf-16-le", "big5", "shift_jis", "mojibake"])
def test_wrong_encodings_give_findings_or_errors(path: Path, encoding: str) -> None:
    text = path.read_text("utf-8")
    if encoding == "mojibake":  # UTF-8 read as Latin-1 and saved again
        data = text.encode("utf-8").decode("latin-1").encode("utf-8")
    else:
        data = text.encode(encoding, errors="replace")
    result = parse_bytes(data, source=path.name, suffix=".txt")
    _sound(result)
    if result.report is not None:
        assert result.findings


def test_deeply_nested_html_is_read_or_refused() -> None:
    page = "<div>" * 5000 + "规章" + "</div>" * 5000
    _sound(parse_bytes(page.encode(), source="deep.html"))


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_truncated_binary_documents(kind: str) -> None:
    render = pytest.importorskip("gongkai.annual_reports.rendering").render
    case = make_case("tabbed", rng(1))
    data = render(case.expected, kind)
    for end in (10, 100, len(data) // 3, len(data) - 10):
        _sound(parse_bytes(data[:end], source="t." + kind, suffix="." + kind))


def test_unsupported_binaries_are_refused_with_a_reason() -> None:
    for data, words in (
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), ".docx"),
        (b"", "为空"),
    ):
        result = parse_bytes(data, source="x.doc")
        assert result.report is None
        assert result.error is not None
        assert words in result.error
