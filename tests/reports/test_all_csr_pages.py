"""The public summary with companies' programs: ``/reports/?region=62.11`` shows realised CSR in
the kecamatan where programs spent it, and ranks the gap by all CSR (programs_dataset.py)."""

import pytest
from django.urls import reverse

from tests.reports import programs_dataset
from tests.reports.test_pages import cell

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}


@pytest.fixture
def data():
    return programs_dataset.build()


def test_summary_of_pulang_pisau_counts_programs_beside_facility_needs(client, data):
    html = client.get(reverse("reports:summary"), {"year": 2024, "region": "62.11"}, headers=EN).content.decode()
    assert cell(html, "62.11.01", "delivered") == "Rp 26.000.000"
    assert cell(html, "62.11.01", "realised-programs") == "Rp 5.000.000"
    assert "Rp 31.000.000" in cell(html, "62.11.01", "csr-realised")
    assert cell(html, "62.11.01", "realised-per-household") == "Rp 38.750"
    assert cell(html, "62.11.02", "realised-programs") == "Rp 22.000.000"
    assert cell(html, "62.11.02", "realised-per-household") == "Rp 55.000"
    assert cell(html, "62.11.02", "planned-programs") == "Rp 178.333.333"
    # Pandih Batu: money awaiting verification, households unknown, so no amount per household.
    assert cell(html, "62.11.03", "awaiting") == "Rp 15.000.000"
    assert "unknown" in cell(html, "62.11.03", "realised-per-household")
    assert "Rp 53.000.000" in cell(html, "total", "csr-realised")
    assert 'data-figure="csr-realised">Rp 53.000.000<' in html
    assert 'data-figure="csr-planned">Rp 383.500.000<' in html
    gap = html.split('id="gap-table"', 1)[1].split("</table>", 1)[0]
    assert gap.index('data-region="62.11.01"') < gap.index('data-region="62.11.02"')
    # The company table lists a company with programs only.
    companies = html.split('id="company-table"', 1)[1].split("</table>", 1)[0]
    assert "PT Eka Sejahtera" in companies
