"""The deadline engine: a case's due dates as a pure function of its events.

Nothing here reads the clock or the database: the caller passes the events (dates the
case file records) and a ``BusinessCalendar``.  The algorithm is domain-spec §2.3:

- receipt (第三十一条; the date per channel is decided by the caller);
- 补正 (第三十条): the notice is due 7 working days after receipt; once the corrected
  application arrives the clock restarts from that day; while it is awaited there is
  no reply due date;
- consultations of third parties (第三十二条) and other organs (第三十四条): they have
  15 working days to answer; the time is not counted (第三十三条第三款).  Excluded:
  the working days after the letter is sent up to the day the answer arrives, at
  most the party's 15 working days (``rules.py`` explains the reading); overlapping
  consultations are excluded once;
- one extension of at most 20 working days (第三十三条第二款);
- a fee notice: 20 working days to pay (国办函〔2020〕109号); whether the wait stops
  the reply clock is ``rules.FEE_WAIT_STOPS_CLOCK`` (default: it does not);
- a deferred deadline set under 第三十五条 replaces the computed one.

Every result carries the provisional years it was computed through.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from gongkai.deadlines.calendar import BusinessCalendar, Deadline
from gongkai.deadlines.errors import DeadlineError
from gongkai.deadlines.rules import FEE_WAIT_STOPS_CLOCK, PeriodKind, period


@dataclass(frozen=True)
class Correction:
    """补正: the notice sent to the applicant and, once it arrives, the corrected
    application's receipt date (第三十条)."""

    notice_sent: date
    corrected_received: date | None = None


@dataclass(frozen=True)
class Consultation:
    """A consultation letter (征求意见) to a third party or another organ."""

    sent: date
    answered: date | None = None
    party: str = "第三方"


@dataclass(frozen=True)
class Extension:
    """The one extension, approved by the head of the disclosure office."""

    approved: date
    working_days: int


@dataclass(frozen=True)
class FeeNotice:
    """收费通知: the day the applicant received it and, if paid, the day of payment."""

    received: date
    paid: date | None = None


@dataclass(frozen=True)
class CaseEvents:
    """What the case file records, as far as the clock is concerned."""

    received: date
    correction: Correction | None = None
    consultations: tuple[Consultation, ...] = ()
    extension: Extension | None = None
    fee: FeeNotice | None = None
    deferred_to: date | None = None  # 第三十五条: a reasonable deadline the organ set


@dataclass(frozen=True)
class Step:
    """One line of the computation, for letters, the CLI and audits."""

    text: str
    article: str
    result: date


@dataclass(frozen=True)
class DueDates:
    """Everything the clock says about a case.

    ``reply_due`` is None while the corrected application is awaited (the clock
    stopped).  ``awaiting`` names what the date still depends on: ``"correction"``,
    or ``"consultation"`` (an open consultation is taken to close at the party's
    deadline, or at ``today`` if given and earlier; an earlier answer moves the date
    earlier)."""

    clock_start: date
    reply_due: date | None
    correction_notice_due: date
    consultation_answer_dues: tuple[date, ...]
    fee_payment_due: date | None
    steps: tuple[Step, ...]
    provisional_years: tuple[int, ...]
    awaiting: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)


# -- single periods -----------------------------------------------------------


def _due(kind: PeriodKind, start: date, calendar: BusinessCalendar) -> Deadline:
    return calendar.deadline(start, period(kind, on=start).working_days)


def correction_notice_due(*, received: date, calendar: BusinessCalendar) -> Deadline:
    """第三十条: the 补正 notice is due 7 working days after receipt."""
    return _due(PeriodKind.CORRECTION_NOTICE, received, calendar)


def consultation_answer_due(*, sent: date, calendar: BusinessCalendar) -> Deadline:
    """第三十二条、第三十四条: the consulted party has 15 working days (counted here
    from the day the letter is sent: never later than from its receipt)."""
    return _due(PeriodKind.CONSULTATION_ANSWER, sent, calendar)


def fee_payment_due(*, notice_received: date, calendar: BusinessCalendar) -> Deadline:
    """Fee Measures: 20 working days from the day after the notice is received."""
    return _due(PeriodKind.FEE_PAYMENT, notice_received, calendar)


def proactive_disclosure_due(*, formed: date, calendar: BusinessCalendar) -> Deadline:
    """第二十六条: publish within 20 working days of the day the information is
    formed or changed."""
    return _due(PeriodKind.PROACTIVE_DISCLOSURE, formed, calendar)


_REPLY_DAYS = period(PeriodKind.REPLY, on=date.max).working_days
_EXTENSION_DAYS = period(PeriodKind.EXTENSION_MAX, on=date.max).working_days
_REPLY_FROM = max(
    period(kind, on=date.max).in_force_from
    for kind in (PeriodKind.REPLY, PeriodKind.EXTENSION_MAX)
)


def reply_due_date(
    *, received: date, calendar: BusinessCalendar, extension_days: int = 0
) -> Deadline:
    """第三十三条第二款: the reply due date with nothing but receipt and an
    optional extension (the common case, and the fast one)."""
    if received >= _REPLY_FROM:  # the periods in force now, without a search
        days, limit = _REPLY_DAYS, _EXTENSION_DAYS
    else:
        days = period(PeriodKind.REPLY, on=received).working_days
        limit = period(PeriodKind.EXTENSION_MAX, on=received).working_days
    if extension_days and not 0 < extension_days <= limit:
        raise _bad_extension(extension_days, limit)
    return calendar.deadline(received, days + extension_days)


def _bad_extension(days: int, limit: int) -> DeadlineError:
    return DeadlineError(
        f"延长答复期限为 {days} 个工作日，不符合第三十三条第二款：延长的期限最长不得"
        f"超过 {limit} 个工作日，且须为正数；请改为 1 至 {limit} 之间的工作日数"
    )


# -- the whole case ----------------------------------------------------------


def _excluded_windows(
    windows: Sequence[tuple[date, date]], calendar: BusinessCalendar
) -> int:
    """Working days in the union of the windows (start, end]."""
    total, covered_to = 0, None
    for start, end in sorted(windows):
        if covered_to is not None and start < covered_to:
            start = covered_to
        if end > start:
            total += calendar.working_days_between(start, end)
            covered_to = end if covered_to is None else max(covered_to, end)
    return total


def _check_order(events: CaseEvents) -> None:
    c = events.correction
    if c is not None:
        if c.notice_sent < events.received:
            raise DeadlineError(
                f"补正告知日期 {c.notice_sent.isoformat()} 早于收到申请的日期 "
                f"{events.received.isoformat()}：请核对两个日期"
            )
        if c.corrected_received is not None and c.corrected_received < c.notice_sent:
            raise DeadlineError(
                f"收到补正后申请的日期 {c.corrected_received.isoformat()} 早于补正告知日期 "
                f"{c.notice_sent.isoformat()}：请核对两个日期"
            )
    for k in events.consultations:
        if k.answered is not None and k.answered < k.sent:
            raise DeadlineError(
                f"征求{k.party}意见的回复日期 {k.answered.isoformat()} 早于发函日期 "
                f"{k.sent.isoformat()}：请核对两个日期"
            )


@dataclass
class _Clock:
    """The computation in progress: the lines written so far and what they found."""

    calendar: BusinessCalendar
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    windows: list[tuple[date, date]] = field(default_factory=list)
    answer_dues: list[date] = field(default_factory=list)
    awaiting: str | None = None

    def step(self, text: str, article: str, result: date) -> date:
        self.steps.append(Step(text, article, result))
        return result

    def correction(self, c: Correction, received: date, notice_due: date) -> None:
        notice = period(PeriodKind.CORRECTION_NOTICE, on=received)
        text = f"补正告知应于 {notice.working_days} 个工作日内发出"
        self.step(text, notice.article, notice_due)
        if c.notice_sent > notice_due:
            self.notes.append(
                f"补正告知于 {c.notice_sent.isoformat()} 发出，晚于第三十条规定的 "
                f"{notice_due.isoformat()}"
            )
        if c.corrected_received is None:
            self.awaiting = "correction"
        else:
            text = (
                f"收到补正后的申请 {c.corrected_received.isoformat()}，答复期限重新起算"
            )
            self.step(text, "第三十条", c.corrected_received)

    def consultation(self, k: Consultation, start: date, today: date | None) -> None:
        if k.sent < start:
            raise DeadlineError(
                f"征求{k.party}意见的发函日期 {k.sent.isoformat()} 早于答复期限起算日 "
                f"{start.isoformat()}：请核对日期"
            )
        cap = consultation_answer_due(sent=k.sent, calendar=self.calendar).date
        self.answer_dues.append(cap)
        end = cap if k.answered is None else min(k.answered, cap)
        if k.answered is None:
            self.awaiting = "consultation"
            if today is not None and today < cap:
                end = max(today, k.sent)
        self.windows.append((k.sent, end))

    def fee(self, fee: FeeNotice, stops_clock: bool) -> date:
        due = fee_payment_due(notice_received=fee.received, calendar=self.calendar).date
        if stops_clock:
            self.windows.append((fee.received, due if fee.paid is None else fee.paid))
        return due

    def exclude(self, due: date, with_fee: bool) -> date:
        excluded = _excluded_windows(self.windows, self.calendar)
        if not excluded:
            return due
        what = "征求意见及缴费" if with_fee else "征求意见"
        due = self.calendar.add_working_days(due, excluded)
        text = f"{what}期间 {excluded} 个工作日不计算在内"
        return self.step(text, "第三十三条第三款", due)

    def extension(self, x: Extension, start: date, due: date) -> date:
        limit = period(PeriodKind.EXTENSION_MAX, on=start)
        if not 0 < x.working_days <= limit.working_days:
            raise _bad_extension(x.working_days, limit.working_days)
        if x.approved > due:
            self.notes.append(
                f"延期于 {x.approved.isoformat()} 批准，晚于原答复期限 {due.isoformat()}"
            )
        due = self.calendar.add_working_days(due, x.working_days)
        return self.step(f"延长答复期限 {x.working_days} 个工作日", limit.article, due)


def case_due_dates(
    *,
    events: CaseEvents,
    calendar: BusinessCalendar,
    today: date | None = None,
    fee_wait_stops_clock: bool = FEE_WAIT_STOPS_CLOCK,
) -> DueDates:
    """All due dates of a case from its events (domain-spec §2.3)."""
    _check_order(events)
    received = events.received
    clock = _Clock(calendar)
    clock.step(f"收到申请 {received.isoformat()}", "第三十一条", received)
    notice_due = correction_notice_due(received=received, calendar=calendar).date
    start = received
    if events.correction is not None:
        clock.correction(events.correction, received, notice_due)
        start = events.correction.corrected_received or received
    due: date | None = None
    fee_due: date | None = None
    if clock.awaiting != "correction":
        due, fee_due = _reply_due(clock, events, start, today, fee_wait_stops_clock)
    last = max(d for d in (due, notice_due, fee_due, *clock.answer_dues) if d)
    return DueDates(
        clock_start=start,
        reply_due=due,
        correction_notice_due=notice_due,
        consultation_answer_dues=tuple(clock.answer_dues),
        fee_payment_due=fee_due,
        steps=tuple(clock.steps),
        provisional_years=calendar.provisional_years(received, last),
        awaiting=clock.awaiting,
        notes=tuple(clock.notes),
    )


def _reply_due(
    clock: _Clock,
    events: CaseEvents,
    start: date,
    today: date | None,
    fee_wait_stops_clock: bool,
) -> tuple[date, date | None]:
    """The reply due date from the (re)started clock, and the fee payment due."""
    reply = period(PeriodKind.REPLY, on=start)
    due = clock.calendar.add_working_days(start, reply.working_days)
    clock.step(f"答复期限 {reply.working_days} 个工作日", reply.article, due)
    for k in events.consultations:
        clock.consultation(k, start, today)
    fee_due = None
    if events.fee is not None:
        fee_due = clock.fee(events.fee, fee_wait_stops_clock)
    due = clock.exclude(due, with_fee=fee_wait_stops_clock and events.fee is not None)
    if events.extension is not None:
        due = clock.extension(events.extension, start, due)
    if events.deferred_to is not None:
        due = clock.step("按第三十五条确定的合理期限", "第三十五条", events.deferred_to)
    return due, fee_due
