"""The region selects of the filter forms ({% region_filter %}, includes/region_filter.html)."""

from typing import NamedTuple

from django.template import Context, Template


class RegionChoice(NamedTuple):
    code: str
    name: str


TAG = Template("{% load portal %}{% region_filter %}")


def rendered(regions: dict, code: str = "") -> str:
    return TAG.render(Context({"regions": regions, "region_code": code}))


def test_the_chosen_region_of_each_level_is_selected_and_names_are_escaped():
    html = rendered(
        {
            "provinces": [RegionChoice("31", "DKI Jakarta"), RegionChoice("62", "Kalimantan <Tengah>")],
            "regencies": [RegionChoice("31.75", "Kota Jakarta Timur")],
            "districts": [RegionChoice("31.75.01", "Pasar Rebo")],
        },
        "31.75.01",
    )
    assert '<option value="31" selected>DKI Jakarta</option>' in html
    assert '<option value="62">Kalimantan &lt;Tengah&gt;</option>' in html
    assert '<option value="31.75" selected>Kota Jakarta Timur</option>' in html
    assert '<option value="31.75.01" selected>Pasar Rebo</option>' in html
    assert 'class="helptext"' not in html


def test_levels_with_nothing_to_offer_yet_are_disabled_with_a_hint_for_the_next():
    html = rendered({"provinces": [RegionChoice("31", "DKI Jakarta")], "regencies": [], "districts": []})
    assert html.count("<select") == 3
    assert '<select name="region" id="id_region_province">' in html
    assert '<select name="region" id="id_region_regency" disabled>' in html
    assert '<select name="region" id="id_region_district" disabled>' in html
    assert '<p class="helptext" data-region-hint>' in html
