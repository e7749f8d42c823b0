"""The Forum TSLP annual report as an xlsx workbook (openpyxl).

Text cells that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a
carriage return) get a leading apostrophe: company names and program titles come from
partners and the public, and must never run as formulas on a Dinsos computer."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from reports.selectors.forum import ForumReport
from reports.selectors.obligations import OWED_STATUS_LABELS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Numbers and dates as they are; text that could start a formula, apostrophe first."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


BOLD = Font(bold=True)


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list]):
    """A sheet written row by row (openpyxl's write-only mode: no cell objects kept and sorted
    before saving): its header in bold and frozen, columns as wide as their headers."""
    sheet = workbook.create_sheet(title[:31])
    for index, text in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(45, len(text) + 4))
    sheet.freeze_panes = "A2"
    header_cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(text))
        cell.font = BOLD
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    return sheet


def _percent(value: int | None):
    return value if value is not None else ""


def _optional(value):
    return value if value is not None else ""


def forum_workbook(report: ForumReport, *, agency_name: str) -> Workbook:
    workbook = Workbook(write_only=True)
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
        [_("Delivery reports on time (%)"), _percent(figures.on_time_percent)],
    ]
    discipline = report.discipline
    if discipline is not None:
        summary += [
            [_("Members owing realisation reports"), discipline.members],
            [_("Members that reported in full"), discipline.members_reported],
            [_("Members that reported on time"), discipline.members_on_time],
            [_("Members reporting on time (%)"), _optional(discipline.on_time_percent)],
        ]
    _sheet(workbook, _("Summary"), [_("Item"), _("Value")], summary)
    _sheet(
        workbook,
        _("By form"),
        [_("Form"), _("Programs"), _("Budget (Rp)"), _("Realised, verified (Rp)"), _("Target beneficiaries")],
        [[str(row.label), row.programs, row.budget, row.realised, row.target_beneficiaries] for row in report.by_form],
    )
    _sheet(
        workbook,
        _("By field"),
        [
            _("Field"),
            _("Programs"),
            _("Pledged (Rp)"),
            _("Delivered, verified (Rp)"),
            _("Awaiting verification (Rp)"),
            _("Beneficiaries reached"),
            _("Programs realised, verified (Rp)"),
            _("Programs awaiting verification (Rp)"),
            _("CSR realised, verified (Rp)"),
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
    )
    _sheet(
        workbook,
        _("By SDG goal"),
        [_("SDG (TPB) goal"), _("Programs"), _("Realised, verified (Rp)")],
        [[row.label, row.programs, row.realised] for row in report.by_sdg],
    )
    _sheet(
        workbook,
        _("By TJSL pillar"),
        [_("TJSL pillar (state-owned companies)"), _("Programs"), _("Realised, verified (Rp)")],
        [[row.label, row.programs, row.realised] for row in report.by_tjsl],
    )
    if report.company is None:
        _sheet(
            workbook,
            _("Companies"),
            [
                _("Company"),
                _("Programs"),
                _("Budget (Rp)"),
                _("Pledged (Rp)"),
                _("Delivered, verified (Rp)"),
                _("Awaiting verification (Rp)"),
                _("Beneficiaries reached"),
                _("Districts reached"),
                _("Pledges"),
                _("Pledges delivered"),
                _("Pledges verified"),
                _("Delivery reports on time (%)"),
                _("Programs realised, verified (Rp)"),
                _("Programs awaiting verification (Rp)"),
                _("Returned for correction (Rp)"),
                _("CSR realised, verified (Rp)"),
                _("Verified share (%)"),
                _("Households reached"),
                _("Persons reached"),
                _("Of whom women"),
                _("Of whom children"),
                _("Of whom elderly"),
                _("Of whom persons with disability"),
                _("Periods owed"),
                _("Periods reported"),
                _("Periods reported on time"),
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
                    _percent(row.figures.on_time_percent),
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
    forum = report.company is None
    _sheet(
        workbook,
        _("Programs"),
        [
            *([_("Company")] if forum else []),
            _("Program"),
            _("Form"),
            _("Fields"),
            _("Budget (Rp)"),
            _("Start"),
            _("End"),
            _("Status"),
            _("Target beneficiaries"),
            _("Government program supported"),
            _("Realised, verified (Rp)"),
            _("Awaiting verification (Rp)"),
            _("Returned for correction (Rp)"),
            _("Kecamatan reached"),
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
    if not forum:
        _sheet(workbook, _("Districts reached"), [_("District")], [[name] for name in report.district_names])
    if discipline is not None:
        _sheet(
            workbook,
            _("Reports owed"),
            [_("Company"), _("Period"), _("Due by"), _("Status"), _("On time"), _("Programs not reported")],
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
    return workbook


def forum_xlsx_response(report: ForumReport, *, agency_name: str) -> HttpResponse:
    name = f"forum-tslp-{report.year}" + (f"-{report.company.slug}" if report.company else "")
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    forum_workbook(report, agency_name=agency_name).save(response)
    return response
