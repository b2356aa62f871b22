"""Letters: the shipped templates, drafting a letter from a case, issuing it (文号,
frozen text), its PDF and DOCX, the office's templates and settings, and the case
file (案卷) as one PDF and as a zip for the archive.

A letter is not a change of the case: issuing one writes a ``Letter`` (who, when,
the text as issued), never an ``ApplicationEvent``; the timeline of the case file
shows both, by date.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Literal

from django.db import transaction
from django.db.models import Model
from django.utils.html import escape

from gongkai.accounts.models import User
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    Consultation,
    CorrectionRequest,
    Extension,
    FeeNotice,
)
from gongkai.applications.outcomes import BASIS, ApplicantType, Outcome
from gongkai.applications.privacy import mask_id_number, mask_phone
from gongkai.core.errors import DomainError, InvalidState, PermissionDenied
from gongkai.documents.pdf import html_to_pdf
from gongkai.letters import law, permissions
from gongkai.letters.context import citation_full, date_cn, letter_values
from gongkai.letters.defaults import DEFAULT_TEMPLATES
from gongkai.letters.kinds import DECISION_KINDS, LetterKind, kind_label, reply_kind
from gongkai.letters.models import (
    DEFAULT_NUMBER_PATTERN,
    Letter,
    LetterCounter,
    LetterSettings,
    LetterTemplate,
)
from gongkai.letters.placeholders import (
    NUMBER_PLACEHOLDERS,
    PlaceholderError,
    check_template,
    fill,
    missing_marks,
    used_placeholders,
)
from gongkai.letters.rendering import (
    LETTER_CSS,
    LetterText,
    html_document,
    letter_docx,
    letter_fragment,
    letter_pdf,
)
from gongkai.letters.selectors import (
    letter_settings_for,
    letters_for_case,
    letters_timeline,
    template_for,
)
from gongkai.orgs.models import Organisation

logger = logging.getLogger(__name__)

MAX_BODY: Final = 20_000
MAX_TITLE: Final = 200
FileFormat = Literal["pdf", "docx"]
CONTENT_TYPES: Final = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
}


class LetterError(DomainError):
    code = "letter_invalid"


class TemplateError(LetterError):
    code = "letter_template_invalid"


# -- the shipped templates ---------------------------------------------------------
def letters_install_defaults(
    template_model: type[Model] | None = None, *, replace: bool = False
) -> int:
    """Store the shipped default templates (no organisation) that are missing, or
    all of them with ``replace``.  Called by the data migration (with the
    migration's model).  Returns how many were written."""
    model: Any = template_model or LetterTemplate
    written = 0
    for kind, default in DEFAULT_TEMPLATES.items():
        existing = model.objects.filter(organisation__isnull=True, kind=kind).first()
        if existing is not None and not replace:
            continue
        if existing is None:
            existing = model(organisation=None, kind=kind)
        existing.title, existing.body = default.title, default.body
        existing.save()
        written += 1
    return written


# -- drafting and issuing -------------------------------------------------------------
#: A notice states what the case file records: the record must exist first.
_NOTICE_RECORDS: Final[dict[str, tuple[Any, str]]] = {
    LetterKind.CORRECTION: (CorrectionRequest, "补正告知（第三十条）"),
    LetterKind.EXTENSION: (Extension, "延期答复（第三十三条第二款）"),
    LetterKind.CONSULTATION: (Consultation, "征求第三方意见（第三十二条）"),
    LetterKind.FEE: (FeeNotice, "收费通知"),
}


def _check_kind(application: Application, kind: str) -> None:
    if kind not in LetterKind.values:
        raise LetterError(f"文书类别「{kind}」不存在：请从文书类别列表中选择")
    if kind in _NOTICE_RECORDS:
        model, what = _NOTICE_RECORDS[kind]
        if not model.objects.filter(application=application).exists():
            raise InvalidState(
                f"该申请还没有登记{what}：请先在办理页面登记，再出具「{kind_label(kind)}」"
            )
    if kind in DECISION_KINDS:
        expected = reply_kind(application)
        if not expected:
            raise InvalidState(
                "该申请尚未作出办理结果，不能出具答复书：请先在办理页面作出答复决定"
            )
        if kind != expected:
            raise LetterError(
                f"该申请的办理结果为「{Outcome(application.outcome).label}」，应出具"
                f"「{kind_label(expected)}」，不能出具「{kind_label(kind)}」"
            )


def _template(application: Application, kind: str) -> LetterTemplate:
    template = template_for(organisation=application.organisation, kind=kind)
    if template is None:
        raise LetterError(
            f"没有「{kind_label(kind)}」的文书模板：请管理员运行数据库迁移"
            "（gongkai manage migrate）以安装默认模板"
        )
    return template


def letter_draft(
    *, application: Application, kind: str, issued_on: date | None = None
) -> str:
    """The letter's text filled in from the case (the body; the title and 文号 are
    set on issue).  What the case lacks shows as 〔请填写：…〕 for the clerk to
    complete before issuing; a provisional due date says 暂定."""
    _check_kind(application, kind)
    template = _template(application, kind)
    values = letter_values(
        application=application,
        kind=kind,
        issued_on=issued_on or application.decided_on or application.received_on,
    )
    return fill(template.body, values)


def _check_text(
    text: str, *, what: str, limit: int, values: frozenset[str] = frozenset()
) -> str:
    """``text`` ready to issue: not empty, within ``limit``, no 〔请填写〕 mark and
    no placeholder left (``values``: the case's values, which may contain anything
    the applicant typed, braces included)."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise LetterError(f"{what}不能为空")
    if len(text) > limit:
        raise LetterError(f"{what}共 {len(text)} 字，超过 {limit} 字的上限：请精简")
    if marks := missing_marks(text):
        raise LetterError(
            f"{what}中还有待填写的内容："
            + "、".join(f"〔请填写：{m}〕" for m in marks)
            + "。请在正文中写明后再出具（行政复议机关、联系人等也可以在「文书设置」中设置）"
        )
    names = [
        n
        for n in used_placeholders(text)
        if not any(f"{{{{{n}}}}}" in v for v in values)
    ]
    if names:
        raise LetterError(
            f"{what}中还有占位符 "
            + "、".join(f"{{{{{n}}}}}" for n in names)
            + "：出具的文书应是最终文字，请替换为实际内容"
        )
    return text


def _next_number(
    organisation: Organisation, settings_row: LetterSettings, year: int
) -> tuple[str, int]:
    counter, _ = LetterCounter.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    pattern = settings_row.number_pattern or DEFAULT_NUMBER_PATTERN
    number = fill(
        pattern,
        {
            "机关简称": organisation.short_name or organisation.name,
            "年": str(year),
            "序号": str(counter.last),
        },
    )
    return number, counter.last


@transaction.atomic
def letter_issue(
    *,
    application: Application,
    kind: str,
    actor: User,
    issued_on: date,
    text: str | None = None,
) -> Letter:
    """Issue a letter: its 文号 (the organ's pattern and yearly counter), its text
    frozen as issued (``text`` as the clerk edited it, else the draft)."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=application.pk)
    )
    if not permissions.can_issue(actor, application):
        raise PermissionDenied("您不能办理该申请，不能出具它的文书")
    _check_kind(application, kind)
    if issued_on < application.received_on:
        raise LetterError(
            f"成文日期 {issued_on.isoformat()} 早于收到申请之日 "
            f"{application.received_on.isoformat()}：请核对日期"
        )
    template = _template(application, kind)
    values = letter_values(application=application, kind=kind, issued_on=issued_on)
    body = fill(template.body, values) if text is None else text
    typed = frozenset(v for v in values.values() if v)
    body = _check_text(body, what="正文", limit=MAX_BODY, values=typed)
    title = _check_text(
        fill(template.title, values), what="标题", limit=MAX_TITLE, values=typed
    )
    organisation = application.organisation
    settings_row = letter_settings_for(organisation=organisation)
    number, serial = _next_number(organisation, settings_row, issued_on.year)
    letter = Letter.objects.create(
        application=application,
        organisation=organisation,
        kind=kind,
        number=number,
        serial=serial,
        title=title,
        body=body,
        signature=settings_row.signature.strip() or organisation.name,
        issued_on=issued_on,
        issued_by=actor,
        template=template if template.pk else None,
    )
    logger.info("letter %s issued on application %s", letter.number, application.pk)
    return letter


def letter_text(letter: Letter) -> LetterText:
    return LetterText(
        title=letter.title,
        number=letter.number,
        body=letter.body,
        signature=letter.signature,
        issued_on=letter.issued_on,
    )


_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


def letter_filename(letter: Letter, fmt: str) -> str:
    name = _UNSAFE_NAME.sub("_", f"{letter.number}_{kind_label(letter.kind)}")
    return f"{name}.{fmt}"


def letter_file(*, letter: Letter, fmt: FileFormat) -> tuple[bytes, str, str]:
    """The issued letter as ``(bytes, filename, content type)``."""
    if fmt == "pdf":
        data = letter_pdf(letter_text(letter))
    elif fmt == "docx":
        data = letter_docx(letter_text(letter))
    else:
        raise LetterError(f"文件格式「{fmt}」无效：请选择 pdf 或 docx")
    return data, letter_filename(letter, fmt), CONTENT_TYPES[fmt]


def letter_preview(
    *,
    application: Application,
    kind: str,
    issued_on: date,
    text: str | None = None,
) -> LetterText:
    """The letter as it would be issued (文号 shown as 〔文号〕), for a preview."""
    _check_kind(application, kind)
    template = _template(application, kind)
    values = letter_values(application=application, kind=kind, issued_on=issued_on)
    settings_row = letter_settings_for(organisation=application.organisation)
    return LetterText(
        title=fill(template.title, values),
        number="〔出具时编号〕",
        body=fill(template.body, values) if text is None else text,
        signature=settings_row.signature.strip() or application.organisation.name,
        issued_on=issued_on,
    )


# -- templates and settings -------------------------------------------------------------
#: Sample values for the template preview (no case needed).
SAMPLE_VALUES: Final[dict[str, str]] = {
    "申请人": "张三",
    "称谓": "您",
    "受理编号": "示例-2026-00001",
    "收到申请日期": "2026年3月2日",
    "申请事项": "1．某项目环境影响评价文件（文号：示环审〔2025〕8号）",
    "申请渠道": "网络",
    "答复日期": "2026年3月27日",
    "答复期限": "2026年3月30日",
    "法律依据": "《中华人民共和国政府信息公开条例》（国务院令第711号）第十六条第二款",
    "条文": "《中华人民共和国政府信息公开条例》第十六条第二款规定：“……”",
    "理由": "您申请获取的信息属于本机关在履行行政管理职能过程中形成的过程性信息。",
    "不予公开事项": "1．某项目会议纪要：不予公开，理由为“属于四类过程性信息”，依据《中华人民共和国政府信息公开条例》第十六条第二款。",
    "提供方式": "电子形式、通过电子邮件方式",
    "负责机关": "示范县住房和城乡建设局",
    "救济途径": "如对本答复不服，可以在收到本答复之日起六十日内向示范市人民政府申请行政复议，或者在六个月内向有管辖权的人民法院提起行政诉讼。",
    "补正事项": "1．请写明所需政府信息的名称或者文号。",
    "补正告知日期": "2026年3月5日",
    "补正期限": "2026年3月19日",
    "延长天数": "20",
    "延期后答复期限": "2026年4月28日",
    "延期理由": "申请公开的政府信息数量较多，需要逐件检索",
    "第三方名称": "某某有限公司",
    "收费方式": "按件计收",
    "收费数量": "12件",
    "收费金额": "100.00",
    "收费明细": "第11至12件，每件50元",
    "收费通知日期": "2026年3月10日",
    "缴费期限": "2026年4月8日",
    "联系人": "李四",
    "联系电话": "0396-0000000",
    "机关地址": "示范县人民路1号",
    "联系方式": "联系人：李四，联系电话：0396-0000000。",
}


def template_preview(*, template: LetterTemplate, title: str, body: str) -> LetterText:
    """``title`` and ``body`` filled with sample values (placeholders checked)."""
    try:
        check_template(title, where="标题")
        check_template(body, where="正文")
    except PlaceholderError as exc:
        raise TemplateError(exc.message) from exc
    organisation = template.organisation
    name = organisation.name if organisation else "示范县人民政府"
    values = {**SAMPLE_VALUES, "机关名称": name}
    if template.kind == LetterKind.NOT_THIS_ORGAN:
        values["条文"] = law.NOT_THIS_ORGAN_TEXT
        values["法律依据"] = citation_full(law.NOT_THIS_ORGAN_BASIS) or ""
    elif template.kind in Outcome.values:
        values["条文"] = law.ARTICLE_TEXT[template.kind] or ""
        values["法律依据"] = citation_full(BASIS[template.kind]) or ""
        values["救济途径"] = law.remedies_clause(
            outcome=template.kind,
            reconsideration_body="示范市人民政府",
            court="有管辖权的人民法院",
        )
    return LetterText(
        title=fill(title, values),
        number="示依公开〔2026〕1号",
        body=fill(body, values),
        signature=name,
        issued_on=date(2026, 3, 27),
    )


def template_save(
    *, template: LetterTemplate, body: str, actor: User, title: str | None = None
) -> LetterTemplate:
    """Save an edited template (the organ's own version; a new one if ``template``
    is unsaved).  Every placeholder must exist: an unknown one is an error naming it."""
    if not permissions.can_edit_templates(actor, template.organisation):
        raise PermissionDenied(
            "只有本机关的公开办管理员可以修改文书模板"
            if template.organisation_id
            else "只有系统管理员可以修改默认文书模板"
        )
    if template.kind not in LetterKind.values:
        raise TemplateError(f"文书类别「{template.kind}」不存在")
    title = template.title if title is None else title
    title = title.replace("\r\n", "\n").strip()
    body = body.replace("\r\n", "\n").strip()
    if not title:
        raise TemplateError("请填写标题")
    if not body:
        raise TemplateError("请填写正文")
    if len(title) > MAX_TITLE:
        raise TemplateError(f"标题共 {len(title)} 字，超过 {MAX_TITLE} 字的上限")
    if len(body) > MAX_BODY:
        raise TemplateError(f"正文共 {len(body)} 字，超过 {MAX_BODY} 字的上限")
    try:
        check_template(title, where="标题")
        check_template(body, where="正文")
    except PlaceholderError as exc:
        raise TemplateError(exc.message) from exc
    template.title, template.body, template.updated_by = title, body, actor
    template.save()
    return template


def template_reset(*, template: LetterTemplate, actor: User) -> None:
    """Drop an organ's own version: the organ uses the one above it again."""
    if template.organisation_id is None:
        raise TemplateError("默认模板不能删除")
    if not permissions.can_edit_templates(actor, template.organisation):
        raise PermissionDenied("只有本机关的公开办管理员可以修改文书模板")
    template.delete()


def letter_settings_save(
    *,
    organisation: Organisation,
    actor: User,
    number_pattern: str,
    signature: str = "",
    reconsideration_body: str = "",
    court: str = "",
    contact_person: str = "",
    contact_phone: str = "",
    address: str = "",
) -> LetterSettings:
    if not permissions.can_edit_templates(actor, organisation):
        raise PermissionDenied("只有本机关的公开办管理员可以修改文书设置")
    pattern = number_pattern.strip() or DEFAULT_NUMBER_PATTERN
    try:
        check_template(pattern, allowed=NUMBER_PLACEHOLDERS, where="文号格式")
    except PlaceholderError as exc:
        raise TemplateError(exc.message) from exc
    used = used_placeholders(pattern)
    if "序号" not in used or "年" not in used:
        raise TemplateError(
            "文号格式中须有 {{年}} 和 {{序号}}（序号每年从 1 起），否则文号会重复"
        )
    row = letter_settings_for(organisation=organisation)
    row.number_pattern = pattern
    row.signature = signature.strip()
    row.reconsideration_body = reconsideration_body.strip()
    row.court = court.strip()
    row.contact_person = contact_person.strip()
    row.contact_phone = contact_phone.strip()
    row.address = address.strip()
    row.save()
    return row


# -- the case file (案卷) ------------------------------------------------------------------
EVENT_LABELS: Final = {
    "registered": "登记申请",
    "routed": "分办至承办单位",
    "handed_back": "退回公开办",
    "started": "开始办理",
    "transferred": "转送其他机关",
    "correction_requested": "告知补正",
    "correction_received": "收到补正",
    "correction_lapsed": "逾期未补正",
    "consulted": "征求意见",
    "consultation_answered": "收到意见",
    "extended": "延期答复",
    "decided": "作出答复",
    "withdrawn": "申请人撤回",
    "delivered": "送达",
    "archived": "归档",
    "attached": "补充材料",
}


@dataclass(frozen=True)
class TimelineLine:
    on: date
    what: str
    who: str
    note: str


def case_timeline(application: Application) -> list[TimelineLine]:
    """The case's events and its letters, by date."""
    lines: list[tuple[date, int, int, TimelineLine]] = []
    events = ApplicationEvent.objects.filter(application=application).select_related(
        "actor"
    )
    for event in events:
        who = event.actor.get_full_name() or event.actor.username if event.actor else ""
        lines.append(
            (
                event.on,
                0,
                event.pk,
                TimelineLine(
                    event.on, EVENT_LABELS.get(event.kind, event.kind), who, event.note
                ),
            )
        )
    for item in letters_timeline(application):
        lines.append(
            (
                item.on,
                1,
                item.letter_id,
                TimelineLine(item.on, f"出具文书：{item.label}", "", item.number),
            )
        )
    return [line for *_, line in sorted(lines, key=lambda t: t[:3])]


@dataclass
class _CaseFile:
    """The parts of a case file: letters, stored files, and the manifest rows."""

    letters: list[Letter] = field(default_factory=list)
    files: list[tuple[str, str, str, bytes | None]] = field(default_factory=list)
    # (path in the zip, description, content type, bytes or None if missing)


def _read(f: Any) -> bytes | None:
    if not f:
        return None
    try:
        f.open("rb")
        try:
            data: bytes = f.read()
        finally:
            f.close()
    except OSError:
        return None
    return data


def _sniff(data: bytes | None, declared: str = "") -> str:
    if data is None:
        return declared
    if data.startswith(b"%PDF"):
        return "application/pdf"
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return declared or "application/octet-stream"


def _stored_files(application: Application) -> list[tuple[str, str, str, bytes | None]]:
    out: list[tuple[str, str, str, bytes | None]] = []
    for n, attachment in enumerate(application.attachments.all(), start=1):
        data = _read(attachment.file)
        name = _UNSAFE_NAME.sub("_", attachment.original_name) or f"attachment{n}"
        out.append(
            (
                f"申请材料/{n:02d}_{name}",
                f"申请材料（{attachment.get_kind_display()}）：{attachment.original_name}",
                _sniff(data, attachment.content_type),
                data,
            )
        )
    if application.delivery_proof:
        data = _read(application.delivery_proof)
        suffix = application.delivery_proof.name.rsplit(".", 1)[-1][:8]
        out.append((f"送达凭证/送达凭证.{suffix}", "送达凭证", _sniff(data), data))
    fee = getattr(application, "fee_notice", None)
    if fee is not None and fee.receipt:
        data = _read(fee.receipt)
        suffix = fee.receipt.name.rsplit(".", 1)[-1][:8]
        out.append((f"缴费凭证/缴费凭证.{suffix}", "缴费凭证", _sniff(data), data))
    return out


def _collect(application: Application) -> _CaseFile:
    return _CaseFile(
        letters=list(letters_for_case(application)), files=_stored_files(application)
    )


def _row(label: str, value: str) -> str:
    return f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"


def _cover(application: Application, parts: _CaseFile) -> str:
    items = "；".join(str(i) for i in application.items.all())
    rows = [
        _row("受理编号", application.tracking_number),
        _row("受理机关", application.organisation.name),
        _row("承办单位", application.unit.name if application.unit else ""),
        _row("申请人", application.applicant_name),
        _row("申请人类型", str(ApplicantType(application.applicant_type).label)),
        _row("证件号码", mask_id_number(application.id_number)),
        _row("联系电话", mask_phone(application.phone)),
        _row("申请渠道", application.get_channel_display()),
        _row("收到申请之日", date_cn(application.received_on) or ""),
        _row("申请事项", items),
        _row("状态", application.get_status_display()),
        _row(
            "办理结果",
            application.get_outcome_display() if application.outcome else "尚未办结",
        ),
        _row("法律依据", application.outcome_basis),
        _row("办结日期", date_cn(application.decided_on) or ""),
        _row(
            "送达",
            f"{date_cn(application.delivered_on)}，{application.get_delivered_by_display()}"
            if application.delivered_on
            else "",
        ),
        _row("归档日期", date_cn(application.archived_on) or ""),
    ]
    contents = []
    n = 0
    for letter in parts.letters:
        n += 1
        contents.append(
            f"<tr><td>{n}</td><td>{escape(kind_label(letter.kind))}</td>"
            f"<td>{escape(letter.number)}</td><td>{escape(date_cn(letter.issued_on) or '')}</td></tr>"
        )
    n += 1
    contents.append(f"<tr><td>{n}</td><td>办理记录</td><td></td><td></td></tr>")
    for _path, label, ctype, data in parts.files:
        n += 1
        note = (
            "文件缺失"
            if data is None
            else (
                "附后"
                if ctype in ("application/pdf", "image/png", "image/jpeg")
                else "见归档压缩包"
            )
        )
        contents.append(
            f"<tr><td>{n}</td><td>{escape(label)}</td><td>{escape(note)}</td><td></td></tr>"
        )
    return (
        '<section class="cover"><h1>政府信息公开申请案卷</h1>'
        f'<table class="list">{"".join(rows)}</table>'
        '<h2 class="section" style="margin-top:14pt">卷内目录</h2>'
        '<table class="list"><thead><tr><th>序号</th><th>材料</th><th>文号或备注</th>'
        f"<th>日期</th></tr></thead><tbody>{''.join(contents)}</tbody></table></section>"
    )


def _timeline_section(application: Application) -> str:
    rows = "".join(
        f'<tr><td class="nowrap">{escape(date_cn(line.on) or "")}</td>'
        f'<td>{escape(line.what)}</td><td class="nowrap">{escape(line.who)}</td>'
        f"<td>{escape(line.note)}</td></tr>"
        for line in case_timeline(application)
    )
    return (
        '<section class="page-break"><h2 class="section">办理记录</h2>'
        f'<p style="text-indent:0;font-size:12pt">受理编号：{escape(application.tracking_number)}</p>'
        '<table class="list"><thead><tr><th>日期</th><th>事项</th><th>经办人</th>'
        f"<th>说明</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _image_pages(parts: _CaseFile) -> str:
    out = []
    for _path, label, ctype, data in parts.files:
        if data is not None and ctype in ("image/png", "image/jpeg"):
            uri = f"data:{ctype};base64,{base64.b64encode(data).decode()}"
            out.append(
                f'<figure class="attachment"><img src="{uri}" alt="">'
                f"<figcaption>{escape(label)}</figcaption></figure>"
            )
    return "".join(out)


def _append_pdfs(pdf: bytes, extra: list[bytes]) -> bytes:
    if not extra:
        return pdf
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    for data in extra:
        try:
            other = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            logger.warning(
                "an attachment PDF could not be read; left out of the case file"
            )
            continue
        document.import_pages(other)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _timeline_pdf(application: Application) -> bytes:
    return html_to_pdf(
        html_document([_timeline_section(application)], title="办理记录")
    )


def case_file_pdf(*, application: Application) -> bytes:
    """The case file as one PDF: a cover with the contents (卷内目录), every issued
    letter, the timeline, then the attachments, delivery proof and fee receipt
    (PDF pages and images; other files are in the zip)."""
    parts = _collect(application)
    fragments = [_cover(application, parts)]
    fragments += [
        f'<div class="page-break">{letter_fragment(letter_text(letter))}</div>'
        for letter in parts.letters
    ]
    fragments.append(_timeline_section(application))
    fragments.append(_image_pages(parts))
    pdf = html_to_pdf(
        html_document(fragments, title=f"案卷 {application.tracking_number}")
    )
    extra = [
        data
        for _p, _l, ctype, data in parts.files
        if data is not None and ctype == "application/pdf"
    ]
    return _append_pdfs(pdf, extra)


def case_file_zip(*, application: Application) -> bytes:
    """The case file for the archive: every letter as PDF and DOCX, the attachments,
    delivery proof, fee receipt, the timeline as PDF, and ``manifest.csv`` (each
    file with its description, date, size and SHA-256)."""
    parts = _collect(application)
    entries: list[tuple[str, str, str, bytes | None]] = []
    for n, letter in enumerate(parts.letters, start=1):
        formats: tuple[FileFormat, ...] = ("pdf", "docx")
        for fmt in formats:
            rendered, name, _ctype = letter_file(letter=letter, fmt=fmt)
            entries.append(
                (
                    f"文书/{n:02d}_{name}",
                    f"{kind_label(letter.kind)} {letter.number}",
                    letter.issued_on.isoformat(),
                    rendered,
                )
            )
    entries.append(
        ("办理记录.pdf", "办理记录（时间线）", "", _timeline_pdf(application))
    )
    entries += [(path, label, "", data) for path, label, _c, data in parts.files]
    out = io.BytesIO()
    manifest = io.StringIO()
    writer = csv.writer(manifest)
    writer.writerow(["序号", "文件", "说明", "日期", "字节", "SHA-256"])
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, (path, label, when, data) in enumerate(entries, start=1):
            if data is None:
                writer.writerow([n, path, f"{label}（文件缺失）", when, 0, ""])
                continue
            archive.writestr(path, data)
            writer.writerow(
                [n, path, label, when, len(data), hashlib.sha256(data).hexdigest()]
            )
        archive.writestr("manifest.csv", "\ufeff" + manifest.getvalue())
    return out.getvalue()


def case_file_name(application: Application, fmt: str) -> str:
    return f"{_UNSAFE_NAME.sub('_', application.tracking_number)}_案卷.{fmt}"


__all__ = [
    "CONTENT_TYPES",
    "LETTER_CSS",
    "LetterError",
    "TemplateError",
    "case_file_name",
    "case_file_pdf",
    "case_file_zip",
    "case_timeline",
    "letter_draft",
    "letter_file",
    "letter_issue",
    "letter_preview",
    "letter_settings_save",
    "letter_text",
    "letters_install_defaults",
    "template_preview",
    "template_reset",
    "template_save",
]
