"""The Forum TSLP annual report as an xlsx workbook (openpyxl).

Text cells that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a
carriage return) get a leading apostrophe: company names and program titles come from
partners and the public, and must never run as formulas on a Dinsos computer."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from reports.selectors.forum import ForumReport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Numbers and dates as they are; text that could start a formula, apostrophe first."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list], *, first: bool = False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title[:31]
    sheet.append([safe_cell(text) for text in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    for index, text in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(45, len(text) + 4))
    sheet.freeze_panes = "A2"
    return sheet


def _percent(value: int | None):
    return value if value is not None else ""


def forum_workbook(report: ForumReport, *, agency_name: str) -> Workbook:
    workbook = Workbook()
    total = report.total
    figures = total.figures
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
        [_("Pledged (Rp)"), figures.pledged],
        [_("Delivered, verified (Rp)"), figures.delivered],
        [_("Reported, awaiting verification (Rp)"), figures.awaiting],
        [_("Beneficiaries reached"), figures.beneficiaries],
        [_("Districts reached"), total.districts],
        [_("Pledges"), figures.pledges],
        [_("Pledges delivered"), total.pledges_delivered],
        [_("Pledges verified"), total.pledges_verified],
        [_("Delivery reports on time (%)"), _percent(figures.on_time_percent)],
    ]
    _sheet(workbook, _("Summary"), [_("Item"), _("Value")], summary, first=True)
    _sheet(
        workbook,
        _("By form"),
        [_("Form"), _("Programs"), _("Budget (Rp)"), _("Target beneficiaries")],
        [[str(row.label), row.programs, row.budget, row.target_beneficiaries] for row in report.by_form],
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
        ],
        [
            [
                row.name,
                row.programs,
                row.figures.pledged,
                row.figures.delivered,
                row.figures.awaiting,
                row.figures.beneficiaries,
            ]
            for row in report.by_field
        ],
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
                ]
                for row in report.companies
            ],
        )
    else:
        _sheet(
            workbook,
            _("Programs"),
            [
                _("Program"),
                _("Form"),
                _("Fields"),
                _("Budget (Rp)"),
                _("Start"),
                _("End"),
                _("Status"),
                _("Target beneficiaries"),
                _("Government program supported"),
            ],
            [
                [
                    program.title,
                    str(program.get_form_display()),
                    ", ".join(csr_field.label for csr_field in program.fields.all()),
                    program.budget,
                    program.start_date,
                    program.end_date,
                    str(program.get_status_display()),
                    program.target_beneficiaries,
                    program.government_program,
                ]
                for program in report.programs
            ],
        )
        _sheet(workbook, _("Districts reached"), [_("District")], [[name] for name in report.district_names])
    return workbook


def forum_xlsx_response(report: ForumReport, *, agency_name: str) -> HttpResponse:
    name = f"forum-tslp-{report.year}" + (f"-{report.company.slug}" if report.company else "")
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    forum_workbook(report, agency_name=agency_name).save(response)
    return response
