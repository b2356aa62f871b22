"""gongkai parse FILE... [--pretty]"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gongkai.annual_reports.importing import parse_file

HELP = (
    "解析已发布的年度报告（文本、HTML、DOCX、PDF），每个文件输出一行 JSON"
    "（退出码：0 全部读取，1 有文件无法读取）"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="报告文件：纯文本（UTF-8/GBK/GB18030）、HTML、DOCX 或带文字层的 PDF",
    )
    parser.add_argument(
        "--pretty", action="store_true", help="缩进输出（每个文件多行，便于阅读）"
    )


def run(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        result = parse_file(Path(name), source=name)
        if result.error:
            status = 1
        line = json.dumps(
            result.to_json(), ensure_ascii=False, indent=2 if args.pretty else None
        )
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    return status
