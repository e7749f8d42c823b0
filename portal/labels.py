"""Pledge statuses as a company's officer reads them: from their own point of view.

The staff's labels ("Offered by partner", "Proposed by Dinsos") say who did what to whom; an
officer reading their own pledges wants to know what is theirs and what waits for them. The
badge (templates/partners/includes/status_badge.html) says the same words.
"""

from django.utils.translation import gettext_lazy as _

from matching.models import PledgeOrigin, PledgeStatus

OFFICER_LABELS = {
    PledgeStatus.PROPOSED: _("Proposed to you, please answer"),
    PledgeStatus.OFFERED: _("Your offer, awaiting Dinsos"),
    PledgeStatus.ACCEPTED: _("Accepted by you"),
    PledgeStatus.DECLINED: _("Declined by you"),
}

OFFICER_STATUS_CHOICES = [(status, OFFICER_LABELS.get(status, label)) for status, label in PledgeStatus.choices]

# What happened, in the pledge's history and its "Started as": said from the officer's side too.
OFFICER_HISTORY_LABELS = {
    PledgeStatus.PROPOSED: _("Proposed to you by Dinsos"),
    PledgeStatus.OFFERED: _("Offered by your company"),
    PledgeStatus.ACCEPTED: _("Accepted by you"),
    PledgeStatus.DECLINED: _("Declined by you"),
}
OFFICER_ORIGIN_LABELS = {
    PledgeOrigin.OFFER: OFFICER_HISTORY_LABELS[PledgeStatus.OFFERED],
    PledgeOrigin.PROPOSAL: OFFICER_HISTORY_LABELS[PledgeStatus.PROPOSED],
}


def officer_history_label(status: str) -> str:
    """A status reached in a pledge's history, as the company's officer reads it."""
    return str(OFFICER_HISTORY_LABELS.get(status, PledgeStatus(status).label))


def officer_origin_label(origin: str) -> str:
    """How a pledge started, as the company's officer reads it."""
    return str(OFFICER_ORIGIN_LABELS.get(origin, PledgeOrigin(origin).label))
