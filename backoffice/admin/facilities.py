from django import forms
from django.conf import settings
from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from backoffice.actions import reason_action, run_service
from backoffice.admin.duplicates import DuplicateWarningMixin, merge_two
from backoffice.admin.facility_accounts import member_accounts, need_proposals
from backoffice.admin.regions import with_region_labels
from backoffice.filters import RegionAreaFilter, SdgGoalFilter, search_words
from backoffice.match_views import need_match_view
from backoffice.member_views import invite_member_view
from backoffice.overlap_views import overlap_action
from backoffice.photo_admin import FacilityPhotoInline, NeedPhotoInline, save_photo_formset
from backoffice.scoping import AgencyScopedAdmin
from core.fields import RupiahField
from core.formatting import format_rupiah
from core.spreadsheets.admin import SpreadsheetAdminMixin
from facilities import services
from facilities.filters import need_text_match
from facilities.models import Facility, FacilityPhoto, Need, NeedPhoto, NeedStatus
from facilities.resources import FacilityResource, NeedResource
from facilities.selectors import needs_per_facility
from matching.models import Pledge
from matching.summaries import PledgeSummary
from overlaps.forms import REASON_FIELD, overlap_reason_field, require_reason
from overlaps.models import OverlapAction
from overlaps.selectors import need_overlaps, overlaps_of_need
from overlaps.services import overlap_note_record


class FacilityAdminForm(forms.ModelForm):
    """The facility's form: its page address is made from the name unless typed, and the map
    beside the coordinates (static/backoffice/location-picker.js) fills them in."""

    slug = forms.SlugField(
        label=_("Page address (URL)"),
        max_length=200,
        required=False,
        help_text=_(
            "The last part of the facility's public page address, e.g. psbr-taruna-jaya-1. "
            "Leave it empty to make it from the name."
        ),
    )

    class Meta:
        model = Facility
        fields = [
            "name",
            "slug",
            "facility_type",
            "operator",
            "is_published",
            "region",
            "address",
            "address_public",
            "phone",
            "latitude",
            "longitude",
            "capacity",
            "residents",
            "background",
            "background_en",
            "intervention_programs",
            "intervention_programs_en",
            "head_name",
            "contact_phone",
            "contact_email",
            "lks_registration_number",
            "accreditation_grade",
            "accreditation_date",
        ]
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "any", "data-location": "latitude"}),
            "longitude": forms.NumberInput(attrs={"step": "any", "data-location": "longitude"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "longitude" in self.fields:
            # The map's tiles and their attribution, read by the picker from the input.
            self.fields["longitude"].widget.attrs.update(
                {
                    "data-tiles": settings.MAP_TILE_URL,
                    "data-attribution": settings.MAP_TILE_ATTRIBUTION,
                    "data-map-label": gettext("Map to pick the facility's location"),
                    "data-map-help": gettext(
                        "Click the facility's place on the map, or drag the marker: the latitude and longitude "
                        "above are filled in. Typing them moves the marker."
                    ),
                    "data-marker-label": gettext("The facility's location"),
                }
            )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        others = Facility.objects.exclude(pk=self.instance.pk) if self.instance.pk else Facility.objects.all()
        if not slug:
            return free_slug(self.cleaned_data.get("name") or "", others)
        if others.filter(slug=slug).exists():
            raise forms.ValidationError(
                gettext(
                    "The page address “%(slug)s” is already used by another facility: choose another one, "
                    "or leave it empty to make one from the name."
                )
                % {"slug": slug}
            )
        return slug


def free_slug(name: str, others) -> str:
    """A page address made from the name that no other facility uses (``-2``, ``-3`` … added):
    one query for the addresses that start the same way."""
    base = slugify(name)[:190] or "panti"
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


class NeedInline(admin.TabularInline):
    model = Need
    extra = 0
    fields = ["title", "field", "kind", "quantity", "unit", "unit_cost", "priority", "needed_by", "status", "is_public"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    ordering = ["priority", "needed_by"]
    verbose_name_plural = _("needs (add and edit them on the need's own page, through the need services)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Facility)
class FacilityAdmin(DuplicateWarningMixin, AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    area_path = "region"
    scoped_choices = {"region": "pk"}
    resource_classes = [FacilityResource]
    form = FacilityAdminForm
    summary_provider = PledgeSummary("need__facility")
    list_display = [
        "name",
        "facility_type",
        "operator",
        "region",
        "capacity",
        "residents",
        "open_needs",
        "is_published",
    ]
    list_filter = ["facility_type", "operator", "is_published", RegionAreaFilter]
    list_select_related = ["region"]
    search_fields = ["name", "slug", "region__name", "address", "lks_registration_number"]
    autocomplete_fields = ["region"]
    inlines = [FacilityPhotoInline, NeedInline]
    readonly_fields = ["member_accounts"]
    actions = [merge_two]

    fieldsets = [
        (None, {"fields": ["name", "slug", "facility_type", "operator", "is_published"]}),
        (_("Location"), {"fields": ["region", "address", "address_public", "latitude", "longitude"]}),
        (_("On the public page"), {"fields": ["phone"]}),
        (
            _("Official identity"),
            {"fields": ["lks_registration_number", "accreditation_grade", "accreditation_date"]},
        ),
        (
            _("Residents"),
            {
                "fields": [
                    "capacity",
                    "residents",
                    "background",
                    "background_en",
                    "intervention_programs",
                    "intervention_programs_en",
                ]
            },
        ),
        (_("Contacts (never public)"), {"fields": ["head_name", "contact_phone", "contact_email"]}),
        (_("Facility accounts"), {"fields": ["member_accounts"]}),
    ]

    class Media:
        css = {"all": ["vendor/leaflet/leaflet.css", "backoffice/location-picker.css"]}
        js = ["vendor/leaflet/leaflet.js", "backoffice/location-picker.js"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return with_region_labels(formfield) if db_field.name == "region" else formfield

    @admin.display(description=_("facility accounts"))
    def member_accounts(self, obj):
        return member_accounts(obj)

    def get_queryset(self, request):
        # Counted for the listed page only: a join with GROUP BY took 150 ms for the page and
        # 20 ms for each of the changelist's counts at national scale.
        open_needs = needs_per_facility(Need.objects.filter(status=NeedStatus.OPEN))
        return super().get_queryset(request).annotate(open_need_count=open_needs)

    def save_formset(self, request, form, formset, change):
        if formset.model is FacilityPhoto:
            save_photo_formset(request, form.instance, formset)
        else:
            super().save_formset(request, form, formset, change)

    @admin.display(description=_("open needs"), ordering="open_need_count")
    def open_needs(self, obj):
        return obj.open_need_count

    def get_urls(self):
        invite = self.admin_site.admin_view(lambda request, object_id: invite_member_view(self, request, object_id))
        return [
            path("<int:object_id>/invite-member/", invite, name="facilities_facility_invite_member"),
            *super().get_urls(),
        ]


class PledgeInline(admin.TabularInline):
    model = Pledge
    extra = 0
    can_delete = False
    fields = ["company", "quantity", "value", "origin", "status", "expected_delivery_date", "created_at"]
    readonly_fields = fields
    show_change_link = True
    verbose_name_plural = _("pledges (change them through the workflow actions)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NeedAdminForm(forms.ModelForm):
    """The need's form, checked against the same rules as the need services before saving."""

    class Meta:
        model = Need
        # The SDG goals (issue 27) are tags only: the admin saves them with the form's other
        # many-to-many data after the need services have written the need.
        fields = [*services.EDITABLE_FIELDS, "sdg_goals"]
        field_classes = {"unit_cost": RupiahField}
        widgets = {"sdg_goals": forms.CheckboxSelectMultiple}

    overlap_reason = overlap_reason_field()
    overlaps = ()

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if self.instance.pk is not None and (problem := services.quantity_problem(self.instance, quantity)):
            raise forms.ValidationError(problem)
        return quantity

    def clean(self):
        """A new need is compared with what already covers it (issue 26): going ahead over an
        overlap needs a reason."""
        data = super().clean()
        if self.instance.pk is None and data.get("facility") and data.get("field") and data.get("title"):
            require_reason(
                self,
                need_overlaps(
                    facility=data["facility"],
                    field_code=data["field"].pk,
                    title=data["title"],
                    needed_by=data.get("needed_by"),
                ),
            )
        return data


class FacilityRegionFilter(RegionAreaFilter):
    region_path = "facility__region"


@admin.register(Need)
class NeedAdmin(DuplicateWarningMixin, AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    area_path = "facility__region"
    scoped_choices = {"facility": "region"}
    resource_classes = [NeedResource]
    summary_provider = PledgeSummary("need")
    list_display = [
        "title",
        "facility",
        "field",
        "kind",
        "quantity_with_unit",
        "unit_cost_rp",
        "estimated_value_rp",
        "priority",
        "needed_by",
        "progress",
        "status",
        "is_public",
    ]
    list_filter = [
        "status",
        "priority",
        "field",
        "kind",
        "is_public",
        "facility__facility_type",
        FacilityRegionFilter,
        SdgGoalFilter,
        # A date filter, not ``date_hierarchy``: the hierarchy's year links cost a SELECT
        # DISTINCT over every need on each page (issue 23).
        ("created_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["facility", "field"]
    # Searched by ``get_search_results`` below (the same columns, by index on PostgreSQL).
    search_fields = ["title", "description", "facility__name", "source"]
    autocomplete_fields = ["facility"]
    # The count of all needs (beside a filtered count) is one more scan of the table at national scale.
    show_full_result_count = False
    inlines = [NeedPhotoInline, PledgeInline]

    form = NeedAdminForm
    actions = ["publish_needs", "cancel_needs", "reopen_needs"]
    readonly_fields = [
        "status",
        "quantity_pending",
        "quantity_covered",
        "quantity_delivered",
        "match_link",
        "facility_proposals",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "facility",
                    "title",
                    "title_en",
                    "description",
                    "description_en",
                    "field",
                    "sdg_goals",
                    "kind",
                    "status",
                    "is_public",
                    REASON_FIELD,
                ]
            },
        ),
        (_("Quantity and cost"), {"fields": ["quantity", "unit", "unit_cost", "beneficiaries"]}),
        (_("Urgency"), {"fields": ["priority", "needed_by"]}),
        (_("Source"), {"fields": ["source", "source_date"]}),
        (_("Coverage"), {"fields": ["quantity_pending", "quantity_covered", "quantity_delivered", "match_link"]}),
        (_("Changes proposed by the facility"), {"fields": ["facility_proposals"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        """Every word (or "quoted phrase") in the title, description or source of the need or
        in its facility's name, as Django's search of ``search_fields`` finds them, but with the
        facilities looked up first (``need_text_match``): the database answers each word from
        the trigram indexes instead of matching four columns across a join of every need."""

        def match(word):
            return need_text_match(word, ("title", "description", "source"))

        return search_words(queryset, search_term, match), False

    def get_fieldsets(self, request, obj=None):
        """The reason to go ahead over overlaps is asked of a new need only (issue 26)."""
        if obj is None and self.has_add_permission(request):
            return self.fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != REASON_FIELD]})
            for name, options in self.fieldsets
        ]

    @admin.display(description=_("proposals"))
    def facility_proposals(self, obj):
        return need_proposals(obj)

    def save_model(self, request, obj, form, change):
        """Through the need services: a new need opens at once; an edit changes only what the
        form changed (the status moves through the actions, the counters through pledges)."""
        values = {name: form.cleaned_data[name] for name in form.changed_data if name in services.EDITABLE}
        if change:
            saved = services.need_update(need=obj, actor=request.user, changes=values)
        else:
            values = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS if name in form.cleaned_data}
            saved = services.need_create(actor=request.user, **values)
            overlap_note_record(
                action=OverlapAction.NEED_CREATED,
                overlaps=form.overlaps,
                reason=form.cleaned_data.get(REASON_FIELD, ""),
                actor=request.user,
                need=saved,
            )
        obj.pk = saved.pk
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        if formset.model is NeedPhoto:
            save_photo_formset(request, form.instance, formset)
        else:
            super().save_formset(request, form, formset, change)

    @admin.action(description=_("Publish the selected drafts"), permissions=["change"])
    def publish_needs(self, request, queryset):
        return overlap_action(
            self,
            request,
            queryset.select_related("facility"),
            title=gettext("Publish needs"),
            action=OverlapAction.NEED_PUBLISHED,
            overlaps_of=lambda need: overlaps_of_need(need) if need.status == NeedStatus.DRAFT else [],
            call=lambda need: services.need_publish(need=need, actor=request.user),
            subject="need",
            success_message=gettext("%(n)s needs published."),
        )

    @admin.action(description=_("Cancel the selected needs…"), permissions=["change"])
    def cancel_needs(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Cancel needs"),
            call=lambda need, reason: services.need_cancel(need=need, actor=request.user, reason=reason),
            success_message=gettext("%(n)s needs cancelled."),
        )

    @admin.action(description=_("Reopen the selected cancelled needs"), permissions=["change"])
    def reopen_needs(self, request, queryset):
        run_service(
            request,
            queryset,
            lambda need: services.need_reopen(need=need, actor=request.user),
            gettext("%(n)s needs reopened."),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/match/",
                self.admin_site.admin_view(lambda request, pk: need_match_view(self, request, pk)),
                name="facilities_need_match",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("matching"))
    def match_link(self, obj):
        if obj.pk is None:
            return "-"
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:facilities_need_match", args=[obj.pk]),
            _("Find partners and propose a pledge"),
        )

    @admin.display(description=_("quantity"), ordering="quantity")
    def quantity_with_unit(self, obj):
        return f"{obj.quantity} {obj.unit}"

    @admin.display(description=_("unit cost"), ordering="unit_cost")
    def unit_cost_rp(self, obj):
        return format_rupiah(obj.unit_cost)

    @admin.display(description=_("estimated value"))
    def estimated_value_rp(self, obj):
        return format_rupiah(obj.estimated_value)

    @admin.display(description=_("covered / delivered"))
    def progress(self, obj):
        return f"{obj.quantity_covered} / {obj.quantity_delivered}"
