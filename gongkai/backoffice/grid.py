"""The editor's tables: the official layout (``layout.table_layouts``) with an
input in every value cell, so that the form looks exactly like the printed tables.

Templates only loop over ``GridTable.rows``; every decision (spans, which input,
which highlight, which short error text) is made here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString

from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.layout import LayoutCell, table_layouts
from gongkai.backoffice.fields import SHORT_ERRORS
from gongkai.backoffice.forms import ReportEditForm

#: Relative column widths; label columns are wider than value columns.
COLUMN_WEIGHTS: Final[dict[str, tuple[float, ...]]] = {
    "active": (2.0, 1.0, 1.0, 1.0),
    "applications": (0.8, 1.0, 3.4, *(1.0,) * 7),
    "appeals": (1.0,) * 15,
}


@dataclass(frozen=True)
class GridCell:
    kind: str  # "corner" | "header" | "label" | "value"
    text: str
    rowspan: int
    colspan: int
    path: str = ""
    input: SafeString | None = None  # value cells: the rendered <input>
    css: str = ""  # value cells: "cell-error" / "cell-warning"
    hint: str = ""  # value cells: a short error text shown in the cell
    drill: str = ""  # computed cells: the URL of the cases the cell counts

    @property
    def tag(self) -> str:
        return "td" if self.kind == "value" else "th"


@dataclass(frozen=True)
class GridTable:
    key: str
    heading: str
    columns: tuple[str, ...]  # CSS widths of the grid columns
    rows: tuple[tuple[GridCell, ...], ...] = field(default=())


def editor_tables(
    form: ReportEditForm,
    marks: dict[str, str],
    drill: dict[str, str] | None = None,
) -> list[GridTable]:
    """The three tables of the editor; ``marks`` maps path strings to CSS classes,
    ``drill`` path strings to the drill-down URL of computed cells."""
    errors = form.errors.as_data() if form.is_bound else {}
    tables = []
    for layout in table_layouts(None):
        rows = tuple(
            tuple(_cell(cell, form, marks, errors, drill or {}) for cell in row)
            for row in layout.rows
        )
        weights = COLUMN_WEIGHTS.get(layout.key, (1.0,) * layout.n_cols)
        total = sum(weights)
        columns = tuple(f"{w / total * 100:.2f}%" for w in weights)
        tables.append(GridTable(layout.key, layout.heading, columns, rows))
    return tables


def _cell(
    cell: LayoutCell,
    form: ReportEditForm,
    marks: dict[str, str],
    errors: dict[str, list[ValidationError]],
    drill: dict[str, str],
) -> GridCell:
    if cell.path is None:
        return GridCell(cell.kind, cell.text, cell.rowspan, cell.colspan)
    name = path_str(cell.path)
    field_errors = errors.get(name, [])
    attrs: dict[str, str | bool] = {}
    hint = ""
    if field_errors:
        error = field_errors[0]
        attrs["title"] = " ".join(error.messages)
        attrs["aria-describedby"] = f"hint-{name}"
        hint = str(SHORT_ERRORS.get(error.code or "", ""))
    css = "cell-error" if field_errors else marks.get(name, "")
    widget = form[name].as_widget(attrs=attrs)
    span = (cell.rowspan, cell.colspan)
    return GridCell("value", "", *span, name, widget, css, hint, drill.get(name, ""))
