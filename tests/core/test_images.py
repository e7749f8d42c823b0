"""core.images: only real images pass, nothing of their metadata survives, and the sizes that
pages ask for are made."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from core import images
from tests.photo_helpers import gps_exif, jpeg_bytes


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def opened(content: bytes) -> Image.Image:
    return Image.open(io.BytesIO(content))


def test_a_photo_is_resized_to_the_widths_pages_ask_for():
    result = images.process(jpeg_bytes(2000, 1000))

    assert (result.width, result.height) == (2000, 1000)
    assert sorted(result.variants) == [480, 960, 1600]
    assert [(v.width, v.height) for _w, v in sorted(result.variants.items())] == [(480, 240), (960, 480), (1600, 800)]
    for variant in result.variants.values():
        assert opened(variant.content).format == "JPEG"
        assert opened(variant.content).size == (variant.width, variant.height)


def test_a_narrow_photo_keeps_its_own_width_as_the_largest_copy():
    assert images.variant_widths(700) == [480, 700]
    assert images.variant_widths(300) == [300]
    assert images.variant_widths(1600) == [480, 960, 1600]
    assert sorted(images.process(jpeg_bytes(700, 700)).variants) == [480, 700]


def test_a_huge_photo_is_kept_at_most_max_edge_wide():
    result = images.process(jpeg_bytes(4000, 3000))
    assert max(result.width, result.height) == images.MAX_EDGE


def test_gps_and_camera_data_are_stripped_and_the_photo_is_turned_upright():
    upload = jpeg_bytes(1200, 800, exif=gps_exif())
    assert opened(upload).getexif().get(0x8825)  # the upload does carry a location

    result = images.process(upload)

    # Orientation 6 is applied to the pixels: the 1200×800 photo shows 800 wide, 1200 high.
    assert (result.width, result.height) == (800, 1200)
    for content in [result.original.content, *(v.content for v in result.variants.values())]:
        image = opened(content)
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info
        assert b"Kamera Panti" not in content
        assert b"GPS" not in content


def test_transparent_png_is_laid_on_white():
    buffer = io.BytesIO()
    Image.new("RGBA", (600, 400), (255, 0, 0, 0)).save(buffer, "PNG")

    result = images.process(buffer.getvalue())

    assert opened(result.original.content).getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=2)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 not a photo", "not a photo"),
        (b"", "empty"),
        (jpeg_bytes()[:200], "not a photo"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "not a photo"),
    ],
    ids=["pdf", "empty", "truncated-jpeg", "svg"],
)
def test_what_is_not_a_readable_photo_is_refused_with_a_sentence(content, message):
    with pytest.raises(images.ImageError) as error:
        images.process(content)
    assert message in error.value.message


def test_an_image_format_outside_the_accepted_ones_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(buffer, "BMP")
    with pytest.raises(images.ImageError, match="BMP images are not accepted"):
        images.process(buffer.getvalue())


def test_a_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 100 * 100)
    with pytest.raises(images.ImageError, match="million pixels"):
        images.process(jpeg_bytes(200, 200))


def test_an_upload_above_the_size_limit_is_refused_before_it_is_read(settings):
    settings.PHOTO_MAX_BYTES = 1000
    with pytest.raises(images.ImageError, match="the limit is 1000"):
        images.process(jpeg_bytes())


def test_an_eleven_megabyte_photo_is_refused_by_default():
    """Issue 22: a facility photo of 11 MB was accepted."""
    upload = SimpleUploadedFile("besar.jpg", b"\xff\xd8" + b"0" * (11 * 1024 * 1024), content_type="image/jpeg")
    with pytest.raises(images.ImageError, match="the limit is 10"):
        images.process(upload)
