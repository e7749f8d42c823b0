"""Bar charts as server-drawn SVG: geometry computed here, drawn by
``templates/reports/includes/bar_chart.html`` with presentation attributes only (the CSP allows
no script libraries and no inline styles). The same figures are always in a table beside the
chart, for screen readers and for print."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.formatting import format_rupiah

# Each row's label stands on its own line above its bars, so the chart stays WIDTH units wide and
# is drawn at most WIDTH px wide: on a 390 px phone (about 330 px inside the chart's card)
# FONT_SIZE units are still at least 11 px, and a desktop shows it at its natural size.
WIDTH = 440
FONT_SIZE = 16
LABEL_HEIGHT = 21
VALUE_GAP = 6
VALUE_WIDTH = 180
BAR_HEIGHT = 16
BAR_GAP = 3
ROW_GAP = 12
TOP = 4
LABEL_CHARS = 46

PLEDGED = ("pledged", "#3f8fc6")
DELIVERED = ("delivered", "#1f7a3a")
HOUSEHOLDS = ("households", "#a61b1b")


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str


@dataclass
class Bar:
    series: Series
    x: int
    y: int
    width: int
    height: int
    text: str
    text_x: int
    text_y: int
    title: str


@dataclass
class Row:
    label: str
    label_y: int
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    title: str
    series: list[Series]
    rows: list[Row]
    width: int
    height: int
    label_x: int = 0
    font_size: int = FONT_SIZE

    @property
    def empty(self) -> bool:
        return not self.rows


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(
    title: str,
    items: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[Series],
    *,
    fmt: Callable[[int], str] = format_rupiah,
    value_width: int = VALUE_WIDTH,
) -> Chart:
    """Horizontal bars: one row per item, one bar per series, all on the same scale; rows whose
    values are all zero are left out (the table beside the chart lists them)."""
    bar_area = WIDTH - value_width
    items = [(label, values) for label, values in items if any(values)]
    top = max((max(values) for _label, values in items), default=0)
    rows = []
    y = TOP
    for label, values in items:
        row_height = LABEL_HEIGHT + len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        row = Row(_short(label), y + FONT_SIZE)
        for index, (serie, value) in enumerate(zip(series, values, strict=True)):
            bar_y = y + LABEL_HEIGHT + index * (BAR_HEIGHT + BAR_GAP)
            width = round(bar_area * value / top) if top else 0
            if value and width < 1:
                width = 1  # a small amount stays visible
            text = fmt(value)
            row.bars.append(
                Bar(
                    serie,
                    0,
                    bar_y,
                    width,
                    BAR_HEIGHT,
                    text,
                    width + VALUE_GAP,
                    bar_y + BAR_HEIGHT - 3,
                    f"{label} · {serie.label}: {text}",
                )
            )
        rows.append(row)
        y += row_height + ROW_GAP
    return Chart(title, list(series), rows, WIDTH, max(y, TOP) + TOP)


def money_series() -> list[Series]:
    return [
        Series(PLEDGED[0], _("CSR planned"), PLEDGED[1]),
        Series(DELIVERED[0], _("CSR realised (verified)"), DELIVERED[1]),
    ]


def money_chart(title: str, rows, *, label=lambda row: row.name) -> Chart:
    """All CSR planned (pledges and programs' budgets) and realised (verified deliveries and
    program realisations) of report rows (anything with ``figures``)."""
    return bar_chart(
        title, [(label(row), (row.figures.csr_planned, row.figures.csr_realised)) for row in rows], money_series()
    )


def gap_chart(title: str, gap_rows) -> Chart:
    """The ranked gap: poor households of each district, widest gap first, labelled with all
    CSR realised per poor household."""
    serie = Series(HOUSEHOLDS[0], _("Poor households"), HOUSEHOLDS[1])
    chart = bar_chart(
        title,
        [(f"{row.rank}. {row.name}", (row.households,)) for row in gap_rows],
        [serie],
        fmt=lambda value: f"{value:,}".replace(",", "."),
        value_width=330,
    )
    for row, chart_row in zip(gap_rows, chart.rows, strict=True):
        bar = chart_row.bars[0]
        per_household = _("%(rupiah)s per household") % {"rupiah": format_rupiah(row.realised_per_household)}
        bar.text = f"{bar.text} · {per_household}"
        bar.title = f"{row.name}: {bar.text}"
    return chart
