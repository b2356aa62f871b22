"""Whether the database can be used by a command: open, and migrated."""

from __future__ import annotations


def database_problem() -> str:
    """Why a command cannot use the database (a Chinese message with the fix), or
    "" when it is open and every migration has run."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return f"无法打开数据库：{exc}"
    if plan:
        return (
            f"数据库尚未迁移到最新结构（还有 {len(plan)} 个迁移未执行）。"
            "请先运行：gongkai manage migrate"
        )
    return ""
