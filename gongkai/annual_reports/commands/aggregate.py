"""gongkai aggregate REPORT.json... --org NAME --year YEAR [-o OUT.json]"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gongkai.annual_reports.aggregate import aggregate_reports
from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.io import ReportFileError, load_report_file

HELP = "把多个机关的年度报告统计数据汇总为一份（如县政府汇总各部门、乡镇）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reports", nargs="+", type=Path, metavar="REPORT.json")
    parser.add_argument("--org", required=True, help="汇总后的机关名称")
    parser.add_argument("--year", required=True, type=int, help="统计年度")
    parser.add_argument("-o", "--output", type=Path, help="输出文件（默认打印）")


def run(args: argparse.Namespace) -> int:
    reports = []
    for path in args.reports:
        try:
            reports.append(load_report_file(path).report)
        except ReportFileError as exc:
            print(f"无法读取 {exc}；未汇总任何数据", file=sys.stderr)
            return 2
    mismatched = [r.org for r in reports if r.year not in (None, args.year)]
    if mismatched:
        print(
            f"警告：{'、'.join(map(str, mismatched))} 的统计年度不是 {args.year}",
            file=sys.stderr,
        )
    total, findings = aggregate_reports(reports, org=args.org, year=args.year)
    for finding in findings:
        print(f"警告：{finding.message}", file=sys.stderr)
    text = json.dumps(
        report_to_dict(total, extended=False), ensure_ascii=False, indent=1
    )
    if args.output:
        args.output.write_text(text + "\n", "utf-8")
    else:
        print(text)
    return 0
