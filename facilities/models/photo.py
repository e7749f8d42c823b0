"""Photos of facilities and needs, published only once staff confirm why they may be."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.images import variant_widths
from facilities.models.facility import Facility
from facilities.models.need import Need


class PhotoBasis(models.TextChoices):
    """Why staff may publish a photo: residents are often children (UU PDP, 2022)."""

    NO_RESIDENT = "no_resident", _("No resident can be identified in it")
    CONSENT = "consent", _("Consent of everyone identifiable is on file")


class Photo(models.Model):
    """A photo on the public site: stored re-encoded (metadata stripped) with its resized copies
    beside it (``core.images``), shown only once staff confirm why it may be published.

    ``image`` is the cleaned full-size JPEG; each width of ``variant_widths`` is a file named
    ``<stem>-<width>.jpg`` next to it. Written only through ``facilities.photos``.
    """

    image = models.FileField(_("photo"), max_length=200, editable=False)
    width = models.PositiveIntegerField(_("width (px)"), editable=False)
    height = models.PositiveIntegerField(_("height (px)"), editable=False)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=False)
    publish_basis = models.CharField(
        _("why it may be published"), max_length=20, choices=PhotoBasis.choices, blank=True
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published=False) | (~Q(publish_basis="") & Q(confirmed_at__isnull=False)),
                name="%(class)s_published_confirmed",
                violation_error_message=_("A photo is published only with the reason and who confirmed it."),
            )
        ]

    def __str__(self) -> str:
        return self.caption or self.image.name

    @property
    def variant_widths(self) -> list[int]:
        return variant_widths(self.width)


class FacilityPhoto(Photo):
    """The building, its rooms, an activity."""

    facility = models.ForeignKey(Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="photos")
    kind = "facility"

    class Meta(Photo.Meta):
        verbose_name = _("facility photo")
        verbose_name_plural = _("facility photos")
        indexes = [models.Index(fields=["facility", "published", "order", "id"], name="facility_photo_order_idx")]


class NeedPhoto(Photo):
    """What the need asks for: the worn mattresses, the leaking roof."""

    need = models.ForeignKey(Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="photos")
    kind = "need"

    class Meta(Photo.Meta):
        verbose_name = _("need photo")
        verbose_name_plural = _("need photos")
        indexes = [models.Index(fields=["need", "published", "order", "id"], name="need_photo_order_idx")]
