"""Benchmark: reading an xlsx upload (``core.spreadsheets.reading.read_table``) through
python-calamine and through openpyxl, side by side in one run, on the import benchmark's needs
file (``bench/import_needs.py``'s ``build_file``) and on a sheet of text cells only.

No database: the files are built in memory and only read. Runs on demand, never in the suite:

    .venv/bin/python bench/read_xlsx.py [--rows 10000] [--rounds 5]

CPU seconds of the process (``time.process_time``), best of the rounds, readers alternating.
"""

import argparse
import io
import os
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csrportal.settings_test")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402

from bench.import_needs import build_file  # noqa: E402
from core.spreadsheets import xlsx_sheets  # noqa: E402
from core.spreadsheets.reading import read_table  # noqa: E402
from facilities.resources import NeedResource  # noqa: E402


def text_only_file(rows: int) -> bytes:
    """The needs columns with every value as text, as some tools write them (inline strings)."""
    headers = [column.column_name for column in NeedResource.template_columns()]
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Kebutuhan")
    sheet.append(headers)
    for number in range(rows):
        sheet.append([f"{header} {number}" for header in headers])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def cpu_of(content: bytes, *, openpyxl_only: bool) -> float:
    original = xlsx_sheets.needs_openpyxl
    if openpyxl_only:
        xlsx_sheets.needs_openpyxl = lambda content: True
    try:
        started = time.process_time()
        read_table(content, "kebutuhan.xlsx", NeedResource.column_spec())
        return time.process_time() - started
    finally:
        xlsx_sheets.needs_openpyxl = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    facilities = [types.SimpleNamespace(slug=f"panti-{n}", name=f"Panti Sosial {n}") for n in range(22)]
    files = {
        "needs file (bench/import_needs.py)": build_file(facilities, args.rows),
        "text cells only": text_only_file(args.rows),
    }
    print(f"{args.rows:,} rows, best of {args.rounds} rounds, CPU seconds of read_table\n")
    print("| file | size | openpyxl | python-calamine (with the check) | ratio | the check alone |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, content in files.items():
        best = {"openpyxl": float("inf"), "calamine": float("inf"), "check": float("inf")}
        for _round in range(args.rounds):
            best["openpyxl"] = min(best["openpyxl"], cpu_of(content, openpyxl_only=True))
            best["calamine"] = min(best["calamine"], cpu_of(content, openpyxl_only=False))
            started = time.process_time()
            assert not xlsx_sheets.needs_openpyxl(content)
            best["check"] = min(best["check"], time.process_time() - started)
        print(
            f"| {name} | {len(content) // 1024} KB | {best['openpyxl']:.2f} s | {best['calamine']:.2f} s "
            f"| {best['openpyxl'] / best['calamine']:.1f}× | {best['check']:.2f} s |"
        )


if __name__ == "__main__":
    main()
