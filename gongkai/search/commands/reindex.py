"""gongkai reindex: rebuild the full-text search index from its sources."""

from __future__ import annotations

import argparse
import time

HELP = "重建全文检索索引（全部来源，或 --kind 指定的来源）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        action="append",
        dest="kinds",
        metavar="KIND",
        help="只重建此来源（可重复），例如 publication",
    )


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.search.registry import search_sources
    from gongkai.search.services import search_index_rebuild

    if not search_sources():
        print("没有已登记的检索来源，索引已清空")
    start = time.perf_counter()
    try:
        counts = search_index_rebuild(kinds=args.kinds)
    except ValueError as exc:
        print(exc)
        return 2
    for kind, count in counts.items():
        print(f"{kind}: {count} 条")
    print(f"完成，用时 {time.perf_counter() - start:.1f} 秒")
    return 0
