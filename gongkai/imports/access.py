"""Who may see and change imports.

Imported reports are documents the organs already published, so every staff user
(auditors are staff users; so is anyone holding a role at an organ) may look at the
imports and the comparison.  Correcting a parsed value takes the import role
(公开办管理员) or the right to edit that organ's reports.
"""

from __future__ import annotations

from typing import Any

from gongkai.accounts import permissions
from gongkai.annual_reports.models import AnnualReport


def can_view_imports(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff or user.is_superuser or user.memberships.exists())


def can_confirm_organisations(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and permissions.can_import(
        user
    )


def can_correct(user: Any, report: AnnualReport) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return permissions.can_import(user) or permissions.can_edit_report(
        user, report.organisation
    )
