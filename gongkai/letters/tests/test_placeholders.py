"""The placeholder syntax: only {{名称}} from the list, filled in one pass."""

from __future__ import annotations

import pytest

from gongkai.letters.defaults import DEFAULT_TEMPLATES
from gongkai.letters.kinds import LetterKind
from gongkai.letters.placeholders import (
    NUMBER_PLACEHOLDERS,
    PLACEHOLDERS,
    PlaceholderError,
    check_template,
    fill,
    missing_marks,
    used_placeholders,
)


def test_unknown_placeholder_is_an_error_naming_it() -> None:
    with pytest.raises(PlaceholderError) as err:
        check_template("{{申请人}}：\n本机关于{{收到日期}}收到……{{身份证号}}")
    assert err.value.names == ("收到日期", "身份证号")
    assert "{{收到日期}}" in err.value.message
    assert "{{身份证号}}" in err.value.message
    assert "不存在" in err.value.message


def test_template_code_is_not_a_placeholder() -> None:
    # Django template syntax typed into a template is not run: it is refused.
    with pytest.raises(PlaceholderError):
        check_template("{% load static %}{{ settings.SECRET_KEY }}")
    with pytest.raises(PlaceholderError, match="不完整的占位符"):
        check_template("{{申请人}：")


def test_fill_is_one_pass_and_values_are_not_expanded() -> None:
    text = fill("{{申请人}}：{{理由}}", {"申请人": "{{理由}}<b>", "理由": "x"})
    assert text == "{{理由}}<b>：x"


def test_missing_value_is_marked_and_empty_optional_is_blank() -> None:
    text = fill("{{理由}}|{{联系方式}}", {"理由": None, "联系方式": ""})
    assert text == "〔请填写：理由〕|"
    assert missing_marks(text) == ["理由"]


def test_spaces_inside_braces_are_allowed() -> None:
    assert used_placeholders("{{ 申请人 }}") == ["申请人"]
    assert fill("{{ 申请人 }}", {"申请人": "张三"}) == "张三"


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_has_a_default_using_only_known_placeholders(kind: str) -> None:
    default = DEFAULT_TEMPLATES[kind]
    check_template(default.title)
    check_template(default.body)
    assert default.body.startswith(("{{申请人}}：", "{{第三方名称}}："))


def test_number_placeholders_are_separate() -> None:
    check_template("{{机关简称}}〔{{年}}〕{{序号}}号", allowed=NUMBER_PLACEHOLDERS)
    assert "序号" not in PLACEHOLDERS
