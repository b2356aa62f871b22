"""The values a letter's placeholders are filled with, read from the case.

A value the letter needs but the case lacks is ``None`` (drawn as 〔请填写：…〕 in
the draft; a letter still carrying such a mark is not issued); an optional value
the case lacks is ``""``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.applications.models import (
    Application,
    Consultation,
    ConsultationParty,
    CorrectionRequest,
    Extension,
    FeeNotice,
    FormWanted,
)
from gongkai.applications.outcomes import BASIS, ApplicantType, Outcome
from gongkai.letters import law
from gongkai.letters.kinds import DECISION_KINDS, LetterKind
from gongkai.letters.models import LetterSettings
from gongkai.letters.placeholders import MISSING_MARK
from gongkai.orgs.models import Kind, Organisation
from gongkai.orgs.selectors import organisation_ancestors

PROVISIONAL_NOTE = "（暂定：该年度的节假日安排尚未公布，公布后将重新计算）"
DEFAULT_COURT = "有管辖权的人民法院"


def date_cn(value: date | None) -> str | None:
    """``2026年3月2日`` (GB/T 9704: Arabic numerals, no leading zeros)."""
    if value is None:
        return None
    return f"{value.year}年{value.month}月{value.day}日"


def _sentence(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    return text if text[-1] in "。；！？.!?”」" else text + "。"


def _numbered(lines: Iterable[str]) -> str | None:
    out = [f"{n}．{line}" for n, line in enumerate(lines, start=1)]
    return "\n".join(out) or None


def _item_label(name: str, document_number: str, description: str) -> str:
    text = name.strip() or description.strip()
    if document_number.strip():
        text = f"{text}（文号：{document_number.strip()}）" if text else document_number
    if name.strip() and description.strip() and description.strip() != name.strip():
        text = f"{text}，{description.strip()}"
    return text


def _ground_label(ground: str) -> str:
    label = str(Outcome(ground).label)
    return label.split("：", 1)[-1]


def citation_full(basis: str) -> str | None:
    """``《中华人民共和国政府信息公开条例》（国务院令第711号）第十四条``."""
    basis = basis.strip()
    if not basis:
        return None
    if basis.startswith("《"):
        return basis
    return f"{law.REGULATION_FULL}{basis}"


def reconsideration_body_for(
    organisation: Organisation, settings_row: LetterSettings
) -> str | None:
    """The organ reconsidering the organ's decisions: the setting, else the nearest
    people's government above it (行政复议法第二十四条: the government at the same
    level for its departments, the next-higher government for a government)."""
    if settings_row.reconsideration_body.strip():
        return settings_row.reconsideration_body.strip()
    for organ in organisation_ancestors(organisation=organisation):
        if organ.kind == Kind.GOVERNMENT:
            return organ.name
    return None


def _fee_lines(lines: Any, unit: str) -> str:
    parts = []
    for line in lines if isinstance(lines, list) else []:
        if isinstance(line, dict) and {"first", "last", "rate"} <= line.keys():
            try:
                rate = Decimal(str(line["rate"]))
            except InvalidOperation:
                parts.append(str(line))
                continue
            parts.append(f"第{line['first']}至{line['last']}{unit}，每{unit}{rate}元")
        else:
            parts.append(str(line))
    return "；".join(parts)


def letter_values(
    *, application: Application, kind: str, issued_on: date
) -> dict[str, str | None]:
    """Every placeholder's value for a letter of ``kind`` on ``application``."""
    organisation = application.organisation
    settings_row = LetterSettings.objects.filter(
        organisation=organisation
    ).first() or LetterSettings(organisation=organisation)
    natural = application.applicant_type == ApplicantType.NATURAL_PERSON
    you = "您" if natural else "你单位"
    items = list(application.items.all())
    v: dict[str, str | None] = {
        "申请人": application.applicant_name,
        "称谓": you,
        "受理编号": application.tracking_number,
        "收到申请日期": date_cn(application.received_on),
        "申请事项": _numbered(
            _item_label(i.name, i.document_number, i.description) for i in items
        ),
        "申请渠道": application.get_channel_display(),
        "机关名称": organisation.name,
        "答复日期": date_cn(issued_on),
        "联系人": settings_row.contact_person,
        "联系电话": settings_row.contact_phone,
        "机关地址": settings_row.address,
    }
    due = date_cn(application.due_on)
    if due and application.due_provisional:
        due += PROVISIONAL_NOTE
    v["答复期限"] = due
    contact = [
        f"联系人：{settings_row.contact_person}" if settings_row.contact_person else "",
        f"联系电话：{settings_row.contact_phone}" if settings_row.contact_phone else "",
        f"通信地址：{settings_row.address}" if settings_row.address else "",
    ]
    v["联系方式"] = "，".join(c for c in contact if c) + ("。" if any(contact) else "")

    # the decision
    outcome = application.outcome or (kind if kind in Outcome.values else "")
    if kind == LetterKind.NOT_THIS_ORGAN:
        outcome = Outcome.UNABLE_NOT_HELD
        v["法律依据"] = citation_full(law.NOT_THIS_ORGAN_BASIS)
        v["条文"] = law.NOT_THIS_ORGAN_TEXT
    elif kind in Outcome.values:
        basis = application.outcome_basis if application.outcome == kind else ""
        v["法律依据"] = citation_full(basis or BASIS[kind])
        v["条文"] = law.ARTICLE_TEXT[kind]
    v["理由"] = _sentence(application.outcome_reason)
    v["负责机关"] = application.responsible_organ.strip() or None
    if application.form_wanted == FormWanted.INSPECTION:
        v["提供方式"] = f"安排{you}查阅的方式"
    else:
        v["提供方式"] = (
            f"{application.get_form_wanted_display()}形式、通过"
            f"{application.get_delivery_display()}方式"
        )
    withheld = [
        f"{_item_label(i.name, i.document_number, i.description)}：不予公开，理由为"
        f"“{_ground_label(i.withheld_ground)}”，依据"
        f"{law.REGULATION}{BASIS[i.withheld_ground]}。{_sentence(i.withheld_note) or ''}"
        for i in items
        if i.withheld
    ]
    v["不予公开事项"] = _numbered(withheld)
    if kind in DECISION_KINDS:
        body = reconsideration_body_for(organisation, settings_row)
        v["救济途径"] = law.remedies_clause(
            outcome=outcome,
            reconsideration_body=body or MISSING_MARK.format(name="行政复议机关"),
            court=settings_row.court.strip() or DEFAULT_COURT,
        )

    # the notices
    correction = CorrectionRequest.objects.filter(application=application).first()
    if correction is not None:
        v["补正事项"] = _numbered(str(p) for p in correction.points)
        v["补正期限"] = date_cn(correction.deadline)
        v["补正告知日期"] = date_cn(correction.notice_on)
    extension = Extension.objects.filter(application=application).first()
    if extension is not None:
        v["延长天数"] = str(extension.days)
        v["延期理由"] = extension.reason.strip().rstrip("。") or None
        v["延期后答复期限"] = due
    consultation = (
        Consultation.objects.filter(
            application=application, party_kind=ConsultationParty.THIRD_PARTY
        )
        .order_by("-sent_on", "-pk")
        .first()
    )
    if consultation is not None:
        v["第三方名称"] = consultation.party_name
    fee = FeeNotice.objects.filter(application=application).first()
    if fee is not None:
        unit = "件" if fee.method == "per_item" else "页"
        v["收费方式"] = fee.get_method_display()
        v["收费数量"] = f"{fee.quantity}{unit}"
        v["收费金额"] = f"{fee.amount:.2f}"
        v["收费明细"] = _fee_lines(fee.lines, unit) or f"{fee.quantity}{unit}"
        v["缴费期限"] = date_cn(fee.pay_by)
        v["收费通知日期"] = date_cn(fee.sent_on)
    return v
