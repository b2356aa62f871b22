from __future__ import annotations

import re
from datetime import date

from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.services import report_compute
from gongkai.applications.tests.factories import ApplicationFactory
from gongkai.backoffice.tests.helpers import editor_post
from gongkai.orgs.models import Organisation


def edit_url(report: AnnualReport) -> str:
    return reverse("backoffice:edit", args=[report.pk])


def check_url(report: AnnualReport) -> str:
    return reverse("backoffice:check", args=[report.pk])


def test_edit_page_is_the_official_layout_with_one_input_per_cell(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    html = client.get(edit_url(draft)).content.decode()
    inputs = re.findall(
        r'<input type="text" name="([a-z_.0-9]+)"[^>]*inputmode="(\w+)"', html
    )
    names = {name for name, _mode in inputs}
    assert len(names) == 10 + 25 * 7 + 15  # sections 二, 三 (25 rows) and 四
    assert "applications.withheld.3.6" in names
    assert "appeals.litigation_after_reconsideration.4" in names
    assert dict(inputs)["applications.new.0"] == "numeric"
    assert dict(inputs)["active.fees_wan_yuan"] == "decimal"
    # merged headers as the national format draws them
    assert 'rowspan="3" colspan="3"' in html  # the corner note of section 三
    assert (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in html
    )
    assert 'hx-post="' + check_url(draft) + '"' in html
    assert 'hx-trigger="input changed delay:300ms"' in html


def test_posting_a_changed_cell_saves_it(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    response = client.post(
        edit_url(draft),
        editor_post(
            draft,
            appeals__reconsideration__0="77",
            active__fees_wan_yuan="1.50000",
            overview="新的总体情况",
        ),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.statistics["appeals"]["reconsideration"][0] == 77
    assert draft.statistics["active"]["fees_wan_yuan"] == "1.50000"  # kept as typed
    assert draft.overview == "新的总体情况"
    # the relation it broke is listed, and the draft is saved nevertheless
    assert draft.error_count >= 1
    assert any(f["code"] == "appeals.group_total" for f in draft.findings)


def test_blank_is_unreported_and_zero_is_zero(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    client.post(
        edit_url(draft),
        editor_post(draft, active__licensing="", active__punishment="0"),
    )
    draft.refresh_from_db()
    assert draft.statistics["active"]["licensing"] is None
    assert draft.statistics["active"]["punishment"] == 0


def test_wrong_input_is_kept_named_and_not_saved(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    before = draft.statistics
    response = client.post(
        edit_url(draft),
        editor_post(
            draft, applications__withheld__3__0="abc", appeals__reconsideration__0="-2"
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    # exactly what was typed is redisplayed in its cell
    assert re.search(r'name="applications.withheld.3.0" value="abc"', html)
    assert re.search(r'name="appeals.reconsideration.0" value="-2"', html)
    # the error names the row and the column, and says how to fix it
    assert (
        "「三、本年度办理结果 （三）不予公开 4.保护第三方合法权益」/「自然人」" in html
    )
    assert "请填写 0 或正整数" in html
    assert "「行政复议」/「结果维持」" in html
    assert "不能为负数" in html
    assert "尚未保存" in html
    draft.refresh_from_db()
    assert draft.statistics == before


def test_full_width_digits_and_thousands_separators_are_read(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    client.post(
        edit_url(draft),
        editor_post(draft, active__licensing="１２", active__punishment="1,234"),
    )
    draft.refresh_from_db()
    assert draft.statistics["active"]["licensing"] == 12
    assert draft.statistics["active"]["punishment"] == 1234


def test_check_names_the_cell_that_breaks_a_relation(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    granted = draft.statistics["applications"]["granted"][1]
    response = client.post(
        check_url(draft), editor_post(draft, applications__granted__1=str(granted + 5))
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="findings-panel"' in html
    assert "「三、本年度办理结果 （一）予以公开」/「商业企业」最可能有误" in html
    assert 'data-focus="applications.granted.1"' in html
    marks = re.search(
        r'<script id="cell-marks" type="application/json">(.*?)</script>', html
    ).group(1)
    assert '"applications.granted.1": "cell-error"' in marks
    # nothing is saved by the live check
    draft.refresh_from_db()
    assert draft.statistics["applications"]["granted"][1] == granted


def test_check_reports_wrong_input_at_its_cell(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    html = client.post(
        check_url(draft), editor_post(draft, appeals__litigation_direct__2="x")
    ).content.decode()
    assert "「行政诉讼 未经复议直接起诉」/「其他结果」" in html
    assert '"appeals.litigation_direct.2": "cell-error"' in html


def test_consistent_report_checks_clean(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    html = client.post(check_url(draft), editor_post(draft)).content.decode()
    assert "未发现错误，可以发布" in html


def test_relations_through_a_wrongly_typed_cell_wait_for_its_correction(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    assert draft.statistics["applications"]["total"][6] > 0
    html = client.post(
        check_url(draft), editor_post(draft, applications__total__6="二十")
    ).content.decode()
    assert 'data-code="input.invalid"' in html
    for code in (
        "applications.balance",
        "applications.total_column",
        "applications.outcome_total",
        "cell.blank",
    ):
        assert f'data-code="{code}"' not in html


def test_a_wrong_title_is_listed_and_nothing_is_saved(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    response = client.post(
        edit_url(draft), editor_post(draft, title="长" * 301, overview="改了")
    )
    html = response.content.decode()
    assert "输入有误，尚未保存" in html
    assert 'data-focus-id="id_title"' in html
    assert "改了" in html
    draft.refresh_from_db()
    assert draft.overview != "改了"


def test_a_number_no_report_can_hold_is_refused_not_saved(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    client.force_login(handler)
    before = draft.statistics
    response = client.post(
        edit_url(draft),
        editor_post(
            draft,
            active__licensing="99999999999999999999",
            active__punishment="1,2",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "最多 9 位" in html
    assert "千位分隔符" in html
    draft.refresh_from_db()
    assert draft.statistics == before


def test_cells_computed_from_cases_are_shown_not_typed(
    client: Client, county: Organisation, handler: User
) -> None:
    """A computed report's sections 三 and 四 change through the cases (or a cell
    override with a reason); the editor shows them read-only and a forged post of
    one changes nothing, while the typed section 二 is saved."""
    ApplicationFactory.create_batch(
        2, organisation=county, received_on=date(2025, 3, 2)
    )
    report = report_compute(organisation=county, year=2025, actor=handler)
    client.force_login(handler)
    html = client.get(edit_url(report)).content.decode()
    assert re.search(r'name="applications\.new\.0"[^>]*disabled', html)
    assert not re.search(r'name="active\.rules\.0"[^>]*disabled', html)
    response = client.post(
        edit_url(report),
        editor_post(report, applications__new__0="9", active__rules__0="4"),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.statistics["applications"]["new"][0] == 2
    assert report.statistics["active"]["rules"][0] == 4


def test_section_six_offers_the_fee_income_from_the_payments(
    client: Client, draft: AnnualReport, handler: User
) -> None:
    """Organs report the information-processing fee (国办函〔2020〕109号) in section
    六; the editor offers the sentence computed from the payments of the year."""
    client.force_login(handler)
    html = client.get(edit_url(draft)).content.decode()
    assert "2024年，本机关未收取政府信息公开信息处理费。" in html
