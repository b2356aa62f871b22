"""The models of proactive disclosure (see ``gongkai/publications/README.md``)."""

from gongkai.publications.models.choices import (
    GENRES,
    Answer,
    Channel,
    Disclosure,
    InterpretationKind,
    NormativeKind,
    Source,
    Validity,
    WithheldGround,
)
from gongkai.publications.models.items import (
    ChecklistQuestion,
    IndexCounter,
    InformationItem,
    ItemAttachment,
    ItemEvent,
    ReviewAnswer,
)
from gongkai.publications.models.site import (
    CatalogueCategory,
    DecisionCount,
    Guide,
    GuideStatus,
    PolicyInterpretation,
)

__all__ = [
    "GENRES",
    "Answer",
    "CatalogueCategory",
    "Channel",
    "ChecklistQuestion",
    "DecisionCount",
    "Disclosure",
    "Guide",
    "GuideStatus",
    "IndexCounter",
    "InformationItem",
    "InterpretationKind",
    "ItemAttachment",
    "ItemEvent",
    "NormativeKind",
    "PolicyInterpretation",
    "ReviewAnswer",
    "Source",
    "Validity",
    "WithheldGround",
]
