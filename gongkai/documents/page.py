"""Page setups: paper size and margins, in millimetres, for DOCX and for CSS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class PageSetup:
    """A portrait page: its size and its four margins (millimetres)."""

    name: str
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    css_size: str = ""  # CSS ``size`` keyword ("A4"); empty: width and height

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom

    def css_declarations(self) -> str:
        """``size`` and ``margin`` for an ``@page`` rule (top right bottom left)."""
        size = self.css_size or f"{_mm(self.width)} {_mm(self.height)}"
        margins = " ".join(
            _mm(v) for v in (self.top, self.right, self.bottom, self.left)
        )
        return f"size: {size}; margin: {margins};"


def _mm(value: float) -> str:
    return f"{value:g}mm"


#: A4 for annual reports and other tables: room for section 三's ten columns.
A4_REPORT: Final = PageSetup(
    "A4_REPORT", 210, 297, top=25, bottom=22, left=20, right=20, css_size="A4"
)

#: GB/T 9704—2012《党政机关公文格式》5.2: A4, 天头 37 mm, 订口 28 mm, a text area
#: of 156 mm × 225 mm; so 26 mm on the right and 35 mm at the foot.  For the reply
#: letters (告知书, 答复书) an organ sends.
GB_T_9704: Final = PageSetup(
    "GB_T_9704", 210, 297, top=37, bottom=35, left=28, right=26, css_size="A4"
)

PAGE_SETUPS: Final = {page.name: page for page in (A4_REPORT, GB_T_9704)}


#: A page-number footer 「第 1 页  共 2 页」, for ``css_page_rule``.
PAGE_OF_PAGES: Final = '"第 " counter(page) " 页  共 " counter(pages) " 页"'


def css_page_rule(page: PageSetup, *, footer: str = "", footer_font: str = "") -> str:
    """An ``@page`` rule for ``page``; ``footer`` is CSS ``content`` centred at the
    foot of every page (e.g. ``PAGE_OF_PAGES``) in ``footer_font`` at 9 pt."""
    if not footer:
        return f"@page {{ {page.css_declarations()} }}"
    font = f"font-family: {footer_font}; " if footer_font else ""
    return (
        f"@page {{ {page.css_declarations()}\n"
        f"  @bottom-center {{ content: {footer};\n"
        f"    {font}font-size: 9pt; }} }}"
    )
