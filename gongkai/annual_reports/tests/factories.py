from __future__ import annotations

from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.services import report_save
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import OrganisationFactory


def annual_report(
    *,
    organisation: Organisation | None = None,
    year: int = 2024,
    data: ReportData | None = None,
    seed: int = 0,
) -> AnnualReport:
    """A stored draft report (consistent sample figures unless ``data`` is given)."""
    organisation = organisation or OrganisationFactory.create()
    data = data or sample_report(org=organisation.name, year=year, seed=seed)
    return report_save(
        organisation=organisation,
        year=year,
        data=data,
        actor=None,
        check_permission=False,
    )
