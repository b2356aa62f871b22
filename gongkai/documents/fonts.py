"""Chinese fonts: the CSS font stacks, the font names Word documents name, and
whether a rendered PDF was really drawn with a CJK font.

The stacks put Noto CJK (Debian ``fonts-noto-cjk``, what ``make sysdeps``
installs) first, then the same faces under their Adobe names, then the fonts of
macOS and Windows.  Word documents name the faces of Chinese official documents
(宋体, 黑体, 仿宋_GB2312): present on every Chinese Windows, and substituted by
LibreOffice and WPS elsewhere.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from gongkai.documents.errors import PdfUnavailableError

#: CSS font stacks.
SERIF_CSS: Final = (
    '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif'
)
SANS_CSS: Final = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "SimHei", sans-serif'
)
#: 仿宋 for the body of 公文 (GB/T 9704); Noto has no 仿宋, so its serif follows.
FANGSONG_CSS: Final = (
    '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "STFangsong", '
    '"Noto Serif CJK SC", "Source Han Serif SC", serif'
)

#: Substrings (case-insensitive) of the family names, as Pango reports them, of
#: fonts that carry Chinese.
CJK_FONT_MARKERS: Final = (
    "CJK",
    "Source Han",
    "Songti",
    "SimSun",
    "SimHei",
    "PingFang",
    "FangSong",
    "KaiTi",
    "YaHei",
    "WenQuanYi",
    "Droid Sans Fallback",
)

INSTALL_HINT: Final = (
    "请安装系统依赖后重试：在项目目录运行 `make sysdeps`，"
    "或执行 `apt-get install fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0`"
)


@dataclass(frozen=True)
class WordFonts:
    """The faces a Word document names: East Asian text and Latin text."""

    body: str
    heading: str
    title: str
    latin: str = "Times New Roman"


#: 宋体 for text and tables, 黑体 for headings and the title.
REPORT_FONTS: Final = WordFonts(body="宋体", heading="黑体", title="黑体")
#: GB/T 9704: 仿宋_GB2312 for text, 黑体 for first-level headings, 小标宋 for the title.
GONGWEN_FONTS: Final = WordFonts(
    body="仿宋_GB2312", heading="黑体", title="方正小标宋简体"
)


def is_cjk_family(family: str) -> bool:
    """Whether a font family name is one of a font that carries Chinese."""
    return any(marker.lower() in family.lower() for marker in CJK_FONT_MARKERS)


def check_cjk_fonts(families: Iterable[str]) -> None:
    """Raise :class:`PdfUnavailableError` unless one of the fonts a document was
    drawn with carries Chinese (otherwise its Chinese text is empty boxes)."""
    used = sorted(set(families))
    if not any(is_cjk_family(f) for f in used):
        raise PdfUnavailableError(
            "无法生成 PDF：系统中没有可用的中文字体（需要 Noto Serif CJK SC / "
            f"Noto Sans CJK SC），实际使用的字体为 {', '.join(used) or '无'}。"
            f"{INSTALL_HINT}"
        )


@cache
def cjk_font_installed() -> bool:
    """Whether fontconfig knows a Chinese font (without fontconfig's ``fc-list``:
    whether a font file named …CJK… is in the usual folders)."""
    if fc_list := shutil.which("fc-list"):
        listing = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
        ).stdout
        return any(is_cjk_family(line) for line in listing.splitlines())
    roots = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
    return any(any(root.rglob("*CJK*")) for root in roots if root.exists())
