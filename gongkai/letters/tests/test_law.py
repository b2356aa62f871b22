"""The remedies clause: 行政复议法（2023）第二十条 (60 days), 行政诉讼法第四十六条 (6
months), 行政复议法第二十三条第一款第（四）项 (reconsideration first when
disclosure is refused)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gongkai.applications.outcomes import BASIS, Outcome
from gongkai.letters import law


def clause(outcome: str) -> str:
    return law.remedies_clause(
        outcome=outcome, reconsideration_body="示例市人民政府", court="示例区人民法院"
    )


def test_ordinary_clause_60_days_or_6_months() -> None:
    text = clause(Outcome.DISCLOSED)
    assert "收到本答复之日起六十日内向示例市人民政府申请行政复议" in text
    assert "六个月内向示例区人民法院提起行政诉讼" in text
    assert "第二十三条" not in text


@pytest.mark.parametrize(
    "outcome", [o for o in Outcome.values if o.startswith("withheld_")]
)
def test_refusal_requires_reconsideration_first_article_23(outcome: str) -> None:
    text = clause(outcome)
    assert "《中华人民共和国行政复议法》第二十三条" in text
    assert "应当先在收到本答复之日起六十日内向示例市人民政府申请行政复议" in text
    assert "对行政复议决定不服的，可以再依法向人民法院提起行政诉讼" in text
    assert "六个月内" not in text


def test_partial_disclosure_reconsideration_first_for_the_withheld_part() -> None:
    text = clause(Outcome.PARTLY_DISCLOSED)
    assert "对本答复中不予公开的决定不服的，应当先" in text
    assert "六个月内向示例区人民法院提起行政诉讼" in text


def test_which_outcomes_is_a_setting(settings: Any) -> None:
    settings.GONGKAI_LETTERS_RECONSIDERATION_FIRST = [Outcome.UNABLE_NOT_HELD.value]
    assert "第二十三条" in clause(Outcome.UNABLE_NOT_HELD)
    assert "第二十三条" not in clause(Outcome.WITHHELD_STATE_SECRET)


@pytest.mark.parametrize("outcome", list(Outcome))
def test_quoted_article_is_the_one_the_basis_names(outcome: Outcome) -> None:
    """The wording quoted is of the article ``BASIS`` names (国务院令第711号)."""
    quoted = law.ARTICLE_TEXT[outcome]
    if not quoted:
        assert outcome in (Outcome.NOT_PROCESSED_CONFIRMATION, Outcome.OTHER)
        return
    found = re.match(
        r"第[一二三四五六七八九十]+条", quoted.removeprefix(law.REGULATION)
    )
    assert found is not None
    if outcome == Outcome.OTHER_FEE_UNPAID:  # the basis is the Fee Measures
        assert found.group(0) == "第四十二条"
    else:
        assert found.group(0) in BASIS[outcome]
