"""Reading letters and templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from gongkai.applications.models import Application
from gongkai.letters.kinds import THIRD_PARTY_KINDS, LetterKind
from gongkai.letters.models import Letter, LetterSettings, LetterTemplate
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_ancestors


def template_for(*, organisation: Organisation, kind: str) -> LetterTemplate | None:
    """The template an organ uses for ``kind``: its own, else the nearest organ
    above it that has one, else the default.  ``None`` if there is none at all."""
    chain = [organisation, *organisation_ancestors(organisation=organisation)]
    found = {
        t.organisation_id: t
        for t in LetterTemplate.objects.filter(
            Q(organisation__in=chain) | Q(organisation__isnull=True), kind=kind
        ).select_related("organisation")
    }
    for organ in chain:
        if organ.pk in found:
            return found[organ.pk]
    return found.get(None)


def template_editable(*, organisation: Organisation, kind: str) -> LetterTemplate:
    """The organ's own template of ``kind`` or, if it has none yet, an unsaved copy
    of the one it uses now, owned by the organ (saving it makes the organ's version)."""
    own = LetterTemplate.objects.filter(organisation=organisation, kind=kind).first()
    if own is not None:
        return own
    used = template_for(organisation=organisation, kind=kind)
    return LetterTemplate(
        organisation=organisation,
        kind=kind,
        title=used.title if used else "",
        body=used.body if used else "",
    )


@dataclass(frozen=True)
class TemplateRow:
    kind: str
    label: str
    template: LetterTemplate | None
    own: bool  # the organ's own version (not inherited or the default)


def template_rows(*, organisation: Organisation) -> list[TemplateRow]:
    """Every kind of letter with the template the organ uses for it."""
    rows = []
    for kind in LetterKind:
        used = template_for(organisation=organisation, kind=kind.value)
        own = used is not None and used.organisation_id == organisation.pk
        rows.append(TemplateRow(kind.value, str(kind.label), used, own))
    return rows


def letter_settings_for(*, organisation: Organisation) -> LetterSettings:
    """The organ's settings, or unsaved defaults."""
    found = LetterSettings.objects.filter(organisation=organisation).first()
    return found or LetterSettings(organisation=organisation)


def letters_for_case(application: Application) -> QuerySet[Letter]:
    """Every letter issued on the case, by date."""
    return (
        Letter.objects.filter(application=application)
        .select_related("issued_by", "organisation")
        .order_by("issued_on", "pk")
    )


def letters_for_applicant(application: Application) -> list[Letter]:
    """The letters addressed to the applicant (not those to third parties), by date:
    what the applicant may download with the query code."""
    return list(
        letters_for_case(application).exclude(
            kind__in=[k.value for k in THIRD_PARTY_KINDS]
        )
    )


@dataclass(frozen=True)
class TimelineLetter:
    on: date
    number: str
    kind: str
    label: str
    letter_id: int


def letters_timeline(application: Application) -> list[TimelineLetter]:
    """The letters as lines of the case's timeline (merged by date by the pages)."""
    return [
        TimelineLetter(
            letter.issued_on,
            letter.number,
            letter.kind,
            letter.get_kind_display(),
            letter.pk,
        )
        for letter in letters_for_case(application)
    ]
