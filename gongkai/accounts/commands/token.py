"""gongkai token create --user U --name N | list [--user U] | revoke ID

API tokens for staff systems (``Authorization: Bearer <token>``).  ``create``
prints the token once, on its last line: only its hash is kept.
"""

from __future__ import annotations

import argparse
import sys

HELP = "管理 API 令牌（工作系统调用 /api/v1/ 时使用）：生成、列出、吊销"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = sub.add_parser("create", help="为用户生成令牌（只显示一次）")
    create.add_argument("--user", required=True, help="用户名")
    create.add_argument("--name", required=True, help="令牌名称，例如使用它的系统")
    listing = sub.add_parser("list", help="列出令牌（不显示令牌本身）")
    listing.add_argument("--user", help="只列出该用户的令牌")
    revoke = sub.add_parser("revoke", help="吊销令牌")
    revoke.add_argument("id", type=int, help="令牌编号（见 gongkai token list）")


def run(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.accounts.models import ApiToken, User
    from gongkai.accounts.tokens import api_token_create, api_token_revoke
    from gongkai.core import clock
    from gongkai.core.errors import DomainError

    try:
        if args.action == "create":
            user = User.objects.filter(username=args.user).first()
            if user is None:
                print(f"没有用户名为「{args.user}」的用户", file=sys.stderr)
                return 2
            created = api_token_create(user=user, name=args.name)
            print(
                f"已为「{user.username}」生成令牌「{created.token.name}」"
                f"（编号 {created.token.pk}）。令牌只显示这一次，请妥善保存："
            )
            print(created.secret)
            return 0
        if args.action == "list":
            tokens = ApiToken.objects.select_related("user")
            if args.user:
                tokens = tokens.filter(user__username=args.user)
            for t in tokens:
                used = (
                    f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "从未使用"
                )
                state = f"已吊销 {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "有效"
                print(
                    f"{t.pk}\t{t.user.username}\t{t.name}\t{t.prefix}…\t{used}\t{state}"
                )
            return 0
        token = ApiToken.objects.filter(pk=args.id).first()
        if token is None:
            print(f"没有编号为 {args.id} 的令牌", file=sys.stderr)
            return 2
        api_token_revoke(token=token, now=clock.now())
        print(f"已吊销令牌「{token.name}」（编号 {token.pk}）")
        return 0
    except DomainError as exc:
        print(exc.message, file=sys.stderr)
        return 2
