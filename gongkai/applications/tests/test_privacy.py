from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import PersonalDataView
from gongkai.applications.privacy import (
    mask_address,
    mask_email,
    mask_id_number,
    mask_name,
    mask_phone,
    personal_data_masked,
    personal_data_reveal,
)
from gongkai.applications.tests.conftest import World
from gongkai.core.errors import PermissionDenied


def test_masks_keep_only_what_identifies_nobody() -> None:
    assert mask_id_number("410102199003071234") == "4101**********1234"
    assert mask_id_number("91350100M000100Y43") == "9135**********0Y43"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_email("zhang.san@example.cn") == "z***@example.cn"
    assert mask_address("河南省郑州市金水区经三路1号") == "河南省郑州市****"
    assert mask_name("张三") == "张*"
    assert mask_id_number("1234") == "****"
    assert mask_phone("") == ""


@pytest.mark.django_db
def test_whole_data_only_for_the_case_handler_and_logged(world: World) -> None:
    app = world.register(date(2026, 3, 2))
    app.phone = "13812345678"
    app.save()
    masked = personal_data_masked(app)
    assert app.id_number not in (masked.id_number,)
    whole = personal_data_reveal(user=world.office, application=app, where="case")
    assert whole.id_number == app.id_number
    assert (
        PersonalDataView.objects.filter(application=app, user=world.office).count() == 1
    )
    with pytest.raises(PermissionDenied):
        personal_data_reveal(user=world.clerk_b, application=app, where="case")
    assert PersonalDataView.objects.count() == 1
