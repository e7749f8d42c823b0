"""``manage.py load_demo``: the demo data set of core/demo_data.py, idempotently.

Every row is found by its natural key (slug, name, code, title within its facility or company)
and written only when a value differs, so a second run changes nothing: no new rows, no new
history entries, the same passwords.

Pledges are the exception to direct writes: they are made and moved only through
``matching.services``, by the demo accounts, exactly as a person would in the portal and the
admin. A pledge whose need, company and note already exist is left as it is, wherever the
workflow has taken it since. Realisation reports and the status history of programs are
written once, when missing, and then left to the workflow too; every report is checked
against ``programs.rules`` first, so the demo never holds a report the portal would refuse.

The command only orders the loading and prints a summary; the loaders are beside it in the
demo app: ``demo.registries``, ``demo.accounts``, ``demo.forum``, ``demo.pledges`` and the
smaller ``demo.circulars``, ``demo.opendata``, ``demo.sdg``, ``demo.overlaps``, ``demo.bast``.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count

from demo import data as demo
from demo import near_duplicates
from demo.accounts import load_accounts
from demo.bast import load_bast
from demo.circulars import load_circulars
from demo.forum import load_program_history, load_realisations
from demo.opendata import load_opendata
from demo.overlaps import load_overlaps
from demo.pledges import load_pledges
from demo.registries import (
    load_agencies,
    load_companies,
    load_engagements,
    load_facilities,
    load_poverty_figures,
    load_programs,
    load_regions,
)
from demo.sdg import load_sdg
from facilities.models import Facility, Need
from matching.models import Pledge, PledgeStatus
from partners.models import Company, Engagement, Partnership
from programs.models import Program, Realisation, RealisationStatus
from regions.models import PovertyFigure

User = get_user_model()


class Command(BaseCommand):
    help = (
        "Load the demo data: Dinsos DKI Jakarta's 23 panti with their needs, the Korean CSR partners and "
        "the meeting of 29 August 2024, Kabupaten Pulang Pisau with its Forum TSLP companies and poverty "
        "figures per kecamatan, programs, pledges in every state and the demo accounts. Idempotent."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            load_regions(self.stdout)
            load_agencies()
            facilities = load_facilities(demo.DKI_FACILITIES + demo.PULPIS_FACILITIES + near_duplicates.facilities())
            companies = load_companies(demo.JAKARTA_PARTNERS + demo.PULPIS_PARTNERS + near_duplicates.companies())
            load_engagements(companies)
            load_programs(companies)
            load_poverty_figures()
            load_accounts(companies)
            load_program_history()
            load_realisations()
            load_circulars()
            load_opendata()
            load_sdg()
            load_overlaps()
        load_pledges(self.stderr)
        load_bast()
        self._summary(facilities)

    # --- report -------------------------------------------------------------------------------

    def _summary(self, facilities: dict[str, Facility]) -> None:
        jakarta = Facility.objects.filter(region__code__startswith="31.")
        lines = [
            ("Facilities in DKI Jakarta", jakarta.count()),
            ("Facilities in Pulang Pisau", Facility.objects.filter(region__code__startswith="62.11.").count()),
            ("Needs", Need.objects.filter(facility__in=facilities.values()).count()),
            ("Partners in Jakarta", Company.objects.filter(region__code__startswith="31").count()),
            ("Forum TSLP members", Partnership.objects.filter(forum_member=True).count()),
            ("Engagements", Engagement.objects.count()),
            ("Programs", Program.objects.count()),
            ("Realisation reports", Realisation.objects.count()),
            (
                "  verified in Pulang Pisau",
                Realisation.objects.filter(
                    status=RealisationStatus.VERIFIED, program__agency__region_id=demo.PULANG_PISAU
                ).count(),
            ),
            (
                "Poverty figures in Pulang Pisau",
                PovertyFigure.objects.filter(region__code__startswith="62.11.").count(),
            ),
            ("Demo accounts", User.objects.filter(username__in=[a.username for a in demo.ACCOUNTS]).count()),
            ("Pledges", Pledge.objects.count()),
        ]
        width = max(len(label) for label, _ in lines)
        for label, count in lines:
            self.stdout.write(f"{label:<{width}}  {count}")
        states = dict(Pledge.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        self.stdout.write("  " + ", ".join(f"{PledgeStatus(s).name.lower()} {states.get(s, 0)}" for s in PledgeStatus))
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
