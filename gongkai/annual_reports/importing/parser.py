"""One file in, one ParseResult out: detect, extract, scan, build, check."""

from __future__ import annotations

from pathlib import Path

from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.importing.build import build
from gongkai.annual_reports.importing.codes import INFO, WARNING, finding
from gongkai.annual_reports.importing.decoding import UnsupportedFile, decode, sniff
from gongkai.annual_reports.importing.doc import Doc, ExtractError, split_text
from gongkai.annual_reports.importing.flat_merge import recover_flat
from gongkai.annual_reports.importing.metadata import read_metadata
from gongkai.annual_reports.importing.result import ParseResult
from gongkai.annual_reports.importing.scan import scan
from gongkai.annual_reports.validation.findings import Finding
from gongkai.annual_reports.validation.rules import check_report

_KIND_NAMES = {"text": "纯文本", "html": "HTML", "docx": "DOCX", "pdf": "PDF"}
_BINARY_SHARE = 0.01


def parse_file(
    path: Path, *, source: str | None = None, previous: ReportData | None = None
) -> ParseResult:
    """Parse the file at ``path``; a file that cannot be read gives ``error``.
    ``source`` names the file in the result (default: ``str(path)``); ``previous``
    is the same organ's previous-year report, if known (it helps cut glued digits)."""
    source = str(path) if source is None else source
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return _failed(source, "文件不存在")
    except IsADirectoryError:
        return _failed(source, "是目录，不是文件")
    except PermissionError:
        return _failed(source, "没有读取权限")
    except OSError as exc:
        return _failed(source, f"无法读取（{exc.strerror or exc}）")
    return parse_bytes(data, source=source, suffix=Path(path).suffix, previous=previous)


def parse_bytes(
    data: bytes,
    *,
    source: str,
    suffix: str = "",
    previous: ReportData | None = None,
) -> ParseResult:
    """Parse a published report given as bytes.  Never raises for bad content:
    whatever cannot be read is said in ``ParseResult.error``.  ``previous``: the
    same organ's previous-year report, if known (see :mod:`importing.splitting`)."""
    try:
        return _parse(data, source, suffix, previous)
    except RecursionError:
        return _failed(source, "文件结构嵌套过深，无法解析")
    except Exception as exc:  # a parser bug must not take the caller down
        return _failed(source, f"解析时出错（{type(exc).__name__}: {exc}）")


def _failed(
    source: str,
    error: str,
    *,
    findings: tuple[Finding, ...] = (),
    text: str = "",
    detected: dict[str, str] | None = None,
) -> ParseResult:
    return ParseResult(
        source=source,
        report=None,
        raw_findings=findings,
        text=text,
        error=error,
        detected=detected or {},
    )


def _parse(
    data: bytes, source: str, suffix: str, previous: ReportData | None = None
) -> ParseResult:
    if not data:
        return _failed(source, "文件为空")
    try:
        kind = sniff(data, suffix)
    except UnsupportedFile as exc:
        return _failed(source, str(exc), detected={"kind": "unsupported"})
    detected = {"kind": kind}
    findings: list[Finding] = []
    try:
        doc = _extract(data, kind, detected, findings)
    except ExtractError as exc:
        return _failed(source, str(exc), findings=tuple(findings), detected=detected)
    if not any(doc.lines):
        return _failed(
            source, "文件中没有文字", findings=tuple(findings), detected=detected
        )
    if doc.text.count("\x00") > len(doc.text) * _BINARY_SHARE:
        return _failed(
            source,
            "文件不是文本（含有大量二进制数据），无法解析",
            findings=tuple(findings),
            detected=detected,
        )
    meta = read_metadata(doc)  # before scanning, which joins broken labels in place
    built = recover_flat(doc.text, build(scan(doc), meta), meta, previous)
    if doc.notes:
        findings.append(finding("import.pdf_layout", INFO, "；".join(doc.notes)))
    if not built.recognised:
        return _failed(
            source,
            "未识别出政府信息公开工作年度报告：没有找到报告标题、统计年度或任何统计表",
            findings=tuple(findings),
            text=doc.text,
            detected=detected,
        )
    detected["format_version"] = built.report.format_version
    findings.extend(built.findings)
    return ParseResult(
        source=source,
        report=built.report,
        raw_findings=tuple(check_report(built.report, findings)),
        text=doc.text,
        provenance=built.provenance,
        detected=detected,
    )


def _extract(
    data: bytes, kind: str, detected: dict[str, str], findings: list[Finding]
) -> Doc:
    if kind == "docx":
        from gongkai.annual_reports.importing.docx import docx_doc

        return docx_doc(data)
    if kind == "pdf":
        from gongkai.annual_reports.importing.pdf import pdf_doc

        return pdf_doc(data)
    decoded = decode(data, html=kind == "html")
    detected["encoding"] = decoded.encoding
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    if decoded.certain:
        findings.append(
            finding(
                "import.encoding",
                INFO,
                f"{_KIND_NAMES[kind]}文件，文本编码为 {decoded.label}",
            )
        )
    else:
        findings.append(
            finding(
                "import.encoding_uncertain",
                WARNING,
                f"{_KIND_NAMES[kind]}文件的编码无法确定，按 {decoded.label} "
                "读取，可能有乱码；请确认文件完整，或另存为 UTF-8",
            )
        )
    if kind == "html":
        from gongkai.annual_reports.importing.html import html_doc

        return html_doc(text)
    return split_text(text)
