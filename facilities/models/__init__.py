"""The facilities app's models, one module per kind of thing: facilities, needs, photos, facility
accounts and the changes facilities propose.

Django finds an app's models in its ``models`` module; a package of them imports every model
here, as Django's documentation describes ("Organizing models in a package"), and the rest of
the code keeps importing them from ``facilities.models``.
"""

from facilities.models.facility import AccreditationGrade, Facility, FacilityQuerySet, FacilityType, Operator
from facilities.models.member import FacilityMember, MemberRole
from facilities.models.need import Need, NeedKind, NeedQuerySet, NeedStatus, Priority, open_value, shown_need
from facilities.models.photo import FacilityPhoto, NeedPhoto, Photo, PhotoBasis
from facilities.models.proposal import NeedProposal, ProposalStatus

__all__ = [
    "AccreditationGrade",
    "Facility",
    "FacilityMember",
    "FacilityPhoto",
    "FacilityQuerySet",
    "FacilityType",
    "MemberRole",
    "Need",
    "NeedKind",
    "NeedPhoto",
    "NeedProposal",
    "NeedQuerySet",
    "NeedStatus",
    "Operator",
    "Photo",
    "PhotoBasis",
    "Priority",
    "ProposalStatus",
    "open_value",
    "shown_need",
]
