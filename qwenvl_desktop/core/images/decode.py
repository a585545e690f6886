"""Decoding: from encoded bytes (or an image the GUI already holds) to the pixels the model sees.

The decoder never holds more pixels than it must. The target size is known from the header alone
(size and EXIF orientation), so a JPEG is decoded directly at 1/2, 1/4 or 1/8 scale with
``Image.draft`` — a 24-megapixel photo never exists at full size in memory — and other formats are
reduced by whole factors (``reducing_gap``) before the final resample. Whatever the source mode
(palette, CMYK, 16-bit, premultiplied alpha…) the result is L, LA, RGB or RGBA in sRGB, upright,
at exactly the grid size :func:`smart_resize` gives.

Every failure becomes an :class:`ImageError` with a sentence naming the source: Pillow's own
exceptions (``UnidentifiedImageError``, ``DecompressionBombError``, "image file is truncated")
are translated here, and bytes Pillow cannot identify are sniffed so that a PDF, a video, a text
file or a HEIC photo without its decoder is called what it is.
"""

from __future__ import annotations

import io
import os
import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO

from PIL import Image, ImageCms, UnidentifiedImageError, features

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.images import budget as limits
from qwenvl_desktop.core.images.budget import MAX_ASPECT_RATIO, MIN_SIDE, PixelBudget
from qwenvl_desktop.core.images.container import holds_only_pixels
from qwenvl_desktop.core.images.errors import (
    AspectRatioError,
    CorruptImageError,
    EmptyImageError,
    ImageError,
    ImageTooLargeError,
    NotAnImageError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from qwenvl_desktop.core.images.extensions import IMAGE_EXTENSIONS as _IMAGE_EXTENSIONS
from qwenvl_desktop.core.images.sources import short_name

__all__ = [
    "PASS_THROUGH_FORMATS",
    "REDUCING_GAP",
    "DecodedImage",
    "decode_to_target",
    "ensure_heif_opener",
    "open_encoded",
]

#: Formats the service reads as they are, so a file already at the target size may be sent as is.
PASS_THROUGH_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
#: Full-resolution decodes above this many pixels run one at a time, so that several dropped
#: 100-megapixel scans cannot each hold hundreds of megabytes at once.
LARGE_DECODE_PIXELS = 40_000_000
#: Whole-factor box reduction before the final bicubic resample: the final filter still sees at
#: least this many source pixels per output pixel, so quality is kept while most work is skipped.
REDUCING_GAP = 3.0

_ORIENTATION_TAG = 0x0112
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_ORIENTATION_WORDS = {
    2: translatable("AttachmentNotes", "mirrored"),
    3: translatable("AttachmentNotes", "rotated 180°"),
    4: translatable("AttachmentNotes", "flipped"),
    5: translatable("AttachmentNotes", "rotated and mirrored"),
    6: translatable("AttachmentNotes", "rotated 90°"),
    7: translatable("AttachmentNotes", "rotated and mirrored"),
    8: translatable("AttachmentNotes", "rotated 270°"),
}
#: JPEG, and MPO (the multi-picture JPEG many cameras and phones write), decode at reduced scale.
_DRAFTABLE = frozenset({"JPEG", "MPO"})
_SIXTEEN_BIT = frozenset({"I;16", "I;16L", "I;16B", "I;16N"})
_PASS_THROUGH_MODES = frozenset({"L", "LA", "RGB", "RGBA", "P"})
#: ``info`` keys that carry no personal data. An original with anything else (EXIF with its GPS
#: position, XMP, comments, PNG text) is re-encoded, which drops it, rather than sent as is.
_HARMLESS_INFO = frozenset(
    {
        "adobe",
        "adobe_transform",
        "aspect",
        "background",
        "chromaticity",
        "compression",
        "dpi",
        "duration",
        "gamma",
        "interlace",
        "jfif",
        "jfif_density",
        "jfif_unit",
        "jfif_version",
        "loop",
        "progression",
        "progressive",
        "srgb",
        "timestamp",  # WebP's frame time, set by decoding
        "transparency",
    }
)
#: Pillow reads EPS by running Ghostscript on it: a whole PostScript interpreter for one attachment
#: (and its security history). Refused; the sniffer names the format instead.
_REFUSED_FORMATS = frozenset({"EPS"})
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_BOMB_NUMBERS = re.compile(r"\((\d+) pixels\).*?(\d+) pixels")

# Large images are expected here and handled (reduced with a note, or refused past Pillow's hard
# limit with a sentence), so Pillow's warning for apps that do not check sizes is only noise on
# stderr. A process-wide filter, because warnings.catch_warnings is not thread-safe before 3.14.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

_large_decode_gate = threading.BoundedSemaphore(1)
_heif_lock = threading.Lock()
_heif_registered: bool | None = None


def ensure_heif_opener() -> bool:
    """Register the optional HEIC decoder (pillow-heif) once; False when it is not installed."""
    global _heif_registered
    with _heif_lock:
        if _heif_registered is None:
            try:
                import pillow_heif  # type: ignore[import-not-found,unused-ignore]

                pillow_heif.register_heif_opener()
                _heif_registered = True
            except Exception:  # not installed, or a broken native library: HEIC stays unreadable
                _heif_registered = False
        return _heif_registered


@dataclass
class DecodedImage:
    """Pixels ready to encode, with what the attachment records about their origin."""

    image: Image.Image
    original_size: tuple[int, int]
    original_format: str | None
    notes: list[str] = field(default_factory=list)
    #: The original file, when it shows exactly these pixels in a format the service reads, so
    #: that it may be sent unchanged if that is smallest.
    original_bytes: bytes | None = None


def open_encoded(fp: IO[bytes], name: str) -> Image.Image:
    """``Image.open`` with Pillow's failures turned into sentences about ``name``."""
    ensure_heif_opener()
    shown = short_name(name)
    head = fp.read(4096)
    if not head:
        raise EmptyImageError(
            translate("Errors", "%1 is empty (0 bytes).").replace("%1", shown), source=name
        )
    fp.seek(0)
    Image.init()  # Image.ID lists every plugin only once all are loaded
    allowed = [f for f in Image.ID if f not in _REFUSED_FORMATS]
    try:
        return Image.open(fp, formats=allowed)
    except Image.DecompressionBombError as exc:
        raise _bomb_error(exc, name) from None
    except UnidentifiedImageError:
        raise _unidentified(head, name) from None
    except OSError as exc:
        raise _os_error(exc, name, _damaged_header(shown)) from None
    except Exception as exc:  # plugins raise SyntaxError, struct.error, ValueError… on bad headers
        raise CorruptImageError(_damaged_header(shown), source=name, detail=repr(exc)) from None


def _damaged_header(shown: str) -> str:
    return translate("Errors", "%1 is damaged: its image header cannot be read.").replace(
        "%1", shown
    )


def _bomb_error(exc: Exception, name: str) -> ImageTooLargeError:
    match = _BOMB_NUMBERS.search(str(exc))
    if match:
        pixels, limit = int(match.group(1)), int(match.group(2))
        sentence = (
            translate(
                "Errors",
                "%1 claims %2 megapixels, more than the %3-megapixel safety limit for one image "
                "(Pillow's decompression-bomb limit), so it is not decoded. Reduce it in an image "
                "editor first.",
            )
            .replace("%1", short_name(name))
            .replace("%2", f"{pixels / 1e6:,.0f}")
            .replace("%3", f"{limit / 1e6:,.0f}")
        )
    else:
        sentence = translate(
            "Errors",
            "%1 claims more pixels than the safety limit for one image (Pillow's "
            "decompression-bomb limit), so it is not decoded. Reduce it in an image editor first.",
        ).replace("%1", short_name(name))
    return ImageTooLargeError(sentence, source=name, detail=str(exc))


def _unidentified(head: bytes, name: str) -> ImageError:
    """Say what unreadable bytes are, when their first bytes tell."""
    shown = short_name(name)
    ext = os.path.splitext(name)[1].lower()
    brand = head[8:12] if head[4:8] == b"ftyp" else b""
    if brand in _HEIF_BRANDS:
        if not ensure_heif_opener():
            return UnsupportedFormatError(
                translate(
                    "Errors",
                    "%1 is a HEIC/HEIF image, and the HEIC decoder is not installed. "
                    "Install it with: %2",
                )
                .replace("%1", shown)
                .replace("%2", "pip install 'qwenvl-desktop[heic]'"),
                source=name,
            )
        return CorruptImageError(
            translate("Errors", "%1 is a damaged HEIC/HEIF image.").replace("%1", shown),
            source=name,
        )
    if brand in _AVIF_BRANDS:
        if not features.check("avif"):
            return UnsupportedFormatError(
                translate(
                    "Errors", "%1 is an AVIF image, and this Pillow has no AVIF decoder."
                ).replace("%1", shown),
                source=name,
            )
        return CorruptImageError(
            translate("Errors", "%1 is a damaged AVIF image.").replace("%1", shown), source=name
        )
    if brand:
        return NotAnImageError(
            translate("Errors", "%1 is a video (MP4/QuickTime), not an image.").replace(
                "%1", shown
            ),
            source=name,
        )
    if head.startswith((b"%!PS", b"\xc5\xd0\xd3\xc6")):
        return UnsupportedFormatError(
            translate(
                "Errors",
                "%1 is a PostScript/EPS file, which is not read here; export it as PNG first.",
            ).replace("%1", shown),
            source=name,
        )
    if head.startswith(b"%PDF"):
        return NotAnImageError(
            translate(
                "Errors",
                "%1 is a PDF document, not an image; export the page as PNG or JPEG first.",
            ).replace("%1", shown),
            source=name,
        )
    lowered = head[:1024].lower()
    if b"<svg" in lowered and (lowered.lstrip().startswith((b"<svg", b"<?xml", b"<!--"))):
        return UnsupportedFormatError(
            translate(
                "Errors",
                "%1 is an SVG drawing; vector images cannot be sent — export it as PNG first.",
            ).replace("%1", shown),
            source=name,
        )
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"BM", b"II*\0", b"MM\0*")):
        return CorruptImageError(
            translate("Errors", "%1 is a damaged image: its header is invalid.").replace(
                "%1", shown
            ),
            source=name,
        )
    named = ext in _IMAGE_EXTENSIONS
    if _looks_like_text(head):
        sentence = (
            translate("Errors", "%1 contains text, not image data despite its %2 name.")
            if named
            else translate("Errors", "%1 contains text, not image data.")
        )
    else:
        sentence = (
            translate(
                "Errors", "%1 is not in an image format this app can read despite its %2 name."
            )
            if named
            else translate("Errors", "%1 is not in an image format this app can read.")
        )
    return NotAnImageError(sentence.replace("%1", shown).replace("%2", ext), source=name)


def _looks_like_text(head: bytes) -> bool:
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the 4 KiB window is still text.
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def _orientation(im: Image.Image) -> int:
    try:
        value = im.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # unreadable EXIF must not make the image unusable
        return 1
    return value if isinstance(value, int) and value in _TRANSPOSE else 1


def _icc_profile(im: Image.Image) -> ImageCms.ImageCmsProfile | None:
    """The embedded colour profile when it is not sRGB (sRGB is what the model assumes)."""
    data = im.info.get("icc_profile")
    if not data or not isinstance(data, bytes):
        return None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
        description = ImageCms.getProfileDescription(profile)
    except Exception:
        return None
    if "srgb" in description.lower().replace(" ", ""):
        return None
    return profile


@contextmanager
def _large_decode(pixels: int) -> Iterator[None]:
    if pixels <= LARGE_DECODE_PIXELS:
        yield
        return
    with _large_decode_gate:
        yield


def decode_to_target(
    im: Image.Image, name: str, budget: PixelBudget, *, fp: IO[bytes] | None
) -> DecodedImage:
    """Decode ``im`` straight to the size the model sees within ``budget``.

    ``fp``: the encoded bytes ``im`` was opened from. Such an image is owned here: it may be
    drafted and is closed once reduced. Without ``fp`` (clipboard, screen capture) the caller's
    image is only read.
    """
    original_format = im.format
    stored_size = im.size
    # Only JPEG decodes at a reduced scale, chosen from the header before decoding. Every other
    # format is decoded whole anyway, so its metadata is read once the pixels are, when all of it
    # is known: PNG may put its eXIf chunk after the image data (Pillow's getexif() would decode
    # the pixels to find it, outside the gate and the error translation here, and a failure there
    # went unnoticed), and newer Pillows turn a TIFF upright while decoding it and drop the tag
    # (applying the tag read before would turn it twice).
    drafted = fp is not None and original_format in _DRAFTABLE
    declared = _orientation(im) if original_format == "TIFF" else 1  # only for the note
    try:
        with _large_decode(stored_size[0] * stored_size[1]):
            plan = _plan(im, name, budget, fp, declared) if drafted else None
            if plan is not None and plan.raw_target != im.size:
                im.draft(im.mode, plan.raw_target)  # 1/2, 1/4 or 1/8 scale, never below it
            im.load()
            if plan is None:
                plan = _plan(im, name, budget, fp, declared)
            depth = _depth_mapping(im, plan.notes)
            image = _resized(im, plan.raw_target)
            if fp is not None and image is not im:
                im.close()  # release the full-resolution pixels before the next large decode
    except ImageError:
        raise
    except Exception as exc:  # MemoryError, Pillow's own, and what plugins raise on bad data
        raise _decoding_error(exc, name, stored_size) from None
    image = _to_display_mode(image, plan.profile, depth, plan.notes, name)
    if plan.orientation != 1:
        image = image.transpose(_TRANSPOSE[plan.orientation])
    if image.mode in ("LA", "RGBA") and _opaque(image):
        image = image.convert(image.mode[:-1])
    return DecodedImage(image, plan.size, original_format, plan.notes, plan.original_bytes)


@dataclass
class _Plan:
    """What the image's header and metadata decide about decoding it."""

    #: the EXIF orientation still to apply (1 once a decoder has applied it itself)
    orientation: int
    #: the size as shown, orientation applied
    size: tuple[int, int]
    #: the decoded pixels' size before they are turned upright
    raw_target: tuple[int, int]
    notes: list[str]
    profile: ImageCms.ImageCmsProfile | None
    original_bytes: bytes | None


def _plan(
    im: Image.Image, name: str, budget: PixelBudget, fp: IO[bytes] | None, declared: int
) -> _Plan:
    orientation = _orientation(im)
    width, height = _upright_size(im, orientation, name)
    target_w, target_h = budget.target_size(width, height)
    turned = orientation in (5, 6, 7, 8)
    notes = _size_notes(im, width, height, budget)
    applied = orientation if orientation != 1 else declared
    if applied != 1:
        notes.append(
            translate("AttachmentNotes", "EXIF orientation applied (%1)").replace(
                "%1", translate("AttachmentNotes", _ORIENTATION_WORDS[applied])
            )
        )
    profile = _icc_profile(im)
    original_bytes = None
    if (
        fp is not None
        and (target_w, target_h) == (width, height)
        and applied == 1
        and profile is None
        and _sendable_as_is(im)
    ):
        original_bytes = _read_all(fp, name)
        if original_bytes is not None and not holds_only_pixels(original_bytes, str(im.format)):
            original_bytes = None  # private chunks, trailing bytes or a bad checksum: re-encode
    return _Plan(
        orientation=orientation,
        size=(width, height),
        raw_target=(target_h, target_w) if turned else (target_w, target_h),
        notes=notes,
        profile=profile,
        original_bytes=original_bytes,
    )


def _upright_size(im: Image.Image, orientation: int, name: str) -> tuple[int, int]:
    """The size as shown (EXIF orientation applied); refuses no pixels and extreme ratios."""
    shown = short_name(name)
    raw_w, raw_h = im.size
    if raw_w <= 0 or raw_h <= 0:
        raise EmptyImageError(
            translate("Errors", "%1 has no pixels (%2×%3).")
            .replace("%1", shown)
            .replace("%2", str(raw_w))
            .replace("%3", str(raw_h)),
            source=name,
        )
    width, height = (raw_h, raw_w) if orientation in (5, 6, 7, 8) else (raw_w, raw_h)
    ratio = max(width, height) / min(width, height)
    if ratio > MAX_ASPECT_RATIO:
        raise AspectRatioError(
            translate(
                "Errors",
                "%1 is %2×%3 px: its aspect ratio of %4:1 is beyond the %5:1 the service "
                "accepts. Crop it into shorter pieces.",
            )
            .replace("%1", shown)
            .replace("%2", str(width))
            .replace("%3", str(height))
            .replace("%4", f"{ratio:,.0f}")
            .replace("%5", str(MAX_ASPECT_RATIO)),
            source=name,
        )
    return width, height


def _size_notes(im: Image.Image, width: int, height: int, budget: PixelBudget) -> list[str]:
    """What the attachment will say about frames and size (the person sees these notes)."""
    notes: list[str] = []
    if im.format == "MPO":
        notes.append(
            translate("AttachmentNotes", "multi-picture file: only its main picture is sent")
        )
    elif getattr(im, "is_animated", False):
        notes.append(translate("AttachmentNotes", "animated image: only the first frame is sent"))
    if min(width, height) < MIN_SIDE:
        notes.append(
            translate(
                "AttachmentNotes", "enlarged from %1×%2 px: the service refuses sides under %3 px"
            )
            .replace("%1", str(width))
            .replace("%2", str(height))
            .replace("%3", str(MIN_SIDE))
        )
    elif width * height > budget.max_pixels:
        notes.append(
            translate("AttachmentNotes", "reduced from %1×%2 px to the %3-token budget")
            .replace("%1", str(width))
            .replace("%2", str(height))
            .replace("%3", f"{budget.max_tokens:,}")
        )
    elif width * height < budget.min_pixels:
        notes.append(
            translate("AttachmentNotes", "enlarged from %1×%2 px to the model's minimum size")
            .replace("%1", str(width))
            .replace("%2", str(height))
        )
    return notes


def _sendable_as_is(im: Image.Image) -> bool:
    """Whether the file's own bytes show these pixels to the service, with nothing private."""
    return (
        im.format in PASS_THROUGH_FORMATS
        and not getattr(im, "is_animated", False)
        and im.mode in _PASS_THROUGH_MODES
        and set(im.info) <= _HARMLESS_INFO
    )


def _decoding_error(exc: BaseException, name: str, size: tuple[int, int]) -> ImageError:
    """The sentence for a failure while decoding the pixels (the header was fine)."""
    shown = short_name(name)
    if isinstance(exc, Image.DecompressionBombError):
        return _bomb_error(exc, name)
    if isinstance(exc, MemoryError):
        return ImageTooLargeError(
            translate("Errors", "%1 (%2×%3 px) is too large to decode with the memory available.")
            .replace("%1", shown)
            .replace("%2", str(size[0]))
            .replace("%3", str(size[1])),
            source=name,
        )
    if isinstance(exc, OSError):
        return _os_error(
            exc,
            name,
            translate(
                "Errors", "%1 is truncated or damaged: its image data cannot be decoded (%2)."
            )
            .replace("%1", shown)
            .replace("%2", str(exc)),
        )
    return CorruptImageError(
        translate("Errors", "%1 is damaged: its image data cannot be decoded.").replace(
            "%1", shown
        ),
        source=name,
        detail=repr(exc),
    )


def _os_error(exc: OSError, name: str, damaged: str) -> ImageError:
    """An OSError from Pillow: the file could not be read (errno set), or its data is damaged."""
    if exc.errno is not None:
        return UnreadableFileError(_cannot_read(name, exc), source=name)
    return CorruptImageError(damaged, source=name, detail=str(exc))


def _cannot_read(name: str, exc: OSError) -> str:
    return (
        translate("Errors", "%1 cannot be read: %2.")
        .replace("%1", short_name(name))
        .replace("%2", str(exc.strerror or exc))
    )


def _read_all(fp: IO[bytes], name: str) -> bytes | None:
    # Read before decoding: closing the decoded image closes its file. Pillow seeks to its tiles
    # itself, so moving the position here is harmless.
    try:
        if fp.seek(0, io.SEEK_END) * 4 // 3 > limits.MAX_DATA_URI_BYTES:
            return None  # base64 of it could never fit a data URI
        fp.seek(0)
        return fp.read()
    except OSError as exc:
        raise UnreadableFileError(_cannot_read(name, exc), source=name) from None


def _resized(im: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``im`` at ``size``, first brought into a mode that resamples correctly."""
    if im.mode == "1":
        im = im.convert("L")
    elif im.mode in ("P", "PA"):
        # Pillow resizes palette images with nearest-neighbour: expand the palette first.
        has_alpha = im.mode == "PA" or "transparency" in im.info
        im = im.convert("RGBA" if has_alpha else "RGB")
    elif im.mode in ("L", "RGB") and "transparency" in im.info:
        im = im.convert(im.mode + "A" if im.mode == "L" else "RGBA")
    elif im.mode in ("La", "RGBa"):
        im = im.convert(im.mode[:-1] + "A")
    elif im.mode in _SIXTEEN_BIT:
        im = im.convert("I")  # Pillow cannot box-reduce 16-bit modes
    if im.size == size:
        return im
    return im.resize(size, Image.Resampling.BICUBIC, reducing_gap=REDUCING_GAP)


def _to_display_mode(
    im: Image.Image,
    profile: ImageCms.ImageCmsProfile | None,
    depth: tuple[float, float] | None,
    notes: list[str],
    name: str,
) -> Image.Image:
    """``im`` as L, LA, RGB or RGBA in sRGB: what JPEG and PNG carry and the model expects."""
    mode = im.mode
    if depth is not None:
        scale, offset = depth
        # point() and convert() truncate: the half rounds to the nearest level instead.
        return im.point(lambda v: v * scale + offset + 0.5).convert("L")
    if mode == "CMYK":
        notes.append(
            translate("AttachmentNotes", "CMYK converted to RGB with its colour profile")
            if profile is not None
            else translate("AttachmentNotes", "CMYK converted to RGB")
        )
        return _with_profile(im, profile, "RGB") if profile is not None else im.convert("RGB")
    if mode in ("RGB", "RGBA") and profile is not None:
        notes.append(
            translate("AttachmentNotes", "colours converted to sRGB from the embedded profile")
        )
        return _with_profile(im, profile, mode)
    if mode in ("L", "LA", "RGB", "RGBA"):
        return im
    try:
        return im.convert("RGBA" if "A" in im.getbands() else "RGB")
    except (ValueError, OSError) as exc:
        raise UnsupportedFormatError(
            translate("Errors", "%1 uses the colour mode %2, which cannot be converted to RGB.")
            .replace("%1", short_name(name))
            .replace("%2", str(mode)),
            source=name,
            detail=str(exc),
        ) from None


def _with_profile(im: Image.Image, profile: ImageCms.ImageCmsProfile, out_mode: str) -> Image.Image:
    alpha = im.getchannel("A") if im.mode == "RGBA" else None
    base = im.convert("RGB") if alpha is not None else im
    try:
        converted = ImageCms.profileToProfile(
            base, profile, ImageCms.createProfile("sRGB"), outputMode="RGB"
        )
    except Exception:  # a profile LittleCMS rejects: plain conversion is still a fair picture
        converted = base.convert("RGB")
    assert converted is not None  # profileToProfile returns None only with inPlace=True
    if alpha is not None and out_mode == "RGBA":
        converted.putalpha(alpha)
    return converted


def _depth_mapping(im: Image.Image, notes: list[str]) -> tuple[float, float] | None:
    """``(scale, offset)`` taking a 16-bit, 32-bit or float greyscale image to 8 bits.

    ``convert("L")`` clips at 255, which turns a 16-bit image almost white. 16-bit data (0–65535)
    is scaled by 1/257; other ranges are stretched from their own minimum to maximum. Decided on
    the source pixels, before resampling can overshoot the range.
    """
    if im.mode in _SIXTEEN_BIT:
        notes.append(translate("AttachmentNotes", "16-bit image reduced to 8 bits"))
        return 1 / 257, 0.0
    if im.mode not in ("I", "F"):
        return None
    low, high = im.getextrema()
    assert isinstance(low, int | float) and isinstance(high, int | float)
    if im.mode == "I" and low >= 0 and high <= 255:
        return 1.0, 0.0
    if im.mode == "I" and low >= 0 and high <= 65535:
        notes.append(translate("AttachmentNotes", "16-bit image reduced to 8 bits"))
        return 1 / 257, 0.0
    if im.mode == "F" and low >= 0 and high <= 1:
        notes.append(translate("AttachmentNotes", "floating-point image reduced to 8 bits"))
        return 255.0, 0.0
    span = (high - low) or 1
    notes.append(
        translate("AttachmentNotes", "high-depth image stretched from its range %1–%2 to 8 bits")
        .replace("%1", f"{low:g}")
        .replace("%2", f"{high:g}")
    )
    return 255 / span, -low * 255 / span


def _opaque(im: Image.Image) -> bool:
    extrema = im.getchannel("A").getextrema()
    return extrema == (255, 255)
