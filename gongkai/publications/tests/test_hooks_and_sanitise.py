"""The hook other modules subscribe to, and rich text sanitising (no database)."""

from __future__ import annotations

import logging

import pytest

from gongkai.publications import hooks
from gongkai.publications.sanitise import clean_html, text_of

CHANGE = hooks.PublicationChange(item_id=1, organisation_id=2, action="x", public=True)


def test_a_failing_listener_is_logged_and_the_others_still_hear(caplog) -> None:
    heard: list[hooks.PublicationChange] = []

    def broken(change: hooks.PublicationChange) -> None:
        raise RuntimeError("index down")

    hooks.subscribe(broken)
    hooks.subscribe(heard.append)
    hooks.subscribe(heard.append)  # once only
    try:
        with caplog.at_level(logging.ERROR):
            hooks.publication_changed(CHANGE)
    finally:
        hooks.unsubscribe(broken)
        hooks.unsubscribe(heard.append)
    assert heard == [CHANGE]
    assert "index down" in caplog.text
    assert broken not in hooks.listeners()


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>一<script>alert(1)</script></p>", "<p>一</p>"),
        ('<img src="x" onerror="alert(1)">', '<img src="x">'),
        (
            '<a href="javascript:alert(1)">链接</a>',
            '<a rel="noopener noreferrer">链接</a>',
        ),
        ("<table><tr><td colspan=2>表</td></tr></table>", None),
        ('<p style="color:red">文</p>', "<p>文</p>"),
    ],
)
def test_clean_html(html, expected) -> None:
    cleaned = clean_html(html)
    if expected is None:
        assert 'colspan="2"' in cleaned
    else:
        assert cleaned == expected


def test_text_of() -> None:
    assert text_of("<p>甲 &amp; 乙</p><p>丙</p>") == "甲 & 乙丙"
