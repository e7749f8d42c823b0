import json
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CsrField(models.Model):
    """A field (bidang) of CSR work, as Perbup Pulang Pisau 24/2020 lists them.

    A small lookup table rather than choices, because companies and programs hold several
    fields at once and the suggestion ranking joins on them in the database. The nine rows
    are created by a data migration; the code is the natural key used in imports and URLs.
    """

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    name = models.CharField(_("name (Indonesian)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("CSR field")
        verbose_name_plural = _("CSR fields")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name


# The nine fields of Perbup Pulang Pisau 24/2020, in its order: (code, Indonesian, English).
PERBUP_FIELDS = [
    ("pendidikan", "Pendidikan", "Education"),
    ("kesehatan", "Kesehatan", "Health"),
    ("infrastruktur", "Infrastruktur", "Infrastructure"),
    ("olahraga-seni-budaya", "Olahraga dan seni budaya", "Sports, arts and culture"),
    ("sosial-keagamaan", "Sosial dan keagamaan", "Social and religious"),
    ("lingkungan-hidup", "Pelestarian lingkungan hidup", "Environment"),
    ("ekonomi-kerakyatan", "Usaha ekonomi kerakyatan", "People's economy"),
    ("masyarakat-adat", "Pemberdayaan masyarakat adat", "Indigenous communities"),
    ("lainnya", "Lainnya", "Other"),
]


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals (Tujuan Pembangunan Berkelanjutan, TPB).

    Reference data shipped in core/data/sdg.json and loaded by a data migration (issue 27);
    programs and needs are tagged with them and the Forum TSLP report groups by them.
    """

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    title = models.CharField(_("title (Indonesian)"), max_length=100, unique=True)
    short_en = models.CharField(_("short title (English)"), max_length=100)
    title_en = models.CharField(_("title (English)"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=17), name="sdg_goal_number_1_to_17"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.label}"

    @property
    def label(self) -> str:
        return self.short_en if (get_language() or "id").startswith("en") else self.title


class SdgTarget(models.Model):
    """One of the 169 SDG targets ("1.1", "1.a"). Only English titles are shipped: no openly
    licensed Indonesian translation of the targets exists, so the Indonesian interface shows the
    code with its goal's Indonesian title."""

    code = models.CharField(_("code"), max_length=6, primary_key=True)
    goal = models.ForeignKey(SdgGoal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="targets")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_en = models.TextField(_("title (English)"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        if (get_language() or "id").startswith("en"):
            return f"{self.code} {self.title_en}"
        return f"{self.code} ({self.goal_id}. {self.goal.title})"


SDG_DATA_FILE = Path(__file__).resolve().parent / "data" / "sdg.json"


def sdg_reference_ensure(goal_model=SdgGoal, target_model=SdgTarget) -> None:
    """Create or refresh the 17 goals and 169 targets from core/data/sdg.json. Used by the data
    migration (with the historical models) and by tests whose transactional flush empties them."""
    data = json.loads(SDG_DATA_FILE.read_text(encoding="utf-8"))
    for goal in data["goals"]:
        goal_model.objects.update_or_create(
            number=goal["number"],
            defaults={"title": goal["title_id"], "short_en": goal["short_en"], "title_en": goal["title_en"]},
        )
    for order, target in enumerate(data["targets"], start=1):
        target_model.objects.update_or_create(
            code=target["code"],
            defaults={"goal_id": target["goal"], "order": order, "title_en": target["title_en"]},
        )


class ImportRecord(models.Model):
    """One spreadsheet upload in the admin: who sent which file, when, what its preview found,
    and whether it was confirmed. Nothing here is edited by hand; the import views write it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("data"), on_delete=models.PROTECT, related_name="+"
    )
    resource = models.CharField(_("importer"), max_length=100)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10)
    file_size = models.PositiveIntegerField(_("size (bytes)"))
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_new = models.PositiveIntegerField(_("new"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rows_failed = models.PositiveIntegerField(_("failed"), default=0)
    # Failing rows left out at the clerk's choice when the good rows were imported (issue 25);
    # their problems stay in ``problems``.
    rows_skipped = models.PositiveIntegerField(_("skipped"), default=0)
    problems = models.TextField(_("problems found"), blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True, db_index=True)
    confirmed = models.BooleanField(_("confirmed"), default=False, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # Where the upload waits between preview and confirmation (the import-export temporary
    # storage); emptied once confirmed or expired.
    stored_file = models.CharField(_("stored file"), max_length=255, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed=False) | Q(confirmed_at__isnull=False, rows_failed=0),
                name="import_confirmed_has_time_and_no_failures",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"


def csr_fields_ensure(model=CsrField) -> None:
    """Create or refresh the nine Perbup fields. Used by the data migration (with the historical
    model) and by tests whose transactional flush empties the table."""
    for order, (code, name, name_en) in enumerate(PERBUP_FIELDS, start=1):
        model.objects.update_or_create(code=code, defaults={"name": name, "name_en": name_en, "order": order})
