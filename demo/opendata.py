"""Demo data of open data (issue 27): Dinsos DKI Jakarta reports KOICA's youth rehabilitation
project at PSBR Taruna Jaya 1 as an IATI activity, so /data/iati/activities.xml has it.

KR-GOV-010 is KOICA's identifier as an IATI publisher. ``XI-DEMO-DINSOS-31`` is a demo value:
a real agency enters the identifier it registers with IATI in the admin (Agency, Open data).
Idempotent: only rows whose values differ are written.
"""

from agencies.models import Agency
from programs.models import Program

DKI_IATI_IDENTIFIER = "XI-DEMO-DINSOS-31"
KOICA_IATI_REF = "KR-GOV-010"


def load_opendata() -> None:
    Agency.objects.filter(slug="dinsos-dki-jakarta", iati_identifier="").update(iati_identifier=DKI_IATI_IDENTIFIER)
    Program.objects.filter(company__slug="koica", donor_iati_ref="").update(donor_iati_ref=KOICA_IATI_REF)
