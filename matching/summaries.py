"""The "Ringkasan rupiah" of the facilities', needs' and partners' changelists: rupiah pledged
and delivered per partner, per field and per facility, for the pledges of the listed objects.

The admin mixin (``core.spreadsheets.admin.SpreadsheetAdminMixin``) offers it where a ModelAdmin
sets ``summary_provider = PledgeSummary("<path from a pledge to the listed model>")``.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from core.spreadsheets.summary import SummaryProvider, SummaryTable
from matching.models import COVERING_STATES, DeliveryReport, DeliveryStatus, Pledge

SUMMARY_GROUPS = [
    # (sheet title, first column, path from a pledge to the group's id and name)
    (gettext_noop("Per Mitra"), gettext_noop("Mitra"), "company_id", "company__name"),
    (gettext_noop("Per Bidang"), gettext_noop("Bidang"), "need__field_id", "need__field__name"),
    (gettext_noop("Per Panti"), gettext_noop("Panti"), "need__facility_id", "need__facility__name"),
]
NUMBER_FORMATS = [None, "0", '"Rp "#,##0', '"Rp "#,##0', "0"]


def value_headers() -> list[str]:
    return [
        _("Janji Bantuan"),
        _("Nilai Dijanjikan (Rp)"),
        _("Nilai Tersalurkan Terverifikasi (Rp)"),
        _("Persen Tersalurkan"),
    ]


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _with_total(rows: list[list]) -> list[list]:
    count = sum(row[1] for row in rows)
    pledged = sum(row[2] for row in rows)
    delivered = sum(row[3] for row in rows)
    return [*rows, [_("Jumlah"), count, pledged, delivered, _percent(delivered, pledged)]]


def pledges_of(path: str, listed: QuerySet) -> QuerySet:
    return Pledge.objects.filter(**{f"{path}__in": listed})


def pledge_summary(pledges: QuerySet) -> list[SummaryTable]:
    """Rupiah pledged (pledges in a covering state: accepted, approved, delivered, verified)
    and delivered (verified delivery reports), per partner, per field and per facility. Two
    grouped queries per table, whatever the number of pledges."""
    covering = pledges.order_by().filter(status__in=COVERING_STATES)
    verified = DeliveryReport.objects.order_by().filter(
        status=DeliveryStatus.VERIFIED, pledge__in=pledges.order_by().values("pk")
    )
    tables = []
    for title, label, id_path, name_path in SUMMARY_GROUPS:
        groups: dict = {}
        for row in covering.values(id_path, name_path).annotate(count=Count("pk"), value=Sum("value")):
            groups[row[id_path]] = [row[name_path], row["count"], row["value"] or 0, 0]
        for row in verified.values(f"pledge__{id_path}", f"pledge__{name_path}").annotate(value=Sum("value")):
            group = groups.setdefault(row[f"pledge__{id_path}"], [row[f"pledge__{name_path}"], 0, 0, 0])
            group[3] = row["value"] or 0
        rows = sorted(groups.values(), key=lambda group: (-group[2], -group[3], str(group[0])))
        tables.append(
            SummaryTable(
                title=_(title),
                headers=[_(label), *value_headers()],
                rows=_with_total([[*group, _percent(group[3], group[2])] for group in rows]),
                number_formats=NUMBER_FORMATS,
            )
        )
    return tables


@dataclass(frozen=True)
class PledgeSummary(SummaryProvider):
    """The rupiah summary of the pledges reached from the listed objects by ``path`` (from a
    pledge: ``"company"``, ``"need"``, ``"need__facility"``)."""

    path: str
    file_stem = "ringkasan-rupiah"
    xlsx_label = gettext_lazy("Ringkasan rupiah (xlsx)")
    csv_label = gettext_lazy("Ringkasan rupiah (CSV)")

    def tables(self, listed: QuerySet, within=None) -> list[SummaryTable]:
        pledges = pledges_of(self.path, listed)
        if within is not None:
            # A company works with several agencies: only its pledges in the reader's area count.
            pledges = pledges.filter(within.q("need__facility__region"))
        return pledge_summary(pledges)
