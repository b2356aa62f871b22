"""Staff forms: the report editor (laid out like the official tables), creating a
report, and withdrawing a published one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import (
    Narrative,
    ReportData,
    blank_report,
    iter_cells,
    report_from_dict,
    report_to_dict,
)
from gongkai.annual_reports.format import Path, path_str
from gongkai.annual_reports.layout import display_value, table_layouts
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity
from gongkai.backoffice.fields import CellField, CountField, FeeField
from gongkai.orgs.models import Organisation

TABLE_KEYS = ("active", "applications", "appeals")


def value_paths() -> Iterator[Path]:
    """Every value cell of the three tables, in the order of the layout."""
    for layout in table_layouts(None):
        for row in layout.rows:
            for cell in row:
                if cell.path is not None:
                    yield cell.path


class ReportEditForm(forms.Form):
    """Title, the narratives 一、五、六 and one field per value
    cell, named by the cell's path string (``applications.withheld.3.6``)."""

    title = forms.CharField(
        label=_("标题"),
        max_length=300,
        required=False,
        help_text=_("留空则为「机关名称+年度+政府信息公开工作年度报告」"),
    )
    overview = forms.CharField(
        label=fmt.SECTION_HEADINGS[0],
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    problems = forms.CharField(
        label=fmt.SECTION_HEADINGS[4],
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    other_matters = forms.CharField(
        label=fmt.SECTION_HEADINGS[5],
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self,
        *args: Any,
        editable: bool = True,
        locked: frozenset[str] = frozenset(),
        **kwargs: Any,
    ) -> None:
        """``locked``: cells computed from records (shown, not typed: they change
        through their records or a cell override with a reason)."""
        super().__init__(*args, **kwargs)
        self.cell_names: list[str] = []
        for path in value_paths():
            name = path_str(path)
            field_class = (
                FeeField if path == ("active", fmt.ACTIVE_FEE_FIELD) else CountField
            )
            field = field_class(path=path)
            if name in locked:
                field.disabled = True
                field.widget.attrs["title"] = _("由办理记录计算得出")
                field.widget.attrs["data-computed"] = "1"
            self.fields[name] = field
            self.cell_names.append(name)
        if not editable:
            for any_field in self.fields.values():
                any_field.disabled = True

    @staticmethod
    def initial_for(data: ReportData) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "title": data.title or "",
            "overview": data.narrative.overview,
            "problems": data.narrative.problems,
            "other_matters": data.narrative.other,
        }
        for path, value in iter_cells(data):
            initial[path_str(path)] = display_value(value)
        return initial

    def cell_fields(self) -> Iterator[tuple[str, CellField]]:
        for name in self.cell_names:
            yield name, self.fields[name]  # type: ignore[misc]

    def report_data(self, base: ReportData) -> ReportData:
        """``base`` with the typed values (call after validation; a cell whose input
        is wrong is taken as blank, which the input error already reports)."""
        cleaned = getattr(self, "cleaned_data", {})
        document = report_to_dict(base)
        blank = report_to_dict(blank_report(org=base.org, year=base.year))
        for key in TABLE_KEYS:
            if document.get(key) is None:
                document[key] = blank[key]
        if document["active"].get("rules") is None:
            document["active"]["rules"] = blank["active"]["rules"]
        if document["active"].get("normative_docs") is None:
            document["active"]["normative_docs"] = blank["active"]["normative_docs"]
        for name, field in self.cell_fields():
            _set(document, field.path, cleaned.get(name))
        data = report_from_dict(document).report
        return replace(
            data,
            title=cleaned.get("title") or None,
            narrative=Narrative(
                cleaned.get("overview", ""),
                cleaned.get("problems", ""),
                cleaned.get("other_matters", ""),
            ),
        )

    def error_list(self) -> list[tuple[str, str]]:
        """(element id, message) for every wrong input, in the order of the form.
        A cell's message names its row and column; other fields get their label."""
        out = []
        for name, messages in self.errors.items():
            field = self.fields.get(name)
            if field is None:  # errors not tied to a field
                out += [("", str(m)) for m in messages]
            elif isinstance(field, CellField):
                out += [(f"cell-{name}", str(m)) for m in messages]
            else:
                out += [
                    (self[name].id_for_label, f"{field.label}：{m}") for m in messages
                ]
        return out

    def input_findings(self) -> list[Finding]:
        """The input errors as findings (so the side panel lists them too)."""
        findings = []
        for name, field in self.cell_fields():
            for message in self.errors.get(name, ()):
                findings.append(
                    Finding(
                        "input.invalid",
                        Severity.ERROR,
                        str(message),
                        (CellRef.at(field.path),),
                    )
                )
        return findings


def _set(document: dict[str, Any], path: Path, value: int | Decimal | None) -> None:
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = format(value, "f") if isinstance(value, Decimal) else value


class ReportCreateForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("机关"), queryset=Organisation.objects.none(), empty_label=None
    )
    year = forms.IntegerField(label=_("统计年度"), min_value=2008)
    compute = forms.BooleanField(
        label=_("由办件计算第三、四部分"),
        required=False,
        initial=True,
        help_text=_(
            "按本机关登记的依申请公开办件和行政复议、诉讼记录计算；不勾选则为空白草稿"
        ),
    )

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        max_year: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        year = self.fields["year"]
        year.validators.append(
            MaxValueValidator(
                max_year, message=_("统计年度不能晚于 %(limit_value)s 年")
            )
        )
        year.widget.attrs.update({"min": 2008, "max": max_year})


class PublishForm(forms.Form):
    """The date the report is published on (it sits beside the 「发布」 button: the
    date is recorded when publishing, not when saving a draft)."""

    published_on = forms.DateField(
        label=_("发布日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("留空则为今天"),
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("撤回理由"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("撤回发布须说明理由。")},
        help_text=_("理由会记入报告的操作记录。"),
    )
