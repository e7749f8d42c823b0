"""The demo accounts: users with their known passwords, and their place as agency staff,
facility members or company officers; and the deciding staff account of each agency, who
registers the demo programs.
"""

from django.contrib.auth import get_user_model

from agencies import services as agency_services
from agencies.models import Agency, StaffRole
from core.roles import ensure_staff_group
from demo import data as demo
from demo.registries import sync
from facilities.models import Facility, FacilityMember
from partners.models import Company, Officer
from regions.models import Region

User = get_user_model()


def deciding_staff() -> dict[int, User]:
    """The demo staff account of each agency (not its viewers), by agency id."""
    usernames = {row.agency: row.username for row in demo.ACCOUNTS if row.agency and row.agency_role == StaffRole.STAFF}
    return {
        agency.pk: User.objects.get(username=usernames[agency.slug])
        for agency in Agency.objects.filter(slug__in=usernames)
    }


def load_accounts(companies: dict[str, Company]) -> None:
    ensure_staff_group()
    agencies = {agency.slug: agency for agency in Agency.objects.all()}
    for row in demo.ACCOUNTS:
        user = sync(
            User,
            {"username": row.username},
            {
                "first_name": row.first_name,
                "last_name": row.last_name,
                "email": row.email,
                "is_active": True,
                "is_staff": row.is_staff,
                "is_superuser": row.is_superuser,
            },
        )
        # Only when it differs: the hash is salted, so setting it each run would rewrite it.
        if not user.check_password(row.password):
            user.set_password(row.password)
            user.save(update_fields=["password"])
        if row.agency:
            agency_services.staff_assign(
                user=user,
                agency=agencies[row.agency],
                role=row.agency_role,
                organisation=row.organisation,
                region=Region.objects.get(code=row.region) if row.region else None,
            )
        if row.facility:
            # A facility account, as an invitation would open it (facilities.accounts), with
            # the demo password already chosen.
            sync(
                FacilityMember,
                {"user": user},
                {
                    "facility_id": Facility.objects.get(slug=row.facility).pk,
                    "role": row.facility_role,
                    "job_title": row.job_title,
                    "phone": row.phone,
                },
            )
        if row.company:
            sync(
                Officer,
                {"user": user},
                {
                    "company_id": companies[row.company].pk,
                    "role": row.role,
                    "job_title": row.job_title,
                    "phone": row.phone,
                },
            )
