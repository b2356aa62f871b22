from __future__ import annotations

import pytest

from gongkai.imports.names import clean_name, guess_level_kind, name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("中阳县人民政府", "中阳县 人民政府"),
        ("中阳县人民政府", "\u3000中阳县人民政府\xa0"),
        ("某县（区）人民政府", "某县(区)人民政府"),
        ("ＡＢＣ县", "abc县"),
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_different_organs_differ() -> None:
    assert name_key("中阳县人民政府") != name_key("中阳县人民政府办公室")


def test_clean_name_keeps_full_width_punctuation() -> None:
    assert clean_name(" 某县（区） 人民政府\n") == "某县（区）人民政府"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("海通乡人民政府", ("township", "township")),
        ("城关镇人民政府", ("township", "township")),
        ("西湖街道办事处", ("township", "township")),
        ("鹿邑县人民政府", ("county", "government")),
        ("朝阳区人民政府", ("county", "government")),
        ("洛阳市人民政府", ("city", "government")),
        ("河南省人民政府", ("province", "government")),
        ("鹿邑县财政局", ("county", "department")),
        ("鹿邑县人民政府办公室", ("county", "department")),
    ],
)
def test_guess_level_kind(name: str, expected: tuple[str, str]) -> None:
    assert guess_level_kind(name) == expected


def test_guesses_are_valid_choices() -> None:
    from gongkai.imports.names import _GOVERNMENT_LEVELS
    from gongkai.orgs.models import Kind, Level

    levels = {level for _, level in _GOVERNMENT_LEVELS} | {"county"}
    assert levels <= set(Level.values)
    assert {"township", "government", "department"} <= set(Kind.values)
