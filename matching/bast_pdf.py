"""The BAST as a PDF, drawn with ReportLab (docs/decisions.md, issue 27: pure Python, no
system libraries) in DejaVu Sans, shipped in ``matching/fonts`` with its licence, which
covers Indonesian. The document is an Indonesian official letter, so its text is Indonesian
whatever the reader's language. Its QR code (ReportLab's own widget) carries the absolute
address of the public verification page.
"""

from __future__ import annotations

import datetime
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.formatting import format_rupiah
from matching.bast import bast_verify_url
from matching.models import Bast

FONTS = Path(__file__).resolve().parent / "fonts"
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def indonesian_date(day: datetime.date) -> str:
    """``2026-03-05`` → ``5 Maret 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _fonts() -> None:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", FONTS / "DejaVuSans-Bold.ttf"))


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="DejaVuSans", fontSize=9.5, leading=13)
    return {
        "base": base,
        "agency": ParagraphStyle("agency", parent=base, fontName="DejaVuSans-Bold", fontSize=13, leading=16),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle(
            "title", parent=base, fontName="DejaVuSans-Bold", fontSize=12, leading=15, alignment=1, spaceBefore=6
        ),
        "center": ParagraphStyle("center", parent=base, alignment=1),
        "bold": ParagraphStyle("bold", parent=base, fontName="DejaVuSans-Bold"),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(xml_escape(text or "-").replace("\n", "<br/>"), style)


def _qr(url: str, size: float = 30 * mm) -> Drawing:
    widget = QrCodeWidget(url, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _letterhead(bast: Bast, styles) -> Table:
    agency = bast.agency
    lines = [_p(agency.name.upper(), styles["agency"])]
    contact = " · ".join(part for part in (agency.phone, agency.email, agency.website) if part)
    for text in (agency.address, contact):
        if text:
            lines.append(_p(text, styles["small"]))
    logo = ""
    if agency.logo:
        try:
            with agency.logo.open("rb") as handle:
                logo = Image(BytesIO(handle.read()), width=20 * mm, height=20 * mm, kind="proportional")
        except (FileNotFoundError, OSError):
            logo = ""
    table = Table([[logo, lines]], colWidths=[24 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.5, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def bast_pdf(bast: Bast) -> bytes:
    """The BAST of ``bast`` (with its report, pledge, company, need and facility) as PDF bytes."""
    _fonts()
    styles = _styles()
    report = bast.report
    pledge = report.pledge
    need = pledge.need
    facility = need.facility
    company = pledge.company
    officer = report.reported_by
    officer_name = officer.get_full_name() or officer.get_username()
    url = bast_verify_url(bast)

    story: list = [_letterhead(bast, styles), Spacer(1, 4 * mm)]
    story.append(_p("BERITA ACARA SERAH TERIMA BANTUAN CSR", styles["title"]))
    story.append(_p(f"Nomor: {bast.number}", styles["center"]))
    story.append(Spacer(1, 4 * mm))
    story.append(
        _p(
            f"Pada tanggal {indonesian_date(report.delivered_on)}, yang bertanda tangan di bawah ini:",
            styles["base"],
        )
    )
    parties = [
        [
            "1.",
            _p("PIHAK PERTAMA (pemberi)", styles["bold"]),
            _p(f"{officer_name}, atas nama {company.name}", styles["base"]),
        ],
        [
            "2.",
            _p("PIHAK KEDUA (penerima)", styles["bold"]),
            _p(f"{facility.head_name or 'Kepala'}, atas nama {facility.name}", styles["base"]),
        ],
        ["3.", _p("Mengetahui", styles["bold"]), _p(bast.agency.name, styles["base"])],
    ]
    table = Table(parties, colWidths=[8 * mm, 48 * mm, None])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 3 * mm)]
    story.append(
        _p("PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA bantuan berikut, dan PIHAK KEDUA menerimanya:", styles["base"])
    )
    items = [
        [_p(text, styles["bold"]) for text in ("No.", "Barang / bantuan", "Jumlah", "Nilai")],
        [
            "1",
            _p(need.title + (f"\nProgram: {pledge.program.name}" if pledge.program_id else ""), styles["base"]),
            _p(f"{report.quantity:,} {need.unit}".replace(",", "."), styles["base"]),
            _p(format_rupiah(report.value), styles["base"]),
        ],
        ["", _p("Jumlah", styles["bold"]), "", _p(format_rupiah(report.value), styles["bold"])],
    ]
    table = Table(items, colWidths=[10 * mm, None, 32 * mm, 36 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [table, Spacer(1, 3 * mm)]
    story.append(
        _p(
            "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya. "
            f"Keaslian dokumen dapat diperiksa dengan memindai kode QR atau membuka {url}",
            styles["base"],
        )
    )
    story.append(Spacer(1, 8 * mm))
    heads = ["PIHAK PERTAMA", "PIHAK KEDUA", "MENGETAHUI"]
    names = [officer_name, facility.head_name or " ", " "]
    orgs = [company.name, facility.name, bast.agency.short_name or bast.agency.name]
    signatures = Table(
        [
            [_p(h, styles["center"]) for h in heads],
            [_p(o, styles["center"]) for o in orgs],
            ["", "", ""],
            [_p(f"( {n} )", styles["center"]) for n in names],
        ],
        colWidths=[None, None, None],
        rowHeights=[None, None, 22 * mm, None],
    )
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [signatures, Spacer(1, 6 * mm)]
    footer = Table(
        [[_qr(url), _p(f"Verifikasi BAST {bast.number}:\n{url}", styles["small"])]], colWidths=[34 * mm, None]
    )
    footer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(footer)

    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"BAST {bast.number}",
        author=bast.agency.name,
    )
    document.build(story)
    return buffer.getvalue()
