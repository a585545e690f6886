"""``holds_only_pixels``: an original goes unchanged only when it is pixels and nothing else.

The command-line corpus (tests/cli/test_bad_image_corpus.py) checks the same end to end; these
cases pin the walker itself, including inputs cut at every length, which must answer False, never
raise.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from qwenvl_desktop.core.images.container import holds_only_pixels
from tests.cli.bad_image_kinds import (
    clean_jpeg,
    clean_png,
    clean_webp,
    exif_bytes,
    jpeg_with_app_segment,
    jpeg_with_trailer,
    png_bad_data_crc,
    png_with_private_chunk,
    png_with_trailer,
)


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        ("PNG", clean_png()),
        ("JPEG", clean_jpeg()),
        ("JPEG", clean_jpeg(progressive=True)),
        ("JPEG", clean_jpeg(restart_marker_blocks=4)),
        ("WEBP", clean_webp()),
    ],
    ids=["png", "jpeg", "progressive-jpeg", "jpeg-restart-markers", "webp"],
)
def test_clean_files_hold_only_pixels(fmt: str, data: bytes) -> None:
    assert holds_only_pixels(data, fmt)


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        ("PNG", png_with_private_chunk()),
        ("PNG", png_with_trailer()),
        ("PNG", png_bad_data_crc()),
        ("JPEG", jpeg_with_app_segment()),
        ("JPEG", jpeg_with_trailer()),
        ("JPEG", clean_jpeg(exif=exif_bytes(1))),
        ("WEBP", clean_webp() + b"RIFF"),
        ("GIF", b"GIF89a"),
    ],
    ids=[
        "png-private-chunk",
        "png-after-iend",
        "png-bad-crc",
        "jpeg-app11",
        "jpeg-after-eoi",
        "jpeg-exif",
        "webp-after-riff",
        "other-format",
    ],
)
def test_anything_beside_the_pixels_is_refused(fmt: str, data: bytes) -> None:
    assert not holds_only_pixels(data, fmt)


def test_webp_metadata_chunks_are_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "teal").save(buffer, "WEBP", exif=exif_bytes(1))
    assert not holds_only_pixels(buffer.getvalue(), "WEBP")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_files_cut_anywhere_are_refused_without_raising(fmt: str) -> None:
    data = {"PNG": clean_png, "JPEG": clean_jpeg, "WEBP": clean_webp}[fmt]()
    for length in range(0, len(data), max(1, len(data) // 997)):
        assert not holds_only_pixels(data[:length], fmt), length
