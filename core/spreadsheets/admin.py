"""The admin side of spreadsheet import and export (issue #6).

:class:`SpreadsheetAdminMixin` goes before ``SimpleHistoryAdmin`` in a registry's ModelAdmin and
gives staff holding the permissions (``<app>.import_<model>``, ``<app>.export_<model>``):

* **Impor**: upload an xlsx or CSV → a preview counting new, updated, unchanged and failing
  rows, with the row, the column and an Indonesian message for every failing one → confirm.
  Any failing row and nothing is written; an unchanged row is not rewritten. Every upload and
  every confirmation is an :class:`~core.models.ImportRecord`.
* **Unduh templat**: an xlsx with the columns and a hint sheet.
* **Ekspor**: the changelist as filtered, as xlsx or CSV, formulas escaped.
* **Ringkasan** (where ``summary_provider`` is set): the tables of a
  :class:`~core.spreadsheets.summary.SummaryProvider` for the listed objects, as filtered, in
  xlsx or CSV (the facilities', needs' and partners' changelists show the rupiah of their
  pledges: ``matching.summaries.PledgeSummary``).
"""

from __future__ import annotations

import contextlib
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from import_export.forms import ExportForm
from import_export.signals import post_import

from core.models import ImportRecord
from core.spreadsheets.limits import ImportFileError, format_count, max_bytes, max_rows
from core.spreadsheets.preview import build_template, import_confirm, import_preview
from core.spreadsheets.summary import SummaryProvider, summary_csv
from core.spreadsheets.writing import EXPORT_FORMATS, EscapedXLSX, write_workbook

XLSX_CONTENT_TYPE = EscapedXLSX.CONTENT_TYPE
# How long an upload waits for its confirmation.
DEFAULT_CONFIRM_MAX_AGE = timedelta(hours=6)


def confirm_max_age() -> timedelta:
    return getattr(settings, "IMPORT_CONFIRM_MAX_AGE", DEFAULT_CONFIRM_MAX_AGE)


class SpreadsheetUploadForm(forms.Form):
    import_file = forms.FileField(label=gettext_lazy("Berkas (.xlsx atau .csv)"))

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("Berkas terlalu besar (%(size)s KB; batas %(limit)s KB). Pecah menjadi beberapa berkas.")
                % {"size": format_count(upload.size // 1024), "limit": format_count(max_bytes() // 1024)}
            )
        return upload


class SpreadsheetConfirmForm(forms.Form):
    record = forms.IntegerField(widget=forms.HiddenInput)
    # The failing rows of the preview that the clerk chose to skip ("3,7"); empty: all or none.
    skip_rows = forms.RegexField(regex=r"^\d{1,7}(?:,\d{1,7}){0,19999}$", required=False, widget=forms.HiddenInput)

    def clean_skip_rows(self) -> frozenset[int]:
        text = self.cleaned_data.get("skip_rows") or ""
        return frozenset(int(number) for number in text.split(",") if number)


class SpreadsheetAdminMixin(ImportExportMixin):
    import_export_change_list_template = "admin/imports/change_list.html"
    import_template_name = "admin/imports/import.html"
    # Every column, always: what is exported is what imports back. (The library's selectable
    # fields form also relies on an inline script, which the content security policy blocks.)
    export_form_class = ExportForm
    # Excel reads UTF-8 CSV correctly only with a byte order mark.
    to_encoding = "utf-8-sig"
    #: The summary offered beside the export (tables of figures for the listed objects), or None.
    summary_provider: SummaryProvider | None = None

    def get_export_formats(self):
        return list(EXPORT_FORMATS)

    def get_import_formats(self):
        return list(EXPORT_FORMATS)

    def admin_url(self, name: str) -> str:
        app_label, model_name = self.get_model_info()
        return reverse(f"admin:{app_label}_{model_name}_{name}", current_app=self.admin_site.name)

    def spreadsheet_resource(self, request):
        return self.get_import_resource_classes(request)[0]

    def import_area(self, request) -> str | None:
        """The Kemendagri code of the area this account may import into; None for everywhere.
        The admin composition above sets it from the account's agency (backoffice.scoping)."""
        return None

    def get_urls(self):
        info = self.get_model_info()
        urls = [
            path(
                "import/template/",
                self.admin_site.admin_view(self.import_template_view),
                name="{}_{}_import_template".format(*info),
            ),
        ]
        if self.summary_provider is not None:
            urls.append(
                path(
                    "summary/<str:file_format>/",
                    self.admin_site.admin_view(self.summary_view),
                    name="{}_{}_summary".format(*info),
                )
            )
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if self.summary_provider is not None and self.has_export_permission(request):
            extra_context["spreadsheet_summary"] = self.summary_provider
        return super().changelist_view(request, extra_context)

    # -- import -------------------------------------------------------------------------------

    def import_context(self, request, **extra):
        resource_class = self.spreadsheet_resource(request)
        spec = resource_class.column_spec()
        required = {}
        for group in spec.required:
            for name in group:
                required[name] = (
                    _("Salah satu dari %(columns)s") % {"columns": ", ".join(group)} if len(group) > 1 else _("Ya")
                )
        context = self.admin_site.each_context(request)
        context.update(
            {
                "title": _("Impor %(things)s") % {"things": self.model._meta.verbose_name_plural},
                "opts": self.model._meta,
                "columns": [
                    {
                        "name": column.column_name,
                        "required": required.get(column.column_name, _("Tidak")),
                        "accepts": column.widget.describe() if hasattr(column.widget, "describe") else "",
                    }
                    for column in resource_class.template_columns()
                ],
                "max_rows": format_count(max_rows()),
                "max_megabytes": format_count(max_bytes() // (1024 * 1024)),
                "template_url": self.admin_url("import_template"),
                "changelist_url": self.admin_url("changelist"),
            }
        )
        context.update(extra)
        request.current_app = self.admin_site.name
        return context

    def tmp_storage(self, name=None):
        storage_class = self.get_tmp_storage_class()
        return storage_class(name=name, encoding=None, read_mode="rb", **self.get_tmp_storage_class_kwargs())

    def purge_stale_uploads(self) -> None:
        """Uploads never confirmed are deleted once they can no longer be confirmed."""
        stale = ImportRecord.objects.filter(created_at__lt=timezone.now() - confirm_max_age()).exclude(stored_file="")
        for record in stale:
            self.remove_stored(record.stored_file)
        stale.update(stored_file="")

    def remove_stored(self, name: str) -> None:
        with contextlib.suppress(OSError):
            self.tmp_storage(name).remove()

    def import_action(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = SpreadsheetUploadForm(request.POST or None, request.FILES or None)
        extra = {"form": form}
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["import_file"]
            content = upload.read()
            outcome, record = import_preview(
                resource_class=self.spreadsheet_resource(request),
                content=content,
                file_name=upload.name,
                actor=request.user,
                area=self.import_area(request),
            )
            if outcome.ok or outcome.skippable:
                storage = self.tmp_storage()
                storage.save(content)
                record.stored_file = storage.name
                record.save(update_fields=["stored_file"])
                skip_rows = ",".join(str(number) for number in sorted(outcome.failed_rows()))
                extra["confirm_form"] = SpreadsheetConfirmForm(initial={"record": record.pk, "skip_rows": skip_rows})
            extra.update(outcome=outcome, record=record)
            self.purge_stale_uploads()
        return TemplateResponse(request, [self.import_template_name], self.import_context(request, **extra))

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        import_url = self.admin_url("import")
        form = SpreadsheetConfirmForm(request.POST)
        record = None
        if form.is_valid():
            record = (
                ImportRecord.objects.filter(
                    pk=form.cleaned_data["record"],
                    user=request.user,
                    content_type=ContentType.objects.get_for_model(self.model),
                    confirmed=False,
                    created_at__gte=timezone.now() - confirm_max_age(),
                )
                .exclude(stored_file="")
                .first()
            )
        if record is None:
            messages.error(
                request,
                _(
                    "Pratinjau ini tidak dapat dikonfirmasi lagi: sudah dikonfirmasi, sudah kedaluwarsa, "
                    "atau diunggah orang lain. Unggah ulang berkasnya."
                ),
            )
            return HttpResponseRedirect(import_url)
        stored_name = record.stored_file
        try:
            content = self.tmp_storage(stored_name).read()
            outcome, result = import_confirm(
                record=record,
                resource_class=self.spreadsheet_resource(request),
                content=content,
                actor=request.user,
                area=self.import_area(request),
                skip_rows=form.cleaned_data["skip_rows"],
            )
        except (OSError, ImportFileError) as error:
            message = str(error) if isinstance(error, ImportFileError) else _("Berkas pratinjau sudah tidak ada.")
            messages.error(request, message + " " + _("Unggah ulang berkasnya."))
            return HttpResponseRedirect(import_url)
        finally:
            self.remove_stored(stored_name)
        if not outcome.ok:
            # The data changed since the preview: nothing was written.
            record.refresh_from_db()
            context = self.import_context(
                request, form=SpreadsheetUploadForm(), outcome=outcome, record=record, after_confirm=True
            )
            return TemplateResponse(request, [self.import_template_name], context)
        self.generate_log_entries(result, request)
        post_import.send(sender=None, model=self.model)
        messages.success(
            request,
            _("Impor '%(name)s' selesai: %(new)s baru, %(updated)s diperbarui, %(unchanged)s tidak berubah.")
            % {
                "name": record.file_name,
                "new": format_count(outcome.new),
                "updated": format_count(outcome.updated),
                "unchanged": format_count(outcome.unchanged),
            },
        )
        if outcome.skipped:
            messages.warning(
                request,
                _(
                    "%(count)s baris yang salah dilewati dan tidak mengubah apa pun: baris %(rows)s. Masalahnya "
                    "tercatat di riwayat impor; perbaiki lalu impor baris itu lagi."
                )
                % {
                    "count": format_count(outcome.failed),
                    "rows": ", ".join(str(number) for number in sorted(outcome.failed_rows())),
                },
            )
        return HttpResponseRedirect(self.admin_url("changelist"))

    def import_template_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource_class = self.spreadsheet_resource(request)
        response = HttpResponse(build_template(resource_class), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="templat-{slugify(resource_class.sheet_title)}.xlsx"'
        return response

    # -- export -------------------------------------------------------------------------------

    def get_export_data(self, file_format, request, queryset, **kwargs):
        # As the library's, but our xlsx format (a subclass) also gets native numbers and dates.
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(request, queryset, force_native_type=file_format.is_binary(), **kwargs)
        export_data = file_format.export_data(data)
        encoding = kwargs.get("encoding")
        if not file_format.is_binary() and encoding:
            export_data = export_data.encode(encoding)
        return export_data

    def get_export_queryset(self, request):
        # The listed objects, as filtered; a parameter that is no filter of the list (a crafted
        # or outdated link) is a 400 with a sentence, as the changelist itself refuses it.
        try:
            return super().get_export_queryset(request)
        except IncorrectLookupParameters as error:
            raise BadRequest(
                _("Tautan ini memuat filter yang tidak dikenal. Buka daftarnya lagi lalu ekspor.")
            ) from error

    def get_export_filename(self, request, queryset, file_format):
        resource_class = self.get_export_resource_classes(request)[0]
        name = slugify(getattr(resource_class, "sheet_title", self.model._meta.model_name))
        return f"{name}-{timezone.localdate():%Y-%m-%d}.{file_format.get_extension()}"

    def summary_scope(self, request):
        """The reading account's scope for the summary's figures (None: the whole country). The
        admin composition above sets it from the account's agency (backoffice.scoping)."""
        return None

    def summary_view(self, request, file_format):
        if not self.has_export_permission(request):
            raise PermissionDenied
        if file_format not in ("xlsx", "csv"):
            raise Http404
        listed = self.get_export_queryset(request).order_by().values("pk")
        tables = self.summary_provider.tables(listed, within=self.summary_scope(request))
        name = (
            f"{self.summary_provider.file_stem}-{slugify(self.model._meta.verbose_name_plural)}-"
            f"{timezone.localdate():%Y-%m-%d}"
        )
        if file_format == "xlsx":
            content = write_workbook([table.as_sheet() for table in tables])
            response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        else:
            response = HttpResponse(summary_csv(tables).encode("utf-8-sig"), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
        return response
