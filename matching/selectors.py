"""Reads of the matching workflow: suggestions, work queues, pledge lists.

Suggestions are scored in the database (annotations, ordered and cut there), so ranking one
need among thousands of companies, or one company among a hundred thousand needs, costs a
constant handful of queries. The reasons are put into words in Python for the few rows shown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from facilities.models import Need, Priority
from matching.models import (
    COVERING_STATES,
    PENDING_STATES,
    DeliveryReport,
    DeliveryStatus,
    Pledge,
    PledgeStatus,
)
from partners.models import Company, CompanyStatus
from programs.models import Program, ProgramStatus
from regions.models import Region

# Weights of the suggestion score; the reasons shown follow the same order.
W_FIELD = 40
W_DISTRICT = 30
W_REGENCY = 20
W_PROVINCE = 10
W_HISTORY_EACH = 4
W_HISTORY_MAX = 5  # pledges counted at most
W_PROGRAM = 15
W_URGENT_SOON = 10  # needed within 30 days
W_PRIORITY_STEP = 5  # per priority step above "low"


@dataclass
class Suggestion:
    obj: object
    score: int
    reasons: list[str] = field(default_factory=list)

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)


# --- companies for a need --------------------------------------------------------------------


def programs_with_budget_left() -> QuerySet:
    """Active programs whose budget is not yet taken by their live pledges."""
    used = (
        Pledge.objects.filter(program=OuterRef("pk"), status__in=COVERING_STATES | PENDING_STATES)
        .values("program")
        .annotate(total=Sum("value"))
        .values("total")
    )
    return (
        Program.objects.filter(status=ProgramStatus.ACTIVE)
        .annotate(used=Coalesce(Subquery(used), Value(0)))
        .filter(budget__gt=F("used"))
    )


def suggest_companies_for_need(need: Need, *, limit: int = 20) -> list[Suggestion]:
    """Rank partners for one need: same field, preferred region down to the district, earlier
    pledges in that field, an active program in that field with budget left."""
    district_code = need.facility.region_id
    codes = Region(code=district_code).ancestor_codes  # province, regency, district(, village)
    province_code = codes[0]
    regency_code = codes[1] if len(codes) > 1 else None
    local_codes = codes[2:]  # the district and, if the facility is placed there, its village

    through = Company.preferred_regions.through
    focus = Company.focus_fields.through
    history = (
        Pledge.objects.filter(company=OuterRef("pk"), need__field=need.field_id, status__in=COVERING_STATES)
        .values("company")
        .annotate(n=Count("pk"))
        .values("n")
    )
    companies = (
        Company.objects.exclude(status=CompanyStatus.INACTIVE)
        .annotate(
            same_field=Exists(focus.objects.filter(company=OuterRef("pk"), csrfield=need.field_id)),
            in_district=Exists(through.objects.filter(company=OuterRef("pk"), region__in=local_codes))
            if local_codes
            else Value(False, output_field=BooleanField()),
            in_regency=Exists(through.objects.filter(company=OuterRef("pk"), region=regency_code))
            if regency_code
            else Value(False, output_field=BooleanField()),
            in_province=Exists(through.objects.filter(company=OuterRef("pk"), region=province_code)),
            earlier=Coalesce(Subquery(history, output_field=IntegerField()), Value(0)),
            has_program=Exists(programs_with_budget_left().filter(company=OuterRef("pk"), fields=need.field_id)),
        )
        .annotate(
            score=Case(When(same_field=True, then=Value(W_FIELD)), default=Value(0))
            + Case(
                When(in_district=True, then=Value(W_DISTRICT)),
                When(in_regency=True, then=Value(W_REGENCY)),
                When(in_province=True, then=Value(W_PROVINCE)),
                default=Value(0),
            )
            + Case(
                When(earlier__gte=W_HISTORY_MAX, then=Value(W_HISTORY_MAX * W_HISTORY_EACH)),
                default=F("earlier") * W_HISTORY_EACH,
            )
            + Case(When(has_program=True, then=Value(W_PROGRAM)), default=Value(0)),
        )
        .filter(score__gt=0)
        .order_by("-score", "name")[:limit]
    )
    rows = list(companies)
    region_names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    field_label = str(need.field)
    suggestions = []
    for company in rows:
        reasons = []
        if company.same_field:
            reasons.append(_("same field: %(field)s") % {"field": field_label})
        if company.in_district:
            reasons.append(_("region: %(region)s") % {"region": region_names.get(codes[2], codes[2])})
        elif company.in_regency:
            reasons.append(_("region: %(region)s") % {"region": region_names.get(regency_code, regency_code)})
        elif company.in_province:
            reasons.append(_("region: %(region)s") % {"region": region_names.get(province_code, province_code)})
        if company.earlier:
            reasons.append(_("%(n)s earlier pledges in this field") % {"n": company.earlier})
        if company.has_program:
            reasons.append(_("active program with budget left"))
        suggestions.append(Suggestion(company, company.score, reasons))
    return suggestions


# --- needs for a company ---------------------------------------------------------------------


def suggest_needs_for_company(company: Company, *, queryset: QuerySet | None = None, limit: int | None = 20):
    """Rank open needs for one partner: its fields, its preferred regions, fields it pledged in
    before, fields of its active programs with budget left, then priority and needed-by.

    Returns an annotated queryset (``score`` and the booleans behind it), already ordered;
    pass it through ``explain_need_suggestions`` to get the reasons in words.
    """
    focus_ids = list(company.focus_fields.values_list("code", flat=True))
    preferred = list(company.preferred_regions.values_list("code", flat=True))
    history_fields = list(
        Pledge.objects.filter(company=company, status__in=COVERING_STATES)
        .values("need__field")
        .annotate(n=Count("pk"))
        .values_list("need__field", "n")
    )
    program_fields = list(
        programs_with_budget_left().filter(company=company).values_list("fields", flat=True).distinct()
    )
    program_fields = [code for code in program_fields if code]

    region_q = Q(pk__in=[])
    for code in preferred:
        region_q |= Q(facility__region_id=code) | Q(facility__region_id__startswith=f"{code}.")
    today = timezone.localdate()
    history_case = Case(
        *[When(field_id=code, then=Value(min(n, W_HISTORY_MAX) * W_HISTORY_EACH)) for code, n in history_fields],
        default=Value(0),
        output_field=IntegerField(),
    )
    queryset = queryset if queryset is not None else Need.objects.public().open()
    needs = (
        queryset.filter(quantity__gt=F("quantity_pending") + F("quantity_covered"))
        .annotate(
            same_field=Case(
                When(field_id__in=focus_ids, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            in_region=Case(When(region_q, then=Value(True)), default=Value(False), output_field=BooleanField()),
            has_program=Case(
                When(field_id__in=program_fields, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            history_points=history_case,
        )
        .annotate(
            score=Case(When(same_field=True, then=Value(W_FIELD)), default=Value(0))
            + Case(When(in_region=True, then=Value(W_REGENCY)), default=Value(0))
            + F("history_points")
            + Case(When(has_program=True, then=Value(W_PROGRAM)), default=Value(0))
            + (Value(Priority.LOW) - F("priority")) * W_PRIORITY_STEP
            + Case(
                When(needed_by__lte=today + datetime.timedelta(days=30), then=Value(W_URGENT_SOON)),
                default=Value(0),
            ),
        )
        .order_by("-score", "priority", F("needed_by").asc(nulls_last=True), "-created_at", "-pk")
    )
    return needs[:limit] if limit else needs


def explain_need_suggestions(needs) -> list[Suggestion]:
    """Reasons in words for needs annotated by ``suggest_needs_for_company`` (already fetched,
    with ``facility__region`` selected)."""
    today = timezone.localdate()
    suggestions = []
    for need in needs:
        reasons = []
        if need.same_field:
            reasons.append(_("same field: %(field)s") % {"field": need.field})
        if need.in_region:
            reasons.append(_("region: %(region)s") % {"region": need.facility.region.name})
        if need.history_points:
            reasons.append(_("you pledged in this field before"))
        if need.has_program:
            reasons.append(_("fits an active program with budget left"))
        if need.priority <= Priority.HIGH:
            reasons.append(_("priority: %(priority)s") % {"priority": need.get_priority_display()})
        if need.needed_by and need.needed_by <= today + datetime.timedelta(days=30):
            reasons.append(_("needed by %(date)s") % {"date": need.needed_by.strftime("%d/%m/%Y")})
        suggestions.append(Suggestion(need, need.score, reasons))
    return suggestions


# --- work queue for Dinsos -------------------------------------------------------------------

LAPSE_WARNING = datetime.timedelta(days=3)


def pledges_with_context() -> QuerySet:
    return Pledge.objects.select_related("need__facility__region", "need__field", "company", "program")


def dinsos_work_queue(*, now: datetime.datetime | None = None, limit: int = 50) -> dict[str, list]:
    """What waits for Dinsos: offers to approve, deliveries to verify, proposals about to lapse."""
    now = now or timezone.now()
    return {
        "offers": list(pledges_with_context().filter(status=PledgeStatus.OFFERED).order_by("respond_by", "pk")[:limit]),
        "deliveries": list(
            DeliveryReport.objects.filter(status=DeliveryStatus.SUBMITTED)
            .select_related("pledge__need__facility", "pledge__company", "reported_by")
            .annotate(evidence_count=Count("evidence"))
            .order_by("reported_at", "pk")[:limit]
        ),
        "lapsing": list(
            pledges_with_context()
            .filter(status=PledgeStatus.PROPOSED, respond_by__lte=now + LAPSE_WARNING)
            .order_by("respond_by", "pk")[:limit]
        ),
    }
