"""Encoding: every pixel the model will see, in as few upload bytes as that allows.

Per image, not per source format:

- Text, screenshots and other images with hard edges go lossless — lossless WebP or PNG, the
  smaller — whenever the data URI fits: a text edge then arrives exactly as drawn, where JPEG
  rings around it and blurs 9 px glyphs.
- Photos go JPEG at a quality chosen by measurement: the lowest of :data:`JPEG_QUALITIES` whose
  SSIM against the resized original reaches :data:`SSIM_TARGET`, measured on a sample of the
  image's most and least detailed tiles (a few milliseconds), not a fixed quality that is too low
  for one photo and wasteful for the next.
- A file that already shows exactly the target pixels in a format the service reads is a
  candidate as it is, so nothing is re-compressed for no gain.
- JPEG has no alpha channel, so transparency is flattened onto white — what the service does to
  transparent images anyway — only when JPEG is chosen; PNG and WebP keep it.
- A data URI must stay under :data:`~.budget.MAX_DATA_URI_BYTES`: lossless that does not fit
  becomes the measured JPEG, then JPEG quality is lowered, and only when the lowest quality
  still does not fit does the caller reduce pixels.

Every choice carries its reason (:attr:`Encoded.why`), which the image's details show.
The MIME type always comes from the format actually written (or, for an original file, from the
format Pillow identified in its bytes), never from a file name.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from PIL import Image, ImageChops, ImageStat

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images import budget as limits
from qwenvl_desktop.core.images.data_uri import build_data_uri, data_uri_length
from qwenvl_desktop.core.images.quality import ssim

__all__ = [
    "JPEG_QUALITIES",
    "JPEG_QUALITY_FLOOR",
    "MIME_TYPES",
    "SSIM_TARGET",
    "Encoded",
    "as_encoded",
    "choose_encoding",
    "data_uri_length",
    "encode_jpeg",
    "encode_png",
    "encode_webp_lossless",
    "fit_under_limit",
    "flat_neighbour_share",
    "looks_like_photo",
    "measured_jpeg",
]

MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
#: The SSIM (luma, 11×11 Gaussian window) a JPEG must reach against the pixels it encodes.
SSIM_TARGET = 0.98
#: The JPEG qualities tried, in order; above 95 the bytes grow much faster than the fidelity.
JPEG_QUALITIES = (50, 60, 70, 75, 80, 85, 88, 90, 92, 94, 95)
#: When a data URI is too large, quality drops in steps of 10 down to this before pixels go.
JPEG_QUALITY_FLOOR = 40
#: A sample with more distinct colours than this share of its pixels has many colours.
PHOTO_COLOUR_SHARE = 0.25
#: An image whose neighbouring pixels are equal this often has flat areas and hard edges (a
#: screenshot, even one showing a photo): camera noise makes equal neighbours rare.
FLAT_NEIGHBOUR_SHARE = 0.5
#: libwebp refuses images with a side longer than this.
WEBP_MAX_SIDE = 16383
_SAMPLE_SIDE = 128
_SAMPLE_ROWS = 16
#: SSIM is measured on tiles of this side (a multiple of JPEG's 16 px blocks, so the tiles are
#: compressed as in the whole image).
_TILE = 128
_TILES = 4
_PNG_COMPRESS_LEVEL = 6


@dataclass(frozen=True, slots=True)
class Encoded:
    """Encoded bytes of one image, what they are, and why they were chosen."""

    data: bytes
    format: str
    lossless: bool
    quality: int | None = None
    #: True when ``data`` is the original file, unchanged.
    original: bool = False
    #: the SSIM measured for a JPEG (on the sample), None when not measured
    ssim: float | None = None
    #: a sentence for the image's details: which encoding and why
    why: str = ""

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.format]

    @property
    def uri_length(self) -> int:
        return data_uri_length(len(self.data), self.mime)

    @property
    def name(self) -> str:
        """``lossless WebP``, ``PNG``, ``JPEG q88``: the encoding in a few words (shown in the
        image's details, so in the interface's language)."""
        if self.format == "JPEG":
            return f"JPEG q{self.quality}" if self.quality is not None else "JPEG"
        shown = "WebP" if self.format == "WEBP" else self.format  # format names stay as they are
        return translate("AttachmentNotes", "lossless %1").replace("%1", shown)

    def data_uri(self) -> str:
        return build_data_uri(self.mime, self.data)


def _kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB"


# -- what the image is -----------------------------------------------------------------------------


def looks_like_photo(im: Image.Image) -> bool:
    """Camera or rendered imagery: many distinct colours and hardly any flat areas.

    The colour count uses a nearest-neighbour sample: a smoothing filter would invent in-between
    colours on the edges of flat line art and make it look photographic. A screenshot that shows
    a photo has many colours too, but its text and panels leave neighbouring pixels equal; that
    is checked on full-resolution rows across the whole image.
    """
    sample = im
    if im.width > _SAMPLE_SIDE or im.height > _SAMPLE_SIDE:
        sample = im.copy()
        sample.thumbnail((_SAMPLE_SIDE, _SAMPLE_SIDE), Image.Resampling.NEAREST, reducing_gap=None)
    pixels = sample.width * sample.height
    if sample.getcolors(maxcolors=max(1, int(pixels * PHOTO_COLOUR_SHARE))) is not None:
        return False
    return flat_neighbour_share(im) < FLAT_NEIGHBOUR_SHARE


def flat_neighbour_share(im: Image.Image) -> float:
    """The share of horizontally neighbouring pixels that are equal, on rows spread over ``im``."""
    if im.width < 2:
        return 1.0
    equal = total = 0
    rows = min(_SAMPLE_ROWS, im.height)
    for i in range(rows):
        y = (2 * i + 1) * im.height // (2 * rows)
        row = im.crop((0, y, im.width, y + 1)).convert("RGB")
        left = row.crop((0, 0, im.width - 1, 1))
        right = row.crop((1, 0, im.width, 1))
        counts = ImageChops.difference(left, right).convert("L").histogram()
        equal += counts[0]
        total += im.width - 1
    return equal / total


# -- encoders --------------------------------------------------------------------------------------


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


def encode_webp_lossless(im: Image.Image) -> Encoded | None:
    """Lossless WebP (VP8L) at a fast effort; None when libwebp is missing or a side too long.

    Effort 1 of 6: on screenshots it is about three times as fast as PNG and already 40–60 %
    smaller; higher efforts save a few more per cent for several times the time.
    """
    if max(im.size) > WEBP_MAX_SIDE:
        return None
    if im.mode not in ("RGB", "RGBA"):
        im = im.convert("RGBA" if "A" in im.getbands() else "RGB")
    buffer = io.BytesIO()
    try:
        im.save(buffer, "WEBP", lossless=True, method=1, quality=0, exact=True)
    except (OSError, KeyError):  # Pillow built without WebP support
        return None
    return Encoded(buffer.getvalue(), "WEBP", lossless=True)


def _ssim_sample(im: Image.Image) -> Image.Image:
    """The tiles SSIM is measured on: the two most detailed and two of median detail.

    JPEG loses most where there is most detail, so those tiles keep the measurement on the
    safe side; the median ones keep one busy corner from deciding alone. Small images are
    measured whole.
    """
    columns, rows = im.width // _TILE, im.height // _TILE
    if columns * rows <= _TILES:
        return im
    luma = im.convert("L")
    detail = []
    for row in range(rows):
        for column in range(columns):
            box = (column * _TILE, row * _TILE, (column + 1) * _TILE, (row + 1) * _TILE)
            detail.append((ImageStat.Stat(luma.crop(box)).stddev[0], box))
    detail.sort()
    middle = len(detail) // 2
    chosen = [detail[-1], detail[-2], detail[middle], detail[middle - 1]]
    mosaic = Image.new(im.mode, (_TILE * len(chosen), _TILE))
    for i, (_, box) in enumerate(chosen):
        mosaic.paste(im.crop(box), (i * _TILE, 0))
    return mosaic


def _jpeg_ssim(sample: Image.Image, quality: int, *, photo: bool) -> float:
    encoded = encode_jpeg(sample, quality, photo=photo)
    with Image.open(io.BytesIO(encoded.data)) as decoded:
        return ssim(sample, decoded)


def measured_jpeg(im: Image.Image, *, photo: bool, target: float = SSIM_TARGET) -> Encoded:
    """JPEG at the lowest of :data:`JPEG_QUALITIES` whose SSIM on a sample reaches ``target``.

    A binary search (SSIM grows with quality): four or five trial encodes of a 512×128 sample.
    When even the highest quality falls short, that quality is used and the SSIM says so.
    """
    flat = _flattened(im)
    sample = _ssim_sample(flat)
    low, high = 0, len(JPEG_QUALITIES) - 1
    measured: dict[int, float] = {}
    while low < high:
        middle = (low + high) // 2
        measured[middle] = _jpeg_ssim(sample, JPEG_QUALITIES[middle], photo=photo)
        if measured[middle] >= target:
            high = middle
        else:
            low = middle + 1
    if low not in measured:
        measured[low] = _jpeg_ssim(sample, JPEG_QUALITIES[low], photo=photo)
    quality = JPEG_QUALITIES[low]
    return replace(encode_jpeg(flat, quality, photo=photo), ssim=measured[low])


# -- the choice ------------------------------------------------------------------------------------


def _jpeg_reason(jpeg: Encoded, *, photo: bool) -> str:
    assert jpeg.ssim is not None
    if jpeg.ssim >= SSIM_TARGET:
        sentence = (
            translate(
                "AttachmentNotes",
                "photo: JPEG quality %1, the lowest whose SSIM against the resized image reaches "
                "%2 (%3 on its most detailed tiles)",
            )
            if photo
            else translate(
                "AttachmentNotes",
                "image: JPEG quality %1, the lowest whose SSIM against the resized image reaches "
                "%2 (%3 on its most detailed tiles)",
            )
        )
    else:
        sentence = (
            translate(
                "AttachmentNotes",
                "photo: JPEG quality %1, the highest used (SSIM %3, under %2: fine detail like "
                "noise costs too many bytes to keep)",
            )
            if photo
            else translate(
                "AttachmentNotes",
                "image: JPEG quality %1, the highest used (SSIM %3, under %2: fine detail like "
                "noise costs too many bytes to keep)",
            )
        )
    return (
        sentence.replace("%1", str(jpeg.quality))
        .replace("%2", str(SSIM_TARGET))
        .replace("%3", f"{jpeg.ssim:.3f}")
    )


def _original_reason() -> str:
    return translate(
        "AttachmentNotes",
        "the original file is sent unchanged (already the size the model sees)",
    )


def choose_encoding(im: Image.Image, *, photo: bool, original: Encoded | None = None) -> Encoded:
    """The encoding to send, with :attr:`Encoded.why` filled in.

    Text and hard edges: the smallest lossless candidate (WebP, PNG, or the original file) whose
    data URI fits; if none fits, the measured JPEG. Photos: an original JPEG file as it is, else
    the measured JPEG, or the original file when it is not larger.
    """
    limit = limits.MAX_DATA_URI_BYTES
    if photo:
        # A JPEG original already at the size the model sees is the photo itself: re-encoding
        # could only add a second generation of loss.
        if original is not None and original.format == "JPEG" and original.uri_length < limit:
            return replace(original, why=_original_reason())
        jpeg = measured_jpeg(im, photo=True)
        if original is not None and len(original.data) <= len(jpeg.data):
            return replace(original, why=_original_reason())
        return replace(jpeg, why=_jpeg_reason(jpeg, photo=True))
    lossless = [c for c in (encode_webp_lossless(im), encode_png(im)) if c is not None]
    candidates = [*lossless, *([original] if original is not None else [])]
    fitting = [c for c in candidates if c.uri_length < limit]
    if fitting:
        best = min(fitting, key=lambda c: len(c.data))
        if best.original:
            return replace(best, why=_original_reason())
        others = "; ".join(f"{c.name} {_kib(len(c.data))}" for c in lossless if c is not best)
        why = (
            translate("AttachmentNotes", "text and hard edges: %1, every pixel exact (%2; %3)")
            if others
            else translate("AttachmentNotes", "text and hard edges: %1, every pixel exact (%2)")
        )
        return replace(
            best,
            why=why.replace("%1", best.name)
            .replace("%2", _kib(len(best.data)))
            .replace("%3", others),
        )
    jpeg = measured_jpeg(im, photo=False)
    smallest = min(lossless, key=lambda c: len(c.data))
    return replace(
        jpeg,
        why=translate(
            "AttachmentNotes", "%1; lossless (%2, %3 MiB) would exceed the %4 MiB data-URI limit"
        )
        .replace("%1", _jpeg_reason(jpeg, photo=False))
        .replace("%2", smallest.name)
        .replace("%3", f"{len(smallest.data) / 2**20:.1f}")
        .replace("%4", f"{limit / 2**20:g}"),
    )


def fit_under_limit(im: Image.Image, chosen: Encoded, *, photo: bool) -> Encoded | None:
    """``chosen`` if its data URI fits, else the best lower JPEG quality that does; None if none."""
    limit = limits.MAX_DATA_URI_BYTES
    if chosen.uri_length < limit:
        return chosen
    # choose_encoding() returns lossless only when it fits, so ``chosen`` is a JPEG (or an
    # original file): start one step below its quality.
    start = (chosen.quality or JPEG_QUALITIES[-1]) - 10
    flat = _flattened(im)  # once, not once per quality
    for quality in [*range(start, JPEG_QUALITY_FLOOR, -10), JPEG_QUALITY_FLOOR]:
        candidate = encode_jpeg(flat, quality, photo=photo)
        if candidate.uri_length < limit:
            return replace(
                candidate,
                why=translate(
                    "AttachmentNotes",
                    "JPEG quality lowered to %1 to stay under the %2 MiB data-URI limit",
                )
                .replace("%1", str(quality))
                .replace("%2", f"{limit / 2**20:g}"),
            )
    return None
