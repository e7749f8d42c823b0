"""The words of each workflow event, rendered in whatever language is active."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.formatting import format_rupiah

# event -> English msgid, translated in locale/ and rendered in the reader's language.
EVENT_MESSAGES = {
    "proposed": gettext_noop(
        "Dinsos proposes that %(company)s cover %(quantity)s %(unit)s of “%(need)s” at %(facility)s."
    ),
    "offered": gettext_noop("%(company)s offers %(quantity)s %(unit)s (%(value)s) for “%(need)s” at %(facility)s."),
    "proposal_accepted": gettext_noop(
        "%(company)s accepted the proposal: %(quantity)s %(unit)s for “%(need)s” at %(facility)s."
    ),
    "proposal_declined": gettext_noop("%(company)s declined the proposal for “%(need)s” at %(facility)s."),
    "offer_approved": gettext_noop("Dinsos approved the offer of %(company)s: %(quantity)s %(unit)s for “%(need)s”."),
    "offer_rejected": gettext_noop("Dinsos did not approve the offer of %(company)s for “%(need)s”."),
    "delivery_reported": gettext_noop("%(company)s reported a delivery for “%(need)s” at %(facility)s."),
    "delivery_verified": gettext_noop("Dinsos verified a delivery of %(company)s for “%(need)s”."),
    "delivery_rejected": gettext_noop("Dinsos did not accept a delivery report of %(company)s for “%(need)s”."),
    "cancelled": gettext_noop("The pledge of %(company)s for “%(need)s” was cancelled."),
    "lapsed": gettext_noop("The pledge of %(company)s for “%(need)s” lapsed without an answer."),
    "reduced": gettext_noop("The pledge of %(company)s for “%(need)s” was reduced to %(quantity)s %(unit)s."),
    "receipt_confirmed": gettext_noop("%(facility)s confirmed receiving a delivery of %(company)s for “%(need)s”."),
    "receipt_disputed": gettext_noop("%(facility)s disputes a delivery report of %(company)s for “%(need)s”."),
    "delivery_overdue": gettext_noop(
        "The delivery of %(company)s for “%(need)s” at %(facility)s is past its expected date and not yet "
        "reported. Please report it, or agree a new date with Dinsos."
    ),
}
# Moves that the event before them already announced (a report that completes a pledge, a
# verification that completes it, a rejection that reopens it).
SILENT_EVENTS = {"delivered", "verified", "delivery_reopened"}


# Events about a need, not a pledge (notifications.services.need_event).
NEED_EVENT_MESSAGES = {
    "need_proposed": gettext_noop(
        "%(facility)s proposes a new need, “%(need)s”: it waits as a draft for Dinsos to publish."
    ),
    "need_change_proposed": gettext_noop("%(facility)s proposes changes to its need “%(need)s”."),
}


# Events whose notice names its subject in ``detail`` alone (the caller writes it: a circulated
# document's agency, number and title, circulars.services.notice_detail).
DETAIL_EVENT_MESSAGES = {
    "circular_sent": gettext_noop("A document to read and acknowledge: %(detail)s"),
}


# Events about a program's realisation report (notifications.services.subject_event): the
# notice keeps no link to the report, so its first line of ``detail`` names it ("Program (PT X),
# 2025 Q1") and the rest is the reviewer's note.
SUBJECT_EVENT_MESSAGES = {
    "realisation_submitted": gettext_noop("A realisation report was submitted for verification: %(subject)s."),
    "realisation_verified": gettext_noop("Dinsos verified the realisation report %(subject)s."),
    "realisation_returned": gettext_noop("Dinsos returned the realisation report %(subject)s for correction."),
}


# Events about a company's CSR program and its registration (programs.services).
PROGRAM_EVENT_MESSAGES = {
    "program_submitted": gettext_noop(
        "%(company)s submits its program “%(program)s” for registration with %(agency)s."
    ),
    "program_resubmitted": gettext_noop(
        "%(company)s resubmits its program “%(program)s” to %(agency)s with the changes asked for."
    ),
    "program_changed": gettext_noop(
        "%(company)s changed its registered program “%(program)s”: it waits for registration by %(agency)s again."
    ),
    "program_registered": gettext_noop("%(agency)s registered the program “%(program)s” of %(company)s."),
    "program_changes_requested": gettext_noop(
        "%(agency)s asks for changes to the program “%(program)s” of %(company)s."
    ),
    "program_declined": gettext_noop("%(agency)s declined the program “%(program)s” of %(company)s."),
    "program_started": gettext_noop("The program “%(program)s” of %(company)s is running."),
    "program_completed": gettext_noop("The program “%(program)s” of %(company)s is completed."),
    "program_cancelled": gettext_noop("The program “%(program)s” of %(company)s was cancelled."),
}


def describe_program(event: str, program, detail: str = "") -> str:
    agency = program.agency.name if program.agency_id else _("the agency")
    text = _(PROGRAM_EVENT_MESSAGES[event]) % {
        "company": program.company.name,
        "program": program.title,
        "agency": agency,
    }
    if detail:
        note = _("Note:")
        text = f"{text} {note} {detail}"
    return text


def describe(event: str, pledge, detail: str = "", *, need=None, program=None) -> str:
    if event in DETAIL_EVENT_MESSAGES:
        return _(DETAIL_EVENT_MESSAGES[event]) % {"detail": detail}
    if program is not None and event in PROGRAM_EVENT_MESSAGES:
        return describe_program(event, program, detail)
    if pledge is None and need is None and event in SUBJECT_EVENT_MESSAGES:
        subject, _newline, note = detail.partition("\n")
        text = _(SUBJECT_EVENT_MESSAGES[event]) % {"subject": subject}
        return f"{text} {_('Note:')} {note}" if note else text
    if pledge is None and need is not None and event in NEED_EVENT_MESSAGES:
        text = _(NEED_EVENT_MESSAGES[event]) % {"need": need.title, "facility": need.facility.name}
        return f"{text} {_('Note:')} {detail}" if detail else text
    template = EVENT_MESSAGES.get(event)
    if template is None or pledge is None:
        return detail or event
    need = pledge.need
    # A notice is rendered when read, in the reader's language: the need's title and unit too.
    text = _(template) % {
        "company": pledge.company.name,
        "quantity": pledge.quantity,
        "unit": need.unit_for(pledge.quantity),
        "need": need.title_for_reader(),
        "facility": need.facility.name,
        "value": format_rupiah(pledge.value),
    }
    if detail:
        note = _("Note:")  # outside the f-string, where makemessages finds it
        text = f"{text} {note} {detail}"
    return text
