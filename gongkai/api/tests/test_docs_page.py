"""/api/v1/docs works offline: Swagger UI comes from this site's static files, and
the page names no other host."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

STATIC = Path(__file__).resolve().parents[2] / "static"


def _page(client: Client) -> str:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    return response.content.decode()


def test_the_docs_page_names_no_other_host(client: Client) -> None:
    page = _page(client)
    assert re.findall(r"(?:https?:)?//[\w.-]+", page) == []
    references = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert references
    assert [r for r in references if not r.startswith("/static/")] == []


def test_the_docs_page_assets_are_served(client: Client) -> None:
    page = _page(client)
    references = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert {r.rsplit("/", 1)[-1] for r in references} == {
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-init.js",
    }
    for reference in references:
        response = client.get(reference)
        assert response.status_code == 200, reference
        body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        assert len(body) > 100, reference


def test_swagger_ui_reads_the_local_document_and_validates_nowhere(
    client: Client,
) -> None:
    settings = re.search(r'data-settings="([^"]+)"', _page(client))
    assert settings is not None
    config = json.loads(unescape(settings.group(1)))
    assert config["url"] == "/api/v1/openapi.json"
    assert config["validatorUrl"] is None


def test_the_vendored_swagger_ui_carries_its_licence() -> None:
    vendor = STATIC / "vendor" / "swagger-ui"
    assert "Apache License" in (vendor / "LICENSE").read_text("utf-8")
    assert (vendor / "NOTICE").exists()
    assert "swagger-ui" in (STATIC / "vendor" / "README.txt").read_text("utf-8")


@pytest.fixture
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    chromedriver = shutil.which("chromedriver")
    if not chromedriver:
        pytest.skip("chromium-driver is not installed (make test-sysdeps)")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="gongkai-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.browser
def test_the_docs_page_shows_the_operations_from_this_host_only(
    browser: Any, live_server: Any
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live_server.url + "/api/v1/docs")
    WebDriverWait(browser, 20).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock")) >= 3
    )
    assert "/api/v1/check" in browser.page_source
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert loaded
    assert [u for u in loaded if not u.startswith(live_server.url)] == []
