"""Hypothesis strategies for reports a renderer must draw faithfully: any counts
(0, blank, large, even negative: the loader keeps them for the check to report),
fees with 0–6 decimals (trailing zeros included), missing tables, and text with
markup and control characters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import (
    ActiveDisclosure,
    Appeals,
    Applications,
    Narrative,
    ReportData,
)

counts = st.one_of(
    st.none(),
    st.just(0),
    st.integers(0, 99),
    st.integers(0, 10**9),
    st.integers(-20, -1),
)


def rows(size: int) -> st.SearchStrategy[tuple[int | None, ...]]:
    return st.tuples(*[counts] * size)


fees = st.one_of(
    st.none(),
    st.builds(
        lambda n, places: Decimal(n).scaleb(-places),
        st.one_of(st.just(0), st.integers(0, 10**10)),
        st.integers(0, 6),
    ),
)

actives = st.builds(
    ActiveDisclosure,
    rules=st.one_of(st.none(), rows(3)),
    normative_docs=st.one_of(st.none(), rows(3)),
    licensing=counts,
    punishment=counts,
    coercion=counts,
    fees_wan_yuan=fees,
)

applications = st.builds(
    Applications,
    new=rows(7),
    carried_over=rows(7),
    granted=rows(7),
    partially_granted=rows(7),
    total=rows(7),
    carried_forward=rows(7),
    **{name: st.tuples(*[rows(7)] * size) for name, size in fmt.GROUP_SIZES.items()},
)

appeals = st.builds(Appeals, rows(5), rows(5), rows(5))

texts = st.text(max_size=40)
narrative_texts = st.lists(st.text(max_size=30), max_size=4).map("\n".join)

reports = st.builds(
    ReportData,
    year=st.one_of(st.none(), st.integers(1990, 2200)),
    org=st.one_of(st.none(), texts),
    title=st.one_of(st.none(), texts),
    active=st.one_of(st.none(), actives),
    applications=st.one_of(st.none(), applications),
    appeals=st.one_of(st.none(), appeals),
    narrative=st.builds(
        Narrative,
        overview=narrative_texts,
        problems=narrative_texts,
        other=narrative_texts,
    ),
    published_on=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2100, 12, 31))),
)
