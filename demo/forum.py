"""The Forum TSLP in the demo: who registered the programs (each program's status history, once)
and what they realised (realisation reports, written once when missing and checked against
``programs.rules`` first, so the demo never holds a report the portal would refuse).
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from demo import data as demo
from demo.accounts import deciding_staff
from partners.models import Officer
from programs.models import (
    REGISTERED_STATES,
    Program,
    ProgramStatus,
    ProgramStatusChange,
    Realisation,
    RealisationShare,
)
from programs.rules import ShareLine, count_problems, period_problems, share_problems
from regions.models import Region

User = get_user_model()


def load_program_history() -> None:
    """Each demo program's way to its status, once: submitted (by the company's demo officer,
    or recorded by staff from the forum's form), registered by its agency's staff."""
    staff = deciding_staff()
    officers = {officer.company_id: officer.user for officer in Officer.objects.select_related("user")}
    programs = Program.objects.filter(
        title__in=[row.title for row in demo.PROGRAMS], status__in=REGISTERED_STATES
    ).exclude(changes__isnull=False)
    for program in programs:
        registrar = staff.get(program.agency_id)
        steps = [
            ("", ProgramStatus.SUBMITTED, officers.get(program.company_id, registrar), "Diajukan ke Forum TSLP."),
            (ProgramStatus.SUBMITTED, ProgramStatus.PLANNED, registrar, "Didaftarkan: sesuai data kemiskinan."),
        ]
        if program.status != ProgramStatus.PLANNED:
            steps.append((ProgramStatus.PLANNED, program.status, registrar, ""))
        ProgramStatusChange.objects.bulk_create(
            ProgramStatusChange(program=program, old_status=old, new_status=new, actor=actor, reason=reason)
            for old, new, actor, reason in steps
        )


def load_realisations() -> None:
    users = {user.username: user for user in User.objects.filter(username__in=[a.username for a in demo.ACCOUNTS])}
    zone = ZoneInfo(settings.TIME_ZONE)
    for row in demo.REALISATIONS:
        program = Program.objects.select_related("agency").get(company__slug=row.company, title=row.program)
        if Realisation.objects.filter(program=program, year=row.year, quarter=row.quarter).exists():
            continue  # the workflow owns it now
        regions = {region.code: region for region in Region.objects.filter(code__in=[s[0] for s in row.shares])}
        lines = [ShareLine(regions[code], amount, households) for code, amount, households in row.shares]
        problems = [
            *period_problems(program.agency, row.year, row.quarter),
            *share_problems(
                amount=row.amount, shares=lines, targets=program.target_regions.all(), agency=program.agency
            ),
            *count_problems(
                households=row.households,
                persons=row.persons,
                women=row.women,
                children=row.children,
                elderly=row.elderly,
                disabled=row.disabled,
            ),
        ]
        if problems:
            raise CommandError(f"Demo report of {program.title!r} {row.year}: {' '.join(problems)}")
        report = Realisation.objects.create(
            program=program,
            year=row.year,
            quarter=row.quarter,
            amount=row.amount,
            households=row.households,
            persons=row.persons,
            women=row.women,
            children=row.children,
            elderly=row.elderly,
            disabled=row.disabled,
            activities=row.activities,
            status=row.status,
            reported_by=users[row.reported_by],
            submitted_at=datetime.datetime.combine(row.submitted_on, datetime.time(10), tzinfo=zone),
            verified_by=users.get(row.verified_by),
            verified_at=(
                datetime.datetime.combine(row.verified_on, datetime.time(14), tzinfo=zone) if row.verified_on else None
            ),
            review_note=row.review_note,
        )
        RealisationShare.objects.bulk_create(
            RealisationShare(realisation=report, region=line.region, amount=line.amount, households=line.households)
            for line in lines
        )
