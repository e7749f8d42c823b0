from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from backoffice.scoping import AgencyScopedAdmin, scope_of
from notifications.models import EmailStatus, Notification, OutgoingEmail
from notifications.services import email_retry


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    # An agency sees the outbox of its own staff accounts; national staff see all of it.
    area_path = "user__agency_staff__agency__region"
    list_display = ["created_at", "to", "subject", "event", "status", "attempts", "sent_at", "next_attempt_at"]
    list_filter = ["status", "event"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Try sending the selected e-mails again"), permissions=["view"])
    def retry(self, request, queryset):
        emails = list(queryset.exclude(status=EmailStatus.SENT))
        for email in emails:
            email_retry(email=email)
        self.message_user(
            request,
            ngettext("%(n)d e-mail queued again.", "%(n)d e-mails queued again.", len(emails)) % {"n": len(emails)},
            messages.SUCCESS,
        )


@admin.register(Notification)
class NotificationAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    def area_q(self, request):
        """Staff read their own notices; national staff and superusers read everyone's."""
        return Q() if scope_of(request).everything else Q(recipient=request.user)

    list_display = ["created_at", "recipient", "event", "text", "read_at"]
    list_filter = ["event"]
    list_select_related = [
        "recipient",
        "pledge__company",
        "pledge__need__facility",
        "program__company",
        "program__agency",
    ]
    search_fields = ["recipient__username"]
    readonly_fields = ["recipient", "event", "detail", "url", "pledge", "created_at", "read_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
