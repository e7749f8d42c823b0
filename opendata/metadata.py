"""Satu Data Indonesia metadata of the datasets, and a DCAT catalogue of them (the vocabulary
that data.go.id and other CKAN portals harvest).

Satu Data Indonesia (Perpres 39/2019) asks each dataset for its title, description, producer
(produsen data), period, update frequency and reference codes; the region codes here are
Kemendagri's. The licence is CC BY 4.0 (docs/decisions.md, issue 27).
"""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from opendata.datasets import DATASETS, Dataset

LICENSE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
REGION_CODES = "Kode wilayah Kemendagri (kode dan data wilayah administrasi pemerintahan)"

FORMATS = (
    ("csv", "CSV", "text/csv"),
    ("hxl", "HXL CSV", "text/csv"),
    ("json", "JSON", "application/json"),
)


def download_url(base: str, dataset: Dataset, fmt: str) -> str:
    return base + reverse(f"opendata:dataset_{fmt}", kwargs={"slug": dataset.slug})


def dataset_metadata(dataset: Dataset, base: str) -> dict[str, Any]:
    """One dataset's metadata: DCAT terms, with the Satu Data Indonesia fields beside them and the
    column dictionary (name, HXL hashtag, type, meaning)."""
    producer = settings.AGENCY_NAME
    return {
        "@type": "dcat:Dataset",
        "identifier": dataset.slug,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "keyword": list(dataset.keywords),
        "publisher": {"@type": "foaf:Organization", "name": producer},
        "license": LICENSE_URL,
        "license_name": LICENSE_NAME,
        "accrualPeriodicity": dataset.periodicity,
        "modified": timezone.localdate().isoformat(),
        "language": ["id", "en"],
        "spatial": REGION_CODES,
        "landingPage": base + reverse("opendata:catalogue") + f"#{dataset.slug}",
        "describedBy": base + reverse("opendata:dataset_metadata", kwargs={"slug": dataset.slug}),
        "distribution": [
            {
                "@type": "dcat:Distribution",
                "title": label,
                "format": label,
                "mediaType": media_type,
                "downloadURL": download_url(base, dataset, fmt),
            }
            for fmt, label, media_type in FORMATS
        ],
        "filters": list(dataset.filters),
        "satu_data": {
            "judul": str(dataset.title),
            "deskripsi": str(dataset.description),
            "produsen_data": producer,
            "periode_data": "live",
            "frekuensi_pemutakhiran": str(dataset.frequency),
            "kode_referensi": REGION_CODES,
            "lisensi": LICENSE_NAME,
            "bahasa": get_language(),
        },
        "columns": [
            {"name": column.name, "hxl": column.hxl, "type": column.type, "description": str(column.description)}
            for column in dataset.columns
        ],
    }


def catalog(base: str) -> dict[str, Any]:
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "publisher": {"@type": "foaf:Organization", "name": settings.AGENCY_NAME},
        "dataset": [dataset_metadata(dataset, base) for dataset in DATASETS.values()],
    }
