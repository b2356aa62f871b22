"""ReportData: the statistics of one annual report, the hub type of gongkai.

Importers produce it, the calculator produces it, checks and renderers read it, and the
database stores it.  Its JSON form is ``../shared/annual-report.schema.json``:
``None``/``null`` is "not reported", ``0`` is zero, and the fee is a ``Decimal`` in 万元
kept exactly as written (never a float).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import values
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity

Count = int | None
Row = tuple[Count, ...]
CellValue = int | Decimal | None


@dataclass(frozen=True)
class ActiveDisclosure:
    """二、主动公开政府信息情况."""

    rules: Row | None = None  # 规章: 本年制发件数, 本年废止件数, 现行有效件数
    normative_docs: Row | None = None  # 行政规范性文件: same three columns
    licensing: Count = None  # 行政许可 本年处理决定数量
    punishment: Count = None  # 行政处罚
    coercion: Count = None  # 行政强制
    fees_wan_yuan: Decimal | None = None  # 行政事业性收费 本年收费金额（万元）


@dataclass(frozen=True)
class Applications:
    """三、收到和处理政府信息公开申请情况: every row has the 7 applicant columns."""

    new: Row
    carried_over: Row
    granted: Row
    partially_granted: Row
    withheld: tuple[Row, ...]  # 8 rows
    unable: tuple[Row, ...]  # 3 rows
    not_processed: tuple[Row, ...]  # 5 rows
    other: tuple[Row, ...]  # 3 rows
    total: Row
    carried_forward: Row

    def row(self, path: Path) -> Row:
        """The row at ``("applications", field[, index])``."""
        value = getattr(self, str(path[1]))
        if len(path) > 2:
            return cast(tuple[Row, ...], value)[int(path[2])]
        return cast(Row, value)

    @classmethod
    def blank(cls, value: Count = None) -> Applications:
        row = (value,) * 7
        groups = {f: (row,) * n for f, n in fmt.GROUP_SIZES.items()}
        return cls(
            new=row,
            carried_over=row,
            granted=row,
            partially_granted=row,
            total=row,
            carried_forward=row,
            **groups,
        )


@dataclass(frozen=True)
class Appeals:
    """四、政府信息公开行政复议、行政诉讼情况: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    reconsideration: Row
    litigation_direct: Row
    litigation_after_reconsideration: Row

    @classmethod
    def blank(cls, value: Count = None) -> Appeals:
        row = (value,) * 5
        return cls(row, row, row)


@dataclass(frozen=True)
class Narrative:
    """The narrative sections 一, 五 and 六."""

    overview: str = ""  # 一、总体情况
    problems: str = ""  # 五、存在的主要问题及改进情况
    other: str = ""  # 六、其他需要报告的事项


@dataclass(frozen=True)
class ReportData:
    year: int | None
    org: str | None
    title: str | None = None
    active: ActiveDisclosure | None = None
    applications: Applications | None = None
    appeals: Appeals | None = None
    notes: str | None = None
    format_version: str = fmt.FORMAT_2021
    narrative: Narrative = field(default_factory=Narrative)
    published_on: date | None = None
    #: Values a historical format gives that the 2021 schema has no cell for
    #: (e.g. the 2019 trial format's 第二十条第（九）项), keyed by their labels.
    supplementary: Mapping[str, Any] = field(default_factory=dict)

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        return f"{self.org or ''}{self.year or ''}年政府信息公开工作年度报告"

    def with_cell(self, path: Path, value: CellValue) -> ReportData:
        """A copy with one cell changed (``path`` as in :mod:`format`)."""
        data = report_to_dict(self)
        if not set_cell(data, path, value):
            raise KeyError(path)
        return report_from_dict(data).report


# ---------------------------------------------------------------------------
# Iteration over cells
# ---------------------------------------------------------------------------
def iter_cells(report: ReportData) -> Iterator[tuple[Path, CellValue]]:
    """Every cell of every table the report has, in the format's order."""
    if report.active is not None:
        yield from _iter_active(report.active)
    if report.applications is not None:
        apps = report.applications
        for row, paths in fmt.APPLICATION_CELL_PATHS:
            yield from zip(paths, apps.row(row.path), strict=True)
    if report.appeals is not None:
        for name in fmt.APPEAL_FIELDS:
            for col, value in enumerate(getattr(report.appeals, name)):
                yield ("appeals", name, col), value


def _iter_active(active: ActiveDisclosure) -> Iterator[tuple[Path, CellValue]]:
    for name in fmt.ACTIVE_VECTOR_FIELDS:
        row = getattr(active, name)
        for col in range(3):
            yield ("active", name, col), None if row is None else row[col]
    for name in fmt.ACTIVE_COUNT_FIELDS:
        yield ("active", name), getattr(active, name)
    yield ("active", fmt.ACTIVE_FEE_FIELD), active.fees_wan_yuan


def set_cell(data: dict[str, Any], path: Path, value: CellValue | str) -> bool:
    """Set a cell in the interchange form (a Decimal written as its string).
    False, and nothing changed, when the path's table or row is missing."""
    node: Any = data
    try:
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value if isinstance(value, str) else values.to_json(value)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def get_value(stats: Mapping[str, Any], path: Path) -> values.JsonValue:
    """The value at ``path`` in the interchange form, or None when the table (or
    row) is missing."""
    node: Any = stats
    for key in path:
        if node is None:
            return None
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return cast(values.JsonValue, node)


def get_cell(report: ReportData, path: Path) -> CellValue:
    for p, value in iter_cells(report):
        if p == path:
            return value
    raise KeyError(path)


# ---------------------------------------------------------------------------
# JSON form
# ---------------------------------------------------------------------------
def report_to_dict(report: ReportData, *, extended: bool = True) -> dict[str, Any]:
    """The interchange form (schema order).  ``extended`` adds gongkai's own keys:
    format_version, narrative, published_on and supplementary."""
    data: dict[str, Any] = {
        "title": report.title,
        "year": report.year,
        "org": report.org,
        "active": _active_to_dict(report.active),
        "applications": _applications_to_dict(report.applications),
        "appeals": _appeals_to_dict(report.appeals),
        "notes": report.notes,
    }
    if extended:
        data["format_version"] = report.format_version
        data["narrative"] = {
            "overview": report.narrative.overview,
            "problems": report.narrative.problems,
            "other": report.narrative.other,
        }
        data["published_on"] = (
            report.published_on.isoformat() if report.published_on else None
        )
        if report.supplementary:
            data["supplementary"] = dict(report.supplementary)
    return data


def _active_to_dict(active: ActiveDisclosure | None) -> dict[str, Any] | None:
    if active is None:
        return None
    fee = active.fees_wan_yuan
    return {
        "rules": None if active.rules is None else list(active.rules),
        "normative_docs": (
            None if active.normative_docs is None else list(active.normative_docs)
        ),
        "licensing": active.licensing,
        "punishment": active.punishment,
        "coercion": active.coercion,
        "fees_wan_yuan": None if fee is None else format(fee, "f"),
    }


def _applications_to_dict(apps: Applications | None) -> dict[str, Any] | None:
    if apps is None:
        return None
    out: dict[str, Any] = {}
    for name in fmt.APPLICATION_FIELDS:
        value = getattr(apps, name)
        if name in fmt.GROUP_SIZES:
            out[name] = [list(r) for r in value]
        else:
            out[name] = list(value)
    return out


def _appeals_to_dict(appeals: Appeals | None) -> dict[str, Any] | None:
    if appeals is None:
        return None
    return {name: list(getattr(appeals, name)) for name in fmt.APPEAL_FIELDS}


@dataclass(frozen=True)
class LoadResult:
    report: ReportData
    findings: tuple[Finding, ...]


class ReportFormatError(ValueError):
    """The input is not a report object at all (not even a JSON object)."""


def report_from_dict(data: Any) -> LoadResult:
    """Read the interchange form.  Never raises for a JSON object: every problem
    (a wrong type, a wrong length, a non-integer count) becomes a finding and the
    offending cell becomes ``None``.  Raises ReportFormatError if ``data`` is not an
    object."""
    if not isinstance(data, Mapping):
        raise ReportFormatError(
            f"报告应为 JSON 对象（object），实际为 {type(data).__name__}"
        )
    loader = _Loader()
    report = loader.load(data)
    return LoadResult(report, tuple(loader.findings))


class _Loader:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def problem(
        self, code: str, path: Path, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        ref = CellRef.at(path)
        self.findings.append(
            Finding(code, severity, f"{ref.describe()}：{message}", (ref,))
        )

    def load(self, data: Mapping[str, Any]) -> ReportData:
        for key in ("year", "org", "active", "applications", "appeals"):
            if key not in data:
                self.problem(
                    "schema.missing_key",
                    (key,),
                    f'缺少必需的键 "{key}"（不报告时应写 null）',
                )
        version = data.get("format_version") or fmt.FORMAT_2021
        if version not in fmt.FORMAT_VERSIONS:
            self.problem(
                "schema.format_version",
                ("format_version",),
                f"未知的格式版本 {version!r}，应为 "
                f"{' 或 '.join(fmt.FORMAT_VERSIONS)}；按 2021 格式检查",
            )
            version = fmt.FORMAT_2021
        return ReportData(
            year=self.year(data.get("year")),
            org=self.text(data.get("org"), ("org",)),
            title=self.text(data.get("title"), ("title",)),
            active=self.active(data.get("active")),
            applications=self.applications(data.get("applications")),
            appeals=self.appeals(data.get("appeals")),
            notes=self.text(data.get("notes"), ("notes",)),
            format_version=version,
            narrative=self.narrative(data.get("narrative")),
            published_on=self.date(data.get("published_on")),
            supplementary=self.supplementary(data.get("supplementary")),
        )

    def supplementary(self, value: Any) -> dict[str, Any]:
        if value is None or isinstance(value, Mapping):
            return dict(value or {})
        self.problem(
            "schema.type", ("supplementary",), f"应为对象（object），实际为 {value!r}"
        )
        return {}

    # -- scalars ----------------------------------------------------------
    def year(self, value: Any) -> int | None:
        if value is None:
            return None
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and 1990 <= value <= 2200
        ):
            return value
        self.problem(
            "schema.year", ("year",), f"统计年度应为四位整数年份，实际为 {value!r}"
        )
        return None

    def text(self, value: Any, path: Path) -> str | None:
        if value is None or isinstance(value, str):
            return value
        self.problem("schema.type", path, f"应为字符串，实际为 {value!r}")
        return str(value)

    def date(self, value: Any) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.problem(
                "schema.date",
                ("published_on",),
                f"发布日期应为 YYYY-MM-DD，实际为 {value!r}",
            )
            return None

    def narrative(self, value: Any) -> Narrative:
        if not isinstance(value, Mapping):
            return Narrative()
        return Narrative(
            **{k: str(value.get(k) or "") for k in ("overview", "problems", "other")}
        )

    def count(self, value: Any, path: Path) -> Count:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return self.bounded(value, path)  # negatives are kept: checks report them
        if isinstance(value, float) and value.is_integer():
            self.problem(
                "count.not_integer",
                path,
                f"件数应为整数，实际为小数 {value!r}；已按 {int(value)} 读取",
                Severity.WARNING,
            )
            return self.bounded(int(value), path)
        self.problem(
            "count.not_integer",
            path,
            f"件数应为非负整数，实际为 {value!r}；请改为整数，不报告时留空（null）",
        )
        return None

    def bounded(self, value: int, path: Path) -> Count:
        """The count, or None with a finding when no report can hold it."""
        if value <= values.MAX_COUNT:
            return value
        problem = values.error(values.TOO_LARGE)
        self.problem("count.too_large", path, f"{problem.message}；按空白读取")
        return None

    def row(self, value: Any, path: Path, size: int) -> Row:
        if not isinstance(value, list):
            self.problem(
                "schema.type", path, f"应为 {size} 个数值的数组，实际为 {value!r}"
            )
            return (None,) * size
        if len(value) != size:
            self.problem(
                "schema.length",
                path,
                f"应有 {size} 列，实际有 {len(value)} 列；多余的列被忽略，缺少的列按空白处理",
            )
        cells = [self.count(v, (*path, i)) for i, v in enumerate(value[:size])]
        return tuple(cells + [None] * (size - len(cells)))

    def fee(self, value: Any) -> Decimal | None:
        path: Path = ("active", "fees_wan_yuan")
        if value is None:
            return None
        if isinstance(value, str):
            return self.fee_text(value, path)
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and value >= 0
        ):
            self.problem(
                "fee.not_string",
                path,
                "收费金额应写成字符串以保留原样的小数位，"
                f"数值 {value!r} 可能已丢失精度",
                Severity.WARNING,
            )
            try:
                return self.fee_text(format(Decimal(repr(value)), "f"), path)
            except InvalidOperation:
                return None
        self.problem(
            "fee.invalid",
            path,
            f"收费金额应为非负十进制数（单位：万元），实际为 {value!r}",
        )
        return None

    def fee_text(self, value: str, path: Path) -> Decimal | None:
        try:
            return values.check_fee(value)
        except values.CellValueError as problem:
            self.problem("fee.invalid", path, f"{problem.message}（实际为 {value!r}）")
            return None

    # -- tables -----------------------------------------------------------
    def table(self, value: Any, name: str) -> Mapping[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.problem("schema.type", (name,), f"应为对象或 null，实际为 {value!r}")
            return None
        return value

    def active(self, value: Any) -> ActiveDisclosure | None:
        data = self.table(value, "active")
        if data is None:
            return None
        rules, docs = (
            None
            if data.get(name) is None
            else self.row(data[name], ("active", name), 3)
            for name in fmt.ACTIVE_VECTOR_FIELDS
        )
        licensing, punishment, coercion = (
            self.count(data.get(name), ("active", name))
            for name in fmt.ACTIVE_COUNT_FIELDS
        )
        return ActiveDisclosure(
            rules=rules,
            normative_docs=docs,
            licensing=licensing,
            punishment=punishment,
            coercion=coercion,
            fees_wan_yuan=self.fee(data.get("fees_wan_yuan")),
        )

    def applications(self, value: Any) -> Applications | None:
        data = self.table(value, "applications")
        if data is None:
            return None
        values: dict[str, Any] = {}
        for name in fmt.APPLICATION_FIELDS:
            path: Path = ("applications", name)
            if name in fmt.GROUP_SIZES:
                values[name] = self.group(data.get(name), path, fmt.GROUP_SIZES[name])
            else:
                values[name] = self.row(data.get(name), path, 7)
        return Applications(**values)

    def group(self, value: Any, path: Path, size: int) -> tuple[Row, ...]:
        if not isinstance(value, list):
            self.problem("schema.type", path, f"应为 {size} 行的数组，实际为 {value!r}")
            return ((None,) * 7,) * size
        if len(value) != size:
            self.problem(
                "schema.length", path, f"应有 {size} 行，实际有 {len(value)} 行"
            )
        rows = [self.row(v, (*path, i), 7) for i, v in enumerate(value[:size])]
        return tuple(rows + [(None,) * 7] * (size - len(rows)))

    def appeals(self, value: Any) -> Appeals | None:
        data = self.table(value, "appeals")
        if data is None:
            return None
        return Appeals(
            **{
                name: self.row(data.get(name), ("appeals", name), 5)
                for name in fmt.APPEAL_FIELDS
            }
        )


def blank_report(*, org: str | None, year: int | None) -> ReportData:
    """A report with every table present and every cell blank (for new forms)."""
    return ReportData(
        year=year,
        org=org,
        active=ActiveDisclosure(rules=(None,) * 3, normative_docs=(None,) * 3),
        applications=Applications.blank(),
        appeals=Appeals.blank(),
    )
