"""The report page's links between values and source text, and the comparison's
charts, in headless Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from gongkai.annual_reports.models import AnnualReport, ReportCellOverride
from gongkai.imports.services import import_paths
from gongkai.imports.tests.fakes import fake_parse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (shutil.which("chromedriver") and shutil.which("chromium")),
        reason="needs chromium-driver (scripts/sysdeps.sh test)",
    ),
]


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or ""
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def logged_in(browser, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    browser.get(live_server.url + "/static/imports/imports.css")
    browser.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )


def test_value_and_source_are_linked_and_a_correction_is_made(
    browser, live_server, importer, write_report
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    path = write_report("甲.txt", org="甲县人民政府", year=2022)
    import_paths(
        paths=[path],
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )
    report = AnnualReport.objects.get()
    logged_in(browser, live_server, importer)
    browser.get(f"{live_server.url}/imports/reports/{report.pk}/")
    td = browser.find_element(By.CSS_SELECTOR, 'td[data-path="applications.new.0"]')
    mark = browser.find_element(
        By.CSS_SELECTOR, 'mark[data-paths~="applications.new.0"]'
    )
    ActionChains(browser).move_to_element(td).perform()
    WebDriverWait(browser, 5).until(
        lambda d: "imp-focus" in mark.get_attribute("class")
    )
    td.click()
    field = WebDriverWait(browser, 5).until(
        ec.presence_of_element_located(
            (By.CSS_SELECTOR, "#imp-cell-panel input[name=value]")
        )
    )
    assert (
        "一、本年新收政府信息公开申请数量"
        in browser.find_element(By.ID, "imp-cell-panel").text
    )
    field.send_keys("77")
    browser.find_element(By.CSS_SELECTOR, "#imp-cell-panel textarea").send_keys(
        "核对来源"
    )
    browser.find_element(By.CSS_SELECTOR, "#imp-cell-panel button[type=submit]").click()
    WebDriverWait(browser, 5).until(
        lambda d: "?cell=applications.new.0" in d.current_url
    )
    WebDriverWait(browser, 5).until(
        lambda d: "核对来源" in d.find_element(By.ID, "imp-cell-panel").text
    )
    correction = ReportCellOverride.objects.get()
    assert (correction.value, correction.actor) == (77, importer)
    td = browser.find_element(By.CSS_SELECTOR, 'td[data-path="applications.new.0"]')
    assert td.text == "77"
    assert "imp-corrected" in td.get_attribute("class")


def test_comparison_draws_charts(browser, live_server, auditor, write_report) -> None:
    from selenium.webdriver.common.by import By

    folder = write_report("甲.txt", org="甲县人民政府", year=2022).parent
    write_report(
        "乙.txt",
        org="乙县人民政府",
        year=2022,
        cells={("applications", "new", 6): 9999},
    )
    import_paths(
        paths=[folder],
        actor=None,
        clock=lambda: datetime(2025, 3, 1, tzinfo=UTC),
        parse=fake_parse,
    )
    logged_in(browser, live_server, auditor)
    browser.get(f"{live_server.url}/imports/compare/")
    charts = browser.find_elements(By.CSS_SELECTOR, ".imp-chart svg")
    assert len(charts) == 11
    broken = browser.find_elements(By.CSS_SELECTOR, "td.imp-broken")
    assert broken
    errors = [e for e in browser.get_log("browser") if "favicon" not in e["message"]]
    assert errors == []  # no script errors
