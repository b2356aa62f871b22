"""The letters gongkai ships: the text an office starts from and may change in the
back office (``LetterTemplate`` with no organisation).  Written as a county
disclosure office writes its 告知书 and 答复书: who asked, when it was received,
what was asked for, the decision with its article quoted, the way of provision,
the remedies, and the office's contact.  Titles follow domain-spec §6
(practice, UNVERIFIED: offices may retitle them).

Pure data: ``services.letters_install_defaults`` stores them.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from gongkai.applications.outcomes import Outcome
from gongkai.letters.kinds import LetterKind


class DefaultTemplate(NamedTuple):
    title: str
    body: str


def _title(name: str) -> str:
    return "{{机关名称}}\n" + name


_INTRO: Final = (
    "{{申请人}}：\n"
    "{{收到申请日期}}，本机关收到{{称谓}}提交的政府信息公开申请（受理编号：{{受理编号}}），"
    "申请获取以下政府信息：\n"
    "{{申请事项}}\n"
    "现答复如下：\n"
)
_CLOSE: Final = "{{救济途径}}\n特此告知。\n{{联系方式}}"


def _decision(name: str, decision: str) -> DefaultTemplate:
    return DefaultTemplate(_title(name), _INTRO + decision + "\n" + _CLOSE)


_WITHHELD: Final = (
    "{{理由}}\n"
    "{{条文}}\n"
    "根据{{法律依据}}的规定，本机关决定对{{称谓}}申请获取的上述政府信息不予公开。"
)

DEFAULT_TEMPLATES: Final[dict[str, DefaultTemplate]] = {
    LetterKind.RECEIPT: DefaultTemplate(
        _title("政府信息公开申请登记回执"),
        "{{申请人}}：\n"
        "{{称谓}}提交的政府信息公开申请已收悉。根据《中华人民共和国政府信息公开条例》"
        "第三十一条的规定，本机关收到申请之日为{{收到申请日期}}，受理编号为{{受理编号}}。"
        "{{称谓}}申请获取的政府信息为：\n"
        "{{申请事项}}\n"
        "本机关将依照该条例第三十三条的规定，自收到申请之日起20个工作日内予以答复，"
        "答复期限为{{答复期限}}。{{称谓}}可以凭受理编号和查询码查询办理进度。\n"
        "{{联系方式}}",
    ),
    LetterKind.CORRECTION: DefaultTemplate(
        _title("政府信息公开申请补正告知书"),
        "{{申请人}}：\n"
        "本机关于{{收到申请日期}}收到{{称谓}}提交的政府信息公开申请（受理编号：{{受理编号}}）。"
        "经审查，{{称谓}}的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条"
        "的规定，现一次性告知{{称谓}}对以下事项作出补正：\n"
        "{{补正事项}}\n"
        "请于{{补正期限}}前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起"
        "计算。{{称谓}}无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息"
        "公开申请。\n"
        "特此告知。\n"
        "{{联系方式}}",
    ),
    LetterKind.EXTENSION: DefaultTemplate(
        _title("政府信息公开申请延期答复告知书"),
        "{{申请人}}：\n"
        "本机关于{{收到申请日期}}收到{{称谓}}提交的政府信息公开申请（受理编号：{{受理编号}}）。"
        "因{{延期理由}}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开"
        "条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限"
        "延长{{延长天数}}个工作日，本机关将于{{延期后答复期限}}前作出答复。\n"
        "特此告知。\n"
        "{{联系方式}}",
    ),
    LetterKind.CONSULTATION: DefaultTemplate(
        _title("政府信息公开征求第三方意见书"),
        "{{第三方名称}}：\n"
        "本机关于{{收到申请日期}}收到政府信息公开申请（受理编号：{{受理编号}}），申请公开"
        "以下政府信息：\n"
        "{{申请事项}}\n"
        "本机关认为，上述政府信息公开可能损害贵方的合法权益。根据《中华人民共和国政府信息"
        "公开条例》第三十二条的规定，现书面征求贵方意见。请贵方自收到本征求意见书之日起"
        "15个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，本机关将"
        "依照该条例的规定决定是否公开。\n"
        "{{联系方式}}",
    ),
    LetterKind.FEE: DefaultTemplate(
        _title("政府信息公开信息处理费收费通知书"),
        "{{申请人}}：\n"
        "本机关于{{收到申请日期}}收到{{称谓}}提交的政府信息公开申请（受理编号：{{受理编号}}）。"
        "{{称谓}}申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府"
        "信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        "的规定，本机关依法收取信息处理费：\n"
        "计收方式：{{收费方式}}；计费数量：{{收费数量}}；应缴金额：人民币{{收费金额}}元。\n"
        "计费明细：{{收费明细}}\n"
        "请于{{缴费期限}}前按本机关告知的方式缴纳。逾期未缴纳的，视为放弃申请，本机关将"
        "不再处理该政府信息公开申请。\n"
        "特此通知。\n"
        "{{联系方式}}",
    ),
    LetterKind.NOT_THIS_ORGAN: _decision(
        "非本机关政府信息告知书",
        "{{称谓}}申请获取的政府信息不属于本机关负责公开的政府信息。{{理由}}\n"
        "{{条文}}\n"
        "根据该规定，现告知{{称谓}}：上述政府信息由{{负责机关}}负责公开，请向该机关提出申请。",
    ),
    Outcome.DISCLOSED: _decision(
        "政府信息公开申请答复书",
        "{{称谓}}申请获取的政府信息属于可以公开的政府信息。根据{{法律依据}}的规定，"
        "本机关决定予以公开。\n"
        "{{条文}}\n"
        "本机关以{{提供方式}}向{{称谓}}提供上述政府信息。",
    ),
    Outcome.PARTLY_DISCLOSED: _decision(
        "政府信息部分公开告知书",
        "{{称谓}}申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据"
        "{{法律依据}}的规定，本机关向{{称谓}}提供可以公开的政府信息内容，并对不予公开的"
        "内容说明理由如下：\n"
        "{{不予公开事项}}\n"
        "{{条文}}\n"
        "可以公开的部分，本机关以{{提供方式}}向{{称谓}}提供。",
    ),
    **{
        o: _decision("政府信息不予公开告知书", _WITHHELD)
        for o in (
            Outcome.WITHHELD_STATE_SECRET,
            Outcome.WITHHELD_PROHIBITED_BY_LAW,
            Outcome.WITHHELD_THREE_SECURITIES_ONE_STABILITY,
            Outcome.WITHHELD_THIRD_PARTY_INTERESTS,
            Outcome.WITHHELD_INTERNAL_AFFAIRS,
            Outcome.WITHHELD_PROCESS_INFORMATION,
            Outcome.WITHHELD_LAW_ENFORCEMENT_FILE,
        )
    },
    Outcome.WITHHELD_INQUIRY_MATTER: _decision(
        "政府信息公开申请答复书",
        "{{称谓}}申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的"
        "获取有特别规定。{{理由}}\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，请{{称谓}}依照有关法律、行政法规的规定办理。",
    ),
    Outcome.UNABLE_NOT_HELD: _decision(
        "政府信息不存在告知书",
        "经检索，本机关没有{{称谓}}申请获取的政府信息。{{理由}}\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，现告知{{称谓}}：{{称谓}}申请获取的政府信息不存在。",
    ),
    Outcome.UNABLE_NEEDS_CREATION: _decision(
        "政府信息公开申请答复书",
        "{{称谓}}申请获取的信息，本机关没有现成的政府信息，需要对现有政府信息进行加工、"
        "分析方能形成。\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，本机关不予提供。",
    ),
    Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION: _decision(
        "政府信息公开申请答复书",
        "本机关已于{{补正告知日期}}告知{{称谓}}补正申请。{{称谓}}补正后的申请内容仍不明确，"
        "本机关无法确定{{称谓}}申请获取的政府信息。根据{{法律依据}}的规定，本机关无法提供"
        "{{称谓}}申请获取的政府信息。",
    ),
    Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT: _decision(
        "政府信息公开申请答复书",
        "{{称谓}}以政府信息公开申请的形式提出的事项，实为信访、投诉、举报事项。\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，本机关不作为政府信息公开申请处理，{{称谓}}可以通过信访、"
        "投诉、举报等相应渠道提出。",
    ),
    Outcome.NOT_PROCESSED_REPEATED: _decision(
        "不予重复处理告知书",
        "经查，本机关已就{{称谓}}提出的相同政府信息公开申请作出答复，{{称谓}}重复申请公开"
        "相同政府信息。\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，本机关不予重复处理。",
    ),
    Outcome.NOT_PROCESSED_PUBLICATION: _decision(
        "政府信息公开申请答复书",
        "{{称谓}}申请获取的是政府公报、报刊、书籍等公开出版物。\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，{{称谓}}可以通过公开发行渠道、公共图书馆、政府信息查阅场所"
        "或者本机关政府网站获取。",
    ),
    Outcome.NOT_PROCESSED_EXCESSIVE: _decision(
        "政府信息公开申请答复书",
        "{{称谓}}申请公开政府信息的数量、频次明显超过合理范围，本机关已要求{{称谓}}说明理由。"
        "经审查，本机关认为申请理由不合理。\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，本机关不予处理。",
    ),
    Outcome.NOT_PROCESSED_CONFIRMATION: _decision(
        "政府信息公开申请答复书",
        "{{称谓}}的申请实为要求本机关对{{称谓}}已获取的信息予以确认或者重新出具，不属于"
        "《中华人民共和国政府信息公开条例》规定的获取政府信息的申请。本机关对该申请不予处理。",
    ),
    Outcome.OTHER_NO_CORRECTION: _decision(
        "政府信息公开申请终止处理告知书",
        "本机关于{{补正告知日期}}告知{{称谓}}补正申请，补正期限为{{补正期限}}。{{称谓}}无正当"
        "理由逾期未补正。\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，{{称谓}}的申请视为放弃，本机关不再处理该政府信息公开申请。",
    ),
    Outcome.OTHER_FEE_UNPAID: _decision(
        "政府信息公开申请终止处理告知书",
        "本机关于{{收费通知日期}}向{{称谓}}发出收费通知，缴费期限为{{缴费期限}}。{{称谓}}逾期"
        "未缴纳信息处理费。\n"
        "{{条文}}\n"
        "根据{{法律依据}}的规定，视为{{称谓}}放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    Outcome.OTHER: _decision("政府信息公开申请答复书", "{{理由}}"),
}
