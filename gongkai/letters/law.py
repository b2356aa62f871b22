"""The words of the law a letter quotes: the articles of 国务院令第711号 each outcome
rests on (text as promulgated, read from the full text listed in domain-spec §9),
and the remedies clause (行政复议法 2023 第二十条、第二十三条; 行政诉讼法 第四十六条).

Where the compulsory reconsideration of 行政复议法 第二十三条第一款第（四）项 applies
(“申请政府信息公开，行政机关不予公开”; the organ must say so when it decides,
第二十三条第二款) is a setting, ``GONGKAI_LETTERS_RECONSIDERATION_FIRST``: by
default every 不予公开 ground and 部分公开 (its withheld part is a refusal to
disclose).  Whether a court reads 无法提供 / 不予处理 answers as 不予公开 is not
settled (domain-spec UNVERIFIED); the careful clerk does not tell an applicant he
may not sue directly where the law does not say so, so those keep the ordinary
clause.

Pure: no Django besides the settings read by :func:`reconsideration_first`.
"""

from __future__ import annotations

from typing import Final

from django.conf import settings

from gongkai.applications.outcomes import Outcome

REGULATION: Final = "《中华人民共和国政府信息公开条例》"
REGULATION_FULL: Final = "《中华人民共和国政府信息公开条例》（国务院令第711号）"
FEE_MEASURES: Final = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"

A14: Final = (
    "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后"
    "可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。"
)
A15: Final = (
    "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得"
    "公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，"
    "予以公开。"
)
A16_1: Final = (
    "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，"
    "可以不予公开。"
)
A16_2: Final = (
    "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等"
    "过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当"
    "公开的，从其规定。"
)
A30: Final = (
    "政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个"
    "工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限"
    "自行政机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，"
    "行政机关不再处理该政府信息公开申请。"
)
A32: Final = (
    "依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的"
    "意见。第三方应当自收到征求意见书之日起15个工作日内提出意见。第三方逾期未提出"
    "意见的，由行政机关依照本条例的规定决定是否公开。第三方不同意公开且有合理理由的，"
    "行政机关不予公开。行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以"
    "公开，并将决定公开的政府信息内容和理由书面告知第三方。"
)
A33_2: Final = (
    "行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复"
    "期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过"
    "20个工作日。"
)
A35: Final = (
    "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明"
    "理由。行政机关认为申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，"
    "但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并"
    "告知申请人。"
)
A36_1: Final = "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径"
A36_2: Final = (
    "所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的"
    "方式、途径和时间"
)
A36_4: Final = "经检索没有所申请公开信息的，告知申请人该政府信息不存在"
A36_5: Final = (
    "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开"
    "该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式"
)
A36_6: Final = (
    "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息"
    "的，告知申请人不予重复处理"
)
A36_7: Final = (
    "所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有"
    "特别规定的，告知申请人依照有关法律、行政法规的规定办理"
)
A37: Final = (
    "申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，"
    "行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。"
)
A38: Final = (
    "行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。除依照本条例第三十七条"
    "的规定能够作区分处理的外，需要行政机关对现有政府信息进行加工、分析的，行政机关可以"
    "不予提供。"
)
A39_1: Final = (
    "申请人以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人"
    "不作为政府信息公开申请处理并可以告知通过相应渠道提出。"
)
A39_2: Final = (
    "申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关"
    "可以告知获取的途径。"
)
A42_1: Final = (
    "行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次"
    "明显超过合理范围的，行政机关可以收取信息处理费。"
)


def _quote(article: str, text: str) -> str:
    return f"{REGULATION}{article}规定：“{text}”"


#: The wording a reply quotes, by outcome (empty: no article to quote).
ARTICLE_TEXT: Final[dict[str, str]] = {
    Outcome.DISCLOSED: _quote("第三十六条第（二）项", A36_2 + "。"),
    Outcome.PARTLY_DISCLOSED: _quote("第三十七条", A37),
    Outcome.WITHHELD_STATE_SECRET: _quote("第十四条", A14),
    Outcome.WITHHELD_PROHIBITED_BY_LAW: _quote("第十四条", A14),
    Outcome.WITHHELD_THREE_SECURITIES_ONE_STABILITY: _quote("第十四条", A14),
    Outcome.WITHHELD_THIRD_PARTY_INTERESTS: _quote("第十五条", A15),
    Outcome.WITHHELD_INTERNAL_AFFAIRS: _quote("第十六条第一款", A16_1),
    Outcome.WITHHELD_PROCESS_INFORMATION: _quote("第十六条第二款", A16_2),
    Outcome.WITHHELD_LAW_ENFORCEMENT_FILE: _quote("第十六条第二款", A16_2),
    Outcome.WITHHELD_INQUIRY_MATTER: _quote("第三十六条第（七）项", A36_7 + "。"),
    Outcome.UNABLE_NOT_HELD: _quote("第三十六条第（四）项", A36_4 + "。"),
    Outcome.UNABLE_NEEDS_CREATION: _quote("第三十八条", A38),
    Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION: _quote("第三十条", A30),
    Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT: _quote("第三十九条第一款", A39_1),
    Outcome.NOT_PROCESSED_REPEATED: _quote("第三十六条第（六）项", A36_6 + "。"),
    Outcome.NOT_PROCESSED_PUBLICATION: _quote("第三十九条第二款", A39_2),
    Outcome.NOT_PROCESSED_EXCESSIVE: _quote("第三十五条", A35),
    Outcome.NOT_PROCESSED_CONFIRMATION: "",
    Outcome.OTHER_NO_CORRECTION: _quote("第三十条", A30),
    Outcome.OTHER_FEE_UNPAID: _quote("第四十二条第一款", A42_1),
    Outcome.OTHER: "",
}
#: 非本机关 (第三十六条第（五）项).
NOT_THIS_ORGAN_TEXT: Final = _quote("第三十六条第（五）项", A36_5 + "。")
NOT_THIS_ORGAN_BASIS: Final = "第三十六条第（五）项"


def citation(basis: str) -> str:
    """The article a decision rests on, named in full: ``basis`` is
    ``Application.outcome_basis`` (e.g. 第十四条, or the Fee Measures' name)."""
    basis = basis.strip()
    if not basis:
        return ""
    if basis.startswith("《"):
        return basis
    return f"{REGULATION}{basis}"


# -- remedies ------------------------------------------------------------------------
#: Outcomes whose letter states that reconsideration comes first (行政复议法第二十三条).
DEFAULT_RECONSIDERATION_FIRST: Final = frozenset(
    {o for o in Outcome.values if o.startswith("withheld_")}
    | {Outcome.PARTLY_DISCLOSED.value}
)


def reconsideration_first(outcome: str) -> bool:
    """Whether the reply to an application concluded as ``outcome`` must tell the
    applicant to apply for reconsideration before suing (setting
    ``GONGKAI_LETTERS_RECONSIDERATION_FIRST``: a list of outcome codes)."""
    chosen = getattr(
        settings, "GONGKAI_LETTERS_RECONSIDERATION_FIRST", DEFAULT_RECONSIDERATION_FIRST
    )
    return outcome in frozenset(chosen)


def remedies_clause(*, outcome: str, reconsideration_body: str, court: str) -> str:
    """The remedies paragraph of a reply: 60 days for reconsideration (行政复议法第二十条),
    6 months for a lawsuit (行政诉讼法第四十六条), or reconsideration first where
    第二十三条 requires it (the whole refusal, or the withheld part of 部分公开)."""
    ordinary = (
        f"如对本答复不服，可以在收到本答复之日起六十日内向{reconsideration_body}申请"
        f"行政复议，或者在六个月内向{court}提起行政诉讼。"
    )
    if not reconsideration_first(outcome):
        return ordinary
    first = (
        f"应当先在收到本答复之日起六十日内向{reconsideration_body}申请行政复议；"
        "对行政复议决定不服的，可以再依法向人民法院提起行政诉讼"
    )
    law = "根据《中华人民共和国行政复议法》第二十三条的规定，"
    if outcome == Outcome.PARTLY_DISCLOSED:
        return (
            f"{law}对本答复中不予公开的决定不服的，{first}。对本答复其他内容不服的，"
            f"可以在收到本答复之日起六十日内向{reconsideration_body}申请行政复议，"
            f"或者在六个月内向{court}提起行政诉讼。"
        )
    return f"{law}如对本答复不服，{first}。"
