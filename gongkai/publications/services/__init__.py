"""Every write of proactive disclosure (see ``gongkai/publications/README.md``)."""

from gongkai.publications.services.items import (
    EDITABLE,
    item_create,
    item_leader_approve,
    item_recompute_open_dues,
    item_return,
    item_review_approve,
    item_submit,
    item_update,
)
from gongkai.publications.services.lifecycle import (
    item_amend,
    item_lapse,
    item_repeal,
    item_withdraw,
)
from gongkai.publications.services.site import (
    category_save,
    checklist_question_save,
    decision_count_save,
    guide_publish,
    guide_save,
    interpretation_save,
    item_attach,
)

__all__ = [
    "EDITABLE",
    "category_save",
    "checklist_question_save",
    "decision_count_save",
    "guide_publish",
    "guide_save",
    "interpretation_save",
    "item_amend",
    "item_attach",
    "item_create",
    "item_lapse",
    "item_leader_approve",
    "item_recompute_open_dues",
    "item_repeal",
    "item_return",
    "item_review_approve",
    "item_submit",
    "item_update",
    "item_withdraw",
]
