from __future__ import annotations

from gongkai.imports.source import Segment, source_lines

TEXT = "一、新收\t3\t4\n二、结转\t0\n"


def span(start: int, end: int) -> dict[str, int]:
    return {"line": 0, "start": start, "end": end}


def test_lines_are_numbered_and_spans_marked() -> None:
    three, four, zero = TEXT.index("3"), TEXT.index("4"), TEXT.index("0")
    lines = source_lines(
        TEXT,
        {
            "applications.new.0": span(three, three + 1),
            "applications.new.6": span(four, four + 1),
            "applications.carried_over.6": span(zero, zero + 1),
        },
    )
    assert [line.number for line in lines] == [1, 2, 3]
    assert lines[0].segments == (
        Segment("一、新收\t"),
        Segment("3", ("applications.new.0",)),
        Segment("\t"),
        Segment("4", ("applications.new.6",)),
    )
    assert lines[1].segments[-1] == Segment("0", ("applications.carried_over.6",))
    assert lines[2].segments == ()
    assert "".join(s.text for line in lines for s in line.segments) == TEXT.replace(
        "\n", ""
    )


def test_shared_overlapping_and_invalid_spans() -> None:
    three = TEXT.index("3")
    lines = source_lines(
        TEXT,
        {
            "a.x": span(three, three + 1),
            "a.y": span(three, three + 1),  # the same characters: one mark, two cells
            "a.z": span(three, three + 3),  # overlaps the first: left out
            "a.w": span(5, 999),  # beyond the text: left out
            "a.v": {"start": "?"},
        },
    )
    marked = [s for s in lines[0].segments if s.paths]
    assert len(marked) == 1
    assert set(marked[0].paths) == {"a.x", "a.y"}
    assert marked[0].paths_attr in ("a.x a.y", "a.y a.x")


def test_a_span_across_lines_is_marked_on_both() -> None:
    lines = source_lines("ab\ncd", {"p": span(1, 4)})
    assert lines[0].segments[-1] == Segment("b", ("p",))
    assert lines[1].segments[0] == Segment("c", ("p",))
