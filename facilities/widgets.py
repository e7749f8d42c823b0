"""The spreadsheet cells of facilities and their needs: a facility by its code, or by its name
where no other facility has it (:class:`FacilityWidget`, which the government coverage's
resources use too), and a need's unit in its usual spelling (:class:`UnitWidget`).
``core.spreadsheets`` knows no app, so these lookups live here, beside the facilities (as
``regions.widgets`` does for regions)."""

from django.utils.translation import gettext as _

from core.spreadsheets.cells import ColumnError, chunks, is_blank, loose_key, norm_key, shown
from core.spreadsheets.clerks import close_matches, or_list
from core.spreadsheets.lookups import LookupWidget
from core.spreadsheets.widgets import TextWidget
from facilities.models import Facility
from facilities.units import normalized_unit


class UnitWidget(TextWidget):
    """A need's unit: "pcs", "bh", "pieces" are stored as "buah", and so on (facilities.units)."""

    def parse(self, value, row):
        text = super().parse(value, row)
        return normalized_unit(text) if text else text


class FacilityWidget(LookupWidget):
    """A facility by its code (slug), or, when the code cell is empty, by its name if no other
    facility has that name; names are matched ignoring case, spaces and punctuation. A near miss
    is answered with the closest registered code or name. Exports the code."""

    model = Facility
    field = "slug"

    def __init__(self, *, name_column: str, code_column: str = "Kode Panti", required: bool = True):
        super().__init__(required=required)
        self.name_column = name_column
        self.code_column = code_column
        self.by_name: dict[str, list[Facility]] | None = None
        self.by_loose_name: dict[str, list[Facility]] = {}

    def normalize(self, value):
        return str(value).strip().lower()

    def prime(self, values):
        # Facilities number in the hundreds: load them all, by code and by name.
        self.cache, self.by_name, self.by_loose_name = {}, {}, {}
        for facility in Facility.objects.only("id", "slug", "name"):
            self.cache[facility.slug] = facility
            self.by_name.setdefault(norm_key(facility.name), []).append(facility)
            self.by_loose_name.setdefault(loose_key(facility.name), []).append(facility)

    def load(self, keys):
        found = {}
        for batch in chunks(keys):
            for facility in Facility.objects.filter(slug__in=batch).only("id", "slug", "name"):
                found[facility.slug] = facility
        return found

    def named(self, name: str) -> list[Facility]:
        if self.by_name is not None:
            return self.by_name.get(norm_key(name)) or self.by_loose_name.get(loose_key(name), [])
        return list(Facility.objects.filter(name__iexact=" ".join(name.split())).only("id", "slug", "name"))

    def clean(self, value, row=None, **kwargs):
        if not is_blank(value):
            return self.parse(value, row)
        name = (row or {}).get(self.name_column)
        if is_blank(name):
            if self.required:
                raise ValueError(_("wajib diisi: tulis kode panti (atau nama panti di kolom 'Nama Panti')."))
            return None
        found = self.named(str(name))
        if len(found) == 1:
            return found[0]
        # The clerk wrote the name: its problems are reported in the name's column.
        if found:
            raise ColumnError(
                _("ada %(count)s panti bernama '%(name)s'; tulis kode panti di kolom '%(code_column)s': %(codes)s.")
                % {
                    "count": len(found),
                    "name": shown(name),
                    "code_column": self.code_column,
                    "codes": or_list(sorted(facility.slug for facility in found)),
                },
                column=self.name_column,
            )
        keys = close_matches(loose_key(str(name)), self.by_loose_name)
        if keys:
            raise ColumnError(
                _(
                    "panti bernama '%(name)s' tidak terdaftar — maksud Anda %(suggestions)s? Bila bukan, daftarkan "
                    "pantinya lebih dulu."
                )
                % {
                    "name": shown(name),
                    "suggestions": or_list(facility.name for key in keys for facility in self.by_loose_name[key]),
                },
                column=self.name_column,
            )
        raise ColumnError(
            _("panti bernama '%(name)s' tidak terdaftar. Tambahkan panti lebih dulu atau periksa namanya.")
            % {"name": shown(name)},
            column=self.name_column,
        )

    def unknown(self, value):
        # Near misses are looked for among the facilities loaded by prime (none otherwise).
        codes = close_matches(self.normalize(value), self.cache or {}) if self.by_name is not None else []
        if codes:
            return _(
                "panti dengan kode '%(value)s' tidak terdaftar — maksud Anda %(suggestions)s? Bila bukan, daftarkan "
                "pantinya lebih dulu."
            ) % {"value": shown(value), "suggestions": or_list(codes)}
        return _("panti dengan kode '%(value)s' tidak terdaftar. Tambahkan panti lebih dulu atau periksa kodenya.") % {
            "value": shown(value)
        }

    def key_of(self, obj):
        return obj.slug

    def describe(self):
        return _("Kode panti yang terdaftar di portal (boleh kosong bila kolom 'Nama Panti' diisi).")
