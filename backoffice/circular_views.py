"""Circulated documents in the admin: the forms and the two screens of their own, "send to
companies and camat" on a document's page and "record an acknowledgement received outside the
portal" on a recipient's. Every change goes through ``circulars.services``."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from circulars import selectors, services
from circulars.models import AcknowledgementChannel, Circular
from circulars.services import CircularError

# --- forms -------------------------------------------------------------------------------------


class CircularAdminForm(forms.ModelForm):
    """The document's form, checked with the services' own rules before anything is saved."""

    upload = forms.FileField(
        label=_("file"),
        required=False,
        help_text=_("PDF, DOC, DOCX or ODT. The file is checked by its content, not by its name."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.doc,.docx,.odt"}),
    )

    class Meta:
        model = Circular
        fields = ["agency", "kind", "title", "number", "issued_on", "summary"]

    def clean_issued_on(self):
        issued_on = self.cleaned_data.get("issued_on")
        if problem := services.issued_on_problem(issued_on):
            raise forms.ValidationError(problem)
        return issued_on

    def clean_upload(self):
        upload = self.cleaned_data.get("upload") or None
        if upload is None and self.instance.pk is None:
            raise forms.ValidationError(services.file_problem(None))
        if upload is not None:
            if self.instance.pk is not None and self.instance.recipients.exists():
                raise forms.ValidationError(gettext("The document has been sent: its file can no longer be replaced."))
            if problem := services.file_problem(upload):
                raise forms.ValidationError(problem)
        return upload


class CompanyChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if getattr(obj, "is_forum_member", False):
            return gettext("%(company)s (forum member)") % {"company": obj.name}
        if getattr(obj, "is_partner", False):
            return gettext("%(company)s (partner)") % {"company": obj.name}
        return obj.name


class AccountChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        user = obj.user
        parts = [user.get_full_name() or user.username, obj.get_role_display()]
        if obj.organisation:
            parts.append(obj.organisation)
        if obj.region_id:
            parts.append(obj.region.name)
        return " · ".join(parts)


class CircularSendForm(forms.Form):
    companies = CompanyChoiceField(
        label=_("Companies"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The agency's forum members are ticked; every officer of a company receives a notice and an e-mail."
        ),
    )
    accounts = AccountChoiceField(
        label=_("Accounts of the agency (camat, coordinating offices)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, circular: Circular, **kwargs):
        super().__init__(*args, **kwargs)
        had = circular.recipients.values_list("company_id", "user_id")
        companies = selectors.companies_to_offer(circular.agency).exclude(
            pk__in=[company for company, _user in had if company]
        )
        accounts = selectors.agency_accounts(circular.agency).exclude(user_id__in=[user for _c, user in had if user])
        self.fields["companies"].queryset = companies
        self.fields["accounts"].queryset = accounts
        if not self.is_bound:
            self.initial["companies"] = [company.pk for company in companies if company.is_forum_member]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("companies") and not cleaned.get("accounts"):
            raise forms.ValidationError(gettext("Choose at least one company or account to send the document to."))
        return cleaned


class OfflineAcknowledgementForm(forms.Form):
    on = forms.DateField(
        label=_("Date of the acknowledgement"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day of the meeting, or the date of the letter."),
    )
    channel = forms.ChoiceField(
        label=_("How it was received"),
        choices=[(channel.value, channel.label) for channel in services.OFFLINE_CHANNELS],
        initial=AcknowledgementChannel.MEETING,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the meeting, the letter's number, or who signed it."),
    )

    def __init__(self, *args, recipient, **kwargs):
        super().__init__(*args, **kwargs)
        self.recipient = recipient

    def clean_on(self):
        on = self.cleaned_data.get("on")
        if problem := services.acknowledgement_date_problem(self.recipient, on):
            raise forms.ValidationError(problem)
        return on


# --- screens -----------------------------------------------------------------------------------


def _object_or_404(model_admin, request, object_id):
    """The object in the account's area (the admin's queryset); a 404 for any other id, also one
    that is not a number."""
    found = model_admin.get_object(request, unquote(object_id))
    if found is None:
        raise Http404
    return found


def _writable(model_admin, request, permission: str) -> bool:
    return model_admin._writable(request) and request.user.has_perm(permission)


def send_view(model_admin, request, object_id):
    """``model_admin`` is the document admin: its queryset is the account's area, so a document of
    another agency is a 404 here, for reading as for sending."""
    circular = _object_or_404(model_admin, request, object_id)
    if not _writable(model_admin, request, "circulars.change_circular"):
        raise PermissionDenied
    form = CircularSendForm(request.POST if request.method == "POST" else None, circular=circular)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.circular_send(
                circular=circular,
                companies=form.cleaned_data["companies"],
                users=[staff.user for staff in form.cleaned_data["accounts"]],
                actor=request.user,
            )
        except CircularError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "The document is sent to %(n)d recipient: each is told in the portal and by e-mail.",
                    "The document is sent to %(n)d recipients: each is told in the portal and by e-mail.",
                    len(created),
                )
                % {"n": len(created)},
            )
            return HttpResponseRedirect(reverse("admin:circulars_circular_change", args=[circular.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Send “%(document)s”") % {"document": circular.title},
        "opts": model_admin.model._meta,
        "original": circular,
        "circular": circular,
        "form": form,
    }
    return TemplateResponse(request, "admin/circulars/circular/send.html", context, status=400 if form.errors else 200)


def acknowledge_view(model_admin, request, object_id):
    """An account the document was sent to (a camat) acknowledges it on the document's page."""
    circular = _object_or_404(model_admin, request, object_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.circular_acknowledge(circular=circular, actor=request.user)
    except CircularError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Your acknowledgement is recorded."))
    return HttpResponseRedirect(reverse("admin:circulars_circular_change", args=[circular.pk]))


def record_view(model_admin, request, object_id):
    """``model_admin`` is the recipients' admin, scoped like the documents."""
    recipient = _object_or_404(model_admin, request, object_id)
    if not _writable(model_admin, request, "circulars.change_circularrecipient"):
        raise PermissionDenied
    back = reverse("admin:circulars_circular_change", args=[recipient.circular_id])
    if recipient.acknowledged:
        messages.info(
            request,
            gettext("%(recipient)s already acknowledged this document on %(date)s.")
            % {"recipient": recipient.name, "date": recipient.acknowledged_on.strftime("%d-%m-%Y")},
        )
        return HttpResponseRedirect(back)
    form = OfflineAcknowledgementForm(
        request.POST if request.method == "POST" else None, recipient=recipient, initial={"on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.circular_record_offline(recipient=recipient, actor=request.user, **form.cleaned_data)
        except CircularError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                gettext("The acknowledgement of %(recipient)s is recorded.") % {"recipient": recipient.name},
            )
            return HttpResponseRedirect(back)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Record an acknowledgement from %(recipient)s") % {"recipient": recipient.name},
        "opts": model_admin.model._meta,
        "original": recipient,
        "recipient": recipient,
        "circular": recipient.circular,
        "form": form,
    }
    return TemplateResponse(
        request, "admin/circulars/circular/record_acknowledgement.html", context, status=400 if form.errors else 200
    )
