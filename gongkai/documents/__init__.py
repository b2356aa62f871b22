"""Building printable documents (DOCX and PDF) in Chinese: shared by the annual
report's renderers and the reply letters still to come.

- :mod:`~gongkai.documents.page`: page setups (``A4_REPORT``; ``GB_T_9704`` the
  margins of 党政机关公文 for letters).
- :mod:`~gongkai.documents.fonts`: the CJK font stacks for CSS, the font names for
  Word, and whether a PDF was really drawn with a Chinese font.
- :mod:`~gongkai.documents.docx`: python-docx helpers (page, styles with explicit
  East Asian fonts, table borders, repeated header rows, page numbers).
- :mod:`~gongkai.documents.pdf`: WeasyPrint helpers (HTML + CSS → PDF, the page
  each element landed on, a clear error without Pango or a CJK font).

Pure: no ORM, no templates.  The heavy libraries are imported by the modules that
need them, so importing :mod:`~gongkai.documents.page` or ``fonts`` is cheap.
"""

from __future__ import annotations

from gongkai.documents.errors import DocumentError, PdfUnavailableError
from gongkai.documents.page import A4_REPORT, GB_T_9704, PageSetup

__all__ = [
    "A4_REPORT",
    "GB_T_9704",
    "DocumentError",
    "PageSetup",
    "PdfUnavailableError",
]
