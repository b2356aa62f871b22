"""The editor in a real browser: typing a wrong number shows the finding beside the
table and highlights the cell, without reloading the page."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.accounts.tests.factories import PASSWORD
from gongkai.annual_reports.models import AnnualReport

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)


@pytest.fixture
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    if not shutil.which(CHROMEDRIVER):
        pytest.skip("chromium-driver is not installed (make test-sysdeps)")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="gongkai-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.browser
def test_typing_a_wrong_number_shows_the_finding_and_marks_the_cell(
    browser: Any, live_server: Any, draft: AnnualReport, handler: User
) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    base = live_server.url
    driver.get(base + reverse("accounts:login"))
    driver.find_element(By.NAME, "username").send_keys(handler.username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/staff/" in d.current_url)

    driver.get(base + reverse("backoffice:edit", args=[draft.pk]))
    panel = driver.find_element(By.ID, "findings-panel")
    assert "未发现错误" in panel.text
    driver.execute_script("window.__sameDocument = true;")

    granted = draft.statistics["applications"]["granted"][1]
    cell = driver.find_element(By.NAME, "applications.granted.1")
    cell.clear()
    cell.send_keys(str(granted + 7))

    def finding_shown(d: Any) -> bool:
        text = d.find_element(By.ID, "findings-panel").text
        return "「三、本年度办理结果 （一）予以公开」/「商业企业」最可能有误" in text

    # htmx swaps the panel and the cells while we read them: a stale element is
    # read again on the next poll.
    stale = [StaleElementReferenceException]
    WebDriverWait(driver, 10, ignored_exceptions=stale).until(finding_shown)
    WebDriverWait(driver, 5, ignored_exceptions=stale).until(
        lambda d: (
            "cell-error"
            in d.find_element(
                By.CSS_SELECTOR, 'td[data-path="applications.granted.1"]'
            ).get_attribute("class")
        )
    )
    assert driver.execute_script("return window.__sameDocument === true;")
    assert cell.get_attribute("value") == str(granted + 7)

    # clicking the finding takes the clerk to the cell
    driver.find_element(
        By.CSS_SELECTOR, 'button[data-focus="applications.granted.1"]'
    ).click()
    assert (
        driver.switch_to.active_element.get_attribute("name")
        == "applications.granted.1"
    )
    draft.refresh_from_db()
    assert draft.statistics["applications"]["granted"][1] == granted  # not saved
