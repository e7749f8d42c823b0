"""Every admin URL, read from the admin's own URLconf, GET and POST, as staff of another
agency and as a viewer: nothing of Jakarta is shown or changed to Pulang Pisau's staff, and a
viewer changes nothing anywhere.

A new ModelAdmin, view or action is in this matrix the moment it is registered."""

import io
import re

import openpyxl
import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver
from django.utils import timezone

from coverage.models import GovernmentCoverage
from matching.models import Evidence
from notifications.models import Notification, OutgoingEmail
from overlaps.models import OverlapNote
from partners.models import Company, Officer
from programs import realisations
from programs.models import ProgramStatus, Realisation
from programs.rules import ShareLine
from regions.models import Region
from tests.factories import ProgramFactory, officer_user
from tests.portal.helpers import png

pytestmark = pytest.mark.django_db

OUR_APPS = {"agencies", "core", "regions", "facilities", "partners", "programs", "matching", "notifications"}
OUR_APPS |= {"circulars", "coverage", "overlaps"}
# Registries every agency shares: another agency's staff may open them (not a viewer's POST).
SHARED = {Company, Officer, Region, apps.get_model("core", "CsrField")}
REFUSED = {302, 403, 404}
# POSTs that write only the acting agency's own row about a shared company: recording it as the
# agency's partner (tests/partners/test_shared_registry.py proves what it may and may not do).
OWN_ROW_POSTS = ("/partner/",)


def snapshot() -> dict:
    """Every row of the portal's tables and the accounts, to prove that nothing changed."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in OUR_APPS or model._meta.label in ("auth.User", "auth.User_groups"):
            tables[model._meta.label] = list(model.objects.order_by("pk").values())
    return tables


def _patterns(resolver_patterns, prefix=""):
    for entry in resolver_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), entry.name


def _objects(side):
    company = side.offer.company
    evidence = Evidence.objects.filter(report=side.report).first()
    return {
        "facilities.facility": side.facility,
        "facilities.need": side.need,
        "matching.pledge": side.offer,
        "matching.deliveryreport": side.report,
        "matching.evidence": evidence,
        "regions.povertyfigure": side.figure,
        "partners.engagement": side.engagement,
        "partners.partnerinterest": side.interest,
        "partners.company": company,
        "notifications.notification": Notification.objects.filter(recipient=side.staff).first(),
        "notifications.outgoingemail": OutgoingEmail.objects.filter(user=side.staff).first()
        or OutgoingEmail.objects.filter(to=side.staff.email).first(),
        "agencies.agency": side.agency,
        "agencies.agencystaff": side.staff.agency_staff,
        "facilities.facilitymember": side.member,
        "facilities.needproposal": side.proposal,
        "programs.realisation": Realisation.objects.filter(program__agency=side.agency).first(),
        "programs.program": side.program,
        "circulars.circular": side.circular,
        "circulars.circularrecipient": side.circular.recipients.first(),
        "coverage.governmentcoverage": GovernmentCoverage.objects.filter(region=side.facility.region).first(),
        "overlaps.overlapnote": OverlapNote.objects.filter(need=side.need).first(),
    }


def admin_urls(side):
    """(url, model or None, has an object) for every named admin URL, filled with ``side``'s
    objects; URLs whose object the data set lacks are left out."""
    objects = _objects(side)
    found = []
    for model, model_admin in admin.site._registry.items():
        obj = objects.get(model._meta.label_lower)
        for pattern, _name in _patterns(model_admin.get_urls()):
            route = pattern.lstrip("^").rstrip("$")
            needs_object = bool(re.search(r"<(?:\w+:)?(?:object_id|pk)>", route))
            if needs_object and obj is None:
                continue
            url = re.sub(r"<(?:\w+:)?(?:object_id|pk)>", str(obj.pk) if obj else "", route)
            if "version_id" in url:
                version = obj.history.first() if hasattr(obj, "history") else None
                if version is None:
                    continue
                url = re.sub(r"<(?:\w+:)?version_id>", str(version.history_id), url)
            url = re.sub(r"<(?:\w+:)?file_format>", "xlsx", url)
            if "<" in url:
                continue
            found.append((f"/admin/{model._meta.app_label}/{model._meta.model_name}/{url}", model, needs_object))
    for pattern, _name in _patterns(admin.site.get_urls()):
        if pattern.startswith("reports/") or pattern == "":
            found.append((f"/admin/{pattern}", None, False))
    return found


def _post_data(model):
    data = {"apply": "1", "reason": "Uji", "quantity": "1", "name": "Diubah", "title": "Diubah", "post": "yes"}
    # What the document screens would accept from their own agency's staff.
    data |= {"on": timezone.localdate().isoformat(), "channel": "meeting", "companies": "1"}
    if model is not None:
        model_admin = admin.site._registry[model]
        actions = list(model_admin.actions or [])
        data["action"] = actions[0] if actions else "delete_selected"
    return data


@pytest.fixture
def evidence(jakarta, pulpis):
    """A photo on each side's delivery report, and a realisation report of a program in each
    side's area with a photo, so the evidence pages are in the matrix."""
    for side in (jakarta, pulpis):
        company = side.offer.company
        program = ProgramFactory(company=company, agency=side.agency, status=ProgramStatus.ACTIVE)
        program.target_regions.set([side.facility.region])
        realisations.realisation_submit(
            program=program,
            actor=officer_user(company),
            year=timezone.localdate().year - 1,
            quarter=0,
            amount=1000,
            shares=[ShareLine(side.facility.region, 1000)],
            households=1,
            persons=1,
            activities="Uji",
            files=[(png("foto.png"), "photo")],
        )
        Evidence.objects.create(
            report=side.report,
            kind="photo",
            file=SimpleUploadedFile("foto.png", PNG, content_type="image/png"),
            content_type="image/png",
            original_name="foto.png",
            size=len(PNG),
            uploaded_by=side.report.reported_by,
        )
        # Government coverage and an overlap note in each side's area (issue 26).
        GovernmentCoverage.objects.create(
            source="apbd",
            program_name="Uji APBD",
            region=side.facility.region,
            field_id="kesehatan",
            start_date=timezone.localdate(),
            end_date=timezone.localdate(),
            kind="goods",
            amount=1000,
        )
        OverlapNote.objects.create(
            action="need_created", need=side.need, region=side.facility.region, reason="Uji", overlaps=[]
        )


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_staff_of_another_agency_reach_nothing_of_it(client, jakarta, pulpis, evidence):
    client.force_login(pulpis.staff)
    before = snapshot()
    failures = []
    for url, model, has_object in admin_urls(jakarta):
        for method in ("get", "post"):
            if method == "post" and url.endswith(OWN_ROW_POSTS):
                continue
            response = getattr(client, method)(url, _post_data(model) if method == "post" else None)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {url}: {response.status_code}")
            elif has_object and model not in SHARED and response.status_code not in REFUSED:
                failures.append(f"{method.upper()} {url}: {response.status_code}, expected 302/403/404")
            elif method == "get" and response.status_code == 200 and "/summary/" in url:
                # A shared registry's summary (companies) counts only the reader's area.
                workbook = openpyxl.load_workbook(io.BytesIO(response.content))
                cells = {str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row}
                if jakarta.facility.name in cells:
                    failures.append(f"GET {url}: sums Jakarta's pledges")
            elif method == "get" and response.status_code == 200 and not has_object and model not in SHARED:
                listed = getattr(response, "context", None) and response.context.get("cl")
                if listed is not None:
                    theirs = _objects(jakarta).get(model._meta.label_lower)
                    leaked = theirs is not None and theirs.pk in {obj.pk for obj in listed.result_list}
                    if leaked:
                        failures.append(f"GET {url}: lists Jakarta's object {leaked}")
    assert failures == []
    assert snapshot() == before


def test_a_viewer_changes_nothing_anywhere(client, jakarta, pulpis, viewer, evidence):
    client.force_login(viewer)
    before = snapshot()
    failures = []
    for side in (pulpis, jakarta):
        for url, model, _has_object in admin_urls(side):
            response = client.post(url, _post_data(model))
            if response.status_code >= 500:
                failures.append(f"POST {url}: {response.status_code}")
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"GET {url}: {response.status_code}")
    assert failures == []
    assert snapshot() == before


def test_the_matrix_covers_every_registered_admin(jakarta, pulpis, evidence):
    urls = admin_urls(jakarta)
    covered = {model for _url, model, _has in urls if model is not None}
    assert covered == set(admin.site._registry)
    assert any(url.endswith("/history/") for url, _m, _h in urls)
    assert any("/import/" in url for url, _m, _h in urls)
    assert any("/export/" in url for url, _m, _h in urls)
    assert any(url.endswith("/queue/") for url, _m, _h in urls)
