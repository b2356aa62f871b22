"""Reading a report JSON file, with errors a person can act on."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.annual_reports.data import LoadResult, ReportFormatError, report_from_dict


class ReportFileError(Exception):
    """The file cannot be read as a report (missing, not UTF-8, not JSON, ...)."""


def load_report_file(path: Path) -> LoadResult:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReportFileError(f"{path}: 文件不存在") from None
    except IsADirectoryError:
        raise ReportFileError(f"{path}: 是目录，不是 JSON 文件") from None
    except OSError as exc:
        raise ReportFileError(f"{path}: 无法读取（{exc.strerror}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportFileError(
            f"{path}: 不是 UTF-8 编码的文本（第 {exc.start} 字节）；"
            "请另存为 UTF-8 的 JSON 文件"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFileError(
            f"{path}: 第 {exc.lineno} 行第 {exc.colno} 列不是合法的 JSON（{exc.msg}）"
        ) from None
    try:
        return report_from_dict(data)
    except ReportFormatError as exc:
        raise ReportFileError(f"{path}: {exc}") from None
