"""gongkai letter --application ID --kind K [--format pdf|docx] [--draft] -o FILE

Writes the letter of kind K issued on application ID (the latest, if several) as
PDF or DOCX.  With ``--draft``, when none is issued yet, writes the draft filled
in from the case (its 文号 left open), for checking a template against a case.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "导出申请的答复书或告知书（PDF 或 Word）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--application",
        type=int,
        required=True,
        metavar="ID",
        help="申请的编号（数据库 ID）",
    )
    parser.add_argument(
        "--kind",
        required=True,
        metavar="K",
        help="文书类别，如 correction、extension、disclosed、withheld_process_information",
    )
    parser.add_argument(
        "--format", choices=["pdf", "docx"], default=None, help="默认按输出文件的扩展名"
    )
    parser.add_argument(
        "--draft", action="store_true", help="尚未出具时导出按案件填好的草稿"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.applications.models import Application
    from gongkai.core import clock
    from gongkai.core.errors import DomainError
    from gongkai.documents.errors import DocumentError
    from gongkai.letters import services
    from gongkai.letters.kinds import LetterKind
    from gongkai.letters.models import Letter
    from gongkai.letters.rendering import letter_docx, letter_pdf

    fmt = args.format or args.output.suffix.lstrip(".").lower()
    if fmt not in ("pdf", "docx"):
        print(
            "请用 --format pdf 或 --format docx 指定格式，或把输出文件命名为 .pdf / .docx",
            file=sys.stderr,
        )
        return 2
    if args.kind not in LetterKind.values:
        print(
            f"文书类别「{args.kind}」不存在；可用：{', '.join(LetterKind.values)}",
            file=sys.stderr,
        )
        return 2
    application = Application.objects.filter(pk=args.application).first()
    if application is None:
        print(f"没有编号为 {args.application} 的申请", file=sys.stderr)
        return 1
    letter = (
        Letter.objects.filter(application=application, kind=args.kind)
        .order_by("-issued_on", "-pk")
        .first()
    )
    try:
        if letter is not None:
            data, _name, _ctype = services.letter_file(letter=letter, fmt=fmt)
            what = letter.number
        elif args.draft:
            text = services.letter_preview(
                application=application, kind=args.kind, issued_on=clock.today()
            )
            data = letter_pdf(text) if fmt == "pdf" else letter_docx(text)
            what = "草稿"
        else:
            print(
                f"申请 {application.tracking_number} 还没有出具「{LetterKind(args.kind).label}」；"
                "加 --draft 可导出草稿",
                file=sys.stderr,
            )
            return 1
    except (DomainError, DocumentError) as exc:
        print(getattr(exc, "message", str(exc)), file=sys.stderr)
        return 1
    args.output.write_bytes(data)
    print(f"{what} → {args.output}（{len(data)} 字节）")
    return 0
