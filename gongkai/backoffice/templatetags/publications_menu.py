"""The menu of the publications pages: only the links whose page lets the user in
(``backoffice.publications.selectors.links_for``), so that no role is shown a
link that ends in the 403 page."""

from __future__ import annotations

from typing import Any

from django import template

from gongkai.backoffice.publications import selectors

register = template.Library()


@register.inclusion_tag("backoffice/publications/_menu.html", takes_context=True)
def publications_menu(context: template.Context) -> dict[str, Any]:
    user = context["request"].user
    return {"links": selectors.links_for(user=user, links=selectors.MENU_LINKS)}
