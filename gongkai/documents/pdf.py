"""PDF through WeasyPrint: HTML + CSS laid out on pages, text kept selectable and
the fonts embedded as subsets.

WeasyPrint needs Pango (a system library) and Chinese text needs a CJK font
(Debian ``fonts-noto-cjk``); ``make sysdeps`` installs both.  Without them these
helpers raise :class:`PdfUnavailableError` saying what to install, instead of
producing a PDF whose Chinese text is missing or drawn as empty boxes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongkai.documents.errors import PdfUnavailableError
from gongkai.documents.fonts import INSTALL_HINT, check_cjk_fonts


def weasyprint_module() -> Any:
    """The ``weasyprint`` module, or a clear error when it cannot be loaded."""
    try:
        import weasyprint
    except OSError as exc:  # Pango, HarfBuzz or fontconfig cannot be loaded
        raise PdfUnavailableError(
            f"无法生成 PDF：缺少 WeasyPrint 所需的系统库（{exc}）。{INSTALL_HINT}"
        ) from exc
    except ImportError as exc:
        raise PdfUnavailableError(
            f"无法生成 PDF：未安装 WeasyPrint（{exc}）；请运行 `pip install -e .`"
        ) from exc
    return weasyprint


def layout_html(html: str) -> Any:
    """``html`` laid out on pages (a ``weasyprint.Document``): its pages can be
    inspected (``element_pages``) before it is written."""
    return weasyprint_module().HTML(string=html).render()


def write_pdf(document: Any) -> bytes:
    """The PDF of a laid-out document; a clear error if no CJK font drew it."""
    pdf: bytes = document.write_pdf()
    # ``Document.fonts`` lists the fonts the pages were drawn with (filled while
    # writing); none of them a CJK font means the Chinese text would be tofu.
    check_cjk_fonts(font.family for font in document.fonts.values())
    return pdf


def html_to_pdf(html: str) -> bytes:
    """``html`` (with its CSS inline, ``@page`` rules included) as PDF."""
    return write_pdf(layout_html(html))


def element_pages(document: Any, attribute: str) -> dict[str, int]:
    """For every element carrying ``attribute``, by the attribute's value: the
    first page (0-based) of the laid-out ``document`` it is drawn on."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for box in _descendants(page._page_box):
            element = getattr(box, "element", None)
            value = element.get(attribute) if element is not None else None
            if value is not None:
                pages.setdefault(value, number)
    return pages


def _descendants(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _descendants(child)
