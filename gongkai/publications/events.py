"""The actions of ``ItemEvent`` (one per service call)."""

from __future__ import annotations

from typing import Final

CREATED: Final = "publications.created"
UPDATED: Final = "publications.updated"
ATTACHED: Final = "publications.attached"
SUBMITTED: Final = "publications.submitted"
REVIEW_APPROVED: Final = "publications.review_approved"
LEADER_APPROVED: Final = "publications.leader_approved"  # and published
RETURNED: Final = "publications.returned"
WITHDRAWN: Final = "publications.withdrawn"
AMENDED: Final = "publications.amended"
REPEALED: Final = "publications.repealed"
LAPSED: Final = "publications.lapsed"
IMPORTED: Final = "publications.imported"
#: A 政策解读 of the item added or changed (the item itself is unchanged).
INTERPRETATION_SAVED: Final = "publications.interpretation_saved"

LABELS: Final[dict[str, str]] = {
    CREATED: "起草",
    UPDATED: "修改草稿",
    ATTACHED: "添加附件",
    SUBMITTED: "承办人提交",
    REVIEW_APPROVED: "审核人审核通过（保密审查）",
    LEADER_APPROVED: "分管领导审批通过并发布",
    RETURNED: "退回修改",
    WITHDRAWN: "撤回",
    AMENDED: "更正",
    REPEALED: "废止",
    LAPSED: "失效",
    IMPORTED: "从原网站导入",
    INTERPRETATION_SAVED: "保存政策解读",
}
