"""Pledge statuses as a company's officer reads them: from their own point of view.

The staff's labels ("Offered by partner", "Proposed by Dinsos") say who did what to whom; an
officer reading their own pledges wants to know what is theirs and what waits for them. The
badge (templates/partners/includes/status_badge.html) says the same words.
"""

from django.utils.translation import gettext_lazy as _

from matching.models import PledgeStatus

OFFICER_LABELS = {
    PledgeStatus.PROPOSED: _("Proposed to you, please answer"),
    PledgeStatus.OFFERED: _("Your offer, awaiting Dinsos"),
    PledgeStatus.ACCEPTED: _("Accepted by you"),
    PledgeStatus.DECLINED: _("Declined by you"),
}

OFFICER_STATUS_CHOICES = [(status, OFFICER_LABELS.get(status, label)) for status, label in PledgeStatus.choices]
