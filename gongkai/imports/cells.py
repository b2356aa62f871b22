"""Cells of the interchange form, for corrections: which paths are cells, what a
person may type into one, and reading/writing a value in a statistics dict.

Pure: no database.  Values are in their JSON form: an int, ``None`` (not reported),
or for the fee a decimal string such as ``"1.2345"``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import values
from gongkai.annual_reports.data import get_value, set_cell
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.origins import CELL_PATH_SET, CELL_PATHS
from gongkai.annual_reports.values import FEE_PATH, CellValueError, JsonValue

__all__ = ["CELL_PATHS", "FEE_PATH", "CellValueError", "JsonValue", "get_value"]


def cell_path(text: str) -> Path:
    """The path of a cell, from its string form; CellValueError for anything else."""
    if text not in CELL_PATH_SET:
        raise CellValueError("not_cell", f"「{text}」不是统计表中的单元格")
    return fmt.parse_path(text)


def parse_cell_input(path: Path, raw: str) -> JsonValue:
    """Turn a typed value into the cell's JSON form (:mod:`annual_reports.values`
    reads it).  Blank means "not reported"."""
    return values.to_json(values.parse(path, raw))


def table_present(stats: Mapping[str, Any], path: Path) -> bool:
    return stats.get(str(path[0])) is not None


def with_values(
    stats: Mapping[str, Any], values: Mapping[Path, JsonValue]
) -> dict[str, Any]:
    """A deep copy of ``stats`` with the given cells set.  Cells whose table is
    missing are left out (the caller reports them)."""
    out = copy.deepcopy(dict(stats))
    for path, value in values.items():
        set_cell(out, path, value)
    return out


def same_value(a: JsonValue, b: JsonValue) -> bool:
    """Equal as numbers (``"1.50"`` equals ``"1.5"``), None only equals None."""
    return values.same(a, b)


def display(value: JsonValue) -> str:
    """A value for a message: 「空白」 for None."""
    return values.display(value, blank="空白")


def short_label(path: Path) -> str:
    """A short name of a cell for buttons and lists: the row's number or name and
    the column, e.g. ``三(三)4·总计``, ``一·自然人``, ``规章·现行有效件数``."""
    table = path[0]
    if table == "applications" and len(path) > 1:
        return _short_application(path)
    if table == "active" and len(path) > 1:
        field = str(path[1])
        row = fmt.ACTIVE_ROW_LABELS.get(field, field)
        block = fmt.ACTIVE_BLOCK_OF.get(field)
        if len(path) > 2 and block is not None and len(block.columns) > int(path[2]):
            return f"{row}·{block.columns[int(path[2])]}"
        return row
    if table == "appeals" and len(path) > 1:
        group = fmt.APPEAL_GROUP_LABELS.get(str(path[1]), str(path[1]))
        if len(path) > 2:
            return f"{group}·{fmt.APPEAL_COLUMNS[int(path[2])]}"
        return group
    return fmt.TABLE_LABELS.get(str(table), fmt.path_str(path))


def _short_application(path: Path) -> str:
    has_index = str(path[1]) in fmt.GROUP_SIZES and len(path) > 2
    row_path = path[:3] if has_index else path[:2]
    row = fmt.APPLICATION_ROW_BY_PATH.get(row_path)
    if row is None:
        return fmt.path_str(path)
    if row.top != fmt.TOP_RESULTS:
        name = row.top[0]  # 一, 二 or 四
    elif row.group:
        name = f"三{row.group[:3]}{row.label.split('.')[0]}"
    else:
        name = f"三{row.label[:3]}"
    column = path[len(row_path)] if len(path) > len(row_path) else None
    if column is None:
        return name
    return f"{name}·{fmt.APPLICANT_COLUMNS[int(column)]}"
