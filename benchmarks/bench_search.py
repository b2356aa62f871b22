"""Chinese full-text search over N generated items (default 1,000,000), on SQLite
and on PostgreSQL, beside a bare full-text lookup over the same index in the same run.

The items are generated from a fixed vocabulary of about 250 words of government
writing (weights falling with rank, so that some words are in most items and others
in few), a title of 5–9 words and a body of 30–60 words (about 25 and 120
characters), 100 organs, 40 categories, 8 document types and dates over 2015–2024,
with a fixed seed.  Each database runs in a child process with its own settings:
a temporary SQLite file, and a PostgreSQL database ``bench_search`` (created and
dropped by the run; ``BENCH_SEARCH_PG_DATABASE`` names another) when
``postgres://postgres@127.0.0.1:5432`` answers (``BENCH_PG_URL`` overrides it).

- ``search_index_<db>_items_per_s``: ``gongkai.search.services.search_index_bulk``
  over the N items (segmentation with rjieba and the writes, in batches of 2,000);
  the time to generate the items is measured apart and taken out.  Baseline
  ``search_index_<db>_raw_items_per_s``: the same items' title and body inserted
  unsegmented, with ``executemany``, into a bare table (SQLite: an FTS5 table with
  its default tokenizer, useless for Chinese; PostgreSQL: a plain table), over the
  first min(N, 100,000) items.
- ``search_<db>_p50_ms``, ``search_<db>_p95_ms``: ``search_documents`` (segmenting
  the query, the filtered match, relevance (every word in the title first, then
  the newest) or date order, the total count, the
  highlighted title and snippet) over a fixed set of queries: 3 one-character, 4
  two-character and 3 four-character texts, each with 4 filter sets (an organ; a
  category and a year; a document type and an organ; an organ and a year sorted by
  date), each run 3 times after a warm-up.  Baseline ``search_<db>_bare_p50_ms`` /
  ``_p95_ms``: the same terms and filters as a bare index lookup of the first 20
  rowids (no ranking, no count, no date check, no highlighting).
  ``search_<db>_like_ms``: the median of three two-character queries as
  ``LIKE '%…%'`` on title and body with a category and a year, newest 20 (what
  a search costs without a full-text index).

Issue 9's goal: search p95 under 50 ms at 1,000,000 items.
``BENCH_SEARCH_COUNT`` makes a smaller run; ``BENCH_SEARCH_DATABASES=sqlite`` or
``pg`` runs one database only.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pg import PG_SERVER, pg_admin, pg_answers  # noqa: E402 - after the path

ROOT = HERE.parent
PG_DATABASE = os.environ.get("BENCH_SEARCH_PG_DATABASE", "bench_search")
COUNT = int(os.environ.get("BENCH_SEARCH_COUNT", "1000000"))
#: ``BENCH_SEARCH_DATABASES=sqlite`` (or ``pg``) runs only one of them.
DATABASES = os.environ.get("BENCH_SEARCH_DATABASES", "sqlite,pg").split(",")
RAW_COUNT = min(COUNT, 100_000)
SEED = 20240909
ORGANS = 100
CATEGORIES = 40
TYPES = (
    "notice",
    "announcement",
    "report",
    "plan",
    "rule",
    "normative",
    "reply",
    "other",
)
GOAL_MS = 50.0

WORDS = [
    "关于",
    "印发",
    "通知",
    "公告",
    "政府",
    "信息",
    "公开",
    "工作",
    "要点",
    "人民政府",
    "办公室",
    "年度",
    "报告",
    "行政",
    "许可",
    "处罚",
    "规范性",
    "文件",
    "实施",
    "意见",
    "农业",
    "农村",
    "教育",
    "卫生",
    "健康",
    "交通",
    "运输",
    "财政",
    "预算",
    "决算",
    "公示",
    "招标",
    "采购",
    "项目",
    "建设",
    "环境",
    "保护",
    "监督",
    "管理",
    "安全",
    "生产",
    "应急",
    "防控",
    "乡村",
    "振兴",
    "城乡",
    "住房",
    "社会",
    "保障",
    "就业",
    "补贴",
    "资金",
    "发放",
    "名单",
    "示范县",
    "乡镇",
    "街道",
    "社区",
    "村委会",
    "居民",
    "群众",
    "企业",
    "单位",
    "部门",
    "机关",
    "领导",
    "干部",
    "会议",
    "精神",
    "贯彻",
    "落实",
    "推进",
    "加强",
    "完善",
    "规划",
    "方案",
    "办法",
    "规定",
    "细则",
    "标准",
    "制度",
    "体系",
    "机制",
    "改革",
    "发展",
    "经济",
    "产业",
    "市场",
    "服务",
    "营商",
    "优化",
    "审批",
    "登记",
    "备案",
    "核查",
    "检查",
    "执法",
    "整改",
    "问题",
    "情况",
    "通报",
    "表彰",
    "先进",
    "典型",
    "经验",
    "做法",
    "成效",
    "目标",
    "任务",
    "措施",
    "保障",
    "责任",
    "考核",
    "评估",
    "统计",
    "数据",
    "调查",
    "分析",
    "水利",
    "河道",
    "防汛",
    "抗旱",
    "森林",
    "防火",
    "消防",
    "道路",
    "桥梁",
    "公路",
    "铁路",
    "机场",
    "港口",
    "电力",
    "供水",
    "供气",
    "供热",
    "医疗",
    "医保",
    "养老",
    "托育",
    "学校",
    "教师",
    "学生",
    "招生",
    "考试",
    "文化",
    "旅游",
    "体育",
    "广播",
    "电视",
    "文物",
    "图书馆",
    "税务",
    "税收",
    "减税",
    "降费",
    "收费",
    "价格",
    "物价",
    "粮食",
    "储备",
    "耕地",
    "农田",
    "高标准",
    "种植",
    "养殖",
    "畜牧",
    "渔业",
    "林业",
    "土地",
    "征收",
    "拆迁",
    "补偿",
    "安置",
    "不动产",
    "自然资源",
    "生态",
    "污染",
    "治理",
    "垃圾",
    "分类",
    "污水",
    "大气",
    "噪声",
    "公安",
    "交警",
    "司法",
    "法律",
    "援助",
    "信访",
    "调解",
    "矛盾",
    "纠纷",
    "疫情",
    "疫苗",
    "接种",
    "核酸",
    "检测",
    "隔离",
    "民政",
    "救助",
    "低保",
    "残疾人",
    "退役军人",
    "优抚",
    "慈善",
    "捐赠",
    "志愿者",
    "妇女",
    "儿童",
    "老年人",
    "青年",
    "工会",
    "统战",
    "宗教",
    "民族",
    "科技",
    "创新",
    "人才",
    "引进",
    "培训",
    "技能",
    "数字",
    "政务",
    "网站",
    "平台",
    "系统",
    "热线",
    "办理",
    "答复",
    "申请",
    "依申请",
]
ONE_CHAR = ("县", "税", "桥")
TWO_CHAR = ("公开", "农田", "疫苗", "许可")
FOUR_CHAR = ("乡村振兴", "财政预算", "安全生产")


def run() -> dict[str, float]:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-search-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        if "sqlite" in DATABASES:
            results.update(_child("sqlite", url, tmp))
        if "pg" not in DATABASES:
            pass
        elif pg_answers():
            pg_admin(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"')
            pg_admin(f'CREATE DATABASE "{PG_DATABASE}"')
            try:
                results.update(_child("pg", f"{PG_SERVER}/{PG_DATABASE}", tmp))
            finally:
                pg_admin(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"')
        else:
            print(f"PostgreSQL: skipped ({PG_SERVER} does not answer)")
    return results


def _child(name: str, url: str, data_dir: str) -> dict[str, float]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "GONGKAI_DATA_DIR": data_dir,
        "DJANGO_SETTINGS_MODULE": "gongkai.config.settings.base",
    }
    done = subprocess.run(
        [sys.executable, __file__, "--child", name],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line)
    figures: dict[str, float] = json.loads(lines[-1])
    return figures


# -- the child ------------------------------------------------------------------------
def _documents(count: int) -> Iterator[Any]:
    from gongkai.search.documents import SearchDocument

    rng = random.Random(SEED)
    weights = [1 / (rank + 10) for rank in range(len(WORDS))]
    first, last = date(2015, 1, 1).toordinal(), date(2024, 12, 31).toordinal()
    for i in range(count):
        title = rng.choices(WORDS, weights, k=rng.randint(5, 9))
        body = rng.choices(WORDS, weights, k=rng.randint(30, 60))
        yield SearchDocument(
            kind="bench",
            object_id=i + 1,
            title="".join(title),
            body="，".join("".join(body[j : j + 6]) for j in range(0, len(body), 6)),
            date=date.fromordinal(rng.randint(first, last)),
            organ_ids=(1 + i % ORGANS,),
            category_id=1 + rng.randrange(CATEGORIES),
            document_type=TYPES[rng.randrange(len(TYPES))],
        )


def _queries() -> list[Any]:
    from gongkai.search.documents import SearchQuery, Sort

    filters: list[dict[str, Any]] = [
        {"organ_ids": (7,)},
        {
            "category_ids": (3,),
            "date_from": date(2023, 1, 1),
            "date_to": date(2023, 12, 31),
        },
        {"document_types": ("notice",), "organ_ids": (42,)},
        {
            "organ_ids": (15,),
            "date_from": date(2024, 1, 1),
            "date_to": date(2024, 12, 31),
            "sort": Sort.DATE,
        },
    ]
    return [
        SearchQuery(text=text, **f)
        for text in ONE_CHAR + TWO_CHAR + FOUR_CHAR
        for f in filters
    ]


def _timings(
    function: Callable[[Any], Any], queries: list[Any], runs: int = 3
) -> list[float]:
    for q in queries:
        function(q)  # warm up
    times = []
    for _ in range(runs):
        for q in queries:
            start = time.perf_counter()
            function(q)
            times.append((time.perf_counter() - start) * 1000)
    return times


def _p(times: list[float], pct: int) -> float:
    return statistics.quantiles(times, n=100)[pct - 1]


def _bare(query: Any) -> list[Any]:
    """The floor: the same terms and organ/category/type filters as a bare lookup."""
    from django.db import connection

    from gongkai.search.backends.postgresql import tsquery_literal
    from gongkai.search.backends.sqlite import match_expression
    from gongkai.search.segment import query_terms

    terms = query_terms(query.text)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s LIMIT 20",
                [match_expression(query, terms)],
            )
        else:
            cursor.execute(
                "SELECT id FROM search_entry WHERE tsv @@ %s::tsquery LIMIT 20",
                [tsquery_literal(query, terms)],
            )
        return cursor.fetchall()


def _like(text: str) -> list[Any]:
    """No index: the text as ``LIKE '%…%'`` with a category and a year, newest first."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM search_entry WHERE category_id = 3 AND date >= %s "
            "AND date <= %s AND (title LIKE %s OR body LIKE %s) "
            "ORDER BY date DESC LIMIT 20",
            [date(2023, 1, 1), date(2023, 12, 31), f"%{text}%", f"%{text}%"],
        )
        return cursor.fetchall()


def _raw_insert(count: int) -> float:
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("CREATE VIRTUAL TABLE bench_raw USING fts5(title, body)")
        else:
            cursor.execute("CREATE TABLE bench_raw (title text, body text)")
    start = time.perf_counter()
    batch: list[list[str]] = []
    gen_s = 0.0
    iterator = _documents(count)
    while True:
        g = time.perf_counter()
        batch = [[d.title, d.body] for _, d in zip(range(2000), iterator, strict=False)]
        gen_s += time.perf_counter() - g
        if not batch:
            break
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO bench_raw (title, body) VALUES (%s, %s)", batch
            )
    return count / (time.perf_counter() - start - gen_s)


def child(name: str) -> None:
    sys.path.insert(0, str(ROOT))
    from gongkai.cli import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from gongkai.search.selectors import search_documents
    from gongkai.search.services import search_index_bulk

    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -1000000")
    start = time.perf_counter()
    for _ in _documents(COUNT):
        pass
    gen_s = time.perf_counter() - start
    start = time.perf_counter()
    indexed = search_index_bulk(documents=_documents(COUNT))
    index_s = time.perf_counter() - start - gen_s
    rate = indexed / index_s
    raw_rate = _raw_insert(RAW_COUNT)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE search_entry")
        else:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    queries = _queries()
    totals = [search_documents(query=q).total for q in queries]
    ours = _timings(lambda q: search_documents(query=q), queries)
    bare = _timings(_bare, queries)
    like = statistics.median(_timings(_like, list(TWO_CHAR[:3]), runs=1))
    label = "SQLite"
    if name == "pg":
        label = f"PostgreSQL {getattr(connection, 'pg_version', 0) // 10000}"
    p50, p95 = _p(ours, 50), _p(ours, 95)
    b50, b95 = _p(bare, 50), _p(bare, 95)
    print(
        f"{label}: {indexed:,} items indexed at {rate:,.0f} items/s "
        f"({index_s:.0f} s; raw unsegmented insert {raw_rate:,.0f} items/s, "
        f"ratio {raw_rate / rate:.1f})"
    )
    print(
        f"{label}: {len(queries)} queries × 3, matches per query "
        f"{min(totals):,}–{max(totals):,} (median {statistics.median(totals):,.0f}): "
        f"search p50 {p50:.1f} ms, p95 {p95:.1f} ms; bare lookup p50 {b50:.1f} ms, "
        f"p95 {b95:.1f} ms (ratio p95 {p95 / b95:.1f}); LIKE '%…%' {like:.0f} ms "
        f"(goal p95 < {GOAL_MS:g} ms: {'met' if p95 < GOAL_MS else 'NOT met'})"
    )
    for kind, texts in (("1", ONE_CHAR), ("2", TWO_CHAR), ("4", FOUR_CHAR)):
        chosen = [q for q in queries if q.text in texts]
        t = _timings(lambda q: search_documents(query=q), chosen, runs=1)
        print(
            f"  {kind}-character queries: max {max(t):.1f} ms, median {statistics.median(t):.1f} ms"
        )
    key = f"search_{name}"
    print(
        json.dumps(
            {
                f"search_index_{name}_items_per_s": rate,
                f"search_index_{name}_raw_items_per_s": raw_rate,
                f"{key}_p50_ms": p50,
                f"{key}_p95_ms": p95,
                f"{key}_bare_p50_ms": b50,
                f"{key}_bare_p95_ms": b95,
                f"{key}_like_ms": like,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        sys.path.insert(0, str(ROOT))
        run()
