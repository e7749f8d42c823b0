"""Recording, sending and acknowledging a circulated document, through the services."""

import datetime

import pytest
from django.utils import timezone

from circulars import selectors, services
from circulars.models import AcknowledgementChannel, Circular, CircularKind, CircularRecipient
from circulars.services import CircularError
from notifications.models import Notification, OutgoingEmail
from partners.models import Partnership
from tests.circulars.conftest import PERBUP_NUMBER, docx_bytes, pdf
from tests.factories import CompanyFactory, OfficerFactory, StaffFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _create(pulpis, staff, **overrides):
    values = {
        "agency": pulpis,
        "title": "Surat edaran",
        "issued_on": datetime.date(2026, 1, 5),
        "file": pdf(),
        "actor": staff,
    }
    return services.circular_create(**{**values, **overrides})


# --- recording -------------------------------------------------------------------------------


def test_a_document_is_recorded_with_its_checked_file(perbup, staff):
    assert perbup.number == PERBUP_NUMBER
    assert perbup.content_type == "application/pdf"
    assert perbup.original_name == "perbup-24-2020.pdf"
    assert perbup.file.name.startswith(f"circulars/{perbup.agency_id}/") and perbup.file.name.endswith(".pdf")
    assert perbup.created_by == staff
    assert perbup.history.count() == 1
    assert perbup.recipients.count() == 0


def test_a_word_document_is_accepted(pulpis, staff):
    circular = _create(pulpis, staff, file=pdf("edaran.docx", docx_bytes()), kind=CircularKind.CIRCULAR)
    assert circular.file_extension == "docx"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("perbup.pdf", b"MZ\x90\x00 a renamed program" * 10, "is not a PDF, Word"),
        ("perbup.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "is not a PDF, Word"),
        ("perbup.pdf", b"%PDF-1.4\n truncated", "not a complete PDF"),
        ("perbup.pdf", b"", "is empty"),
    ],
    ids=["executable-named-pdf", "image-named-pdf", "truncated-pdf", "empty"],
)
def test_a_hostile_or_broken_upload_is_refused_and_nothing_is_written(pulpis, staff, name, content, message):
    with pytest.raises(CircularError, match=message):
        _create(pulpis, staff, file=pdf(name, content))
    assert not Circular.objects.exists()


def test_a_file_over_the_limit_is_refused(pulpis, staff, settings):
    settings.CIRCULAR_MAX_BYTES = 20
    with pytest.raises(CircularError, match="too large"):
        _create(pulpis, staff)


def test_a_date_of_issue_in_the_future_is_refused(pulpis, staff):
    with pytest.raises(CircularError, match="cannot be in the future"):
        _create(pulpis, staff, issued_on=TODAY() + datetime.timedelta(days=2))
    assert not Circular.objects.exists()


def test_staff_of_another_agency_and_viewers_cannot_record_for_it(pulpis, jakarta_staff, viewer, officer):
    with pytest.raises(CircularError, match="another agency"):
        _create(pulpis, jakarta_staff)
    with pytest.raises(CircularError, match="lacks the permission"):
        _create(pulpis, viewer)
    with pytest.raises(CircularError, match="Only Dinsos staff"):
        _create(pulpis, officer.user)
    assert not Circular.objects.exists()


def test_the_file_can_be_replaced_only_until_the_document_is_sent(
    perbup, staff, member, django_capture_on_commit_callbacks
):
    first = perbup.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.circular_update(circular=perbup, changes={"title": "Perbup TSLP"}, file=pdf("v2.pdf"), actor=staff)
    perbup.refresh_from_db()
    assert (perbup.title, perbup.original_name) == ("Perbup TSLP", "v2.pdf")
    # The replaced file is gone from the disk; the new one is there.
    assert not perbup.file.storage.exists(first)
    assert perbup.file.storage.exists(perbup.file.name)
    services.circular_send(circular=perbup, companies=[member], actor=staff)
    with pytest.raises(CircularError, match="can no longer be replaced"):
        services.circular_update(circular=perbup, changes={}, file=pdf("v3.pdf"), actor=staff)


# --- sending ---------------------------------------------------------------------------------


def test_sending_notifies_every_active_officer_and_the_camat_and_queues_their_emails(
    perbup, member, officer, camat, staff
):
    colleague = OfficerFactory(company=member)
    gone = OfficerFactory(company=member)
    gone.user.is_active = False
    gone.user.save()
    created = services.circular_send(circular=perbup, companies=[member], users=[camat], actor=staff)
    assert len(created) == 2
    notices = Notification.objects.filter(event="circular_sent")
    assert set(notices.values_list("recipient", flat=True)) == {officer.user.pk, colleague.user.pk, camat.pk}
    assert notices.get(recipient=officer.user).url == f"/partner/circulars/{perbup.pk}/"
    assert notices.get(recipient=camat).url == f"/admin/circulars/circular/{perbup.pk}/change/"
    assert PERBUP_NUMBER in notices.get(recipient=officer.user).text
    emails = OutgoingEmail.objects.filter(event="circular_sent")
    assert set(emails.values_list("to", flat=True)) == {officer.user.email, colleague.user.email, camat.email}
    body = emails.get(to=officer.user.email).body
    # Indonesian first, then English for foreign partners.
    assert "telah menerima dan mempelajarinya" in body
    assert body.index("telah menerima dan mempelajarinya") < body.index("received and studied")
    assert emails.get(to=officer.user.email).subject.startswith("[Portal CSR] Dokumen dari")
    assert f"/partner/circulars/{perbup.pk}/" in body


def test_sending_again_neither_duplicates_nor_notifies_twice(sent, member, camat, staff):
    notices = Notification.objects.count()
    emails = OutgoingEmail.objects.count()
    newcomer = CompanyFactory()
    Partnership.objects.create(agency=sent.agency, company=newcomer)
    created = services.circular_send(circular=sent, companies=[member, newcomer], users=[camat], actor=staff)
    assert [recipient.company for recipient in created] == [newcomer]
    assert sent.recipients.count() == 3
    assert Notification.objects.count() == notices  # the newcomer has no officer yet
    assert OutgoingEmail.objects.count() == emails


def test_sending_to_nobody_or_to_an_account_of_another_agency_is_refused(perbup, member, staff, jakarta_staff):
    with pytest.raises(CircularError, match="at least one"):
        services.circular_send(circular=perbup, actor=staff)
    with pytest.raises(CircularError, match="not active accounts of"):
        services.circular_send(circular=perbup, companies=[member], users=[jakarta_staff], actor=staff)
    assert not CircularRecipient.objects.exists()
    assert not Notification.objects.exists()


def test_staff_of_another_agency_cannot_send_it(perbup, member, jakarta_staff, viewer):
    for actor in (jakarta_staff, viewer):
        with pytest.raises(CircularError):
            services.circular_send(circular=perbup, companies=[member], actor=actor)
    assert not CircularRecipient.objects.exists()


# --- acknowledging ---------------------------------------------------------------------------


def test_an_officer_acknowledges_for_the_company_once(sent, officer, member):
    recipient = services.circular_acknowledge(circular=sent, actor=officer.user)
    assert recipient.company == member
    assert recipient.channel == AcknowledgementChannel.PORTAL
    assert recipient.acknowledged_by == officer.user
    assert recipient.acknowledged_on == timezone.localdate()
    colleague = OfficerFactory(company=member)
    with pytest.raises(CircularError, match="already acknowledged"):
        services.circular_acknowledge(circular=sent, actor=colleague.user)


def test_an_officer_of_a_company_it_was_not_sent_to_cannot_acknowledge(sent, other_officer):
    with pytest.raises(CircularError, match="not sent to you"):
        services.circular_acknowledge(circular=sent, actor=other_officer.user)
    assert not CircularRecipient.objects.filter(acknowledged_on__isnull=False).exists()


def test_the_camat_acknowledges_as_an_account(sent, camat):
    recipient = services.circular_acknowledge(circular=sent, actor=camat)
    assert recipient.user == camat and recipient.acknowledged


def _company_recipient(circular):
    return circular.recipients.get(company__isnull=False)


def test_staff_record_an_acknowledgement_received_at_a_meeting(sent, staff):
    recipient = services.circular_record_offline(
        recipient=_company_recipient(sent),
        on=timezone.localdate(),
        channel=AcknowledgementChannel.MEETING,
        note="Rapat Forum TSLP",
        actor=staff,
    )
    assert (recipient.channel, recipient.recorded_by, recipient.note) == ("meeting", staff, "Rapat Forum TSLP")
    assert recipient.acknowledged_by is None


@pytest.mark.parametrize(
    ("days", "channel", "message"),
    [
        (1, AcknowledgementChannel.LETTER, "cannot be in the future"),
        (-3, AcknowledgementChannel.LETTER, "earlier than the day the document was sent"),
        (0, AcknowledgementChannel.PORTAL, "Choose how"),
    ],
    ids=["future-date", "before-it-was-sent", "portal-is-not-offline"],
)
def test_an_offline_acknowledgement_with_a_bad_date_or_channel_is_refused(sent, staff, days, channel, message):
    recipient = _company_recipient(sent)
    with pytest.raises(CircularError, match=message):
        services.circular_record_offline(
            recipient=recipient, on=timezone.localdate() + datetime.timedelta(days=days), channel=channel, actor=staff
        )
    recipient.refresh_from_db()
    assert not recipient.acknowledged


def test_an_acknowledged_recipient_cannot_be_acknowledged_twice(sent, staff, officer):
    services.circular_acknowledge(circular=sent, actor=officer.user)
    with pytest.raises(CircularError, match="already acknowledged"):
        services.circular_record_offline(
            recipient=_company_recipient(sent),
            on=timezone.localdate(),
            channel=AcknowledgementChannel.LETTER,
            actor=staff,
        )
    assert _company_recipient(sent).channel == AcknowledgementChannel.PORTAL


def test_staff_of_another_agency_cannot_record_an_acknowledgement(sent, jakarta_staff, viewer):
    for actor in (jakarta_staff, viewer):
        with pytest.raises(CircularError):
            services.circular_record_offline(
                recipient=_company_recipient(sent),
                on=timezone.localdate(),
                channel=AcknowledgementChannel.MEETING,
                actor=actor,
            )
    assert not _company_recipient(sent).acknowledged


# --- who has and who has not -----------------------------------------------------------------


def test_per_document_who_has_and_who_has_not_acknowledged(sent, staff, officer, camat):
    later = CompanyFactory(name="PT Belum Baca")
    Partnership.objects.create(agency=sent.agency, company=later)
    services.circular_send(circular=sent, companies=[later], actor=staff)
    services.circular_acknowledge(circular=sent, actor=officer.user)
    counted = selectors.with_acknowledgement_counts(Circular.objects.filter(pk=sent.pk)).get()
    assert (counted.n_acknowledged, counted.n_recipients) == (1, 3)
    rows = list(selectors.circular_recipients(sent))
    # Those who have not acknowledged come first.
    assert [row.name for row in rows if not row.acknowledged] == [later.name, camat.get_full_name() or camat.username]
    assert [row.name for row in rows if row.acknowledged] == [officer.company.name]
    assert [row.acknowledged for row in rows] == [False, False, True]


def test_the_system_may_act_without_an_actor_for_the_demo_loader(pulpis, member):
    circular = _create(pulpis, None, title="Perbup")
    services.circular_send(circular=circular, companies=[member], actor=None)
    recipient = services.circular_record_offline(
        recipient=circular.recipients.get(),
        on=timezone.localdate(),
        channel=AcknowledgementChannel.LETTER,
        actor=None,
    )
    assert recipient.acknowledged


def test_national_staff_may_send_any_agencys_document(perbup, member):
    national = StaffFactory()
    assert services.circular_send(circular=perbup, companies=[member], actor=national)
