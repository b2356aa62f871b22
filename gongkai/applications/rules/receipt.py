"""The receipt date (收到申请之日) of an application by channel: 第三十一条 (domain-spec §1.6).

Pure code: the dates are passed in; nothing reads the clock.

| channel            | receipt date                                                 |
|--------------------|--------------------------------------------------------------|
| ``in_person``      | the day of submission (``submitted_on``)                     |
| ``registered_post``| the day the organ signs for it (``signed_for_on``)           |
| ``ordinary_post``  | the day the applicant confirms it (``confirmed_on``); the    |
|                    | office must contact the applicant the day it arrives         |
|                    | (``arrived_on``), so a later confirmation gives a warning    |
| ``online``/``fax`` | the day both sides confirm (双方确认之日, ``confirmed_on``)  |
| ``email``          | e-mail is a 数据电文 (第二十九条: 信件、数据电文 count as       |
|                    | writing), sent over the Internet: treated like ``online``    |

A missing date raises :class:`ReceiptDateMissing` naming the field and saying which
date the channel needs; dates in an impossible order raise :class:`ReceiptDateInvalid`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final

from gongkai.core.errors import DomainError


class Channel(StrEnum):
    IN_PERSON = "in_person"
    REGISTERED_POST = "registered_post"
    ORDINARY_POST = "ordinary_post"
    ONLINE = "online"
    FAX = "fax"
    EMAIL = "email"


CHANNEL_LABELS: Final[dict[Channel, str]] = {
    Channel.IN_PERSON: "当面提交",
    Channel.REGISTERED_POST: "需签收的邮寄（挂号信、快递等）",
    Channel.ORDINARY_POST: "无需签收的平常信函",
    Channel.ONLINE: "互联网渠道",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件（数据电文，按互联网渠道处理）",
}

#: Which date fixes the receipt date on each channel (the field of :func:`receipt_date`).
RECEIPT_FIELD: Final[dict[Channel, str]] = {
    Channel.IN_PERSON: "submitted_on",
    Channel.REGISTERED_POST: "signed_for_on",
    Channel.ORDINARY_POST: "confirmed_on",
    Channel.ONLINE: "confirmed_on",
    Channel.FAX: "confirmed_on",
    Channel.EMAIL: "confirmed_on",
}

_MISSING_MESSAGES: Final[dict[Channel, str]] = {
    Channel.IN_PERSON: "当面提交的申请，以提交之日为收到申请之日：请填写提交日期",
    Channel.REGISTERED_POST: "以邮政、快递等需签收方式提交的申请，以本机关签收之日为收到申请之日：请填写签收日期",
    Channel.ORDINARY_POST: "以平常信函等无需签收方式提交的申请，以与申请人确认之日为收到申请之日："
    "请填写与申请人确认的日期（应在信函到达当日联系申请人确认）",
    Channel.ONLINE: "通过互联网渠道提交的申请，以双方确认之日为收到申请之日：请填写双方确认日期",
    Channel.FAX: "通过传真提交的申请，以双方确认之日为收到申请之日：请填写双方确认日期",
    Channel.EMAIL: "通过电子邮件（数据电文）提交的申请，按互联网渠道处理，以双方确认之日为收到申请之日："
    "请填写双方确认日期",
}


class ReceiptDateMissing(DomainError):
    code = "applications.receipt_date_missing"

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


class ReceiptDateInvalid(DomainError):
    code = "applications.receipt_date_invalid"

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Receipt:
    received_on: date
    channel: Channel
    #: Chinese warnings for the clerk (the date stands, but the file should explain).
    warnings: tuple[str, ...] = field(default=())


def receipt_date(
    *,
    channel: Channel | str,
    submitted_on: date | None = None,
    signed_for_on: date | None = None,
    arrived_on: date | None = None,
    confirmed_on: date | None = None,
) -> Receipt:
    """The 第三十一条 receipt date for ``channel`` from the dates the clerk recorded."""
    ch = Channel(channel)
    dates = {
        "submitted_on": submitted_on,
        "signed_for_on": signed_for_on,
        "arrived_on": arrived_on,
        "confirmed_on": confirmed_on,
    }
    name = RECEIPT_FIELD[ch]
    received = dates[name]
    if received is None:
        raise ReceiptDateMissing(_MISSING_MESSAGES[ch], field=name)
    _check_order(ch, received, submitted_on=submitted_on, arrived_on=arrived_on)
    return Receipt(received, ch, _warnings(ch, received, arrived_on))


def _check_order(
    ch: Channel, received: date, *, submitted_on: date | None, arrived_on: date | None
) -> None:
    name = RECEIPT_FIELD[ch]
    if submitted_on is not None and received < submitted_on:
        raise ReceiptDateInvalid(
            f"收到申请之日（{received.isoformat()}）不能早于申请人提交（寄出）之日"
            f"（{submitted_on.isoformat()}），请核对日期",
            field=name,
        )
    if ch is Channel.ORDINARY_POST and arrived_on is not None and received < arrived_on:
        raise ReceiptDateInvalid(
            f"与申请人确认之日（{received.isoformat()}）不能早于信函到达之日"
            f"（{arrived_on.isoformat()}），请核对日期",
            field=name,
        )


def _warnings(ch: Channel, received: date, arrived_on: date | None) -> tuple[str, ...]:
    if ch is not Channel.ORDINARY_POST:
        return ()
    if arrived_on is None:
        return (
            "未填写信函到达日期：第三十一条要求在信函到达当日与申请人联系确认，请补记到达日期",
        )
    if received > arrived_on:
        return (
            f"信函于{arrived_on.isoformat()}到达，与申请人确认之日为{received.isoformat()}，"
            "晚于到达当日：第三十一条要求当日联系申请人，请在案卷中说明未能当日确认的原因",
        )
    return ()
