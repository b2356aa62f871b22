"""Rich text as the office may publish it: HTML cleaned by nh3 (the Ammonia
sanitiser) to a list of tags and attributes a government page needs.  Scripts,
styles, event handlers and ``javascript:`` links are dropped."""

from __future__ import annotations

import html as html_lib
from typing import Final

import nh3
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

TAGS: Final = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup",
        "dd", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "span", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
        "ul",
    }
)  # fmt: skip
ATTRIBUTES: Final[dict[str, set[str]]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "*": {"lang"},
}
URL_SCHEMES: Final = frozenset({"http", "https", "mailto"})

#: ``TAGS`` as the staff read them (the help text of a rich-text field); a test
#: keeps the groups and ``TAGS`` equal.
KEPT_GROUPS: Final[tuple[tuple[Promise, tuple[str, ...]], ...]] = (
    (_("段落和分区"), ("p", "div", "span", "br", "hr")),
    (_("小标题"), ("h2", "h3", "h4", "h5", "h6")),
    (_("列表"), ("ul", "ol", "li", "dl", "dt", "dd")),
    (
        _("表格"),
        (
            "table",
            "caption",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "th",
            "td",
            "col",
            "colgroup",
        ),
    ),
    (_("链接和图片"), ("a", "img", "figure", "figcaption")),
    (_("强调"), ("strong", "b", "em", "i", "u", "sub", "sup", "abbr")),
    (_("引文和代码"), ("blockquote", "pre", "code")),
)


def clean_html(html: str) -> str:
    """The HTML with everything outside the allowed tags and attributes removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes=ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def text_of(html: str) -> str:
    """The plain text of sanitised HTML (for search and summaries)."""
    return html_lib.unescape(nh3.clean(html, tags=set())).strip()


def kept_markup() -> list[tuple[str, tuple[str, ...]]]:
    """The groups of tags ``clean_html`` keeps, labelled (translated)."""
    return [(str(label), tags) for label, tags in KEPT_GROUPS]
