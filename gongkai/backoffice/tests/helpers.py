from __future__ import annotations

from typing import Any

from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.selectors import report_data
from gongkai.backoffice.forms import ReportEditForm


def editor_post(report: AnnualReport, **cells: Any) -> dict[str, Any]:
    """What the editor posts for ``report`` unchanged, with ``cells`` changed
    (keys are path strings with "." replaced by "__")."""
    data = ReportEditForm.initial_for(report_data(report=report))
    data = {k: "" if v is None else v for k, v in data.items()}
    data["editor"] = "1"
    for key, value in cells.items():
        data[key.replace("__", ".")] = value
    return data
