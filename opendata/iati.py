"""Programs funded by international donors as IATI 2.03 activities (iati-activities XML).

The reporting organisation is the registering agency (its IATI identifier); the funding
organisation is the donor (``Program.donor_iati_ref``) and the implementing one the program's
company. Verified realisation reports become expenditure transactions in rupiah, dated at the end
of the period they report on; the program's SDG goals and targets are tags. Elements follow the
order of the 2.03 schema, which tests validate against the official XSD (tests/opendata/schemas).
"""

import datetime
from collections.abc import Iterable
from xml.etree import ElementTree as ET

from django.utils import timezone

from core.formatting import xml_safe
from programs.models import Program, ProgramStatus, Realisation

VERSION = "2.03"
# IATI ActivityStatus codes.
ACTIVITY_STATUS = {ProgramStatus.PLANNED: "1", ProgramStatus.ACTIVE: "2", ProgramStatus.COMPLETED: "4"}
# IATI OrganisationType: 10 government, 70 private sector.
GOVERNMENT, PRIVATE_SECTOR = "10", "70"
# IATI TransactionType 4: expenditure. ActivityDateType 1 planned start, 2 actual start, 3 planned end, 4 actual end.
EXPENDITURE = "4"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# IATI TagVocabulary: 2 UN Sustainable Development Goals, 3 their targets.
SDG_GOALS, SDG_TARGETS = "2", "3"


def _narrative(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {name: xml_safe(value) for name, value in attrs.items()})
    ET.SubElement(element, "narrative").text = xml_safe(text)
    return element


def _period_end(realisation: Realisation) -> datetime.date:
    if not realisation.quarter:
        return datetime.date(realisation.year, 12, 31)
    month = realisation.quarter * 3
    next_month = datetime.date(realisation.year + (month == 12), month % 12 + 1, 1)
    return next_month - datetime.timedelta(days=1)


def identifier(program: Program) -> str:
    return xml_safe(f"{program.agency.iati_identifier}-CSR-{program.pk}")


def activity(program: Program) -> ET.Element:
    today = timezone.localdate()
    element = ET.Element(
        "iati-activity",
        {
            "last-updated-datetime": timezone.localtime(program.updated_at).isoformat(timespec="seconds"),
            XML_LANG: "id",
            "default-currency": "IDR",
        },
    )
    ET.SubElement(element, "iati-identifier").text = identifier(program)
    _narrative(element, "reporting-org", program.agency.name, ref=program.agency.iati_identifier, type=GOVERNMENT)
    title = _narrative(element, "title", program.title)
    if program.title_en:
        ET.SubElement(title, "narrative", {XML_LANG: "en"}).text = xml_safe(program.title_en)
    # The schema asks for a description: the title stands in for a program without one.
    description = _narrative(element, "description", program.description or program.title, type="1")
    if program.description_en:
        ET.SubElement(description, "narrative", {XML_LANG: "en"}).text = xml_safe(program.description_en)
    _narrative(element, "participating-org", program.company.name, ref=program.donor_iati_ref, role="1")
    _narrative(
        element, "participating-org", program.agency.name, ref=program.agency.iati_identifier, role="3", type=GOVERNMENT
    )
    ET.SubElement(element, "activity-status", code=ACTIVITY_STATUS[program.status])
    start_type = "2" if program.start_date <= today else "1"
    ET.SubElement(element, "activity-date", {"iso-date": program.start_date.isoformat(), "type": start_type})
    if program.end_date:
        end_type = "4" if program.status == ProgramStatus.COMPLETED else "3"
        ET.SubElement(element, "activity-date", {"iso-date": program.end_date.isoformat(), "type": end_type})
    ET.SubElement(element, "recipient-country", code="ID", percentage="100")
    for region in program.target_regions.all():
        location = ET.SubElement(element, "location")
        _narrative(location, "name", f"{region.name} ({region.code})")
    # The SDG goals and targets the program serves: IATI tag vocabularies 2 (UN SDG goals) and 3
    # (UN SDG targets), between location and transaction as the schema orders them.
    for goal in program.sdg_goals.all():
        ET.SubElement(element, "tag", vocabulary=SDG_GOALS, code=str(goal.number))
    for target in program.sdg_targets.all():
        ET.SubElement(element, "tag", vocabulary=SDG_TARGETS, code=target.code)
    for realisation in program.verified_realisations:
        transaction = ET.SubElement(element, "transaction")
        ET.SubElement(transaction, "transaction-type", code=EXPENDITURE)
        ET.SubElement(transaction, "transaction-date", {"iso-date": _period_end(realisation).isoformat()})
        value = ET.SubElement(transaction, "value", {"value-date": _period_end(realisation).isoformat()})
        value.text = str(realisation.amount)
        _narrative(transaction, "description", f"Realisasi {realisation.period_label}")
    return element


def activities_xml(programs: Iterable[Program]) -> bytes:
    root = ET.Element(
        "iati-activities",
        {"version": VERSION, "generated-datetime": timezone.localtime().isoformat(timespec="seconds")},
    )
    for program in programs:
        root.append(activity(program))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
