"""The request body of POST /check in OpenAPI: the shape of
annual-report.schema.json, built from the format registry so that it cannot drift
from the rows and columns gongkai checks."""

from __future__ import annotations

from typing import Any, Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import values

_COUNT: Final = values.COUNT_JSON_SCHEMA  # bounds: annual_reports.values


def _row(size: int, description: str) -> dict[str, Any]:
    return {
        "type": "array",
        "items": _COUNT,
        "minItems": size,
        "maxItems": size,
        "description": description,
    }


def _active() -> dict[str, Any]:
    props: dict[str, Any] = {
        name: {**_row(3, fmt.ACTIVE_ROW_LABELS[name]), "type": ["array", "null"]}
        for name in fmt.ACTIVE_VECTOR_FIELDS
    }
    props.update(
        {
            name: {**_COUNT, "description": fmt.ACTIVE_ROW_LABELS[name]}
            for name in fmt.ACTIVE_COUNT_FIELDS
        }
    )
    props[fmt.ACTIVE_FEE_FIELD] = {
        **values.FEE_JSON_SCHEMA,
        "description": "行政事业性收费 本年收费金额（单位：万元）, a decimal string",
    }
    return {
        "type": ["object", "null"],
        "description": fmt.SECTION_HEADINGS[1],
        "required": list(props),
        "properties": props,
    }


def _applications() -> dict[str, Any]:
    columns = "、".join(fmt.APPLICANT_COLUMNS)
    props: dict[str, Any] = {}
    for name in fmt.APPLICATION_FIELDS:
        if name in fmt.GROUP_SIZES:
            group = next(g for f, g, _ in fmt.APPLICATION_GROUPS if f == name)
            size = fmt.GROUP_SIZES[name]
            props[name] = {
                "type": "array",
                "minItems": size,
                "maxItems": size,
                "items": _row(7, columns),
                "description": group,
            }
        else:
            label = fmt.APPLICATION_ROW_BY_PATH[("applications", name)].label
            props[name] = _row(7, f"{label}: {columns}")
    return {
        "type": ["object", "null"],
        "description": fmt.SECTION_HEADINGS[2],
        "required": list(props),
        "properties": props,
    }


def _appeals() -> dict[str, Any]:
    columns = "、".join(fmt.APPEAL_COLUMNS)
    props = {name: _row(5, f"{label}: {columns}") for name, label in fmt.APPEAL_GROUPS}
    return {
        "type": ["object", "null"],
        "description": fmt.SECTION_HEADINGS[3],
        "required": list(props),
        "properties": props,
    }


REPORT_REQUEST_SCHEMA: Final[dict[str, Any]] = {
    "title": "AnnualReport",
    "description": "政府信息公开工作年度报告 statistics (国办公开办函〔2021〕30号); "
    "null = not reported, 0 = zero",
    "type": "object",
    "required": ["year", "org", "active", "applications", "appeals"],
    "properties": {
        "title": {"type": ["string", "null"]},
        "year": {"type": ["integer", "null"], "description": "statistical year"},
        "org": {"type": ["string", "null"], "description": "reporting organ"},
        "active": _active(),
        "applications": _applications(),
        "appeals": _appeals(),
        "notes": {"type": ["string", "null"]},
    },
}
