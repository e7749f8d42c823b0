"""The Forum TSLP annual report as an xlsx workbook, written by the portal's one xlsx writer
(``core.spreadsheets.writing.write_workbook``): every text cell a spreadsheet would run as a
formula escaped (company names and program titles come from partners and the public, and must
never run as formulas on a Dinsos computer), control characters that xlsx refuses replaced,
rupiah and dates as real numbers and dates, each sheet's header bold and frozen and its columns
as wide as their content."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets.widgets import DateWidget, RupiahWidget
from core.spreadsheets.writing import Sheet, write_workbook
from reports.selectors.forum import ForumReport
from reports.selectors.obligations import OWED_STATUS_LABELS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RP = RupiahWidget.number_format
DATE = DateWidget.number_format


def _sheet(title: str, columns: list[tuple[str, str | None]], rows: list[list]) -> Sheet:
    """A sheet of ``columns`` (each its header and its number format: ``RP``, ``DATE`` or None),
    so that a column's header and its format are written side by side."""
    return Sheet(
        title=title,
        headers=[header for header, _number_format in columns],
        rows=rows,
        number_formats=[number_format for _header, number_format in columns],
    )


def _optional(value):
    """A figure that may be unknown (a share of nothing, a count not asked for): empty then."""
    return value if value is not None else ""


def forum_workbook(report: ForumReport, *, agency_name: str) -> bytes:
    """The report's xlsx: a summary, the breakdowns, the member companies (the whole forum's
    report), the programs and, when the agency has rules for them, the reports owed."""
    total = report.total
    figures = total.figures
    people = total.beneficiaries
    title = (
        _("Forum TSLP annual report %(year)s: %(company)s") % {"year": report.year, "company": report.company.name}
        if report.company
        else _("Forum TSLP annual report %(year)s") % {"year": report.year}
    )
    summary = [
        [_("Agency"), agency_name],
        [_("Report"), title],
        [_("Period"), f"01/01/{report.year} – 31/12/{report.year}"],
        [_("Region"), report.scope.name if report.scope else _("All regions")],
        [_("Prepared on"), timezone.localdate().strftime("%d/%m/%Y")],
        [],
        [_("Member companies") if report.company is None else _("Company"), len(report.companies)],
        [_("Programs running in the year"), total.programs],
        [_("Program budgets (Rp)"), total.budget],
        [_("Programs realised, verified (Rp)"), figures.realised_programs],
        [_("Programs reported, awaiting verification (Rp)"), figures.programs_awaiting],
        [_("Realisation reports returned for correction (Rp)"), total.returned],
        [_("Pledged (Rp)"), figures.pledged],
        [_("Delivered, verified (Rp)"), figures.delivered],
        [_("Reported, awaiting verification (Rp)"), figures.awaiting],
        [_("CSR realised, verified (Rp)"), figures.csr_realised],
        [_("Verified share of what was reported (%)"), _optional(total.verified_percent)],
        [_("Beneficiaries reached"), figures.beneficiaries],
        [_("Households reached"), people.households],
        [_("Persons reached"), people.persons],
        [_("Of whom women"), _optional(people.women)],
        [_("Of whom children"), _optional(people.children)],
        [_("Of whom elderly"), _optional(people.elderly)],
        [_("Of whom persons with disability"), _optional(people.disabled)],
        [_("Districts reached"), total.districts],
        [_("Pledges"), figures.pledges],
        [_("Pledges delivered"), total.pledges_delivered],
        [_("Pledges verified"), total.pledges_verified],
        [_("Delivery reports on time (%)"), _optional(figures.on_time_percent)],
    ]
    discipline = report.discipline
    if discipline is not None:
        summary += [
            [_("Members owing realisation reports"), discipline.members],
            [_("Members that reported in full"), discipline.members_reported],
            [_("Members that reported on time"), discipline.members_on_time],
            [_("Members reporting on time (%)"), _optional(discipline.on_time_percent)],
        ]
    sheets = [
        _sheet(_("Summary"), [(_("Item"), None), (_("Value"), None)], summary),
        _sheet(
            _("By form"),
            [
                (_("Form"), None),
                (_("Programs"), None),
                (_("Budget (Rp)"), RP),
                (_("Realised, verified (Rp)"), RP),
                (_("Target beneficiaries"), None),
            ],
            [
                [str(row.label), row.programs, row.budget, row.realised, row.target_beneficiaries]
                for row in report.by_form
            ],
        ),
        _sheet(
            _("By field"),
            [
                (_("Field"), None),
                (_("Programs"), None),
                (_("Pledged (Rp)"), RP),
                (_("Delivered, verified (Rp)"), RP),
                (_("Awaiting verification (Rp)"), RP),
                (_("Beneficiaries reached"), None),
                (_("Programs realised, verified (Rp)"), RP),
                (_("Programs awaiting verification (Rp)"), RP),
                (_("CSR realised, verified (Rp)"), RP),
            ],
            [
                [
                    row.name,
                    row.programs,
                    row.figures.pledged,
                    row.figures.delivered,
                    row.figures.awaiting,
                    row.figures.beneficiaries,
                    row.figures.realised_programs,
                    row.figures.programs_awaiting,
                    row.figures.csr_realised,
                ]
                for row in report.by_field
            ],
        ),
        _sheet(
            _("By SDG goal"),
            [(_("SDG (TPB) goal"), None), (_("Programs"), None), (_("Realised, verified (Rp)"), RP)],
            [[row.label, row.programs, row.realised] for row in report.by_sdg],
        ),
        _sheet(
            _("By TJSL pillar"),
            [
                (_("TJSL pillar (state-owned companies)"), None),
                (_("Programs"), None),
                (_("Realised, verified (Rp)"), RP),
            ],
            [[row.label, row.programs, row.realised] for row in report.by_tjsl],
        ),
    ]
    forum = report.company is None
    if forum:
        sheets.append(_companies_sheet(report))
    sheets.append(
        _sheet(
            _("Programs"),
            [
                *([(_("Company"), None)] if forum else []),
                (_("Program"), None),
                (_("Form"), None),
                (_("Fields"), None),
                (_("Budget (Rp)"), RP),
                (_("Start"), DATE),
                (_("End"), DATE),
                (_("Status"), None),
                (_("Target beneficiaries"), None),
                (_("Government program supported"), None),
                (_("Realised, verified (Rp)"), RP),
                (_("Awaiting verification (Rp)"), RP),
                (_("Returned for correction (Rp)"), RP),
                (_("Kecamatan reached"), None),
            ],
            [
                [
                    *([line.company] if forum else []),
                    line.program.title,
                    str(line.program.get_form_display()),
                    ", ".join(csr_field.label for csr_field in line.program.fields.all()),
                    line.program.budget,
                    line.program.start_date,
                    line.program.end_date,
                    str(line.program.get_status_display()),
                    line.program.target_beneficiaries,
                    line.program.government_program,
                    line.realised,
                    line.awaiting,
                    line.returned,
                    ", ".join(line.district_names),
                ]
                for line in report.programs
            ],
        )
    )
    if not forum:
        sheets.append(
            _sheet(_("Districts reached"), [(_("District"), None)], [[name] for name in report.district_names])
        )
    if discipline is not None:
        sheets.append(
            _sheet(
                _("Reports owed"),
                [
                    (_("Company"), None),
                    (_("Period"), None),
                    (_("Due by"), DATE),
                    (_("Status"), None),
                    (_("On time"), None),
                    (_("Programs not reported"), None),
                ],
                [
                    [
                        row.name,
                        row.label,
                        row.due,
                        str(OWED_STATUS_LABELS[row.status]),
                        _("yes") if row.on_time else _("no"),
                        ", ".join(
                            _("%(program)s (returned, awaiting correction)") % {"program": program.title}
                            if program.returned
                            else program.title
                            for program in row.missing
                        )
                        or ("" if row.programs else _("No program registered")),
                    ]
                    for row in discipline.rows
                ],
            )
        )
    return write_workbook(sheets)


def _companies_sheet(report: ForumReport) -> Sheet:
    """The forum's member companies, one row each (the whole forum's workbook only)."""
    return _sheet(
        _("Companies"),
        [
            (_("Company"), None),
            (_("Programs"), None),
            (_("Budget (Rp)"), RP),
            (_("Pledged (Rp)"), RP),
            (_("Delivered, verified (Rp)"), RP),
            (_("Awaiting verification (Rp)"), RP),
            (_("Beneficiaries reached"), None),
            (_("Districts reached"), None),
            (_("Pledges"), None),
            (_("Pledges delivered"), None),
            (_("Pledges verified"), None),
            (_("Delivery reports on time (%)"), None),
            (_("Programs realised, verified (Rp)"), RP),
            (_("Programs awaiting verification (Rp)"), RP),
            (_("Returned for correction (Rp)"), RP),
            (_("CSR realised, verified (Rp)"), RP),
            (_("Verified share (%)"), None),
            (_("Households reached"), None),
            (_("Persons reached"), None),
            (_("Of whom women"), None),
            (_("Of whom children"), None),
            (_("Of whom elderly"), None),
            (_("Of whom persons with disability"), None),
            (_("Periods owed"), None),
            (_("Periods reported"), None),
            (_("Periods reported on time"), None),
        ],
        [
            [
                row.name,
                row.programs,
                row.budget,
                row.figures.pledged,
                row.figures.delivered,
                row.figures.awaiting,
                row.figures.beneficiaries,
                row.districts,
                row.figures.pledges,
                row.pledges_delivered,
                row.pledges_verified,
                _optional(row.figures.on_time_percent),
                row.figures.realised_programs,
                row.figures.programs_awaiting,
                row.returned,
                row.figures.csr_realised,
                _optional(row.verified_percent),
                row.beneficiaries.households,
                row.beneficiaries.persons,
                _optional(row.beneficiaries.women),
                _optional(row.beneficiaries.children),
                _optional(row.beneficiaries.elderly),
                _optional(row.beneficiaries.disabled),
                row.periods_owed,
                row.periods_reported,
                row.periods_on_time,
            ]
            for row in report.companies
        ],
    )


def forum_xlsx_response(report: ForumReport, *, agency_name: str) -> HttpResponse:
    name = f"forum-tslp-{report.year}" + (f"-{report.company.slug}" if report.company else "")
    response = HttpResponse(forum_workbook(report, agency_name=agency_name), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
