"""The demo's SDG (TPB) tags (issue 27): programs (KOICA's included) and needs carry goals, the
state-owned companies' programs their TJSL pillars; loading again changes nothing and keeps
what staff changed."""

import io

import pytest
from django.core.management import call_command

from demo.sdg import PROGRAM_TAGS
from facilities.models import Need
from partners.models import CompanyKind
from programs.models import Program
from programs.sdg import sdg_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded():
    call_command("load_demo", stdout=io.StringIO())


def test_demo_programs_and_needs_are_tagged(demo_loaded):
    koica = Program.objects.get(company__slug="koica")
    assert sorted(koica.sdg_goals.values_list("number", flat=True)) == [4, 8, 10, 17]
    assert Program.objects.filter(title__in=list(PROGRAM_TAGS)).count() == len(PROGRAM_TAGS)
    assert not Program.objects.filter(title__in=list(PROGRAM_TAGS), sdg_goals=None).exists()
    pln = Program.objects.get(title="Sambung listrik gratis rumah tangga miskin")
    assert set(pln.tjsl_pillars.values_list("code", flat=True)) == {"social", "environment"}
    assert not Program.objects.exclude(company__kind=CompanyKind.STATE_OWNED).exclude(tjsl_pillars=None).exists()
    assert Need.objects.exclude(sdg_goals=None).count() > 20
    # Every demo program obeys the rules the forms enforce.
    for program in Program.objects.select_related("company"):
        assert not sdg_problems(
            company=program.company,
            goals=program.sdg_goals.all(),
            targets=program.sdg_targets.all(),
            pillars=program.tjsl_pillars.all(),
        ), program.title


def test_loading_again_keeps_what_staff_changed(demo_loaded):
    koica = Program.objects.get(company__slug="koica")
    koica.sdg_goals.set([16])
    koica.sdg_targets.clear()
    call_command("load_demo", stdout=io.StringIO())
    assert list(koica.sdg_goals.values_list("number", flat=True)) == [16]
