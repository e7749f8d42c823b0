from django.db import models
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
