"""A company's NIB and NPWP and a facility's LKS registration: validated, stored compact,
unique when given, searchable in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from partners.models import Company
from tests.factories import CompanyFactory, FacilityFactory, StaffFactory

pytestmark = pytest.mark.django_db

NPWP = "013121660091000"


@pytest.mark.parametrize(
    ("nib", "npwp", "errors"),
    [
        ("912000123456", "", {"nib": ["A NIB has 13 digits; this one has 12."]}),
        ("91200012345AB", "", {"nib": ["A NIB has digits only."]}),
        ("", "01.312.166.0-091", {"npwp": ["An NPWP has 15 or 16 digits; this one has 12."]}),
        (
            "",
            "01.312.166.1-091.000",
            {"npwp": ["This NPWP is not valid: its check digit or one of its parts is wrong."]},
        ),
        ("", "NPWP-0131216600", {"npwp": ["An NPWP has digits only."]}),
    ],
)
def test_bad_nib_or_npwp_is_a_form_error(nib, npwp, errors):
    company = Company(name="PT Contoh", slug="pt-contoh", nib=nib, npwp=npwp)

    with pytest.raises(ValidationError) as raised:
        company.full_clean()

    assert raised.value.message_dict == errors


def test_numbers_typed_as_printed_are_stored_compact_and_both_are_optional():
    company = Company(name="PT Contoh", slug="pt-contoh", nib="9120 0012 34567", npwp="01.312.166.0-091.000")
    company.full_clean()
    company.save()
    CompanyFactory(nib="", npwp="")
    CompanyFactory(nib="", npwp="")  # blank is not a number: many companies have none

    company.refresh_from_db()
    assert (company.nib, company.npwp) == ("9120001234567", NPWP)


def test_a_number_given_to_a_second_company_is_refused_by_form_and_database():
    CompanyFactory(name="PT Pertama", nib="9120001234567", npwp=NPWP)
    second = Company(name="PT Kedua", slug="pt-kedua", nib="9120-0012-34567", npwp="01.312.166.0-091.000")

    with pytest.raises(ValidationError) as raised:
        second.full_clean()
    assert sorted(raised.value.messages) == [
        "Another company is registered with this NIB.",
        "Another company is registered with this NPWP.",
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_lks_registration_unique_when_given_and_accreditation_date_needs_a_grade():
    FacilityFactory(lks_registration_number="460/123/DINSOS/2024")
    FacilityFactory(lks_registration_number="")
    FacilityFactory(lks_registration_number="")
    again = FacilityFactory.build(lks_registration_number="  460/123/dinsos/2024 ", accreditation_date="2024-01-02")

    with pytest.raises(ValidationError) as raised:
        again.full_clean()

    assert "Another facility is registered with this LKS registration number." in raised.value.messages
    assert "An accreditation date needs the accreditation grade." in raised.value.messages


def test_staff_find_a_company_by_its_npwp_as_printed_and_a_facility_by_its_lks_number(client):
    client.force_login(StaffFactory())
    CompanyFactory(name="PT Dicari", npwp=NPWP)
    CompanyFactory(name="PT Lain")
    FacilityFactory(name="LKS Dicari", lks_registration_number="460/77/DINSOS/2023")
    FacilityFactory(name="LKS Lain")

    companies = client.get(reverse("admin:partners_company_changelist"), {"q": "01.312.166.0-091.000"})
    facilities = client.get(reverse("admin:facilities_facility_changelist"), {"q": "460/77"})

    assert [c.name for c in companies.context["cl"].result_list] == ["PT Dicari"]
    assert [f.name for f in facilities.context["cl"].result_list] == ["LKS Dicari"]


def test_officer_gives_the_company_numbers_as_printed_and_a_wrong_one_is_a_form_error(officer_client, officer):
    profile = {
        "form": "company",
        "company-business_scope": "Otomotif",
        "company-csr_strategy": "",
        "company-focus_fields": ["pendidikan"],
        "company-nib": "9120 0012 34567",
        "company-npwp": "01.312.166.0-091.000",
    }

    assert officer_client.post(reverse("partner:company"), profile).status_code == 302
    officer.company.refresh_from_db()
    assert (officer.company.nib, officer.company.npwp) == ("9120001234567", NPWP)

    CompanyFactory(name="PT Pemilik", nib="9120009999999")
    taken = officer_client.post(reverse("partner:company"), {**profile, "company-nib": "9120009999999"})
    wrong = officer_client.post(reverse("partner:company"), {**profile, "company-npwp": "01.312.166.1-091.000"})

    assert taken.status_code == wrong.status_code == 400
    assert taken.context["profile_form"].errors["nib"] == ["Another company is registered with this NIB."]
    assert "npwp" in wrong.context["profile_form"].errors
    officer.company.refresh_from_db()
    assert (officer.company.nib, officer.company.npwp) == ("9120001234567", NPWP)
