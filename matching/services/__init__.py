"""The only way pledges and deliveries change.

Every function here is keyword-only, takes the acting user as ``actor`` (``None`` for the
system, e.g. the lapse command), runs in one transaction, locks the need row before the
pledge row (always in that order, so two moves never deadlock), refuses an illegal move with
``PledgeError`` and writes a ``PledgeStatusChange`` row for every change. Notifications are
recorded in the same transaction and sent by a background job after commit.

Coverage (docs/decisions.md): proposals and offers reserve their quantity
(``Need.quantity_pending``, of which unanswered proposals are ``Need.quantity_proposed``);
accepted, approved, delivered and verified pledges cover it (``Need.quantity_covered``);
verified deliveries are ``Need.quantity_delivered``.

The workflow is kept in four modules: :mod:`~matching.services.rules` (the table of moves and
who may make them), :mod:`~matching.services.moves` (locks, coverage arithmetic, history and
notices; a move and the lapse), :mod:`~matching.services.pledges` (offers, proposals,
reductions) and :mod:`~matching.services.deliveries` (delivery reports and their review). Their
public names are re-exported here on purpose: ``matching.services`` is the workflow's one door,
which the portal, the admin, the demo and the tests call and docs/decisions.md names, so a
caller need not know which module holds a move. Names with a leading underscore are shared
between these modules only.
"""

from matching.services.deliveries import delivery_reject, delivery_report_submit, delivery_verify
from matching.services.moves import pledge_transition, pledges_lapse_overdue
from matching.services.pledges import pledge_offer, pledge_propose, pledge_reduce
from matching.services.rules import TRANSITIONS, Move, delivery_problem, move_problem, pledge_moves_for

__all__ = [
    "TRANSITIONS",
    "Move",
    "delivery_problem",
    "delivery_reject",
    "delivery_report_submit",
    "delivery_verify",
    "move_problem",
    "pledge_moves_for",
    "pledge_offer",
    "pledge_propose",
    "pledge_reduce",
    "pledge_transition",
    "pledges_lapse_overdue",
]
