"""Organ names as published reports write them.  Pure: no database."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def clean_name(name: str) -> str:
    """The name to store for a new organ: whitespace removed (Chinese organ names
    have none; reports put spaces and no-break spaces inside them)."""
    return _SPACE.sub("", name)


def name_key(name: str) -> str:
    """Key under which two spellings of one organ's name compare equal: full-width
    and half-width forms folded (NFKC), whitespace removed, case folded."""
    return clean_name(unicodedata.normalize("NFKC", name)).casefold()


_GOVERNMENT_LEVELS = (
    (("省", "自治区"), "province"),
    (("乡", "镇", "苏木"), "township"),
    (("市", "州", "盟"), "city"),
    (("县", "区", "旗"), "county"),
)


def guess_level_kind(name: str) -> tuple[str, str]:
    """(level, kind) of an organ from its name, as orgs.models.Level / Kind values:
    a first guess for an organ an import creates, which a person then confirms.
    ``市`` is taken as a city although county-level cities exist."""
    name = clean_name(name)
    if name.endswith("街道办事处"):
        return "township", "township"
    if name.endswith("人民政府"):
        stem = name.removesuffix("人民政府")
        for suffixes, level in _GOVERNMENT_LEVELS:
            if stem.endswith(suffixes):
                kind = "township" if level == "township" else "government"
                return level, kind
        return "county", "government"
    return "county", "department"
