"""Who may do what with letters.

- Issuing a letter on a case, drafting it, downloading the case's letters and its
  case file: whoever may work on the case (``applications.permissions.can_handle``);
  reading them: whoever may see the case (``can_view``).
- An organ's own templates and letter settings: its disclosure office (公开办管理员
  held there or above).  The shipped defaults: a superuser only.
"""

from __future__ import annotations

from gongkai.accounts.scope import AnyUser, user_scope
from gongkai.applications import permissions as case_permissions
from gongkai.orgs.models import Organisation

can_issue = case_permissions.can_handle
can_read = case_permissions.can_view


def can_edit_templates(user: AnyUser, organisation: Organisation | None) -> bool:
    if organisation is None:
        return bool(getattr(user, "is_superuser", False))
    return user_scope(user).has_role(organisation.pk, case_permissions.OFFICE_ROLES)
