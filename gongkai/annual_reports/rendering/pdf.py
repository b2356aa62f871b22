"""PDF rendering: the standalone HTML document laid out by WeasyPrint (A4, text PDF,
fonts embedded as subsets).

WeasyPrint needs Pango (a system library) and the report needs a CJK font
(Debian ``fonts-noto-cjk``); ``make sysdeps`` installs both.  Without them this
module raises :class:`PdfUnavailableError` saying what to install, instead of
producing a PDF whose Chinese text is missing or drawn as empty boxes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.rendering.errors import RenderError
from gongkai.annual_reports.rendering.html import render_html

#: Family names (as Pango reports them) of fonts that carry the report's Chinese.
CJK_FONT_MARKERS: Final = (
    "CJK",
    "Source Han",
    "Songti",
    "SimSun",
    "SimHei",
    "PingFang",
)

INSTALL_HINT: Final = (
    "请安装系统依赖后重试：在项目目录运行 `make sysdeps`，"
    "或执行 `apt-get install fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0`"
)


class PdfUnavailableError(RenderError):
    """PDF cannot be produced on this machine (Pango or the CJK font is missing)."""


def _weasyprint() -> Any:
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


def is_cjk_family(family: str) -> bool:
    return any(marker.lower() in family.lower() for marker in CJK_FONT_MARKERS)


def _check_fonts(families: Iterable[str]) -> None:
    used = sorted(set(families))
    if not any(is_cjk_family(f) for f in used):
        raise PdfUnavailableError(
            "无法生成 PDF：系统中没有可用的中文字体（需要 Noto Serif CJK SC / "
            f"Noto Sans CJK SC），实际使用的字体为 {', '.join(used) or '无'}。"
            f"{INSTALL_HINT}"
        )


def render_pdf(report: ReportData) -> bytes:
    """The report as an A4 PDF with selectable text and the CJK font embedded."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=render_html(report)).render()
    pdf: bytes = document.write_pdf()
    # ``Document.fonts`` lists the fonts the pages were drawn with (filled while
    # writing); none of them a CJK font means the Chinese text would be tofu.
    _check_fonts(font.family for font in document.fonts.values())
    return pdf
