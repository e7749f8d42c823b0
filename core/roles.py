"""Who is acting, and the "Dinsos staff" group with exactly the permissions staff need.

``is_dinsos`` and ``officer_company_id`` are the one answer to "who is this user" used by the
workflow services, the partner portal, the admin site and the evidence downloads. The officer
link is read through the reverse relation ``user.officer`` (partners.Officer), so this module
imports no app.

The group is kept in code and applied after every migrate, so a new model's permissions reach
the group with the migration that adds the model, and a fresh database has the group from the start.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

DINSOS_STAFF_GROUP = "Dinsos staff"
# Read-only accounts of coordinating agencies (Bappeda, Disnakertrans, DPMPTSP, a camat): they
# may view what staff view, and change nothing.
DINSOS_VIEWER_GROUP = "Dinsos viewers"


def officer_company_id(user: AbstractBaseUser | None) -> int | None:
    """The company of a CSR officer's account, or None for anyone else."""
    officer = getattr(user, "officer", None) if user is not None else None
    return officer.company_id if officer is not None else None


def is_officer(user: AbstractBaseUser | None) -> bool:
    return officer_company_id(user) is not None


def facility_id_of(user: AbstractBaseUser | None) -> int | None:
    """The facility of a facility account (the head or staff of a panti or LKS, read through
    ``user.facility_member``, facilities.FacilityMember), or None for anyone else."""
    member = getattr(user, "facility_member", None) if user is not None else None
    return member.facility_id if member is not None else None


def is_facility_member(user: AbstractBaseUser | None) -> bool:
    return facility_id_of(user) is not None


def is_dinsos(user: AbstractBaseUser | None) -> bool:
    """Active staff who are not CSR officers nor facility accounts: the people who work in the
    admin."""
    return bool(user and user.is_active and user.is_staff and not is_officer(user) and not is_facility_member(user))


# app_label.model -> actions ("view", "add", ...) or whole codenames (containing "_").
# No hard deletes of registries whose history must stay; pledges and deliveries change only
# through the workflow actions.
STAFF_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "core.csrfield": ("view",),
    "agencies.agency": ("view",),
    "core.importrecord": ("view",),
    "regions.region": ("view",),
    "regions.povertyfigure": ("view", "add", "change", "delete", "import_povertyfigure", "export_povertyfigure"),
    "facilities.facility": ("view", "add", "change", "import_facility", "export_facility"),
    "facilities.need": ("view", "add", "change", "import_need", "export_need"),
    # Photos can be deleted: consent can be withdrawn.
    "facilities.facilityphoto": ("view", "add", "change", "delete"),
    "facilities.needphoto": ("view", "add", "change", "delete"),
    "facilities.facilitymember": ("view", "add", "change"),
    "facilities.needproposal": ("view", "change"),
    "partners.company": ("view", "add", "change", "import_company", "export_company"),
    "partners.officer": ("view", "add", "change"),
    "partners.engagement": ("view", "add", "change", "delete"),
    "partners.partnerinterest": ("view", "change"),
    "programs.program": ("view", "add", "change", "import_program", "export_program"),
    # "change" is the permission to verify or return a report (programs.realisations); nobody
    # edits what a company reported.
    "programs.realisation": ("view", "change", "import_realisation", "export_realisation"),
    "programs.realisationshare": ("view",),
    "programs.realisationevidence": ("view",),
    # Circulated documents: recorded, sent and acknowledged, never deleted (who read what stays).
    "circulars.circular": ("view", "add", "change"),
    "circulars.circularrecipient": ("view", "change"),
    # What the government already covers (issue 26): aggregates staff keep and may correct.
    "coverage.governmentcoverage": (
        "view",
        "add",
        "change",
        "delete",
        "import_governmentcoverage",
        "export_governmentcoverage",
    ),
    # Reasons given to go ahead despite an overlap: written by the forms, read by staff.
    "overlaps.overlapnote": ("view",),
    "matching.pledge": ("view", "propose_pledge", "decide_pledge", "verify_delivery", "cancel_pledge"),
    "matching.pledgestatuschange": ("view",),
    "matching.deliveryreport": ("view",),
    "matching.evidence": ("view",),
    "matching.deliveryreceipt": ("view",),
    "notifications.outgoingemail": ("view",),
    # Decisions on possible duplicates and merges: recorded through duplicates.services, never edited.
    "duplicates.duplicatedecision": ("view",),
    "duplicates.mergerecord": ("view",),
    # Keys of partner systems to the read API: issued and revoked, never deleted.
    "opendata.apitoken": ("view", "add", "change"),
}


def staff_permission_query() -> Q:
    query = Q(pk__in=[])
    for label, actions in STAFF_PERMISSIONS.items():
        app_label, model = label.split(".")
        codenames = [action if "_" in action else f"{action}_{model}" for action in actions]
        query |= Q(content_type__app_label=app_label, content_type__model=model, codename__in=codenames)
    return query


def viewer_permission_query() -> Q:
    query = Q(pk__in=[])
    for label, actions in STAFF_PERMISSIONS.items():
        app_label, model = label.split(".")
        if "view" in actions:
            query |= Q(content_type__app_label=app_label, content_type__model=model, codename=f"view_{model}")
    return query


def ensure_staff_group() -> Group:
    """Both groups, with exactly their permissions; returns the staff group."""
    group, _ = Group.objects.get_or_create(name=DINSOS_STAFF_GROUP)
    group.permissions.set(Permission.objects.filter(staff_permission_query()))
    viewers, _ = Group.objects.get_or_create(name=DINSOS_VIEWER_GROUP)
    viewers.permissions.set(Permission.objects.filter(viewer_permission_query()))
    return group
