"""Who may see and change imports.

Imported reports are documents the organs already published, so every staff user
(anyone holding a role at an organ) may look at the imports and the comparison.
Confirming an organ an import created takes the import role (公开办管理员), held
anywhere: such an organ has no place in the tree yet.  Correcting a parsed value
takes the import role, the right to edit that organ's reports, or the 监督评估人员
role at that organ or above it.
"""

from __future__ import annotations

from typing import Final

from gongkai.accounts.models import Role
from gongkai.accounts.scope import AnyUser, user_scope
from gongkai.annual_reports import permissions as report_permissions
from gongkai.annual_reports.models import AnnualReport

IMPORT_ROLES: Final = frozenset({Role.OFFICE_ADMIN})
AUDIT_ROLES: Final = frozenset({Role.AUDITOR})


def can_view_imports(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    return bool(user.is_staff) or user_scope(user).holds_anywhere(Role.values)


def can_confirm_organisations(user: AnyUser) -> bool:
    return user_scope(user).holds_anywhere(IMPORT_ROLES)


def can_correct(user: AnyUser, report: AnnualReport) -> bool:
    scope = user_scope(user)
    return (
        scope.holds_anywhere(IMPORT_ROLES)
        or scope.has_role(report.organisation_id, AUDIT_ROLES)
        or report_permissions.can_edit_report(user, report.organisation)
    )


def can_upload_imports(user: AnyUser) -> bool:
    """Upload reports for a background import, and retry its failed files: the
    import role (公开办管理员) or the 监督评估人员 role, held anywhere (the
    reports may be of any organ, and their organs are matched on import)."""
    return user_scope(user).holds_anywhere(IMPORT_ROLES | AUDIT_ROLES)
