"""A test picture whose every pixel is different, so any offset or scaling error shows. No Qt.

Pixel (x, y) is ``(x % 256, y % 256, 16 * (x // 256) + y // 256)``: unique up to 4096 × 4096,
and readable — a wrong colour at a known place tells how far off a crop is.
"""

from __future__ import annotations

from PIL import Image


def pattern_pixel(x: int, y: int) -> tuple[int, int, int]:
    return x % 256, y % 256, (16 * (x // 256) + y // 256) % 256


def pattern_image(width: int, height: int) -> Image.Image:
    """The pattern as an RGB image, built row by row from bytes (fast enough for 4K)."""
    red_row = bytes(x % 256 for x in range(width))
    bands: dict[int, bytes] = {}
    rows_g: list[bytes] = []
    rows_b: list[bytes] = []
    for y in range(height):
        band = y // 256
        if band not in bands:
            bands[band] = bytes((16 * (x // 256) + band) % 256 for x in range(width))
        rows_g.append(bytes([y % 256]) * width)
        rows_b.append(bands[band])
    size = (width, height)
    return Image.merge(
        "RGB",
        (
            Image.frombytes("L", size, red_row * height),
            Image.frombytes("L", size, b"".join(rows_g)),
            Image.frombytes("L", size, b"".join(rows_b)),
        ),
    )
