"""Officers come only from invitations, for new accounts: Dinsos staff cannot turn an existing
account (a colleague, the superuser) into a CSR officer, in the admin or anywhere else."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from partners.models import Officer
from tests.factories import CompanyFactory, OfficerFactory, UserFactory, staff_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def staff_client(client):
    staff = staff_user()
    client.force_login(staff)
    return client


def test_the_officer_add_page_takes_no_existing_account(staff_client):
    colleague = staff_user()
    company = CompanyFactory()
    page = staff_client.get(reverse("admin:partners_officer_add"), follow=True)
    assert page.redirect_chain[-1][0] == reverse("admin:partners_company_changelist")
    assert "the invitation opens a new account" in page.content.decode()
    response = staff_client.post(
        reverse("admin:partners_officer_add"), {"user": colleague.pk, "company": company.pk, "role": "staff"}
    )
    assert response.status_code == 302
    assert not Officer.objects.exists()
    colleague.refresh_from_db()
    assert colleague.is_staff


def test_the_company_page_cannot_link_an_existing_account(staff_client):
    company = CompanyFactory()
    superuser = User.objects.create_superuser("root", "root@dinsos.example.go.id", "secret-pass-123")
    url = reverse("admin:partners_company_change", args=[company.pk])
    page = staff_client.get(url).content.decode()
    assert 'name="officers-MAX_NUM_FORMS" value="0"' in page  # no row to add
    form = staff_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(
        {
            "name": company.name,
            "slug": company.slug,
            "kind": company.kind,
            "status": company.status,
            "country": company.country,
            "officers-TOTAL_FORMS": "1",
            "officers-INITIAL_FORMS": "0",
            "officers-0-user": superuser.pk,
            "officers-0-role": "staff",
            "programs-TOTAL_FORMS": "0",
            "programs-INITIAL_FORMS": "0",
        }
    )
    response = staff_client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 302  # the company was saved; the forged officer row was not
    assert not Officer.objects.filter(user=superuser).exists()


def test_an_officer_keeps_the_account_it_was_invited_with(staff_client):
    officer = OfficerFactory()
    other = UserFactory()
    url = reverse("admin:partners_officer_change", args=[officer.pk])
    assert 'name="user"' not in staff_client.get(url).content.decode()  # read-only
    officer.user = other
    with pytest.raises(ValidationError, match="stays with the account"):
        officer.save()


@pytest.mark.parametrize("account", ["staff", "superuser"])
def test_a_staff_or_superuser_account_never_becomes_an_officer(account):
    user = staff_user() if account == "staff" else User.objects.create_superuser("root", "r@example.org", "x-pass-1")
    officer = Officer(user=user, company=CompanyFactory(), role="staff")
    with pytest.raises(ValidationError, match="cannot become a CSR officer"):
        officer.full_clean()
    with pytest.raises(ValidationError, match="cannot become a CSR officer"):
        officer.save()
    assert not Officer.objects.exists()
