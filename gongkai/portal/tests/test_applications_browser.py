"""The public application form in headless Chromium: a wrong ID check digit is
shown as the person types and again on submit, with everything typed kept; the
corrected application gets its 受理编号 and 查询码, and a fresh browser follows the
case with them (第二十九条, 第三十一条)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.orgs.models import Organisation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (shutil.which("chromedriver") and shutil.which("chromium")),
        reason="needs chromium and chromium-driver (make test-sysdeps)",
    ),
]

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
GOOD_ID = "110101199003074514"
BAD_CHECK_DIGIT = "110101199003074515"


def _driver() -> tuple[Any, str]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="gongkai-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    service = Service(shutil.which("chromedriver") or "")
    return webdriver.Chrome(service=service, options=options), profile


@pytest.fixture
def new_browser() -> Iterator[Callable[[], Any]]:
    """Start a headless Chromium on each call (each its own profile); all are
    closed at the end."""
    started: list[tuple[Any, str]] = []

    def new() -> Any:
        driver, profile = _driver()
        started.append((driver, profile))
        return driver

    try:
        yield new
    finally:
        for driver, profile in started:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)


def test_file_an_application_bad_input_first_then_follow_it(
    new_browser: Callable[[], Any], live_server: Any
) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    county = Organisation.objects.create(name="浏览器测试县人民政府", code="419999")
    driver = new_browser()
    # htmx replaces a field's error element when its check answers: a wait that
    # found the old one looks again.
    wait = WebDriverWait(
        driver, 15, ignored_exceptions=[StaleElementReferenceException]
    )

    def field(name: str) -> Any:
        return driver.find_element(By.NAME, name)

    def error_of(name: str) -> str:
        return str(driver.find_element(By.ID, f"err-{name}").text)

    driver.get(live_server.url + reverse("portal:application_new"))
    Select(field("organisation")).select_by_value(str(county.pk))
    driver.find_element(
        By.CSS_SELECTOR, 'input[name="applicant_category"][value="natural_person"]'
    ).click()
    field("applicant_name").send_keys("张三丰")
    Select(field("id_type")).select_by_value("resident_id")
    field("id_number").send_keys(BAD_CHECK_DIGIT)
    # checked as the person types (htmx), before anything is submitted
    wait.until(lambda d: "校验码应为4" in error_of("id_number"))
    field("phone").send_keys("13812345678")
    field("email").send_keys("zhang@example.cn")
    field("items-0-name").send_keys("2024年财政预算报告")
    driver.find_element(By.ID, "add-item").click()  # a second row, by JavaScript
    wait.until(lambda d: d.find_elements(By.NAME, "items-1-document_number"))
    field("items-1-document_number").send_keys("示政〔2023〕12号")
    driver.find_element(
        By.CSS_SELECTOR, 'input[name="form_wanted"][value="electronic"]'
    ).click()
    driver.find_element(
        By.CSS_SELECTOR, 'input[name="delivery"][value="email"]'
    ).click()
    driver.find_element(By.ID, "submit-application").click()

    # refused on submit: the error beside the field, everything typed kept
    wait.until(lambda d: d.find_elements(By.ID, "error-summary"))
    assert "校验码应为4" in error_of("id_number")
    assert field("applicant_name").get_attribute("value") == "张三丰"
    assert field("id_number").get_attribute("value") == BAD_CHECK_DIGIT
    assert field("items-1-document_number").get_attribute("value") == "示政〔2023〕12号"
    assert field("email").get_attribute("value") == "zhang@example.cn"
    assert not Application.objects.exists()

    id_number = field("id_number")
    id_number.clear()
    id_number.send_keys(GOOD_ID)
    wait.until(lambda d: error_of("id_number") == "")
    driver.find_element(By.ID, "submit-application").click()

    wait.until(lambda d: d.find_elements(By.ID, "tracking-number"))
    tracking = driver.find_element(By.ID, "tracking-number").text.strip()
    code = driver.find_element(By.ID, "query-code").text.strip()
    app = Application.objects.get()
    assert tracking == app.tracking_number
    assert len(code) == 10
    assert app.items.count() == 2

    # another browser, with only the two numbers
    other = new_browser()
    other.get(live_server.url + reverse("portal:application_query"))
    other.find_element(By.NAME, "tracking_number").send_keys(tracking)
    other.find_element(By.NAME, "query_code").send_keys("WRONGCODE2")
    other.find_element(By.CSS_SELECTOR, "#query-form button[type=submit]").click()
    WebDriverWait(other, 15).until(lambda d: "查询码不正确" in d.page_source)
    other.find_element(By.NAME, "query_code").clear()
    other.find_element(By.NAME, "query_code").send_keys(code)
    other.find_element(By.CSS_SELECTOR, "#query-form button[type=submit]").click()
    WebDriverWait(other, 15).until(lambda d: d.find_elements(By.ID, "case-status"))
    assert other.find_element(By.ID, "case-tracking-number").text == tracking
    assert other.find_element(By.ID, "case-status").text == "已收到"
    page = other.find_element(By.ID, "main").text
    assert "收到申请，已登记" in page
    assert "1101**********4514" in page
    assert GOOD_ID not in page
    assert "张**" in page
