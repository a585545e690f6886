"""Fixtures of the image tests: the models, and the corpus generated once per session.

The corpus holds every good input (one file per format and colour mode that needs its own
handling); bad inputs are made by each test, since most are one line.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog
from tests.core.images.corpus import exif_with_orientation, photo, screenshot


@pytest.fixture(scope="session")
def qwen3() -> ModelInfo:
    """qwen3-vl-plus: 32-px grid, 1,280 tokens by default."""
    return load_catalog().model("qwen3-vl-plus")


@pytest.fixture(scope="session")
def qwen25() -> ModelInfo:
    """qwen2.5-vl-72b-instruct: 28-px grid."""
    return load_catalog().model("qwen2.5-vl-72b-instruct")


def _save(im: Image.Image, path: Path, **params: Any) -> Path:
    im.save(path, **params)
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every good input, by name."""
    root = tmp_path_factory.mktemp("corpus")
    files: dict[str, Path] = {}

    def add(name: str, im: Image.Image, **params: object) -> None:
        files[name] = _save(im, root / name, **params)

    add("photo.jpg", photo((1600, 1200)), quality=90)
    add("screenshot.png", screenshot((1280, 800)))
    add("screenshot_big.png", screenshot((2560, 1600)))

    # CMYK: pure red is C=0 M=255 Y=255 K=0.
    add("cmyk.jpg", Image.new("CMYK", (320, 240), (0, 255, 255, 0)), quality=95)

    # 16-bit greyscale ramp: column x holds x*257, whose 8-bit value is exactly x.
    ramp = Image.new("I;16", (256, 64))
    ramp.frombytes(b"".join(struct.pack("<H", x * 257) for x in range(256)) * 64)
    add("gray16.png", ramp)

    # Palette with a transparent background and an opaque red disc.
    pal = Image.new("P", (320, 320), 0)
    pal.putpalette([0, 0, 0, 255, 0, 0] + [0, 0, 0] * 254)
    ImageDraw.Draw(pal).ellipse((40, 40, 280, 280), fill=1)
    add("palette_transparent.png", pal, transparency=0)

    rgba = Image.new("RGBA", (320, 320), (0, 0, 0, 0))
    ImageDraw.Draw(rgba).rectangle((80, 80, 240, 240), fill=(0, 128, 0, 255))
    add("rgba_flat.png", rgba)

    photo_rgba = photo((640, 480)).convert("RGBA")
    photo_rgba.putalpha(Image.linear_gradient("L").resize((640, 480)))
    add("rgba_photo.png", photo_rgba)

    la = Image.new("LA", (256, 256), (0, 0))
    ImageDraw.Draw(la).rectangle((64, 64, 192, 192), fill=(40, 255))
    add("la.png", la)

    frames = [Image.new("RGB", (320, 240), c) for c in ("red", "lime", "blue")]
    add("animated.gif", frames[0], save_all=True, append_images=frames[1:], duration=100, loop=0)

    # Stored 640×320 (red left, blue right) with orientation 6: displayed 320×640, red on top.
    turned = Image.new("RGB", (640, 320), "blue")
    turned.paste("red", (0, 0, 320, 320))
    add("exif_rotated.jpg", turned, quality=95, exif=exif_with_orientation(6))

    add("image.bmp", screenshot((640, 400)))
    add("image.tiff", photo((640, 480)), compression="tiff_lzw")
    add("image.webp", photo((640, 480)), quality=90)
    add("thin.png", Image.new("RGB", (5, 400), "navy"))
    add("exact.jpg", photo((1024, 768)), quality=70)
    return files
