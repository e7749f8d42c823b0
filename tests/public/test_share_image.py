"""A need without a published photo still previews when its link is shared: a generated PNG of
1200 × 630 px with its title, facility, progress and agency, at a stable URL with caching headers."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from public.share_image import ShareCard, _font, _lines, render_png, share_card
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, agency, region
from tests.photo_helpers import published_photo

pytestmark = pytest.mark.django_db


def share_url(need) -> str:
    return reverse("facilities:need_share_image", kwargs={"pk": need.pk})


def test_a_need_without_a_photo_shares_a_generated_image_of_1200_by_630(client):
    agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")
    facility = FacilityFactory(name="LKS Kahayan", region=region("62.11.05", "Kahayan Hilir"))
    published_photo(facility)  # a facility's photo is not the need's: the generated image is
    need = NeedFactory(facility=facility, title="Popok dewasa", quantity=10)
    cover(need, CompanyFactory(), 4, verified=2)

    html = client.get(need.get_absolute_url()).content.decode()
    image_url = f"http://testserver{share_url(need)}"
    assert f'<meta property="og:image" content="{image_url}">' in html
    assert '<meta property="og:image:type" content="image/png">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert f'<meta name="twitter:image" content="{image_url}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html

    response = client.get(share_url(need))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    picture = Image.open(io.BytesIO(response.content))
    picture.verify()
    assert picture.format == "PNG" and picture.size == (1200, 630)
    card = share_card(need.pk)
    assert card == ShareCard("Popok dewasa", "LKS Kahayan", "Dinas Sosial Kabupaten Pulang Pisau", 40, 20, False)


def test_the_share_image_answers_304_until_the_need_changes(client):
    need = NeedFactory(quantity=10)
    first = client.get(share_url(need))
    etag = first["ETag"]
    assert client.get(share_url(need), HTTP_IF_NONE_MATCH=etag).status_code == 304
    cover(need, CompanyFactory(), 5)
    again = client.get(share_url(need), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag


def test_a_need_with_a_published_photo_shares_its_photo(client):
    need = NeedFactory()
    published_photo(need)
    html = client.get(need.get_absolute_url()).content.decode()
    assert "share.png" not in html
    assert '<meta property="og:image:type" content="image/jpeg">' in html


@pytest.mark.parametrize("public", [False, True], ids=["hidden need", "no such need"])
def test_no_share_image_for_a_need_that_is_not_public(client, public):
    need = NeedFactory(is_public=public)
    url = share_url(need) if not public else reverse("facilities:need_share_image", kwargs={"pk": need.pk + 999})
    assert client.get(url).status_code == 404
    assert client.post(share_url(need)).status_code == 405


def test_long_titles_wrap_and_end_with_an_ellipsis_inside_the_picture():
    font = _font(True, 60)
    lines = _lines("Perbaikan atap asrama putra dan putri " * 6, font, 1072, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1072 for line in lines)
    assert _lines("Kasur", font, 1072, 3) == ["Kasur"]
    assert _lines("X" * 200, font, 1072, 3)[0].endswith("…")
    png = render_png(ShareCard("Kasur " * 40, "Panti " * 30, "Dinas Sosial " * 10, 100, 100, True))
    assert Image.open(io.BytesIO(png)).size == (1200, 630)
