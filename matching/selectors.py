"""Reads of the matching workflow: suggestions, work queues, pledge lists.

Suggestions are scored in the database (annotations, ordered and cut there), so ranking one
need among thousands of companies, or one company among a hundred thousand needs, costs a
constant handful of queries. The reasons are put into words in Python for the few rows shown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
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

from agencies.models import Agency
from facilities.filters import need_text_match
from facilities.models import Facility, Need, Priority
from matching.gap import annotate_need_gap, gap_district_name
from matching.models import (
    COVERING_STATES,
    PENDING_STATES,
    DeliveryReport,
    Evidence,
    Pledge,
)
from partners.models import Company, CompanyStatus
from programs.models import Program, ProgramStatus
from regions.models import Region, in_area

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
# The need's district is one where CSR lags furthest behind poverty (matching.gap).
W_GAP = 15


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


def _in_list(name: str, values, params: dict) -> str:
    """Named placeholders ``%(name_0)s, %(name_1)s, …`` for an ``IN (…)`` list, with the values
    added to ``params``: SQLite has no array parameter, so the list is spelled out."""
    names = []
    for index, value in enumerate(values):
        params[f"{name}_{index}"] = value
        names.append(f"%({name}_{index})s")
    return ", ".join(names)


def _ranked_company_rows(need: Need, codes: list[str], limit: int) -> list[tuple]:
    """(company id, score, same field, matched region level, earlier pledges, has program),
    best first, computed in one SQL statement.

    Earlier pledges and programs count only inside the area of the agency that decides for the
    need (the most local agency whose region holds the facility): a company working only in
    another agency's area is not suggested first for its track record there. Where no agency
    covers the facility, they count everywhere.

    Written as SQL with common table expressions so that each criterion is computed once for
    the need and joined to the companies; the ORM would repeat every subquery in the select
    list, the filter and the ordering (three times the work, measured in docs/performance.md).
    """
    tables = {
        "company": Company._meta.db_table,
        "focus": Company.focus_fields.through._meta.db_table,
        "preferred": Company.preferred_regions.through._meta.db_table,
        "pledge": Pledge._meta.db_table,
        "need": Need._meta.db_table,
        "facility": Facility._meta.db_table,
        "agency": Agency._meta.db_table,
        "program": Program._meta.db_table,
        "program_fields": Program.fields.through._meta.db_table,
    }
    # Every value is a named parameter; only table names from the models' metadata, the names of
    # parameters and the region levels (1 province, 2 regency, 3 district and below) are
    # formatted into the statement.
    params = {
        "field": need.field_id,
        "program_active": ProgramStatus.ACTIVE,
        "history_max": W_HISTORY_MAX,
        "company_inactive": CompanyStatus.INACTIVE,
        "w_field": W_FIELD,
        "w_district": W_DISTRICT,
        "w_regency": W_REGENCY,
        "w_province": W_PROVINCE,
        "w_history_each": W_HISTORY_EACH,
        "w_program": W_PROGRAM,
        "limit": limit,
    }
    region_codes = _in_list("region", codes, params)  # province, regency, district(, village)
    covering = _in_list("covering", sorted(COVERING_STATES), params)
    holding = _in_list("holding", sorted(COVERING_STATES | PENDING_STATES), params)
    level_case = " ".join(
        f"WHEN region_id = %(region_{index})s THEN {min(index + 1, 3)}" for index in range(len(codes))
    )
    # The deciding agency's region (none: no agency covers the facility), and whether a region
    # code lies in it, spelled for both SQLite and PostgreSQL.
    in_agency_area = """(NOT EXISTS (SELECT 1 FROM area) OR {column} = (SELECT code FROM area)
        OR {column} LIKE (SELECT code FROM area) || '.%%')"""
    sql = f"""
        WITH area AS (
            SELECT region_id AS code FROM {tables["agency"]} WHERE region_id IN ({region_codes})
            ORDER BY LENGTH(region_id) DESC LIMIT 1
        ), focus AS (
            SELECT company_id FROM {tables["focus"]} WHERE csrfield_id = %(field)s
        ), pref AS (
            SELECT company_id, MAX(CASE {level_case} ELSE 0 END) AS level
            FROM {tables["preferred"]} WHERE region_id IN ({region_codes}) GROUP BY company_id
        ), hist AS (
            SELECT p.company_id, COUNT(*) AS n
            FROM {tables["pledge"]} p JOIN {tables["need"]} n ON n.id = p.need_id
            JOIN {tables["facility"]} fa ON fa.id = n.facility_id
            WHERE n.field_id = %(field)s AND p.status IN ({covering})
                AND {in_agency_area.format(column="fa.region_id")}
            GROUP BY p.company_id
        ), used AS (
            SELECT program_id, SUM(value) AS total FROM {tables["pledge"]}
            WHERE program_id IS NOT NULL AND status IN ({holding}) GROUP BY program_id
        ), prog AS (
            SELECT DISTINCT pr.company_id
            FROM {tables["program"]} pr
            JOIN {tables["program_fields"]} pf ON pf.program_id = pr.id
            LEFT JOIN used u ON u.program_id = pr.id
            LEFT JOIN {tables["agency"]} ag ON ag.id = pr.agency_id
            WHERE pr.status = %(program_active)s AND pf.csrfield_id = %(field)s AND pr.budget > COALESCE(u.total, 0)
                AND {in_agency_area.format(column="ag.region_id")}
        ), ranked AS (
            SELECT c.id, c.name,
                CASE WHEN f.company_id IS NULL THEN 0 ELSE 1 END AS same_field,
                COALESCE(r.level, 0) AS region_level,
                CASE WHEN COALESCE(h.n, 0) > %(history_max)s THEN %(history_max)s ELSE COALESCE(h.n, 0) END AS earlier,
                CASE WHEN g.company_id IS NULL THEN 0 ELSE 1 END AS has_program
            FROM {tables["company"]} c
            LEFT JOIN focus f ON f.company_id = c.id
            LEFT JOIN pref r ON r.company_id = c.id
            LEFT JOIN hist h ON h.company_id = c.id
            LEFT JOIN prog g ON g.company_id = c.id
            WHERE c.status <> %(company_inactive)s
        ), scored AS (
            SELECT id, name, same_field, region_level, earlier, has_program,
                same_field * %(w_field)s
                + CASE region_level WHEN 3 THEN %(w_district)s WHEN 2 THEN %(w_regency)s
                    WHEN 1 THEN %(w_province)s ELSE 0 END
                + earlier * %(w_history_each)s
                + has_program * %(w_program)s AS score
            FROM ranked
        )
        SELECT id, score, same_field, region_level, earlier, has_program
        FROM scored WHERE score > 0 ORDER BY score DESC, name, id LIMIT %(limit)s
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def suggest_companies_for_need(need: Need, *, limit: int = 20) -> list[Suggestion]:
    """Rank partners for one need: same field, preferred region down to the district, earlier
    pledges in that field, an active program in that field with budget left."""
    codes = Region(code=need.facility.region_id).ancestor_codes  # province, regency, district(, village)
    rows = _ranked_company_rows(need, codes, limit)
    companies = Company.objects.in_bulk([row[0] for row in rows])
    region_names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    matched_code = {1: codes[0], 2: codes[1] if len(codes) > 1 else None, 3: codes[2] if len(codes) > 2 else None}
    field_label = str(need.field)
    suggestions = []
    for company_id, score, same_field, region_level, earlier, has_program in rows:
        reasons = []
        if same_field:
            reasons.append(_("same field: %(field)s") % {"field": field_label})
        code = matched_code.get(region_level)
        if code:
            reasons.append(_("region: %(region)s") % {"region": region_names.get(code, code)})
        if earlier:
            count = f"{earlier}+" if earlier == W_HISTORY_MAX else str(earlier)
            reasons.append(_("%(n)s earlier pledges in this field") % {"n": count})
        if has_program:
            reasons.append(_("active program with budget left"))
        suggestions.append(Suggestion(companies[company_id], score, reasons))
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
        region_q |= in_area(code, "facility__region__code")
    today = timezone.localdate()
    history_case = Case(
        *[When(field_id=code, then=Value(min(n, W_HISTORY_MAX) * W_HISTORY_EACH)) for code, n in history_fields],
        default=Value(0),
        output_field=IntegerField(),
    )
    queryset = queryset if queryset is not None else Need.objects.public().open()
    # Wide gap between poverty and CSR: ``in_gap`` (kept districts, see there).
    queryset = annotate_need_gap(queryset)
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
            + Case(When(in_gap=True, then=Value(W_GAP)), default=Value(0))
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
        if getattr(need, "in_gap", False):
            reasons.append(_("wide gap in CSR against poverty: %(region)s") % {"region": gap_district_name(need)})
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


def with_evidence_count(reports: QuerySet[DeliveryReport]) -> QuerySet[DeliveryReport]:
    """``reports``, each with the number of its evidence files (``n_evidence``), counted by a
    subquery: PostgreSQL counts for the rows of a page only, where a join and ``GROUP BY`` made
    it join and sort every report first (0.9 s at 112,000)."""
    files = Evidence.objects.filter(report=OuterRef("pk")).order_by().values("report").annotate(n=Count("pk"))
    return reports.annotate(n_evidence=Coalesce(Subquery(files.values("n")), 0))


def pledge_text_match(value: str) -> Q:
    """Pledges whose need's title, need's facility's name, company's name or note contains
    ``value``: the staff's search of pledges. The needs (``need_text_match``: their facilities
    first, then the trigram index of the titles on PostgreSQL) and the companies are looked up
    first, so that the database does not join every pledge to its need, facility and company to
    test each of them (0.6 s at 200,000 pledges)."""
    needs = Need.objects.filter(need_text_match(value, ("title",))).values("pk")
    companies = Company.objects.filter(name__icontains=value).values("pk")
    return Q(need__in=needs) | Q(company__in=companies) | Q(note__icontains=value)
