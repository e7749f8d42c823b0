"""Spreadsheet import and export of partners (companies, state-owned companies, associations,
foundations, agencies).

A company is identified by its name (``Nama Perusahaan``), compared without regard to case or
repeated spaces. Its code (``Kode Perusahaan``, the slug) may be left empty: a new company then
gets one made from its name, and an existing company keeps its own.
"""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from agencies.scope import staff_scope
from core.identifiers import compact_nib, compact_npwp
from core.spreadsheets.cells import loose_key, norm_key, shown
from core.spreadsheets.clerks import close_matches, or_list, without_legal_form
from core.spreadsheets.columns import Column
from core.spreadsheets.identified import IdentifiedRowsMixin, IdentifierWidget
from core.spreadsheets.lookups import CsrFieldWidget, LookupWidget, ManyLookupWidget
from core.spreadsheets.resources import SpreadsheetResource
from core.spreadsheets.widgets import ChoiceWidget, TextWidget
from partners import services
from partners.models import Company, CompanyKind, CompanyStatus
from partners.selectors import partnered_q
from regions.widgets import RegionWidget

COMPANY_KIND_LABELS = {
    CompanyKind.COMPANY: "Perusahaan",
    CompanyKind.STATE_OWNED: "BUMN/BUMD",
    CompanyKind.ASSOCIATION: "Asosiasi",
    CompanyKind.FOUNDATION: "Yayasan",
    CompanyKind.INTERNATIONAL: "Lembaga internasional",
}
COMPANY_KIND_ALIASES = {"BUMN": CompanyKind.STATE_OWNED, "BUMD": CompanyKind.STATE_OWNED, "PT": CompanyKind.COMPANY}
COMPANY_STATUS_LABELS = {
    CompanyStatus.PROSPECT: "Calon mitra",
    CompanyStatus.ACTIVE: "Aktif",
    CompanyStatus.INACTIVE: "Tidak aktif",
}


class CompanyWidget(LookupWidget):
    """A partner by its name (or its code), the name matched ignoring case, spaces and
    punctuation, and then without its legal form ("Sebangau Agro Mandiri" or "Sebangau Agro
    Mandiri, PT" for "PT Sebangau Agro Mandiri") when exactly one partner matches so. A near
    miss is answered with every registered name as close as the closest. Exports the name."""

    model = Company
    field = "name"

    def __init__(self, *, required: bool = True):
        super().__init__(required=required)
        self.by_loose_name: dict[str, list[Company]] | None = None
        self.by_bare_name: dict[str, list[Company]] = {}

    def prime(self, values):
        # Partners number in the hundreds: load them all.
        companies = list(Company.objects.only("id", "name", "slug"))
        self.cache = self.index(companies)
        self.by_loose_name, self.by_bare_name = {}, {}
        for company in companies:
            self.by_loose_name.setdefault(loose_key(company.name), []).append(company)
            self.by_bare_name.setdefault(without_legal_form(company.name), []).append(company)

    def find(self, key):
        found = super().find(key)
        if not found and self.by_loose_name is not None:
            return self.by_loose_name.get(loose_key(key)) or self.by_bare_name.get(without_legal_form(key))
        return found

    @staticmethod
    def index(companies):
        found: dict[str, list[Company]] = {}
        for company in companies:
            found.setdefault(norm_key(company.name), []).append(company)
            found.setdefault(company.slug, []).append(company)
        return found

    def load(self, keys):
        found = {}
        for key in keys:
            matches = list(
                Company.objects.filter(name__iexact=key).only("id", "name", "slug")
                or Company.objects.filter(slug=key).only("id", "name", "slug")
            )
            found[key] = matches
        return found

    def ambiguous(self, value):
        names = sorted(company.name for company in self.find(self.normalize(value)) or [])
        return _("'%(value)s' cocok dengan lebih dari satu mitra: %(names)s. Tulis nama lengkapnya.") % {
            "value": shown(value),
            "names": or_list(names),
        }

    def unknown(self, value):
        # Near misses are looked for among the partners loaded by prime (none otherwise).
        keys = close_matches(without_legal_form(str(value)), self.by_bare_name)
        if keys:
            return _(
                "mitra '%(value)s' tidak terdaftar — maksud Anda %(suggestions)s? Bila bukan, daftarkan mitranya "
                "lebih dulu."
            ) % {
                "value": shown(value),
                "suggestions": or_list(company.name for key in keys for company in self.by_bare_name[key]),
            }
        return _("mitra '%(value)s' tidak terdaftar. Tambahkan mitra lebih dulu atau periksa namanya.") % {
            "value": shown(value)
        }

    def key_of(self, obj):
        return obj.name

    def describe(self):
        return _("Nama mitra yang terdaftar di portal (PT, CV atau Tbk boleh tidak ditulis).")


class CompanyResource(IdentifiedRowsMixin, SpreadsheetResource):
    sheet_title = "Mitra"
    row_noun = "mitra"
    # A row with a NIB or NPWP already registered updates that company, whatever its name.
    identifier_fields = ("nib", "npwp")

    name = Column(
        "name",
        "Nama Perusahaan",
        TextWidget(required=True, max_length=200),
        example="PT LG Electronics Indonesia",
        help_text="Kunci baris: mitra dengan nama yang sama diperbarui.",
    )
    slug = Column(
        "slug",
        "Kode Perusahaan",
        TextWidget(max_length=200, lower=True),
        example="pt-lg-electronics-indonesia",
        help_text="Boleh kosong: dibuat dari nama.",
    )
    kind = Column(
        "kind",
        "Jenis",
        ChoiceWidget(CompanyKind, COMPANY_KIND_LABELS, aliases=COMPANY_KIND_ALIASES, default=CompanyKind.COMPANY),
        example="Perusahaan",
    )
    nib = Column(
        "nib",
        "NIB",
        IdentifierWidget(compact=compact_nib, max_length=20, min_digits=13),
        example="9120001234567",
        help_text="Nomor Induk Berusaha (OSS), 13 angka. Mitra dengan NIB yang sama diperbarui.",
    )
    npwp = Column(
        "npwp",
        "NPWP",
        IdentifierWidget(compact=compact_npwp, max_length=24, min_digits=15),
        example="01.312.166.0-091.000",
        help_text="15 atau 16 angka, titik dan tanda hubung boleh. Mitra dengan NPWP yang sama diperbarui.",
    )
    country = Column("country", "Negara Asal", TextWidget(max_length=100, default="Indonesia"), example="Korea Selatan")
    business_scope = Column("business_scope", "Lingkup Usaha", TextWidget())
    address = Column("address", "Alamat", TextWidget())
    region = Column("region", "Kode Wilayah", RegionWidget(required=False), example="31.71")
    website = Column("website", "Situs Web", TextWidget(max_length=200), example="https://www.lg.com/id")
    email = Column("email", "Email", TextWidget(max_length=254))
    phone = Column("phone", "Telepon", TextWidget(max_length=50))
    csr_strategy = Column("csr_strategy", "Strategi dan Kegiatan CSR", TextWidget())
    focus_fields = Column(
        "focus_fields", "Bidang Fokus", ManyLookupWidget(CsrFieldWidget()), example="Pendidikan; Kesehatan"
    )
    preferred_regions = Column(
        "preferred_regions", "Wilayah Prioritas", ManyLookupWidget(RegionWidget()), example="31.75; 62.11"
    )
    status = Column(
        "status",
        "Status",
        ChoiceWidget(CompanyStatus, COMPANY_STATUS_LABELS, default=CompanyStatus.PROSPECT),
        example="Aktif",
    )

    class Meta:
        model = Company
        import_id_fields = ("name",)
        fields = (
            "name",
            "slug",
            "kind",
            "nib",
            "npwp",
            "country",
            "business_scope",
            "address",
            "region",
            "website",
            "email",
            "phone",
            "csr_strategy",
            "focus_fields",
            "preferred_regions",
            "status",
        )

    # The shared registry (partners.selectors): a row may update only a company the importing
    # account's agency works with; a new company becomes the agency's partner.
    area_field = "name"

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        # Codes in use, so a new partner without a code gets a free one and a code is never
        # given to two partners.
        self._slug_owners = dict(Company.objects.values_list("slug", "pk"))
        self._slugs_claimed: dict[str, str] = {}
        self._scope = staff_scope(self._user) if self._area is not None else None
        self._partnered = (
            None
            if self._scope is None or self._scope.everything
            else set(Company.objects.filter(partnered_q(self._scope)).values_list("pk", flat=True))
        )

    def area_problem(self, instance):
        if self._partnered is None or (instance.pk is not None and instance.pk in self._partnered):
            return None
        if instance.pk is None:
            if self._scope.agency is not None and not self._scope.read_only:
                return None
            return _("akun Anda tidak bekerja untuk dinas mana pun: mitra baru tidak dapat dicatat.")
        return _(
            "%(company)s bekerja dengan dinas lain: datanya diubah oleh dinas mitranya. Catat sebagai mitra "
            "dinas Anda di halaman perusahaan lebih dulu."
        ) % {"company": instance.name}

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        scope = self._scope
        if scope is not None and scope.agency is not None and not hasattr(instance, "_import_snapshot"):
            services.partnership_ensure(agency=scope.agency, company=instance, actor=self._user)

    def identified_queryset(self):
        return Company.objects.prefetch_related("focus_fields", "preferred_regions")

    def existing_instances(self, keys):
        names = {key[0] for key in keys}
        companies = Company.objects.prefetch_related("focus_fields", "preferred_regions")
        return [company for company in companies if norm_key(company.name) in names]

    def instance_key(self, instance):
        return (norm_key(instance.name),)

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            if not instance.slug and instance.name:
                snapshot = getattr(instance, "_import_snapshot", None)
                instance.slug = snapshot["slug"] if snapshot else self.free_slug(instance.name)

    def free_slug(self, name: str) -> str:
        base = slugify(name)[:190] or "mitra"
        slug, counter = base, 2
        while slug in self._slug_owners or slug in self._slugs_claimed:
            slug, counter = f"{base}-{counter}", counter + 1
        return slug

    def check_instance(self, instance):
        problems = {}
        owner = self._slug_owners.get(instance.slug)
        if owner is not None and owner != instance.pk:
            problems["slug"] = _("kode '%(slug)s' sudah dipakai mitra lain.") % {"slug": instance.slug}
        claimed = self._slugs_claimed.setdefault(instance.slug, norm_key(instance.name))
        if claimed != norm_key(instance.name) and "slug" not in problems:
            problems["slug"] = _("kode '%(slug)s' dipakai lebih dari satu baris berkas ini.") % {"slug": instance.slug}
        for name, problem in self.identifier_problems(instance).items():
            problems.setdefault(name, problem)
        return problems

    def row_label(self, instance):
        return instance.name
