"""Personal data of applicants: masked in every list, export and public view, shown
whole only to the staff handling the case, and every whole view logged.

``mask_*`` are pure; :func:`personal_data_reveal` checks who asks and logs the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from gongkai.accounts.models import User
from gongkai.applications import permissions
from gongkai.applications.models import Application, PersonalDataView
from gongkai.core.errors import PermissionDenied

MASK: Final = "*"
#: The personal fields of a case, in the order they are shown.
PERSONAL_FIELDS: Final = ("id_number", "phone", "email", "address")


def mask_id_number(value: str) -> str:
    """Keep the first 4 and last 4 characters: ``4101**********1234``."""
    v = value.strip()
    if len(v) <= 8:
        return MASK * len(v)
    return v[:4] + MASK * (len(v) - 8) + v[-4:]


def mask_phone(value: str) -> str:
    """Keep the first 3 and last 4 digits: ``138****5678``."""
    v = value.strip()
    if len(v) <= 7:
        return MASK * len(v)
    return v[:3] + MASK * (len(v) - 7) + v[-4:]


def mask_email(value: str) -> str:
    """Keep the first character of the local part and the domain: ``z***@example.cn``."""
    v = value.strip()
    local, at, domain = v.partition("@")
    if not at:
        return MASK * len(v)
    return (local[:1] + MASK * 3 if local else MASK * 3) + "@" + domain


def mask_address(value: str) -> str:
    """Keep the first 6 characters (province, city, county as written)."""
    v = value.strip()
    if len(v) <= 6:
        return v[:2] + MASK * max(len(v) - 2, 0)
    return v[:6] + MASK * 4


def mask_name(value: str) -> str:
    """A person's name in a public view: ``张*`` / ``欧阳**``; organisations stay."""
    v = value.strip()
    if len(v) <= 1:
        return v
    return v[0] + MASK * (len(v) - 1)


@dataclass(frozen=True)
class PersonalData:
    id_number: str
    phone: str
    email: str
    address: str


def personal_data_masked(application: Application) -> PersonalData:
    return PersonalData(
        id_number=mask_id_number(application.id_number),
        phone=mask_phone(application.phone),
        email=mask_email(application.email),
        address=mask_address(application.address),
    )


def personal_data_reveal(
    *, user: User, application: Application, where: str
) -> PersonalData:
    """The whole data, for the staff handling the case; the view is logged."""
    if not permissions.can_handle(user, application):
        raise PermissionDenied("只有承办本申请的工作人员可以查看申请人的完整个人信息")
    PersonalDataView.objects.create(
        application=application,
        user=user,
        where=where[:100],
        fields=list(PERSONAL_FIELDS),
    )
    return PersonalData(
        id_number=application.id_number,
        phone=application.phone,
        email=application.email,
        address=application.address,
    )
