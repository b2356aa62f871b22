"""gongkai render REPORT.json [--to html|docx|pdf|xlsx] -o FILE"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongkai.annual_reports.io import ReportFileError, load_report_file
from gongkai.annual_reports.rendering import (
    FORMATS,
    RenderError,
    format_for_path,
    render,
)

HELP = (
    "按国办公开办函〔2021〕30号的正式版式生成年度报告（HTML、Word、PDF、Excel）"
    "（退出码：0 成功，1 生成或写入失败，2 报告文件无法读取或参数有误）"
)

STDOUT = "-"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "report",
        type=Path,
        metavar="REPORT.json",
        help="按 annual-report.schema.json 格式的报告文件",
    )
    parser.add_argument(
        "--to",
        choices=sorted(FORMATS),
        default=None,
        help="输出格式；省略时按 -o 文件的扩展名确定",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="输出文件；写 - 则输出到标准输出（省略 --to 时为 HTML）",
    )


def _choose_format(args: argparse.Namespace) -> str | None:
    if args.to:
        return str(args.to)
    if args.output == STDOUT:
        return "html"
    return format_for_path(args.output)


def run(args: argparse.Namespace) -> int:
    to = _choose_format(args)
    if to is None:
        suffixes = "、".join(suffix for suffix, _ in FORMATS.values())
        print(
            f"无法从输出文件名 {args.output} 判断格式：请用 --to 指定，"
            f"或使用扩展名 {suffixes}",
            file=sys.stderr,
        )
        return 2
    if args.output == STDOUT and to != "html" and sys.stdout.isatty():
        print(
            f"不把 {to.upper()} 文件输出到终端：请用 -o 指定文件，或重定向标准输出",
            file=sys.stderr,
        )
        return 2
    try:
        loaded = load_report_file(args.report)
    except ReportFileError as exc:
        print(f"无法读取 {exc}", file=sys.stderr)
        return 2
    if loaded.findings:
        print(
            f"注意：{args.report} 读取时有 {len(loaded.findings)} 处问题"
            f"（有问题的单元格按空白生成；用 gongkai check 查看详情）",
            file=sys.stderr,
        )
    try:
        content = render(loaded.report, to)
    except RenderError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug or a broken installation: say so, exit 1
        print(f"生成 {to.upper()} 失败：{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return _write(content, args.output, to)


def _write(content: bytes, output: str, to: str) -> int:
    if output == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return 0
    target = Path(output)
    try:
        target.write_bytes(content)
    except OSError as exc:
        print(f"无法写入 {target}：{_why(exc)}", file=sys.stderr)
        return 1
    print(f"已生成 {target}（{to.upper()}，{len(content):,} 字节）")
    return 0


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "所在目录不存在"
    if isinstance(exc, IsADirectoryError):
        return "这是一个目录"
    if isinstance(exc, PermissionError):
        return "没有写入权限"
    return exc.strerror or str(exc)
