"""Issue 9, done when: in headless Chromium, three different people publish an item
through every review step (三审: the 承办人 drafts and submits, the 审核人 answers the
保密审查 checklist and approves (第十七条), the 分管领导 approves and so publishes);
the public finds it on the portal by a two-character word of its body; once
withdrawn, the same search no longer finds it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from django.urls import reverse

from gongkai.accounts.models import Role, User
from gongkai.applications.tests.factories import staff
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import OrganisationFactory
from gongkai.portal.tests.test_applications_browser import new_browser  # noqa: F401
from gongkai.publications.models import (
    CatalogueCategory,
    ChecklistQuestion,
    InformationItem,
)
from gongkai.publications.status import Status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (shutil.which("chromedriver") and shutil.which("chromium")),
        reason="needs chromium and chromium-driver (make test-sysdeps)",
    ),
]

PASSWORD = "Gongkai-browser-2025"
TITLE = "关于做好春季农业生产工作的通知"
#: A two-character word of the body only (not the title), as jieba cuts it.
WORD = "秸秆"
BODY = "各乡镇人民政府：请做好秸秆综合利用和禁烧工作，确保春耕生产安全有序。"


def _person(organisation: Organisation, role: str, username: str) -> User:
    user = staff(organisation, role, username=username)
    user.set_password(PASSWORD)
    user.save()
    return user


class Page:
    """One person's browser."""

    def __init__(self, driver: Any, base: str) -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver, self.base = driver, base
        self.wait = WebDriverWait(driver, 20)

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)

    def find(self, css: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def click(self, css: str) -> None:
        """Click as a person does: scrolled into the middle of the window first."""
        element = self.find(css)
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'})", element
        )
        element.click()

    def all(self, css: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        return list(self.driver.find_elements(By.CSS_SELECTOR, css))

    def text(self) -> str:
        """The page's text ("" while the page is being replaced)."""
        from selenium.common.exceptions import (
            NoSuchElementException,
            StaleElementReferenceException,
        )

        try:
            return str(self.find("body").text)
        except (StaleElementReferenceException, NoSuchElementException):
            return ""

    def log_in(self, username: str) -> None:
        self.open(reverse("accounts:login"))
        self.find("#id_username").send_keys(username)
        self.find("#id_password").send_keys(PASSWORD)
        self.find("form.card button[type=submit]").click()
        self.wait.until(lambda d: "/accounts/login/" not in d.current_url)

    def step(self, action: str, comment: str = "") -> None:
        """Open the step's panel on the item page, comment, press its button."""
        panel = self.find(f"#action-{action}")
        if panel.get_attribute("open") is None:
            self.click(f"#action-{action} > summary")
        if comment:
            self.find(f"#{action}-comment").send_keys(comment)
        self.click(f"#action-{action} button[type=submit]")

    def search(self, word: str) -> str:
        """Type ``word`` in the portal's search box; the results' text."""
        self.open(reverse("portal:search"))
        box = self.find("form.search-form input[name=q]")
        box.clear()
        box.send_keys(word)
        self.click("form.search-form button[type=submit]")
        # The results page of this search (its status line: found or not).
        self.wait.until(
            lambda d: (
                quote(word) in d.current_url
                and self.all(".search-results [role=status]")
            )
        )
        return str(self.find(".search-results").text)


def test_three_people_publish_the_public_finds_it_then_it_is_withdrawn(
    new_browser: Callable[[], Any],  # noqa: F811
    live_server: Any,
) -> None:
    county = OrganisationFactory.create(name="浏览器测试县人民政府", code="419998")
    category = CatalogueCategory.objects.create(
        organisation=county, name="通知公告", code="03"
    )
    ChecklistQuestion.objects.create(
        organisation=county, text="是否涉及国家秘密", position=0, pass_answer="no"
    )
    _person(county, Role.HANDLER, "chengban_b")
    _person(county, Role.REVIEWER, "shenhe_b")
    _person(county, Role.LEADER, "lingdao_b")
    base = live_server.url

    # 承办人: drafts, then submits.
    handler = Page(new_browser(), base)
    handler.log_in("chengban_b")
    handler.open(reverse("backoffice:publications:item_new"))
    handler.find("#id_title").send_keys(TITLE)
    handler.find("#id_body").send_keys(f"<p>{BODY}</p>")
    handler.click(f"#id_category option[value='{category.pk}']")
    handler.find("#id_genre").send_keys("通知")
    handler.click("form.item-form button[type=submit]")
    handler.wait.until(lambda d: handler.all("#action-submit"))
    item = InformationItem.objects.get(title=TITLE)
    assert item.status == Status.DRAFT
    item_path = reverse("backoffice:publications:item", args=[item.pk])
    handler.step("submit", "请审核。")
    handler.wait.until(lambda d: "已提交审核" in handler.text())

    # 审核人: answers every checklist question (保密审查) and approves.
    reviewer = Page(new_browser(), base)
    reviewer.log_in("shenhe_b")
    reviewer.open(item_path)
    reviewer.wait.until(lambda d: reviewer.all("#action-review"))
    names = {
        r.get_attribute("name")
        for r in reviewer.all("#action-review input[type=radio]")
    }
    assert names  # the checklist is on the page
    for name in sorted(names):
        reviewer.click(f"#action-review input[name='{name}'][value='no']")
    reviewer.step("review", "经保密审查，可以公开。")
    reviewer.wait.until(lambda d: "保密审查通过" in reviewer.text())

    # 分管领导: approves; the item is published with its 索引号.
    leader = Page(new_browser(), base)
    leader.log_in("lingdao_b")
    leader.open(item_path)
    leader.wait.until(lambda d: leader.all("#action-approve"))
    leader.step("approve", "同意发布。")
    leader.wait.until(lambda d: "已批准并发布" in leader.text())
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.index_number
    assert item.index_number.startswith("419998-03-")
    people = {item.submitted_by_id, item.reviewed_by_id, item.approved_by_id}
    assert len(people) == 3

    # The public finds it by a two-character word of its body.
    public = Page(new_browser(), base)
    found = public.search(WORD)
    assert TITLE in found
    assert public.all(".search-results mark")

    # Withdrawn: the same search finds nothing at once.
    leader.open(item_path)
    leader.wait.until(lambda d: leader.all("#action-withdraw"))
    leader.step("withdraw", "内容需要调整，撤回。")
    leader.wait.until(lambda d: "已撤回" in leader.text())
    after = public.search(WORD)
    assert TITLE not in after
    assert "没有找到" in after
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN
