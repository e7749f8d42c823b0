from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RegionLevel(models.IntegerChoices):
    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/city")
    DISTRICT = 3, _("District")
    VILLAGE = 4, _("Village")


def in_area(code: str, path: str = "region") -> Q:
    """Rows whose region (the region key at ``path``, e.g. ``"region"`` or
    ``"facility__region"``) is ``code`` or lies below it: ``31.75`` takes ``31.75`` and
    ``31.75.01``, never ``31.750``. An empty code is the whole country (no condition).

    The one place that spells out "a region and everything below it"; an index on the code
    serves both halves (equality and prefix)."""
    if not code:
        return Q()
    # ``<fk>__code`` reads the foreign key's own column (the code is the primary key): no join.
    key = path if path.endswith("code") or path == "pk" else f"{path}__code"
    return Q(**{key: code}) | Q(**{f"{key}__startswith": f"{code}."})


class RegionQuerySet(models.QuerySet):
    def provinces(self):
        return self.filter(level=RegionLevel.PROVINCE)

    def within(self, code: str):
        """The region with this code and everything below it."""
        return self.filter(in_area(code, "pk"))


class Region(models.Model):
    """An administrative region with its Kemendagri code (``31``, ``31.75``, ``31.75.01``,
    ``31.75.01.1001``). The code is the primary key: it is the natural key everywhere
    (imports, filters, URLs) and it never changes for a region."""

    code = models.CharField(_("Kemendagri code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=120, db_index=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=RegionLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        indexes = [
            # The provinces and regencies in code order (the changelists' region filter,
            # backoffice.filters.RegionAreaFilter): about 550 of 90,000 regions.
            models.Index(
                fields=["code"],
                condition=Q(level__in=(RegionLevel.PROVINCE, RegionLevel.REGENCY)),
                name="region_upper_levels_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="region_level_range"),
            models.CheckConstraint(
                condition=Q(level=1, parent__isnull=True) | Q(level__gt=1, parent__isnull=False),
                name="region_parent_matches_level",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def level_label(self) -> str:
        """The level in words; a village is a *kelurahan* (Kemendagri codes ``…1xxx``) or a
        *desa* (``…2xxx``)."""
        if self.level == RegionLevel.VILLAGE:
            return str(_("Kelurahan") if self.code.rsplit(".", 1)[-1].startswith("1") else _("Desa"))
        return str(RegionLevel(self.level).label)

    @property
    def full_label(self) -> str:
        """The name with its level and the places above it, as a choice among many regions of
        the same name: ``Cilandak Barat — Kelurahan, Kec. Cilandak, Kota Administrasi Jakarta
        Selatan``. Reads ``parent`` and ``parent.parent`` (select them with the region)."""
        parts = [self.level_label]
        parent = self.parent if self.parent_id else None
        if parent is not None and parent.level == RegionLevel.DISTRICT:
            parts.append(str(_("Kec. %(name)s") % {"name": parent.name}))
            parent = parent.parent if parent.parent_id else None
        if parent is not None:
            parts.append(parent.name)
        return f"{self.name} — {', '.join(parts)}"

    @property
    def ancestor_codes(self) -> list[str]:
        """Codes of this region and its parents, province first."""
        parts = self.code.split(".")
        return [".".join(parts[: i + 1]) for i in range(len(parts))]


class PovertySource(models.TextChoices):
    DTKS = "dtks", "DTKS"
    DTSEN = "dtsen", "DTSEN"
    BPS = "bps", "BPS"


class PovertyFigure(models.Model):
    """Aggregate poverty figures for one region and one period. Aggregates only: this table
    (and every other) never holds a person or a household."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="poverty_figures"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    poor_households = models.PositiveIntegerField(_("poor households"))
    poor_individuals = models.PositiveIntegerField(_("poor individuals"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=PovertySource.choices)
    source_date = models.DateField(_("data date"))
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["region__code", "-year"]
        verbose_name = _("poverty figure")
        verbose_name_plural = _("poverty figures")
        permissions = [
            ("import_povertyfigure", _("Can import poverty figures from a spreadsheet")),
            ("export_povertyfigure", _("Can export poverty figures to a spreadsheet")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "source"], name="poverty_unique_region_year_source"),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="poverty_year_range"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year} ({self.get_source_display()})"
