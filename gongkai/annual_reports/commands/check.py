"""gongkai check REPORT.json [--json]"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gongkai.annual_reports.io import ReportFileError, load_report_file
from gongkai.annual_reports.validation.findings import Severity, has_errors
from gongkai.annual_reports.validation.rules import check_report

HELP = "检查年度报告统计数据的勾稽关系（退出码：0 无错误，1 有错误，2 文件无法读取）"

_MARK = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "reports",
        nargs="+",
        type=Path,
        metavar="REPORT.json",
        help="按 annual-report.schema.json 格式的报告文件",
    )
    parser.add_argument(
        "--json", action="store_true", help="以 JSON 输出检查结果（每个文件一行）"
    )


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.reports:
        try:
            loaded = load_report_file(path)
        except ReportFileError as exc:
            if args.json:
                print(
                    json.dumps(
                        {"source": str(path), "error": str(exc)}, ensure_ascii=False
                    )
                )
            else:
                print(f"无法读取 {exc}", file=sys.stderr)
            status = 2
            continue
        findings = check_report(loaded.report, loaded.findings)
        if has_errors(findings) and status == 0:
            status = 1
        if args.json:
            print(
                json.dumps(
                    {
                        "source": str(path),
                        "ok": not has_errors(findings),
                        "findings": [f.to_dict() for f in findings],
                    },
                    ensure_ascii=False,
                )
            )
            continue
        errors = sum(f.severity == Severity.ERROR for f in findings)
        warnings = sum(f.severity == Severity.WARNING for f in findings)
        print(f"{path}: {errors} 个错误，{warnings} 个警告")
        for f in findings:
            print(f"  [{_MARK[f.severity]}] {f.code} {f.message}")
    return status
