"""Generated test images and the checks every sent image must pass.

Nothing binary is committed: each input is drawn at test time. Pixel content is chosen so that
checks can see what happened — a photo is noise over gradients (many colours), a screenshot is
flat panels with text (few colours).
"""

from __future__ import annotations

import base64
import io
import random
import struct
import zlib
from dataclasses import dataclass
from typing import Any

import pytest
from PIL import Image, ImageDraw

from qwenvl_desktop.core.images import MAX_DATA_URI_BYTES, Attachment, Detail, pixel_budget
from qwenvl_desktop.core.protocol.catalog import ModelInfo

MIME_OF_FORMAT = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass(frozen=True)
class Sent:
    """What the service receives for an attachment, decoded from its data URI."""

    mime: str
    data: bytes
    image: Image.Image

    @property
    def format(self) -> str:
        return str(self.image.format)


def decode_data_uri(url: str) -> Sent:
    assert url.startswith("data:image/"), url[:40]
    header, _, payload = url.partition(",")
    assert header.endswith(";base64")
    mime = header[5:].removesuffix(";base64")
    data = base64.b64decode(payload, validate=True)
    image = Image.open(io.BytesIO(data))
    image.load()
    return Sent(mime, data, image)


def check_sent(attachment: Attachment, model: ModelInfo, detail: Detail = "standard") -> Sent:
    """The invariants every data-URI attachment keeps; returns the decoded image for more checks."""
    budget = pixel_budget(model, detail)
    sent = decode_data_uri(attachment.url)
    # The MIME type matches the bytes, whatever the source's name or format was.
    assert MIME_OF_FORMAT[sent.format] == sent.mime == attachment.mime
    w, h = sent.image.size
    assert (w, h) == attachment.sent_size
    assert w % model.grid == 0 and h % model.grid == 0
    assert w * h <= budget.max_pixels
    # max_pixels in the request never stops the service from using its default budget.
    assert (
        attachment.max_pixels
        == budget.request_max_pixels
        >= model.default_image_tokens * (model.grid**2)
    )
    assert w * h >= budget.min_pixels
    assert attachment.estimated_tokens == w * h // model.grid**2 + 2
    assert attachment.upload_bytes == len(attachment.url) < MAX_DATA_URI_BYTES
    assert attachment.original_size is not None and attachment.scale is not None
    ow, oh = attachment.original_size
    assert attachment.scale == pytest.approx((w / ow, h / oh))
    return sent


# -- generators ----------------------------------------------------------------------------------


def photo(size: tuple[int, int], seed: int = 1) -> Image.Image:
    """Seeded noise over crossing gradients: many distinct colours, like a camera image."""
    w, h = size
    noise = Image.frombytes("L", size, random.Random(seed).randbytes(w * h))
    down = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    across = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90)
    across = across.resize(size, Image.Resampling.BILINEAR)
    red = Image.blend(down, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT), 0.2)
    green = Image.blend(across, noise, 0.3)
    return Image.merge("RGB", (red, green, Image.blend(down, across, 0.5)))


def screenshot(size: tuple[int, int]) -> Image.Image:
    """A window: title bar, sidebar, panels, buttons and lines of text on flat colours."""
    w, h = size
    im = Image.new("RGB", size, (246, 246, 248))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, w, 36), fill=(40, 44, 52))
    draw.text((12, 10), "Qwen-VL Desktop — screenshot.png", fill=(230, 230, 230))
    draw.rectangle((0, 36, w // 5, h), fill=(225, 228, 235))
    for i in range(12):
        draw.text((14, 52 + i * 28), f"Conversation {i + 1}", fill=(20, 20, 30))
    for row in range(max(1, (h - 120) // 22)):
        y = 60 + row * 22
        draw.text(
            (w // 5 + 24, y), f"{row:03d} The quick brown fox jumps over the lazy dog.", fill=0
        )
    for i in range(4):
        x = w // 5 + 24 + i * 130
        draw.rounded_rectangle((x, h - 60, x + 110, h - 28), 6, fill=(30, 110, 230))
        draw.text((x + 22, h - 50), f"Button {i}", fill=(255, 255, 255))
    return im


def png_claiming(width: int, height: int) -> bytes:
    """A valid-looking PNG whose header claims ``width``×``height`` with almost no data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def exif_with_orientation(value: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()


def jpeg_bytes(im: Image.Image, **params: Any) -> bytes:
    buffer = io.BytesIO()
    im.save(buffer, "JPEG", **params)
    return buffer.getvalue()
