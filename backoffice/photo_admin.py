"""Photo inlines of the facility and need pages in the admin, written through facilities.photos.

Staff upload a photo (checked and cleaned by core.images: a file that is not an image gets a
form error, never a 500), see it, and publish it only with the reason it may be public; the
photo records who confirmed that and when.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import images
from facilities import photos
from facilities.models import FacilityPhoto, NeedPhoto


class PhotoForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("photo file"),
        required=False,
        help_text=_("JPEG, PNG or WebP. Location and camera data are removed; smaller copies are made for phones."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        fields = ["upload", "caption", "caption_en", "order", "published", "publish_basis"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        self.processed = None
        if upload is None or upload is False:
            if self.instance.pk is None and self.has_changed():
                raise ValidationError(_("Choose the photo file."))
            return None
        try:
            self.processed = images.process(upload)
        except images.ImageError as error:
            raise ValidationError(error.message) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("published") and not cleaned.get("publish_basis"):
            self.add_error(
                "publish_basis",
                _(
                    "Say why this photo may be published: no resident can be identified, or consent is on file. "
                    "Residents are often children."
                ),
            )
        return cleaned


class PhotoInline(admin.TabularInline):
    form = PhotoForm
    extra = 1
    fields = ["preview", "upload", "caption", "caption_en", "order", "published", "publish_basis", "confirmation"]
    readonly_fields = ["preview", "confirmation"]
    ordering = ["order", "id"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("confirmed_by")

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj.pk is None:
            return "-"
        url = reverse(f"facilities:{obj.kind}_photo", kwargs={"pk": obj.pk, "width": obj.variant_widths[0]})
        return format_html('<img src="{}" width="160" alt="{}">', url, obj.caption)

    @admin.display(description=_("confirmed"))
    def confirmation(self, obj):
        if not obj.confirmed_at:
            return "-"
        return f"{obj.confirmed_by} · {timezone.localtime(obj.confirmed_at):%d-%m-%Y %H:%M} WIB"


class FacilityPhotoInline(PhotoInline):
    model = FacilityPhoto


class NeedPhotoInline(PhotoInline):
    model = NeedPhoto


@transaction.atomic
def save_photo_formset(request, owner, formset) -> None:
    """The inline's rows through the photo services: deletions, new photos, edits. What was
    done is left on the formset as the admin's change message expects."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.forms:
        photo = form.instance
        if photo.pk is not None and formset.can_delete and formset._should_delete_form(form):
            formset.deleted_objects.append(photo)
            photos.photo_delete(photo=photo, actor=request.user)
            continue
        if not form.has_changed():
            continue
        values = {name: form.cleaned_data[name] for name in photos.EDITABLE if name in form.cleaned_data}
        if photo.pk is None:
            if form.processed is not None:
                added = photos.photo_add(owner=owner, processed=form.processed, actor=request.user, **values)
                formset.new_objects.append(added)
        else:
            changes = {name: value for name, value in values.items() if name in form.changed_data}
            if form.processed is not None:
                # A new file for an existing row: the row is replaced, so no old copy stays public.
                photos.photo_delete(photo=photo, actor=request.user)
                added = photos.photo_add(owner=owner, processed=form.processed, actor=request.user, **values)
                formset.deleted_objects.append(photo)
                formset.new_objects.append(added)
            elif changes:
                photos.photo_update(photo=photo, actor=request.user, changes=changes)
                formset.changed_objects.append((photo, list(changes)))
