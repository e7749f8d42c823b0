"""Regulations and circulars an agency circulates, and who acknowledged them.

Staff of one agency see their agency's documents only (and those of agencies in their area);
a viewer reads and changes nothing. A document's page lists every recipient, those who have not
acknowledged first; "Send" adds companies and accounts, and each unacknowledged recipient has a
"record an acknowledgement" screen for one received at a meeting or by letter.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from backoffice import circular_views
from backoffice.admin.inlines import ReadOnlyInline
from backoffice.scoping import AgencyScopedAdmin, scope_of
from circulars import selectors, services
from circulars.models import AcknowledgementChannel, Circular, CircularRecipient
from circulars.services import CircularError


def acknowledgement_text(recipient: CircularRecipient) -> str:
    if not recipient.acknowledged:
        return gettext("Not yet acknowledged")
    values = {"date": recipient.acknowledged_on.strftime("%d-%m-%Y"), "how": recipient.get_channel_display()}
    if recipient.channel == AcknowledgementChannel.PORTAL and recipient.acknowledged_by_id:
        person = recipient.acknowledged_by
        values["name"] = person.get_full_name() or person.get_username()
        return gettext("Acknowledged on %(date)s, %(how)s, by %(name)s") % values
    if recipient.recorded_by_id:
        person = recipient.recorded_by
        values["name"] = person.get_full_name() or person.get_username()
        return gettext("Acknowledged on %(date)s, %(how)s (recorded by %(name)s)") % values
    return gettext("Acknowledged on %(date)s, %(how)s") % values


class RecipientInline(ReadOnlyInline):
    """Who has and who has not acknowledged: read-only, changed through the screens."""

    model = CircularRecipient
    max_num = 0
    fields = ["name_column", "sent_at", "acknowledgement", "note", "record"]
    readonly_fields = fields
    verbose_name_plural = _("recipients (who has and who has not acknowledged)")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("company", "user", "acknowledged_by", "recorded_by")
            .annotate(pending=Q(acknowledged_on__isnull=True))
            .order_by("-pending", F("company__name").asc(nulls_last=True), "user__username")
        )

    def get_fields(self, request, obj=None):
        # Only those who may record an acknowledgement see the link to do it.
        writable = not scope_of(request).read_only and request.user.has_perm("circulars.change_circularrecipient")
        return self.fields if writable else [name for name in self.fields if name != "record"]

    @admin.display(description=_("recipient"))
    def name_column(self, obj):
        kind = gettext("company") if obj.company_id else gettext("account")
        return f"{obj.name} ({kind})"

    @admin.display(description=_("acknowledgement"))
    def acknowledgement(self, obj):
        return acknowledgement_text(obj)

    @admin.display(description=_("record an acknowledgement"))
    def record(self, obj):
        if obj.acknowledged:
            return ""
        url = reverse("admin:circulars_circularrecipient_acknowledge", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Record an acknowledgement received offline"))


@admin.register(Circular)
class CircularAdmin(AgencyScopedAdmin, SimpleHistoryAdmin):
    form = circular_views.CircularAdminForm
    scoped_choices = {"agency": "region"}
    list_display = ["title", "number", "kind", "agency", "issued_on", "acknowledged_count"]
    list_filter = ["kind", "agency"]
    list_select_related = ["agency"]
    search_fields = ["title", "number", "summary"]
    date_hierarchy = "issued_on"

    def area_q(self, request):
        return selectors.circulars_in_scope(scope_of(request))

    def get_queryset(self, request):
        return selectors.with_acknowledgement_counts(super().get_queryset(request))

    def get_fieldsets(self, request, obj=None):
        main = ["agency", "kind", "title", "number", "issued_on", "summary"]
        if obj is None:
            return [(None, {"fields": [*main, "upload"]})]
        if not self.has_change_permission(request, obj):
            return [(None, {"fields": [*main, "download", "recorded"]})]
        return [(None, {"fields": [*main, "download", "upload", "recorded"]})]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["agency", "download", "recorded"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = scope_of(request)
        if db_field.name == "agency" and scope.agency is not None and not scope.everything:
            kwargs["initial"] = scope.agency
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # Who received and acknowledged what stays on record.
        return False

    def get_urls(self):
        send = self.admin_site.admin_view(self.send_view)
        acknowledge = self.admin_site.admin_view(self.acknowledge_view)
        return [
            path("<path:object_id>/send/", send, name="circulars_circular_send"),
            path("<path:object_id>/acknowledge/", acknowledge, name="circulars_circular_acknowledge"),
            *super().get_urls(),
        ]

    def send_view(self, request, object_id):
        return circular_views.send_view(self, request, object_id)

    def acknowledge_view(self, request, object_id):
        return circular_views.acknowledge_view(self, request, object_id)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # An account the document was sent to (a camat) acknowledges it here.
        pk = self.object_pk(object_id)
        own = CircularRecipient.objects.filter(circular_id=pk, user=request.user).first() if pk else None
        context = {"own_recipient": own, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context=context)

    def save_model(self, request, obj, form, change):
        """Through the services; the form has checked the same rules, so a refusal here is an
        account that may not do this (a race at most), answered with a 403."""
        upload = form.cleaned_data.get("upload")
        try:
            if change:
                editable = services.EDITABLE_FIELDS
                changes = {name: form.cleaned_data[name] for name in form.changed_data if name in editable}
                saved = services.circular_update(circular=obj, changes=changes, file=upload, actor=request.user)
            else:
                values = {name: form.cleaned_data[name] for name in ["agency", *services.EDITABLE_FIELDS]}
                saved = services.circular_create(file=upload, actor=request.user, **values)
        except CircularError as error:
            raise PermissionDenied(error.message) from error
        obj.pk = saved.pk
        obj.refresh_from_db()

    def get_inlines(self, request, obj):
        return [RecipientInline] if obj is not None else []

    def save_formset(self, request, form, formset, change):
        # The recipients' inline is read-only: recipients change through "Send" and the screens.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    @admin.display(description=_("acknowledged"), ordering="n_acknowledged")
    def acknowledged_count(self, obj):
        return gettext("%(done)s of %(total)s") % {"done": obj.n_acknowledged, "total": obj.n_recipients}

    @admin.display(description=_("file"))
    def download(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        url = reverse("circulars:circular_file", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.original_name or gettext("Download"))

    @admin.display(description=_("recorded"))
    def recorded(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        who = obj.created_by.get_username() if obj.created_by_id else "-"
        # Jakarta time, as every other time of the admin (the column holds UTC).
        return f"{timezone.localtime(obj.created_at):%d-%m-%Y %H:%M} WIB · {who}"


class AcknowledgedFilter(admin.SimpleListFilter):
    title = _("acknowledged")
    parameter_name = "acknowledged"

    def lookups(self, request, model_admin):
        return [("yes", _("Acknowledged")), ("no", _("Not yet acknowledged"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(acknowledged_on__isnull=False)
        if self.value() == "no":
            return queryset.filter(acknowledged_on__isnull=True)
        return queryset


@admin.register(CircularRecipient)
class CircularRecipientAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    """Every recipient of every document in the area: who has and who has not acknowledged,
    across documents. Read-only but for "record an acknowledgement received offline"."""

    list_display = ["circular", "recipient", "sent_at", "acknowledgement", "channel"]
    list_filter = [AcknowledgedFilter, "channel", ("circular", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["circular", "company", "user", "acknowledged_by", "recorded_by"]
    search_fields = ["company__name", "user__username", "user__first_name", "user__last_name", "circular__title"]
    readonly_fields = [
        "circular",
        "company",
        "user",
        "sent_at",
        "sent_by",
        "acknowledgement",
        "note",
        "record",
    ]
    fields = readonly_fields

    def area_q(self, request):
        return selectors.circulars_in_scope(scope_of(request), prefix="circular__")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        record = self.admin_site.admin_view(self.record_view)
        return [
            path("<path:object_id>/acknowledge/", record, name="circulars_circularrecipient_acknowledge"),
            *super().get_urls(),
        ]

    def record_view(self, request, object_id):
        return circular_views.record_view(self, request, object_id)

    @admin.display(description=_("recipient"))
    def recipient(self, obj):
        return obj.name

    @admin.display(description=_("acknowledgement"), ordering="acknowledged_on")
    def acknowledgement(self, obj):
        return acknowledgement_text(obj)

    @admin.display(description=_("record an acknowledgement"))
    def record(self, obj):
        if obj is None or obj.acknowledged:
            return ""
        url = reverse("admin:circulars_circularrecipient_acknowledge", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Record an acknowledgement received offline"))
