"""What kind of file this is, and which text encoding it uses.

Kinds come from the content first (``%PDF``, a ZIP holding ``word/document.xml``,
HTML markup) and the suffix second.  Text is UTF-8 when it decodes as UTF-8 (the
common case, and unambiguous); otherwise GBK, then GB18030 (its superset) — the
encodings Chinese government sites publish in; only then charset-normalizer's guess,
reported as uncertain.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from charset_normalizer import from_bytes

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta"
    rb"|table|div|p|h[1-6]|title|span)\b",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_NAMES = {
    "utf-8-sig": "UTF-8（带 BOM）",
    "utf-8": "UTF-8",
    "gbk": "GBK",
    "gb18030": "GB18030",
    "utf-16": "UTF-16",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnsupportedFile(Exception):
    """The bytes are not a kind of file the importer reads (message in Chinese)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec name as Python knows it
    certain: bool  # False when only a statistical guess

    @property
    def label(self) -> str:
        return _NAMES.get(self.encoding, self.encoding)


def sniff(data: bytes, suffix: str = "") -> str:
    """ "pdf", "docx", "html" or "text"; UnsupportedFile for other binaries."""
    suffix = suffix.lower()
    head = data[:2048]
    if head.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(_OLE):
        raise UnsupportedFile(
            "这是旧版 Office 二进制文件（.doc/.xls），请另存为 .docx 后再导入"
        )
    if suffix in (".pdf", ".docx"):
        raise UnsupportedFile(
            f"文件扩展名是 {suffix}，但内容不是 {suffix[1:].upper()} 文件"
            "（文件可能已损坏或被截断）"
        )
    if suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(head):
        return "html"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsupportedFile(f"ZIP/DOCX 文件已损坏，无法打开（{exc}）") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise UnsupportedFile(
            "这是 Excel 工作簿（.xlsx），请导入报告原文（文本、HTML、DOCX 或 PDF）"
        )
    raise UnsupportedFile("这是 ZIP 压缩包，不是 DOCX 文件；请解压后导入其中的报告")


def decode(data: bytes, *, html: bool = False) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, True)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(data.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        pass
    candidates = ["gbk", "gb18030"]
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            candidates.insert(0, declared.group(1).decode("ascii").lower())
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return Decoded(text, "gb18030" if codec == "gb2312" else codec, True)
    return _guess(data)


def _plausible(text: str) -> bool:
    """Decoded text that is mostly CJK, ASCII and common punctuation, not noise."""
    sample = text[:4000]
    if not sample:
        return True
    odd = sum(1 for ch in sample if _odd(ch))
    return odd <= len(sample) * 0.05


def _odd(ch: str) -> bool:
    code = ord(ch)
    if code < 0x80:
        return code < 0x20 and ch not in "\t\n\r\x0c"
    return not (
        0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
        or code in (0xA0, 0xB7, 0xD7)
    )


def _guess(data: bytes) -> Decoded:
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return Decoded(
                data.decode(best.encoding, errors="replace"), best.encoding, False
            )
        except LookupError:
            pass
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", False)
