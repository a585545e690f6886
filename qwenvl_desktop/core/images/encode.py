"""Encoding: the fewest upload bytes that still carry every pixel the model will see.

Per image, not per source format:

- Photos (many distinct colours) become JPEG: lossless PNG of camera noise is several times
  larger and the model cannot use the difference.
- Everything else (screenshots, line art, text, diagrams) is encoded both ways and stays lossless
  PNG when that is not larger than the JPEG; text edges then arrive exactly as drawn.
- A file that already shows exactly the target pixels in a format the service reads is a
  candidate as it is, so nothing is re-compressed for no gain.
- JPEG has no alpha channel, so transparency is flattened onto white — what the service does to
  transparent images anyway — only when JPEG is chosen; PNG keeps it.
- A data URI must stay under :data:`~.budget.MAX_DATA_URI_BYTES`: JPEG quality is lowered first,
  and only when the lowest quality still does not fit does the caller reduce pixels.

The MIME type always comes from the format actually written (or, for an original file, from the
format Pillow identified in its bytes), never from a file name.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from qwenvl_desktop.core.images import budget as limits
from qwenvl_desktop.core.images.data_uri import build_data_uri, data_uri_length

__all__ = [
    "GRAPHICS_QUALITY",
    "JPEG_QUALITY_FLOOR",
    "MIME_TYPES",
    "PHOTO_QUALITY",
    "Encoded",
    "as_encoded",
    "choose_encoding",
    "data_uri_length",
    "default_quality",
    "encode_jpeg",
    "encode_png",
    "fit_under_limit",
    "looks_like_photo",
]

MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
#: JPEG quality of photos: camera noise above it costs bytes and shows the model nothing more.
PHOTO_QUALITY = 85
#: JPEG quality of screenshots and drawings that JPEG encodes smaller than PNG: text edges ring
#: visibly below it.
GRAPHICS_QUALITY = 90
#: When a data URI is too large, quality drops in steps of 10 down to this before pixels go.
JPEG_QUALITY_FLOOR = 40
#: A sample with more distinct colours than this share of its pixels is a photo.
PHOTO_COLOUR_SHARE = 0.25
_SAMPLE_SIDE = 128
_PNG_COMPRESS_LEVEL = 6


@dataclass(frozen=True, slots=True)
class Encoded:
    """Encoded bytes of one image and what they are."""

    data: bytes
    format: str
    lossless: bool
    quality: int | None = None
    #: True when ``data`` is the original file, unchanged.
    original: bool = False

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.format]

    @property
    def uri_length(self) -> int:
        return data_uri_length(len(self.data), self.mime)

    def data_uri(self) -> str:
        return build_data_uri(self.mime, self.data)


def looks_like_photo(im: Image.Image) -> bool:
    """Many distinct colours in a nearest-neighbour sample: camera or rendered imagery.

    Nearest-neighbour keeps real pixel values; a smoothing filter would invent in-between colours
    on the edges of flat line art and make it look photographic.
    """
    sample = im
    if im.width > _SAMPLE_SIDE or im.height > _SAMPLE_SIDE:
        sample = im.copy()
        sample.thumbnail((_SAMPLE_SIDE, _SAMPLE_SIDE), Image.Resampling.NEAREST, reducing_gap=None)
    pixels = sample.width * sample.height
    colours = sample.getcolors(maxcolors=max(1, int(pixels * PHOTO_COLOUR_SHARE)))
    return colours is None


def default_quality(*, photo: bool) -> int:
    return PHOTO_QUALITY if photo else GRAPHICS_QUALITY


def _flattened(im: Image.Image) -> Image.Image:
    """``im`` without alpha, composited onto white (JPEG has no alpha channel)."""
    if im.mode not in ("LA", "RGBA"):
        return im
    background = Image.new(im.mode[:-1], im.size, 255 if im.mode == "LA" else (255, 255, 255))
    background.paste(im.convert(im.mode[:-1]), mask=im.getchannel("A"))
    return background


def as_encoded(im: Image.Image, encoded: Encoded) -> Image.Image:
    """``im`` as the bytes of ``encoded`` show it: a JPEG has its transparency on white."""
    return _flattened(im) if encoded.format == "JPEG" else im


def encode_jpeg(im: Image.Image, quality: int, *, photo: bool) -> Encoded:
    """JPEG at ``quality``; graphics keep full colour resolution (4:4:4) for crisp coloured text."""
    buffer = io.BytesIO()
    _flattened(im).save(
        buffer, "JPEG", quality=quality, subsampling=2 if photo else 0, optimize=True
    )
    return Encoded(buffer.getvalue(), "JPEG", lossless=False, quality=quality)


def encode_png(im: Image.Image) -> Encoded:
    buffer = io.BytesIO()
    im.save(buffer, "PNG", compress_level=_PNG_COMPRESS_LEVEL)
    return Encoded(buffer.getvalue(), "PNG", lossless=True)


def choose_encoding(im: Image.Image, *, photo: bool, original: Encoded | None = None) -> Encoded:
    """The smallest faithful encoding: lossless wins whenever it is not larger than lossy."""
    candidates = [encode_jpeg(im, default_quality(photo=photo), photo=photo)]
    if not photo:
        candidates.append(encode_png(im))
    if original is not None:
        candidates.append(original)
    lossless = [c for c in candidates if c.lossless]
    lossy = [c for c in candidates if not c.lossless]
    best_lossless = min(lossless, key=lambda c: len(c.data), default=None)
    best_lossy = min(lossy, key=lambda c: len(c.data), default=None)
    if best_lossless is not None and (
        best_lossy is None or len(best_lossless.data) <= len(best_lossy.data)
    ):
        return best_lossless
    assert best_lossy is not None  # the JPEG candidate always exists
    return best_lossy


def fit_under_limit(im: Image.Image, chosen: Encoded, *, photo: bool) -> Encoded | None:
    """``chosen`` if its data URI fits, else the best JPEG quality that does; None if none does."""
    limit = limits.MAX_DATA_URI_BYTES
    if chosen.uri_length < limit:
        return chosen
    # Every candidate choose_encoding() compared was at least as large as ``chosen``, the JPEG
    # at the default quality included: start one step below it.
    start = (chosen.quality or default_quality(photo=photo)) - 10
    flat = _flattened(im)  # once, not once per quality
    for quality in [*range(start, JPEG_QUALITY_FLOOR, -10), JPEG_QUALITY_FLOOR]:
        candidate = encode_jpeg(flat, quality, photo=photo)
        if candidate.uri_length < limit:
            return candidate
    return None
