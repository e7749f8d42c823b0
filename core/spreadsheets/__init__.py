"""Spreadsheets in and out, on django-import-export's own parts (issues #6 and #10).

Dinsos staff and facility heads work in Excel, so the registries (facilities, needs, companies,
programs, poverty figures) go in and out as spreadsheets through django-import-export. This
package holds what the resources in ``<app>/resources.py`` share, one module per subject, each
importing only the ones above it in this list:

* :mod:`~core.spreadsheets.limits`: size, row and unzipped-size caps, :class:`ImportFileError`;
* :mod:`~core.spreadsheets.cells`: formula cells and their escaping, blanks, natural keys;
* :mod:`~core.spreadsheets.reading`: an upload read safely into a dataset (encoding and
  delimiter sniffing, the header row searched for, xlsx through defusedxml);
* :mod:`~core.spreadsheets.writing`: xlsx and CSV with formulas escaped, the export formats;
* :mod:`~core.spreadsheets.widgets`: Indonesian parsing, on the library's widgets;
* :mod:`~core.spreadsheets.lookups`: registries by natural key, on the library's
  ``ForeignKeyWidget`` / ``ManyToManyWidget``, loaded once per file;
* :mod:`~core.spreadsheets.columns`: :class:`Column`, a field with an Indonesian header;
* :mod:`~core.spreadsheets.natural_keys`: rows found by their natural key, the instance loader;
* :mod:`~core.spreadsheets.bulk_writes`: bulk writes with history, the dry run that writes
  nothing;
* :mod:`~core.spreadsheets.resources`: :class:`SpreadsheetResource`, the base of every
  resource, on the three above;
* :mod:`~core.spreadsheets.outcome`: what an import would do or did, row problems;
* :mod:`~core.spreadsheets.row_checks`: checks that apps above register on new rows (a row
  that looks like an existing record), listed in the preview;
* :mod:`~core.spreadsheets.preview`: the services ``import_preview`` / ``import_confirm``
  and the downloadable template;
* :mod:`~core.spreadsheets.summary`: the shape of a changelist's summary download;
* :mod:`~core.spreadsheets.admin`: :class:`SpreadsheetAdminMixin` for the ModelAdmins.

Messages shown to staff are written in Indonesian (the msgids themselves are Indonesian: the
only readers are Dinsos staff, and column headers are a file format, not prose). Nothing here
imports another app of the project: the lookups of regions, facilities and partners, and the
rupiah summary of pledges, live in their apps.
"""
