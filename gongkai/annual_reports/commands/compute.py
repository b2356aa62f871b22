"""gongkai compute --organisation ID --year YEAR [--with-units] [-o FILE] [--save]"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = (
    "由依申请公开办件和行政复议、诉讼记录计算年度报告第三、四部分"
    "（输出 annual-report.schema.json 格式；退出码：0 无错误，1 有错误，2 无法计算）"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--organisation", required=True, metavar="ID", help="机关编号（数字）或机关全称"
    )
    parser.add_argument("--year", required=True, type=int, help="报告年度，如 2025")
    parser.add_argument(
        "--with-units",
        action="store_true",
        help="连同下级各单位的办件一并统计（整个辖区的数字，不保存）",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="写入文件（默认：标准输出）"
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="把本机关的计算结果保存为该年度报告的草稿（保留已填写的第二部分）",
    )


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.annual_reports.data import report_to_dict
    from gongkai.annual_reports.models import AnnualReport
    from gongkai.annual_reports.selectors import report_machine_stored
    from gongkai.annual_reports.services import report_compute
    from gongkai.annual_reports.services.computed import report_computed_data
    from gongkai.annual_reports.validation.findings import Severity
    from gongkai.annual_reports.validation.rules import check_report
    from gongkai.core.errors import DomainError
    from gongkai.orgs.models import Organisation

    if not 2004 <= args.year <= 2100:
        print(
            f"年度 {args.year} 超出范围：请给出 2004–2100 之间的年份", file=sys.stderr
        )
        return 2
    key = str(args.organisation).strip()
    organisation = (
        Organisation.objects.filter(pk=int(key)).first()
        if key.isdigit() and len(key) < 19
        else Organisation.objects.filter(name=key).first()
    )
    if organisation is None:
        print(f"没有找到机关「{key}」：请给出机关编号或全称", file=sys.stderr)
        return 2
    if args.save and args.with_units:
        print(
            "--save 只保存本机关自己的报告；--with-units 的辖区数字只输出、不保存",
            file=sys.stderr,
        )
        return 2
    if args.save:
        try:
            report = report_compute(
                organisation=organisation, year=args.year, actor=None
            )
        except DomainError as exc:
            print(exc.message, file=sys.stderr)
            return 2
        data = report_machine_stored(report=report).data
    else:
        stored = AnnualReport.objects.filter(
            organisation=organisation, year=args.year
        ).first()
        typed = report_machine_stored(report=stored).data if stored else None
        data, _ = report_computed_data(
            organisation=organisation,
            year=args.year,
            with_units=args.with_units,
            typed=typed,
        )
    text = json.dumps(report_to_dict(data), ensure_ascii=False, indent=1) + "\n"
    if args.output:
        args.output.write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    findings = check_report(data)
    errors = [f for f in findings if f.severity == Severity.ERROR]
    scope = "及下级单位" if args.with_units else ""
    print(
        f"{organisation.name}{scope} {args.year} 年：{len(errors)} 个错误"
        + ("，已保存为草稿" if args.save else ""),
        file=sys.stderr,
    )
    for f in errors:
        print(f"  [错误] {f.code} {f.message}", file=sys.stderr)
    return 1 if errors else 0
