"""In headless Chromium: a finding's location button highlights its span in the
source text of a one-line page (issue 8)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.tests.importing.flat_shapes import flat_case
from gongkai.annual_reports.tests.importing.helpers import rng
from gongkai.imports.services import import_paths
from gongkai.imports.tests.test_browser import browser, logged_in, pytestmark

__all__ = ["browser", "pytestmark"]

_HIGHLIGHTED = """
const h = window.CSS && CSS.highlights && CSS.highlights.get("imp-at");
if (h) { for (const r of h) return r.toString(); }
return window.getSelection().toString();
"""


def test_the_location_button_highlights_the_span(
    browser, live_server, auditor, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    case = flat_case("glued", rng("browser-locations"))
    path = tmp_path / "one-line.txt"
    path.write_text(case.text, "utf-8")
    import_paths(
        paths=[path], actor=None, clock=lambda: datetime(2025, 3, 1, tzinfo=UTC)
    )
    report = AnnualReport.objects.get()
    logged_in(browser, live_server, auditor)
    browser.get(f"{live_server.url}/imports/reports/{report.pk}/")
    buttons = browser.find_elements(By.CSS_SELECTOR, "button.imp-at")
    assert buttons
    button = buttons[-1]
    start = int(button.get_attribute("data-start"))
    end = int(button.get_attribute("data-end"))
    browser.execute_script("arguments[0].click();", button)
    WebDriverWait(browser, 5).until(
        lambda d: d.execute_script(_HIGHLIGHTED) == case.text[start:end]
    )
    errors = [e for e in browser.get_log("browser") if "favicon" not in e["message"]]
    assert errors == []
