"""The demo shows each warning of issue 26: a draft need already covered by an APBD program, a
submitted program overlapping another forum member's in Maliku, and government coverage in the
reports."""

import io

import pytest
from django.core.management import call_command

from coverage.models import CoverageSource, GovernmentCoverage
from demo.overlaps import DRAFT_NEED, FACILITY, OVERLAPPING_PROGRAM
from facilities.models import Need, NeedStatus
from overlaps.selectors import overlaps_of_need, overlaps_of_program
from programs.models import Program, ProgramStatus

pytestmark = pytest.mark.django_db


def test_the_demo_holds_each_overlap():
    call_command("load_demo", stdout=io.StringIO())
    draft = Need.objects.get(facility__slug=FACILITY, title=DRAFT_NEED)
    assert draft.status == NeedStatus.DRAFT
    kinds = {overlap.kind for overlap in overlaps_of_need(draft)}
    assert kinds == {"need", "coverage"}
    assert GovernmentCoverage.objects.filter(facility=draft.facility, source=CoverageSource.APBD).exists()

    program = Program.objects.get(title=OVERLAPPING_PROGRAM)
    assert program.status == ProgramStatus.SUBMITTED
    labels = [overlap.label for overlap in overlaps_of_program(program)]
    assert any("Air bersih desa gambut" in label for label in labels)

    before = GovernmentCoverage.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert GovernmentCoverage.objects.count() == before
