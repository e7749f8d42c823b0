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


def describe(event: str, pledge, detail: str = "", *, need=None) -> str:
    if event in DETAIL_EVENT_MESSAGES:
        return _(DETAIL_EVENT_MESSAGES[event]) % {"detail": detail}
    if pledge is None and need is not None and event in NEED_EVENT_MESSAGES:
        text = _(NEED_EVENT_MESSAGES[event]) % {"need": need.title, "facility": need.facility.name}
        return f"{text} {_('Note:')} {detail}" if detail else text
    template = EVENT_MESSAGES.get(event)
    if template is None or pledge is None:
        return detail or event
    need = pledge.need
    text = _(template) % {
        "company": pledge.company.name,
        "quantity": pledge.quantity,
        "unit": need.unit,
        "need": need.title,
        "facility": need.facility.name,
        "value": format_rupiah(pledge.value),
    }
    if detail:
        note = _("Note:")  # outside the f-string, where makemessages finds it
        text = f"{text} {note} {detail}"
    return text
