"""axe-core (npm, installed by ``make test-sysdeps`` into var/npm) in Debian's
headless Chromium finds no serious or critical violation of WCAG 2.1 A/AA on the
home, search, item, guide and report pages, in the normal and the large-text,
high-contrast mode (适老化, GB/T 37668); and the pages reflow on a phone-sized
screen without scrolling sideways (WCAG 1.4.10)."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse

from gongkai.portal.tests.disclosure_data import Site, make_site

AXE_JS = (
    Path(settings.BASE_DIR) / "var" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (shutil.which("chromedriver") and shutil.which("chromium")),
        reason="needs chromium and chromium-driver (make test-sysdeps)",
    ),
    pytest.mark.skipif(
        not AXE_JS.exists(), reason="needs axe-core in var/npm (make test-sysdeps)"
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
    "--window-size=1280,900",
)
#: WCAG 2.0/2.1 A and AA rules.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]},
                   resultTypes: ["violations"]})
   .then(r => done(JSON.stringify(r.violations)))
   .catch(e => done(JSON.stringify({error: String(e)})));
"""


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="gongkai-axe-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(
        service=Service(shutil.which("chromedriver") or ""), options=options
    )
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def public_site(transactional_db: None) -> Site:
    """The site, on an empty search index (a transactional test's flush empties the
    index's tables but not SQLite's full-text table behind them)."""
    from gongkai.search.services import search_index_clear

    search_index_clear()
    return make_site()


def pages(site: Site) -> dict[str, str]:
    return {
        "home": reverse("portal:home"),
        "search": reverse("portal:search") + "?q=" + quote("预算"),
        "item": reverse("portal:item", args=[site.policy.pk]),
        "guide": reverse("portal:guide", args=[site.bureau.pk]),
        "report": reverse("portal:report", args=[site.bureau.pk, 2024]),
    }


def violations(driver: Any) -> list[str]:
    driver.execute_script(AXE_JS.read_text("utf-8"))
    found = json.loads(driver.execute_async_script(RUN_AXE, TAGS))
    assert "error" not in found, found
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in found
        if v["impact"] in FAILING_IMPACTS
    ]


def test_no_serious_violations_in_either_mode(
    browser: Any, live_server: Any, public_site: Site
) -> None:
    urls = pages(public_site)
    problems: dict[str, list[str]] = {}
    for mode in ("normal", "large"):
        browser.get(f"{live_server.url}{reverse('portal:display')}?mode={mode}")
        for name, url in urls.items():
            browser.get(live_server.url + url)
            large = "display-large" in (
                browser.find_element("tag name", "html").get_attribute("class") or ""
            )
            assert large == (mode == "large"), (mode, name)
            found = violations(browser)
            if found:
                problems[f"{name} ({mode})"] = found
    assert problems == {}


def test_pages_reflow_on_a_phone(
    browser: Any, live_server: Any, public_site: Site
) -> None:
    browser.set_window_size(360, 800)
    for mode in ("normal", "large"):
        browser.get(f"{live_server.url}{reverse('portal:display')}?mode={mode}")
        for name, url in pages(public_site).items():
            if name == "report":
                continue  # the statutory tables scroll inside their own box
            browser.get(live_server.url + url)
            wide = browser.execute_script(
                "return document.documentElement.scrollWidth"
                " - document.documentElement.clientWidth"
            )
            assert wide <= 0, (name, mode, wide)


def test_keyboard_reaches_the_skip_link_the_toggle_and_the_search(
    browser: Any, live_server: Any, public_site: Site
) -> None:
    """Tab from the top: the skip link first, then the header's links in order; the
    large-text toggle works with Enter; the search box takes a query from the
    keyboard and the results are reached without a mouse."""
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server.url + reverse("portal:home"))
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "跳到主要内容"
    for _ in range(20):
        if "display-toggle" in (active.get_attribute("class") or ""):
            break
        active.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
    assert active.text.startswith("长者模式")
    outline = browser.execute_script(
        "return getComputedStyle(arguments[0]).outlineStyle", active
    )
    assert outline == "solid"  # the focus is visible
    active.send_keys(Keys.ENTER)
    html = browser.find_element("tag name", "html")
    assert html.get_attribute("class") == "display-large"
    box = browser.find_element("id", "home-q")
    box.send_keys("预算", Keys.ENTER)
    link = browser.find_element("css selector", "ol.results h3 a")
    assert link.text == public_site.policy.title
