"""The demo pledges, made and moved only through ``matching.services`` by the demo accounts,
exactly as a person would in the portal and the admin, with their deliveries and BAST. A pledge
whose need, company and note already exist is left as it is, wherever the workflow has taken it
since.
"""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError, OutputWrapper
from django.db import transaction
from django.utils import timezone

from demo import data as demo
from demo.pdf import text_pdf
from facilities.models import Need
from matching import services as matching
from matching.errors import PledgeError
from matching.models import EvidenceKind, Pledge, PledgeOrigin, PledgeStatus
from partners.models import Company, Officer
from programs.models import Program

User = get_user_model()


def load_pledges(stderr: OutputWrapper) -> None:
    # Each agency's demo staff decide for the facilities of their own area.
    staff_by_province = {
        "31": User.objects.get(username="dinsos"),
        "62": User.objects.get(username="dinsos.pulpis"),
    }
    officers = {officer.company.slug: officer.user for officer in Officer.objects.select_related("company", "user")}
    for row in demo.PLEDGES:
        need = Need.objects.get(facility__slug=row.facility, title=row.need)
        company = Company.objects.get(slug=row.company)
        if Pledge.objects.filter(need=need, company=company, note=row.note).exists():
            continue
        try:
            # One savepoint per pledge: if someone has since covered the need in this
            # database, that pledge is skipped and the others still load.
            with transaction.atomic():
                staff = staff_by_province[need.facility.region_id[:2]]
                _pledge(row, need, company, staff, officers.get(row.company))
        except PledgeError as error:
            stderr.write(f"Skipped the demo pledge of {company} for “{need}”: {error.message}")


def _pledge(row: demo.PledgeData, need: Need, company: Company, staff, partner) -> None:
    S = PledgeStatus
    if partner is None and not (
        row.origin == PledgeOrigin.PROPOSAL and row.state in (S.PROPOSED, S.LAPSED, S.CANCELLED)
    ):
        raise CommandError(f"Demo pledge {row.note!r}: {company} has no demo officer to answer or deliver.")
    create = matching.pledge_offer if row.origin == PledgeOrigin.OFFER else matching.pledge_propose
    pledge = create(
        need=need,
        company=company,
        quantity=row.quantity,
        actor=partner if row.origin == PledgeOrigin.OFFER else staff,
        program=Program.objects.get(company=company, title=row.program) if row.program else None,
        note=row.note,
        expected_delivery_date=row.expected_delivery_date,
    )
    # Who answers a pledge: the partner answers Dinsos's proposals, Dinsos answers offers.
    answerer = partner if row.origin == PledgeOrigin.PROPOSAL else staff
    if row.state == S.LAPSED:
        matching.pledge_transition(pledge=pledge, to=S.LAPSED, actor=None, reason=row.reason)
    elif row.state == S.CANCELLED:
        canceller = staff if row.origin == PledgeOrigin.PROPOSAL else partner
        matching.pledge_transition(pledge=pledge, to=S.CANCELLED, actor=canceller, reason=row.reason)
    elif row.state in (S.DECLINED, S.REJECTED):
        matching.pledge_transition(pledge=pledge, to=row.state, actor=answerer, reason=row.reason)
    elif row.state not in (S.PROPOSED, S.OFFERED):
        agreed = S.ACCEPTED if row.origin == PledgeOrigin.PROPOSAL else S.APPROVED
        matching.pledge_transition(pledge=pledge, to=agreed, actor=answerer)
        if row.reduce_to:
            matching.pledge_reduce(pledge=pledge, quantity=row.reduce_to, actor=partner, reason=row.reduce_reason)
        for delivery in row.deliveries:
            _deliver(pledge, delivery, staff, partner)
    pledge.refresh_from_db()
    if pledge.status != row.state:
        raise CommandError(f"Demo pledge {row.note!r} ended as {pledge.status}, not {row.state}.")


def _deliver(pledge: Pledge, delivery: demo.DeliveryData, staff, partner) -> None:
    today = timezone.localdate()
    bast = SimpleUploadedFile(
        "BAST-demo.pdf",
        text_pdf(
            [
                "BERITA ACARA SERAH TERIMA (BAST) - DOKUMEN DEMO",
                f"Tanggal: {today:%d/%m/%Y}",
                f"Penerima: {pledge.need.facility.name}",
                f"Pemberi: {pledge.company.name}",
                f"Kebutuhan: {pledge.need.title}",
                f"Jumlah: {delivery.quantity} {pledge.need.unit}",
                delivery.notes,
            ]
        ),
        content_type="application/pdf",
    )
    report = matching.delivery_report_submit(
        pledge=pledge,
        actor=partner,
        delivered_on=today,
        quantity=delivery.quantity,
        beneficiaries_reached=delivery.beneficiaries_reached,
        notes=delivery.notes,
        files=[(bast, EvidenceKind.BAST)],
    )
    if delivery.verified:
        matching.delivery_verify(report=report, actor=staff, note="Diterima lengkap sesuai BAST.")
