"""Every format and colour mode arrives as the right pixels, in bytes whose MIME type is true.

Each test prepares one corpus file, decodes the data URI as the service would, and checks both the
invariants (:func:`check_sent`) and what is particular to that input.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.images import prepare_attachment
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from tests.core.images.corpus import check_sent, photo, screenshot

LOSSLESS = ("image/png", "image/webp")


def test_photo_becomes_a_jpeg_within_the_budget(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachment = prepare_attachment(corpus["photo.jpg"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    # 1600×1200 is 1.92 MP, inside qwen3-vl's 2,560 tokens (2,621,440 px): only rounded to the
    # 32-px grid, 1200/32 = 37.5 → 38 (half to even) → 1216.
    assert sent.image.size == (1600, 1216)
    assert sent.mime == "image/jpeg"
    assert attachment.original_size == (1600, 1200)
    assert attachment.original_format == "JPEG"
    assert attachment.kind == "file"
    assert attachment.source == str(corpus["photo.jpg"])
    assert attachment.estimated_tokens == 1600 * 1216 // 1024 + 2
    assert not any("reduced from" in n for n in attachment.notes)
    # The details say which encoding and why: a quality measured by SSIM.
    assert any(n.startswith("photo: JPEG quality ") and "SSIM" in n for n in attachment.notes)


def test_screenshot_on_the_grid_stays_lossless(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    # 1280×800 needs no resampling; text and hard edges go lossless, WebP or PNG.
    attachment = prepare_attachment(corpus["screenshot.png"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.mime in LOSSLESS
    assert sent.image.size == (1280, 800)
    original = Image.open(corpus["screenshot.png"]).convert("RGB")
    assert sent.image.convert("RGB").tobytes() == original.tobytes()  # pixel for pixel


def test_reduced_screenshot_takes_the_smaller_encoding(
    corpus: dict[str, Path], qwen3: ModelInfo
) -> None:
    # Resampled text has thousands of grey levels, yet it stays lossless (it fits): the smaller
    # of lossless WebP and PNG.
    attachment = prepare_attachment(corpus["screenshot_big.png"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    # 2560×1600 over 2,621,440 px: beta = 1.25 → 2048×1280.
    assert sent.image.size == (2048, 1280)
    assert sent.mime in LOSSLESS
    png, webp = io.BytesIO(), io.BytesIO()
    sent.image.save(png, "PNG", compress_level=6)
    sent.image.save(webp, "WEBP", lossless=True, method=1, quality=0, exact=True)
    assert len(sent.data) <= min(len(png.getvalue()), len(webp.getvalue()))
    assert any(n.startswith("text and hard edges: lossless") for n in attachment.notes)


def test_the_28_px_grid(corpus: dict[str, Path], qwen25: ModelInfo) -> None:
    attachment = prepare_attachment(corpus["screenshot.png"], model=qwen25)
    sent = check_sent(attachment, qwen25)
    # 1280×800 rounds to 1288×812, over 1280·784 px (the 28-px family's 1,003,520 px):
    # beta = 1.0101 → 1260×784.
    assert sent.image.size == (1260, 784)


def test_high_detail_keeps_every_pixel_of_a_4k_screenshot(qwen3: ModelInfo) -> None:
    buffer = io.BytesIO()
    screenshot((3840, 2160)).save(buffer, "PNG")
    attachment = prepare_attachment(buffer.getvalue(), model=qwen3, detail="high")
    sent = check_sent(attachment, qwen3, "high")
    assert sent.image.size == (3840, 2176)  # 2160 rounds up to the grid
    assert attachment.max_pixels == 16384 * 1024
    assert attachment.estimated_tokens == 3840 * 2176 // 1024 + 2


def test_an_original_already_on_the_grid_is_sent_unchanged(
    corpus: dict[str, Path], qwen3: ModelInfo
) -> None:
    # 1024×768 is on the 32-px grid and inside the budget; at quality 70 the file is smaller than
    # any re-encoding, so its bytes go as they are.
    attachment = prepare_attachment(corpus["exact.jpg"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.data == corpus["exact.jpg"].read_bytes()
    assert attachment.scale == (1.0, 1.0)
    assert any("original file is sent unchanged" in n for n in attachment.notes)


def test_originals_with_exif_are_re_encoded(tmp_path: Path, qwen3: ModelInfo) -> None:
    # EXIF can carry the GPS position: such a file is never sent as it is.
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    path = tmp_path / "exif.jpg"
    photo((1024, 768)).save(path, quality=70, exif=exif.tobytes())
    sent = check_sent(prepare_attachment(path, model=qwen3), qwen3)
    assert sent.data != path.read_bytes()
    assert "exif" not in sent.image.info


def test_cmyk_becomes_rgb_with_the_right_colour(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachment = prepare_attachment(corpus["cmyk.jpg"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.image.mode in ("RGB", "L")
    r, g, b = sent.image.convert("RGB").getpixel((160, 120))  # type: ignore[misc]
    assert r > 220 and g < 40 and b < 40
    assert any("CMYK" in n for n in attachment.notes)


def test_16_bit_greyscale_is_scaled_not_clipped(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    # 256×64 is on the grid: column x must arrive as x (plain convert("L") would make it white).
    attachment = prepare_attachment(corpus["gray16.png"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.image.size == (256, 64)
    grey = _grey(sent.image)
    row = [grey.getpixel((x, 32)) for x in (0, 64, 128, 200, 255)]
    assert row == pytest.approx([0, 64, 128, 200, 255], abs=1)
    assert "16-bit image reduced to 8 bits" in attachment.notes


def test_dark_16_bit_stays_dark(tmp_path: Path, qwen3: ModelInfo) -> None:
    # Values up to 255 of 65,535 are nearly black, not an 8-bit image in disguise.
    dark = Image.new("I;16", (64, 64), 255)
    path = tmp_path / "dark16.png"
    dark.save(path)
    sent = check_sent(prepare_attachment(path, model=qwen3), qwen3)
    assert _grey(sent.image).getpixel((10, 10)) == 1


def test_float_image_is_scaled_to_8_bits(tmp_path: Path, qwen3: ModelInfo) -> None:
    ramp = Image.linear_gradient("L").resize((256, 64)).convert("F").point(lambda v: v / 255)
    path = tmp_path / "depth.tiff"
    ramp.save(path)
    attachment = prepare_attachment(path, model=qwen3)
    sent = check_sent(attachment, qwen3)
    grey = _grey(sent.image)
    top, bottom = grey.getpixel((10, 0)), grey.getpixel((10, 63))
    assert isinstance(top, int) and isinstance(bottom, int)
    assert top <= 3 and bottom >= 250
    assert "floating-point image reduced to 8 bits" in attachment.notes


def test_palette_transparency_is_kept_losslessly(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachment = prepare_attachment(corpus["palette_transparent.png"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.mime in LOSSLESS
    image = sent.image.convert("RGBA")
    assert image.getpixel((5, 5))[3] == 0  # type: ignore[index]
    assert image.getpixel((160, 160)) == (255, 0, 0, 255)


def test_flat_rgba_stays_lossless_with_alpha(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    sent = check_sent(prepare_attachment(corpus["rgba_flat.png"], model=qwen3), qwen3)
    assert sent.mime in LOSSLESS
    assert sent.image.mode == "RGBA"
    assert sent.image.getpixel((160, 160)) == (0, 128, 0, 255)


def test_alpha_photo_is_flattened_onto_white_for_jpeg(
    corpus: dict[str, Path], qwen3: ModelInfo
) -> None:
    attachment = prepare_attachment(corpus["rgba_photo.png"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.mime == "image/jpeg"
    assert sent.image.mode == "RGB"
    # Alpha is 0 along the top edge: only the white background shows there.
    r, g, b = sent.image.getpixel((sent.image.width // 2, 0))  # type: ignore[misc]
    assert min(r, g, b) > 235
    assert any("flattened onto white" in n for n in attachment.notes)


def test_la_keeps_grey_and_alpha(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    sent = check_sent(prepare_attachment(corpus["la.png"], model=qwen3), qwen3)
    assert sent.mime in LOSSLESS
    # PNG keeps LA; WebP has no grey mode and stores the same grey in R, G and B.
    image = sent.image.convert("RGBA")
    assert image.getpixel((128, 128)) == (40, 40, 40, 255)
    assert image.getpixel((2, 2))[3] == 0  # type: ignore[index]


def test_animated_gif_sends_its_first_frame(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachment = prepare_attachment(corpus["animated.gif"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.original_format == "GIF"
    assert sent.mime in (*LOSSLESS, "image/jpeg")  # GIF itself is not accepted by the service
    r, g, b = sent.image.convert("RGB").getpixel((10, 10))  # type: ignore[misc]
    assert r > 240 and g < 15 and b < 15
    assert any("first frame" in n for n in attachment.notes)


def test_exif_orientation_is_applied(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    # Stored 640×320 with the red half on the left; orientation 6 shows it 320×640, red on top.
    attachment = prepare_attachment(corpus["exif_rotated.jpg"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.original_size == (320, 640)
    assert sent.image.size == (320, 640)
    top = sent.image.convert("RGB").getpixel((160, 100))
    bottom = sent.image.convert("RGB").getpixel((160, 540))
    assert top[0] > 200 and top[2] < 60  # type: ignore[index]
    assert bottom[2] > 200 and bottom[0] < 60  # type: ignore[index]
    assert any("orientation" in n for n in attachment.notes)


def test_rotated_photo_is_drafted_in_stored_coordinates(tmp_path: Path, qwen3: ModelInfo) -> None:
    # A large rotated JPEG exercises reduced-scale decoding with the target turned back.
    from tests.core.images.corpus import exif_with_orientation

    path = tmp_path / "portrait.jpg"
    photo((3000, 2000)).save(path, quality=85, exif=exif_with_orientation(8))
    attachment = prepare_attachment(path, model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.original_size == (2000, 3000)
    assert sent.image.width < sent.image.height


def test_multi_picture_jpeg_sends_its_main_picture(tmp_path: Path, qwen3: ModelInfo) -> None:
    # Cameras and phones write MPO: a JPEG followed by more pictures (previews, depth maps).
    path = tmp_path / "camera.jpg"
    main, extra = photo((3000, 2000)), Image.new("RGB", (640, 480), "blue")
    main.save(path, "MPO", save_all=True, append_images=[extra], quality=85)
    attachment = prepare_attachment(path, model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.original_format == "MPO"
    # 3000×2000 over 2,621,440 px: beta = 1.5129; 1321.9 → 1312, 1982.9 → 1952.
    assert (sent.mime, sent.image.size) == ("image/jpeg", (1952, 1312))
    r, _, b = sent.image.getpixel((700, 450))  # type: ignore[misc]
    assert not (b > 200 and r < 50)  # the photo, not the blue second picture
    assert "multi-picture file: only its main picture is sent" in attachment.notes


@pytest.mark.parametrize(
    ("name", "fmt"), [("image.bmp", "BMP"), ("image.tiff", "TIFF"), ("image.webp", "WEBP")]
)
def test_other_formats(corpus: dict[str, Path], qwen3: ModelInfo, name: str, fmt: str) -> None:
    attachment = prepare_attachment(corpus[name], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.original_format == fmt
    assert sent.mime in ("image/png", "image/jpeg", "image/webp")


def test_heic_with_the_optional_decoder(tmp_path: Path, qwen3: ModelInfo) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    path = tmp_path / "photo.heic"
    photo((800, 600)).save(path, format="HEIF", quality=80)
    attachment = prepare_attachment(path, model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.original_format == "HEIF"
    assert sent.mime == "image/jpeg"


def test_thin_image_is_enlarged_with_a_note(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachment = prepare_attachment(corpus["thin.png"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.image.size == (32, 384)
    assert attachment.scale == pytest.approx((32 / 5, 384 / 400))
    assert any("enlarged from 5×400 px" in n for n in attachment.notes)


def test_bytes_and_pil_sources(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    data = corpus["photo.jpg"].read_bytes()
    dropped = prepare_attachment(data, model=qwen3)
    assert (dropped.kind, dropped.source) == ("data", "dropped image")
    from_file = prepare_attachment(corpus["photo.jpg"], model=qwen3)
    assert dropped.url == from_file.url  # the same bytes give the same upload

    capture = screenshot((1280, 800))
    pasted = prepare_attachment(capture, model=qwen3, label="screen capture")
    sent = check_sent(pasted, qwen3)
    assert (pasted.kind, pasted.source, pasted.original_format) == ("data", "screen capture", None)
    assert capture.size == (1280, 800) and capture.mode == "RGB"  # the caller's image untouched
    assert sent.mime in LOSSLESS
    assert sent.image.convert("RGB").tobytes() == capture.tobytes()


def test_urls_pass_through(qwen3: ModelInfo) -> None:
    url = "https://example.com/dog.jpg"
    attachment = prepare_attachment(url, model=qwen3, detail="high")
    assert attachment.url == url
    assert (attachment.kind, attachment.mime, attachment.sent_size) == ("url", None, None)
    assert attachment.estimated_tokens == 16384 + 2
    assert attachment.to_image_input().to_part() == {
        "type": "image_url",
        "image_url": {"url": url, "max_pixels": 16384 * 1024},
    }


def test_data_and_file_uris(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    path = corpus["screenshot.png"]
    file_uri = prepare_attachment(path.as_uri(), model=qwen3)
    assert file_uri.kind == "file"
    data_uri = prepare_attachment(file_uri.url, model=qwen3)
    assert data_uri.kind == "data"
    assert data_uri.sent_size == file_uri.sent_size


def test_to_image_input_carries_max_pixels(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachment = prepare_attachment(corpus["screenshot.png"], model=qwen3)
    part = attachment.to_image_input().to_part()
    assert part["image_url"]["max_pixels"] == 2560 * 1024
    assert part["image_url"]["url"].startswith(("data:image/png;base64,", "data:image/webp;"))


def _grey(image: Image.Image) -> Image.Image:
    """The grey values sent: PNG keeps L; lossless WebP stores them equally in R, G and B."""
    if image.mode == "L":
        return image
    red, green, blue = image.convert("RGB").split()
    assert red.tobytes() == green.tobytes() == blue.tobytes()
    return red
