"""The "Dinsos staff" group and exactly the permissions staff need to do their work.

Kept in code and applied after every migrate, so a new model's permissions reach the group
with the migration that adds the model, and a fresh database has the group from the start.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

DINSOS_STAFF_GROUP = "Dinsos staff"

# app_label.model -> actions ("view", "add", ...) or whole codenames (containing "_").
# No hard deletes of registries whose history must stay; pledges and deliveries change only
# through the workflow actions.
STAFF_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "core.csrfield": ("view",),
    "core.importrecord": ("view",),
    "regions.region": ("view",),
    "regions.povertyfigure": ("view", "add", "change", "delete", "import_povertyfigure", "export_povertyfigure"),
    "facilities.facility": ("view", "add", "change", "import_facility", "export_facility"),
    "facilities.need": ("view", "add", "change", "import_need", "export_need"),
    "partners.company": ("view", "add", "change", "import_company", "export_company"),
    "partners.officer": ("view", "add", "change"),
    "partners.engagement": ("view", "add", "change", "delete"),
    "partners.partnerinterest": ("view", "change"),
    "programs.program": ("view", "add", "change", "import_program", "export_program"),
    "matching.pledge": ("view", "propose_pledge", "decide_pledge", "verify_delivery", "cancel_pledge"),
    "matching.pledgestatuschange": ("view",),
    "matching.deliveryreport": ("view",),
    "matching.evidence": ("view",),
    "notifications.outgoingemail": ("view",),
}


def staff_permission_query() -> Q:
    query = Q(pk__in=[])
    for label, actions in STAFF_PERMISSIONS.items():
        app_label, model = label.split(".")
        codenames = [action if "_" in action else f"{action}_{model}" for action in actions]
        query |= Q(content_type__app_label=app_label, content_type__model=model, codename__in=codenames)
    return query


def ensure_staff_group() -> Group:
    group, _ = Group.objects.get_or_create(name=DINSOS_STAFF_GROUP)
    group.permissions.set(Permission.objects.filter(staff_permission_query()))
    return group
