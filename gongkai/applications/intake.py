"""What ``services.application_register`` and ``services.application_attach`` check
before they write: every problem of an application at once (第二十九条, via
``rules.content``), its receipt date per channel (第三十一条, via ``rules.receipt``),
and an attachment's type read from its bytes.

Reads nothing but its arguments (no clock, no database): the public form's
field-by-field check calls :func:`application_problems` as the person types.

Problems carry the field names of ``application_register``'s arguments
(``applicant_type``, ``applicant_name``, ``id_type``, ``id_number``, ``phone``,
``email``, ``address``, ``contact``, ``items``/``description`` with ``item``,
``form_wanted``, ``delivery``, ``channel`` and the receipt date arguments), so that
a form or the API can show each beside its field.  Besides the codes of
``rules`` (docs/reference/application-input.md) they may carry:

- ``channel.invalid``: not a channel of 第三十一条;
- ``received_on.future``: the receipt date is after today;
- ``received_on.mismatch``: ``received_on`` disagrees with the channel's own date;
- ``text.too_long`` / ``text.control_char``: a field longer than it can be stored,
  or holding control characters (NUL) that cannot be stored.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from gongkai.applications.outcomes import ApplicantType
from gongkai.applications.rules.content import (
    ApplicantKind,
    ApplicationContent,
    ContentProblem,
    RequestedItem,
    check_application_content,
)
from gongkai.applications.rules.receipt import (
    RECEIPT_FIELD,
    Channel,
    Receipt,
    ReceiptDateInvalid,
    ReceiptDateMissing,
    receipt_date,
)

#: Field names of ``rules.content`` → the arguments of ``application_register``.
FIELD_NAMES: Final = {
    "applicant_kind": "applicant_type",
    "name": "applicant_name",
    "identity_type": "id_type",
    "identity_number": "id_number",
    "form": "form_wanted",
}
#: Longest value each text argument can be stored with (the model's max_length;
#: a test keeps them equal).
MAX_LENGTHS: Final = {
    "applicant_name": 200,
    "id_number": 64,
    "phone": 40,
    "email": 254,
    "address": 300,
}
ITEM_MAX_LENGTHS: Final = {"name": 300, "document_number": 100}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CHANNEL_INVALID: Final = "channel.invalid"
_FUTURE: Final = "received_on.future"
_TOO_EARLY: Final = "received_on.too_early"
#: The first day the working-day calendar knows (chinesecalendar starts in 2004).
EARLIEST_RECEIPT: Final = date(2004, 1, 1)
_MISMATCH: Final = "received_on.mismatch"
_TOO_LONG: Final = "text.too_long"
_CONTROL_CHAR: Final = "text.control_char"
_LABELS: Final = {
    "applicant_name": "申请人姓名或名称",
    "id_number": "证件号码",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "通信地址",
    "name": "信息名称",
    "document_number": "文号",
    "description": "其他特征描述",
}


@dataclass(frozen=True)
class IntakeInput:
    """What ``application_register`` is given, as plain values."""

    applicant_type: str
    applicant_name: str
    id_type: str
    id_number: str
    form_wanted: str
    delivery: str
    items: tuple[RequestedItem, ...]
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class ReceiptDates:
    """The dates a clerk records for 第三十一条; ``received_on`` is the receipt
    date as the caller has it (the date of the channel, see
    :func:`application_receipt`)."""

    channel: str
    received_on: date | None = None
    submitted_on: date | None = None
    signed_for_on: date | None = None
    arrived_on: date | None = None
    confirmed_on: date | None = None


def applicant_kind(applicant_type: str) -> str:
    """The rules' applicant kind for a column of section 三 (``ApplicantType``)."""
    if applicant_type == ApplicantType.NATURAL_PERSON:
        return ApplicantKind.NATURAL_PERSON
    if applicant_type in ApplicantType.values:
        return ApplicantKind.ORGANISATION
    return ""


def application_problems(data: IntakeInput, *, today: date) -> list[ContentProblem]:
    """Every problem of the application's content (第二十九条), named by the
    arguments of ``application_register``."""
    content = ApplicationContent(
        applicant_kind=applicant_kind(data.applicant_type),
        name=data.applicant_name,
        identity_type=data.id_type,
        identity_number=data.id_number,
        phone=data.phone,
        email=data.email,
        address=data.address,
        items=data.items,
        form=data.form_wanted,
        delivery=data.delivery,
    )
    found = [
        replace(p, field=FIELD_NAMES.get(p.field, p.field))
        for p in check_application_content(content, today=today)
    ]
    return _text_problems(data) + found


def _text_problems(data: IntakeInput) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    for name, limit in MAX_LENGTHS.items():
        problems += _text_problem(name, getattr(data, name), limit)
    for i, item in enumerate(data.items):
        for name, limit in ITEM_MAX_LENGTHS.items():
            problems += _text_problem(name, getattr(item, name), limit, item=i)
        problems += _text_problem("description", item.description, None, item=i)
    return problems


def _text_problem(
    name: str, value: str, limit: int | None, *, item: int | None = None
) -> list[ContentProblem]:
    where = _LABELS[name] if item is None else f"第{item + 1}项的{_LABELS[name]}"
    if _CONTROL.search(value):
        return [
            ContentProblem(
                name,
                _CONTROL_CHAR,
                f"{where}含有无法保存的控制字符，请删除后重新输入",
                item,
            )
        ]
    if limit is not None and len(value.strip()) > limit:
        return [
            ContentProblem(
                name,
                _TOO_LONG,
                f"{where}不能超过{limit}个字符（现为{len(value.strip())}个），请精简",
                item,
            )
        ]
    return []


def application_receipt(
    dates: ReceiptDates, *, today: date
) -> tuple[Receipt | None, list[ContentProblem]]:
    """The receipt date of 第三十一条 for the channel (domain-spec §1.6).

    In person: the day of submission; registered post: the day the organ signed for
    it; ordinary post: the day the applicant confirmed it (``confirmed_on`` is
    required: ``received_on`` alone is refused, because the day a letter arrived is
    not its receipt date); online, fax, e-mail: the day the organ received it, both
    sides confirming.  ``received_on`` stands for the channel's own date when that
    is not given (so staff forms and the public form can pass one date)."""
    if dates.channel not in set(Channel):
        return None, [
            ContentProblem(
                "channel",
                _CHANNEL_INVALID,
                f"申请渠道「{dates.channel}」无效：请选择当面提交、挂号信、平信、网络、传真或电子邮件",
            )
        ]
    channel = Channel(dates.channel)
    own = RECEIPT_FIELD[channel]
    given = {
        "submitted_on": dates.submitted_on,
        "signed_for_on": dates.signed_for_on,
        "arrived_on": dates.arrived_on,
        "confirmed_on": dates.confirmed_on,
    }
    if dates.received_on is not None and channel is not Channel.ORDINARY_POST:
        if given[own] is None:
            given[own] = dates.received_on
        elif given[own] != dates.received_on:
            return None, [
                ContentProblem(
                    "received_on",
                    _MISMATCH,
                    f"收到申请之日 {dates.received_on.isoformat()} 与按第三十一条应取的日期 "
                    f"{given[own]} 不一致：请核对日期",
                )
            ]
    try:
        receipt = receipt_date(channel=channel, **given)
    except (ReceiptDateMissing, ReceiptDateInvalid) as e:
        return None, [ContentProblem(e.field, e.code, e.message)]
    if receipt.received_on > today:
        return None, [
            ContentProblem(
                own,
                _FUTURE,
                f"收到申请之日 {receipt.received_on.isoformat()} 晚于今天：请核对日期",
            )
        ]
    if receipt.received_on < EARLIEST_RECEIPT:
        return None, [
            ContentProblem(
                own,
                _TOO_EARLY,
                f"收到申请之日 {receipt.received_on.isoformat()} 早于 "
                f"{EARLIEST_RECEIPT.year} 年：工作日日历从 {EARLIEST_RECEIPT.year} "
                "年起，请核对年份",
            )
        ]
    return receipt, []


def receipt_record(dates: ReceiptDates) -> dict[str, str]:
    """The dates given, for the timeline (ISO strings)."""
    values: Mapping[str, date | None] = {
        "submitted_on": dates.submitted_on,
        "signed_for_on": dates.signed_for_on,
        "arrived_on": dates.arrived_on,
        "confirmed_on": dates.confirmed_on,
    }
    return {k: v.isoformat() for k, v in values.items() if v is not None}


# -- attachments ------------------------------------------------------------------
@dataclass(frozen=True)
class FileType:
    ext: str
    content_type: str
    label: str


PDF: Final = FileType("pdf", "application/pdf", "PDF 文件")
JPEG: Final = FileType("jpg", "image/jpeg", "JPEG 图片")
PNG: Final = FileType("png", "image/png", "PNG 图片")
OFD: Final = FileType("ofd", "application/ofd", "OFD 版式文件")
DOCX: Final = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word 文档（DOCX）",
)
#: The file name extensions accepted, and the type their content must have.
EXTENSIONS: Final = {
    "pdf": PDF,
    "jpg": JPEG,
    "jpeg": JPEG,
    "png": PNG,
    "ofd": OFD,
    "docx": DOCX,
}
ACCEPTED_LABEL: Final = "PDF、JPG、PNG、OFD 或 DOCX"


def sniff(data: bytes) -> FileType | None:
    """The type of a file by its content (magic bytes; for ZIP containers, the
    entries that make a DOCX or an OFD), or None when it is none of ours."""
    if data[:1024].lstrip(b" \t\r\n")[:5] == b"%PDF-":
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    return None


def _sniff_zip(data: bytes) -> FileType | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return None
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        return DOCX
    if "OFD.xml" in names:
        return OFD
    return None


def attachment_problem(*, name: str, data: bytes, max_bytes: int) -> str | None:
    """Why the file cannot be kept (a Chinese message naming it), or None."""
    shown = name or "（未命名文件）"
    if len(data) > max_bytes:
        return (
            f"文件「{shown}」有 {_size(len(data))}，超过了单个文件 {_size(max_bytes)} "
            "的上限：请压缩或分拆后再上传"
        )
    if not data:
        return f"文件「{shown}」是空文件：请重新选择要上传的文件"
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    wanted = EXTENSIONS.get(ext)
    if wanted is None:
        return f"文件「{shown}」的类型不能上传：只接受 {ACCEPTED_LABEL} 文件"
    found = sniff(data)
    if found is None or found.content_type != wanted.content_type:
        what = found.label if found is not None else "无法识别的格式"
        return (
            f"文件「{shown}」的扩展名是 .{ext}，但文件内容是{what}，不是{wanted.label}："
            f"请上传真实的 {ACCEPTED_LABEL} 文件，不要只改扩展名"
        )
    return None


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} 字节"
