"""The findings an import adds before the checks of ``validation.rules``.

``IMPORT_FINDING_CODES`` is the documented list (code → what it means, in Chinese):
docs list it and tests make sure every code the parser emits is in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from gongkai.annual_reports.format import Path
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity

IMPORT_FINDING_CODES: Final[dict[str, str]] = {
    "import.encoding": "检测到的文件类型与文本编码",
    "import.encoding_uncertain": "无法确定文本编码，按最可能的编码读取，可能有乱码",
    "import.label_variant": "标签按已知的变体、旧称或笔误匹配（如「社会组织」读作「社会公益组织」）",
    "import.table_missing": "报告中没有这张统计表，整表按未报告（null）处理，而不是 0",
    "import.row_missing": "统计表中缺少这一行，该行按未报告（null）处理",
    "import.table_inferred": "没有表头的数值行按其形状（各组总计等于分项之和）推断为某张表，可信度较低",
    "import.header_missing": "统计表的表头缺失，数值按所在章节推断归属",
    "import.truncated_row": "这一行的单元格比应有的少（表格被截断），缺少的单元格按空白（null）处理",
    "import.short_row": "这一行的单元格比列数少（行标签占用了数值列），按末列对齐读取",
    "import.extra_cells": "这一行的数值比列数多，多出的数值被忽略",
    "import.unassigned": "有数值行无法对应到任何统计行，未被读取",
    "import.number_format": "数值的写法被规范化读取（千位分隔符、全角数字、数字中的空格）",
    "import.not_integer": "件数不是整数，无法读取，按空白处理",
    "import.duplicate_row": "同一统计行出现多次，只读取第一次",
    "import.format_2019": "报告采用 2019 年试行格式（国办公开办函〔2019〕60号），说明各项如何对应到 2021 格式",
    "import.pdf_layout": "PDF 表格按文字位置和框线重建",
}


def finding(
    code: str, severity: Severity, message: str, paths: Iterable[Path] = ()
) -> Finding:
    """A finding with a documented code (KeyError for an undocumented one)."""
    if code not in IMPORT_FINDING_CODES:
        raise KeyError(code)
    return Finding(code, severity, message, tuple(map(cell_ref, paths)))


_REFS: dict[Path, CellRef] = {}


def cell_ref(path: Path) -> CellRef:
    """CellRef.at, remembered (a CellRef is immutable and depends on the path only)."""
    ref = _REFS.get(path)
    if ref is None:
        if len(_REFS) > 10_000:
            _REFS.clear()
        ref = _REFS[path] = CellRef.at(path)
    return ref


INFO, WARNING, ERROR = Severity.INFO, Severity.WARNING, Severity.ERROR
