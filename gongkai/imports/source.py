"""The extracted text of a source file, cut into numbered lines with the spans the
parser read each value from marked.  Pure: no database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    paths: tuple[str, ...] = ()  # the cells whose value was read here

    @property
    def paths_attr(self) -> str:
        return " ".join(self.paths)


@dataclass(frozen=True)
class SourceLine:
    number: int
    segments: tuple[Segment, ...]


def _spans(
    text: str, provenance: Mapping[str, Mapping[str, Any]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Valid, non-overlapping spans, in order; cells read from the same characters
    share one span."""
    by_range: dict[tuple[int, int], list[str]] = {}
    for path, span in provenance.items():
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= len(text):
            by_range.setdefault((start, end), []).append(path)
    out: list[tuple[int, int, tuple[str, ...]]] = []
    pos = 0
    for (start, end), paths in sorted(by_range.items()):
        if start >= pos:
            out.append((start, end, tuple(paths)))
            pos = end
    return out


def source_lines(
    text: str, provenance: Mapping[str, Mapping[str, Any]]
) -> list[SourceLine]:
    """``text`` as numbered lines (1-based, as SourceSpan.line counts them), each a
    sequence of segments; a segment a value was read from names the cells."""
    pieces: list[Segment] = []
    pos = 0
    for start, end, paths in _spans(text, provenance):
        if start > pos:
            pieces.append(Segment(text[pos:start]))
        pieces.append(Segment(text[start:end], paths))
        pos = end
    pieces.append(Segment(text[pos:]))
    lines: list[list[Segment]] = [[]]
    for piece in pieces:
        for i, part in enumerate(piece.text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Segment(part, piece.paths))
    return [SourceLine(n, tuple(segs)) for n, segs in enumerate(lines, start=1)]


#: Characters of context shown on either side of a narrative figure.
FIGURE_CONTEXT = 16


@dataclass(frozen=True)
class TextFigure:
    """A number of the running text as the report page shows it: the figure, the
    characters around it, and where it stands (for the jump to the source)."""

    value: str
    unit: str
    line: int
    column: int
    start: int
    end: int
    before: str
    figure: str
    after: str


def text_figures(text: str, stored: Any) -> list[TextFigure]:
    """The narrative figures kept on an import record (``record_figures``) with
    their context read from ``text``, the record's source text; entries that do not
    fit the text are left out."""
    out: list[TextFigure] = []
    for item in stored if isinstance(stored, list) else []:
        try:
            start, end = int(item["start"]), int(item["end"])
            value, unit = str(item["value"]), str(item["unit"])
        except (KeyError, TypeError, ValueError):
            continue
        if not 0 <= start < end <= len(text):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        out.append(
            TextFigure(
                value=value,
                unit=unit,
                line=text.count("\n", 0, start) + 1,
                column=start - line_start + 1,
                start=start,
                end=end,
                before=_context(text[max(line_start, start - FIGURE_CONTEXT) : start]),
                figure=text[start:end],
                after=_context(text[end : end + FIGURE_CONTEXT].split("\n", 1)[0]),
            )
        )
    return out


def _context(text: str) -> str:
    return " ".join(text.split())
