"""The demo shows each duplicate warning: a near-duplicate facility (with a doubled need) and a
near-duplicate company in Pulang Pisau; once merged, a re-run of load_demo does not bring them back."""

import io

import pytest
from django.core.management import call_command

from agencies.models import Agency
from agencies.scope import staff_scope
from duplicates.models import DuplicateKind
from duplicates.selectors import area_pairs
from duplicates.services import records_merge
from facilities.models import Facility
from partners.models import Company
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_demo_has_a_near_duplicate_facility_company_and_need_and_a_merge_sticks():
    call_command("load_demo", stdout=io.StringIO())
    staff = StaffFactory(agency=Agency.objects.get(slug="dinsos-pulang-pisau"))
    pairs = {(pair.kind, str(pair.first), str(pair.second)) for pair in area_pairs(staff_scope(staff))}
    assert (DuplicateKind.FACILITY, "LKSA Harapan Kahayan", "Panti Asuhan Harapan Kahayan") in pairs
    assert (DuplicateKind.COMPANY, "PT Kahayan Sawit Lestari", "Kahayan Sawit Lestari Tbk") in pairs
    assert any(kind == DuplicateKind.NEED and "Lemari pakaian" in first for kind, first, _second in pairs)

    kept = Facility.objects.get(slug="lksa-harapan-kahayan")
    removed = Facility.objects.get(slug="panti-asuhan-harapan-kahayan")
    records_merge(kept=kept, removed=removed, reason="Satu LKS", actor=staff)
    records_merge(
        kept=Company.objects.get(slug="kahayan-sawit-lestari"),
        removed=Company.objects.get(slug="kahayan-sawit-lestari-tbk"),
        reason="Satu perusahaan",
        actor=staff,
    )
    call_command("load_demo", stdout=io.StringIO())
    assert not Facility.objects.filter(slug="panti-asuhan-harapan-kahayan").exists()
    assert not Company.objects.filter(slug="kahayan-sawit-lestari-tbk").exists()
    assert kept.needs.filter(title="Seragam dan buku sekolah anak").exists()
