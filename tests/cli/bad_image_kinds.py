"""The kinds of damaged and unusual image inputs ``ask --image`` is tried with, drawn at run time.

Each :class:`Kind` writes one input into a folder and says how ``ask`` must end with it: the image
is sent (exit 0; what the server receives is checked by ``test_bad_image_corpus``) or refused
(exit 2 with one sentence containing ``says``). Sent kinds that can be checked pixel by pixel draw
:func:`quadrants` — four flat colours, one per quarter — so a wrong rotation or a wrong frame
shows as a wrong colour in a quarter.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PIL import ExifTags, Image, ImageOps

from tests.core.images.corpus import photo, png_claiming, screenshot

#: upright colours of the top-left, top-right, bottom-left and bottom-right quarters
QUADRANT_COLOURS = ((230, 20, 20), (20, 190, 20), (20, 20, 230), (240, 220, 20))
#: the upright size of :func:`quadrants`: landscape, on the 32-px grid, inside every budget
QUADRANT_SIZE = (256, 128)
#: a token no sent byte may contain: written into metadata and trailers that must be dropped
SECRET = b"CANARY-51.5007N-0.1246W"

#: the stored pixels that orientation ``n`` turns upright (the inverse of what a viewer applies)
_STORED_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}

Make = Callable[[Path], str]


@dataclass(frozen=True)
class Kind:
    """One input kind: how to make it, and how ``ask`` must end with it."""

    id: str
    make: Make
    outcome: Literal["sent", "refused"]
    #: refused: words the one-line sentence on stderr must contain
    says: str = ""
    #: sent: the upright quadrant picture must arrive (size and the colour of each quarter)
    quadrants: bool = False
    #: sent: the file is already what the model sees, and holds nothing else: sent byte for byte
    unchanged: bool = False
    #: sent: every pixel arrives exactly (lossless, perhaps in a smaller lossless format)
    exact: bool = False
    #: sent: the first frame's flat colour, for animated and multi-page inputs
    first_colour: tuple[int, int, int] | None = None
    #: a module that must be importable (an optional decoder), else the kind is skipped
    requires: str | None = None
    #: run the command without the capability to bypass file permissions (root reads any file)
    unprivileged: bool = False


# -- pictures and encodings -----------------------------------------------------------------------


def quadrants() -> Image.Image:
    im = Image.new("RGB", QUADRANT_SIZE)
    w, h = QUADRANT_SIZE
    for i, colour in enumerate(QUADRANT_COLOURS):
        x, y = (i % 2) * w // 2, (i // 2) * h // 2
        im.paste(colour, (x, y, x + w // 2, y + h // 2))
    return im


def encoded(im: Image.Image, fmt: str, **params: Any) -> bytes:
    buffer = io.BytesIO()
    im.save(buffer, fmt, **params)
    return buffer.getvalue()


def exif_bytes(orientation: int | None = None, *, gps: bool = False) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        exif[ExifTags.Base.ImageDescription] = SECRET.decode()
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(
            {1: "N", 2: (51.0, 30.0, 2.5), 3: "W", 4: (0.0, 7.0, 28.6), 8: SECRET.decode()}
        )
    return exif.tobytes()


def stored_for(orientation: int) -> Image.Image:
    """:func:`quadrants` as a camera stores it for EXIF ``orientation``."""
    upright = quadrants()
    return upright if orientation == 1 else upright.transpose(_STORED_FOR_ORIENTATION[orientation])


def oriented(fmt: str, orientation: int, **params: Any) -> bytes:
    """Stored pixels plus the tag; checked against Pillow's own ``exif_transpose``."""
    data = encoded(stored_for(orientation), fmt, exif=exif_bytes(orientation), **params)
    shown = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    assert shown.size == QUADRANT_SIZE, (fmt, orientation, shown.size)
    return data


def png_exif_after_data(orientation: int) -> bytes:
    """The eXIf chunk moved after the image data, where Pillow finds it only by decoding."""
    data = oriented("PNG", orientation)
    spans = png_spans(data)
    start, end = spans[b"eXIf"]
    iend, _ = spans[b"IEND"]
    return data[:start] + data[end:iend] + data[start:end] + data[iend:]


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_spans(data: bytes) -> dict[bytes, tuple[int, int]]:
    """Where each PNG chunk (the first of its type) starts and ends."""
    spans: dict[bytes, tuple[int, int]] = {}
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        spans.setdefault(data[pos + 4 : pos + 8], (pos, pos + 12 + length))
        pos += 12 + length
    return spans


def clean_png() -> bytes:
    """A screenshot at a grid size, compressed harder than PNG allows the app: clean, so it could
    go as it is, but lossless WebP of the same pixels is smaller and goes instead, exactly."""
    return encoded(screenshot((512, 320)), "PNG", optimize=True)


def clean_jpeg(**params: Any) -> bytes:
    """A photo at a grid size and a quality below the app's: sent as is if clean."""
    return encoded(photo((512, 384)), "JPEG", quality=60, **params)


def clean_webp() -> bytes:
    return encoded(photo((512, 384)), "WEBP", quality=50)


def flip_byte(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


def frames(fmt: str, **params: Any) -> bytes:
    colours = [QUADRANT_COLOURS[0], QUADRANT_COLOURS[1], QUADRANT_COLOURS[2]]
    pictures = [Image.new("RGB", (96, 64), c) for c in colours]
    return encoded(pictures[0], fmt, save_all=True, append_images=pictures[1:], **params)


# -- makers ---------------------------------------------------------------------------------------


def file(name: str, data: Callable[[], bytes]) -> Make:
    def make(folder: Path) -> str:
        path = folder / name
        path.write_bytes(data())
        return str(path)

    return make


def raw_name(name: bytes, data: Callable[[], bytes]) -> Make:
    """A file whose name is bytes (not valid UTF-8): passed on as Python passes it, surrogates."""

    def make(folder: Path) -> str:
        path = os.fsencode(folder) + b"/" + name
        with open(path, "wb") as handle:
            handle.write(data())
        return os.fsdecode(path)

    return make


def fifo(folder: Path) -> str:
    path = folder / "pipe.png"
    os.mkfifo(path)  # nobody ever writes: a read would block forever
    return str(path)


def broken_link(folder: Path) -> str:
    path = folder / "gone.png"
    path.symlink_to(folder / "deleted.png")
    return str(path)


def link_to_dev_zero(folder: Path) -> str:
    path = folder / "endless.png"
    path.symlink_to("/dev/zero")
    return str(path)


def unreadable(folder: Path) -> str:
    path = folder / "private.png"
    path.write_bytes(encoded(quadrants(), "PNG"))
    path.chmod(0)
    return str(path)


def a_folder(folder: Path) -> str:
    path = folder / "album.png"
    path.mkdir()
    return str(path)


def missing(folder: Path) -> str:
    return str(folder / "never-written.png")


def name_too_long(folder: Path) -> str:
    """A name no Linux file system holds (300 bytes, where 255 is the limit): only ever typed."""
    return str(folder / ("n" * 300 + ".png"))


# -- damaged bytes --------------------------------------------------------------------------------


def truncated_png() -> bytes:
    data = encoded(photo((300, 200)), "PNG")
    return data[: len(data) // 2]


def truncated_jpeg() -> bytes:
    data = encoded(photo((640, 480)), "JPEG", quality=90)
    return data[: len(data) // 2]


def truncated_gif() -> bytes:
    data = encoded(photo((320, 240)).convert("P"), "GIF")
    return data[: len(data) // 3]


def png_bad_header_crc() -> bytes:
    data = clean_png()
    _, end = png_spans(data)[b"IHDR"]
    return flip_byte(data, end - 1)


def png_bad_data_crc() -> bytes:
    """Only the IDAT checksum is wrong; the pixels decode. A strict decoder refuses the file."""
    data = clean_png()
    _, end = png_spans(data)[b"IDAT"]
    return flip_byte(data, end - 1)


def png_damaged_data(at: float) -> Callable[[], bytes]:
    """Compressed pixel data damaged ``at`` a share of its length, its CRC recomputed."""

    def data() -> bytes:
        whole = encoded(photo((256, 160)), "PNG")
        start, end = png_spans(whole)[b"IDAT"]
        body = bytearray(whole[start + 8 : end - 4])
        first = int(len(body) * at)
        for i in range(first, first + 64):
            body[i] ^= 0x5A
        return whole[:start] + png_chunk(b"IDAT", bytes(body)) + whole[end:]

    return data


def png_zero_width() -> bytes:
    ihdr = struct.pack(">IIBBBBB", 0, 64, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IEND", b"")


def jpeg_bomb() -> bytes:
    """A JPEG header claiming 65,000 × 65,000 pixels (4.2 gigapixels)."""
    data = encoded(Image.new("RGB", (16, 16)), "JPEG")
    sof = data.index(b"\xff\xc0")
    return data[: sof + 5] + struct.pack(">HH", 65000, 65000) + data[sof + 9 :]


# -- private data around clean pixels -------------------------------------------------------------


def png_with_private_chunk() -> bytes:
    data = clean_png()
    iend, _ = png_spans(data)[b"IEND"]
    return data[:iend] + png_chunk(b"prVt", SECRET) + data[iend:]


def png_with_trailer() -> bytes:
    return clean_png() + b"PK\x03\x04" + SECRET * 4


def jpeg_with_app_segment() -> bytes:
    """An APP11 segment no viewer shows, as cameras and editors write private data."""
    data = clean_jpeg()
    body = b"private\0" + SECRET
    return data[:2] + b"\xff\xeb" + struct.pack(">H", 2 + len(body)) + body + data[2:]


def jpeg_with_trailer() -> bytes:
    """Bytes after the end-of-image marker, as motion photos append their video."""
    return clean_jpeg() + b"\0\0\0\x18ftypmp42" + SECRET * 4


def with_gps(fmt: str, **params: Any) -> Callable[[], bytes]:
    def data() -> bytes:
        picture = photo((512, 384)) if fmt == "JPEG" else screenshot((512, 320))
        return encoded(picture, fmt, exif=exif_bytes(1, gps=True), **params)

    return data


# -- colour modes ---------------------------------------------------------------------------------


def gray16_png() -> bytes:
    ramp = Image.new("I;16", (256, 64))
    ramp.frombytes(b"".join(struct.pack("<H", x * 257) for x in range(256)) * 64)
    return encoded(ramp, "PNG")


def palette_transparent(fmt: str) -> Callable[[], bytes]:
    def data() -> bytes:
        pal = quadrants().quantize(4)
        return encoded(pal, fmt, transparency=0)

    return data


def rgba_png() -> bytes:
    im = quadrants().convert("RGBA")
    im.putalpha(Image.linear_gradient("L").resize(QUADRANT_SIZE))
    return encoded(im, "PNG")


def la_png() -> bytes:
    return encoded(Image.new("LA", (128, 96), (90, 200)), "PNG")


def float_tiff() -> bytes:
    return encoded(Image.linear_gradient("L").convert("F").point(lambda v: v / 255), "TIFF")


def heic() -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    return encoded(quadrants(), "HEIF", quality=95)


def large_photo() -> bytes:
    return encoded(photo((6000, 4000)), "JPEG", quality=85)


def thin(width: int, height: int) -> Callable[[], bytes]:
    return lambda: encoded(Image.new("RGB", (width, height), "navy"), "PNG")


def q(fmt: str, **params: Any) -> Callable[[], bytes]:
    """The quadrant picture in ``fmt``."""
    return lambda: encoded(quadrants(), fmt, **params)


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"/>'
HTML = b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>nope</body></html>"
MP4 = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41" + b"\0" * 64
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 64\nshowpage\n"


def refused(kind_id: str, make: Make, says: str, **options: Any) -> Kind:
    return Kind(kind_id, make, "refused", says=says, **options)


def sent(kind_id: str, name: str, data: Callable[[], bytes], **options: Any) -> Kind:
    return Kind(kind_id, file(name, data), "sent", **options)


def turned(fmt: str, orientation: int, **params: Any) -> Callable[[], bytes]:
    return lambda: oriented(fmt, orientation, **params)


def first_frame_of(fmt: str, **params: Any) -> Callable[[], bytes]:
    return lambda: frames(fmt, **params)


def q_as(mode: str, fmt: str, **params: Any) -> Callable[[], bytes]:
    """The quadrant picture converted to ``mode``, in ``fmt``."""
    return lambda: encoded(quadrants().convert(mode), fmt, **params)


RED = QUADRANT_COLOURS[0]
JPEG_EXACT = {"quality": 95, "subsampling": 0}

KINDS: list[Kind] = [
    # Not an image file at all, or no file.
    refused("zero-bytes", file("empty.png", lambda: b""), "is empty (0 bytes)"),
    refused("html-named-png", file("page.png", lambda: HTML), "contains text, not image data"),
    refused("svg", file("drawing.svg", lambda: SVG), "is an SVG drawing"),
    refused("svg-named-png", file("drawing.png", lambda: SVG), "is an SVG drawing"),
    refused("pdf-named-jpg", file("scan.jpg", lambda: b"%PDF-1.7\n%\xe2\xe3"), "is a PDF document"),
    refused("mp4-named-jpg", file("clip.jpg", lambda: MP4), "is a video"),
    refused("eps-named-png", file("logo.png", lambda: EPS), "is a PostScript/EPS file"),
    refused("fifo", fifo, "is not a regular file"),
    refused("broken-symlink", broken_link, "is a symbolic link to"),
    refused("symlink-to-dev-zero", link_to_dev_zero, "is not a regular file"),
    refused("unreadable-chmod-000", unreadable, "permission denied", unprivileged=True),
    refused("folder", a_folder, "is a folder"),
    refused("missing-file", missing, "no such file"),
    refused("name-too-long", name_too_long, "the path is too long"),
    # Damaged image data.
    refused("truncated-png", file("cut.png", truncated_png), "truncated or damaged"),
    refused("truncated-jpeg", file("cut.jpg", truncated_jpeg), "truncated or damaged"),
    refused("truncated-gif", file("cut.gif", truncated_gif), "truncated or damaged"),
    refused("png-bad-crc-header", file("crc.png", png_bad_header_crc), "is a damaged image"),
    refused("png-damaged-zlib-start", file("zlib.png", png_damaged_data(0)), "damaged"),
    refused("png-damaged-zlib-middle", file("bits.png", png_damaged_data(1 / 3)), "damaged"),
    refused("png-zero-width", file("flat.png", png_zero_width), "damaged"),
    refused("bomb-png", file("bomb.png", lambda: png_claiming(100_000, 100_000)), "10,000 mega"),
    refused("bomb-jpeg", file("bomb.jpg", jpeg_bomb), "megapixel safety limit"),
    refused("aspect-201-to-1", file("strip.png", thin(2010, 10)), "aspect ratio of 201:1"),
    # Damage a lenient decoder reads: what is sent must still be a valid file.
    sent("png-bad-crc-data", "crc-data.png", png_bad_data_crc),
    # Private data beside clean pixels: never sent, even when the pixels could go as they are.
    sent("png-clean-control", "clean.png", clean_png, exact=True),
    sent("jpeg-clean-control", "clean.jpg", clean_jpeg, unchanged=True),
    sent(
        "jpeg-progressive-clean-control",
        "p.jpg",
        lambda: clean_jpeg(progressive=True),
        unchanged=True,
    ),
    sent(
        "jpeg-restart-markers-clean-control",
        "rst.jpg",
        lambda: clean_jpeg(restart_marker_blocks=4),
        unchanged=True,
    ),
    sent("webp-clean-control", "clean.webp", clean_webp, unchanged=True),
    sent("png-private-chunk", "chunk.png", png_with_private_chunk),
    sent("png-data-after-iend", "trailer.png", png_with_trailer),
    sent("jpeg-private-app-segment", "app11.jpg", jpeg_with_app_segment),
    sent("jpeg-data-after-eoi", "motion.jpg", jpeg_with_trailer),
    sent("gps-jpeg", "gps.jpg", with_gps("JPEG", quality=60)),
    sent("gps-png", "gps.png", with_gps("PNG", optimize=True)),
    sent("gps-webp", "gps.webp", with_gps("WEBP", lossless=True)),
    # EXIF orientation: every value, and in each format that carries it.
    *[
        sent(
            f"exif-orientation-{n}",
            f"turned{n}.jpg",
            turned("JPEG", n, **JPEG_EXACT),
            quadrants=True,
        )
        for n in range(1, 9)
    ],
    sent("exif-orientation-6-png", "turned.png", turned("PNG", 6), quadrants=True),
    sent("exif-late-orientation-5-png", "late.png", lambda: png_exif_after_data(5), quadrants=True),
    sent(
        "exif-orientation-8-webp", "turned.webp", turned("WEBP", 8, lossless=True), quadrants=True
    ),
    sent("exif-orientation-6-tiff", "turned6.tif", turned("TIFF", 6), quadrants=True),
    sent("exif-orientation-3-tiff", "turned3.tif", turned("TIFF", 3), quadrants=True),
    # Colour modes and depths.
    sent("gray-16-bit-png", "ramp16.png", gray16_png),
    sent("bilevel-1-bit-png", "bw.png", q_as("1", "PNG")),
    sent("bilevel-1-bit-tiff-g4", "fax.tif", q_as("1", "TIFF", compression="group4")),
    sent("palette-transparent-png", "pal.png", palette_transparent("PNG")),
    sent("palette-transparent-gif", "pal.gif", palette_transparent("GIF")),
    sent("rgba-png", "alpha.png", rgba_png, quadrants=True),
    sent("gray-alpha-png", "la.png", la_png),
    sent("cmyk-jpeg", "print.jpg", q_as("CMYK", "JPEG", quality=95), quadrants=True),
    sent("cmyk-tiff", "print.tif", q_as("CMYK", "TIFF"), quadrants=True),
    sent("float-tiff", "depth.tif", float_tiff),
    sent("progressive-jpeg", "prog.jpg", q("JPEG", progressive=True, **JPEG_EXACT), quadrants=True),
    # Frames and pages: the first one only.
    sent("animated-gif", "anim.gif", first_frame_of("GIF", duration=100, loop=0), first_colour=RED),
    sent("animated-png", "anim.png", first_frame_of("PNG", duration=100), first_colour=RED),
    sent("animated-webp", "anim.webp", first_frame_of("WEBP", lossless=True), first_colour=RED),
    sent("multi-page-tiff", "pages.tif", first_frame_of("TIFF"), first_colour=RED),
    # Other formats.
    sent("bmp", "image.bmp", q("BMP"), quadrants=True),
    sent("tga", "image.tga", q("TGA"), quadrants=True),
    sent("tga-rle", "rle.tga", q("TGA", compression="tga_rle"), quadrants=True),
    sent("tiff-lzw", "image.tiff", q("TIFF", compression="tiff_lzw"), quadrants=True),
    sent("webp-lossless", "image.webp", q("WEBP", lossless=True), quadrants=True),
    sent("ico", "favicon.ico", lambda: encoded(photo((64, 64)), "ICO", sizes=[(64, 64), (32, 32)])),
    sent("jpeg-2000", "image.jp2", q("JPEG2000"), quadrants=True),
    sent("avif", "image.avif", q("AVIF", quality=95), quadrants=True),
    sent("heic", "image.heic", heic, quadrants=True, requires="pillow_heif"),
    # Sizes.
    sent("one-by-one", "dot.png", lambda: encoded(Image.new("RGB", (1, 1), "red"), "PNG")),
    sent("below-minimum-side", "sliver.png", thin(5, 400)),
    sent("aspect-200-to-1", "strip200.png", thin(2000, 10)),
    sent("large-photo-24mp", "camera.jpg", large_photo),
    # Names.
    sent("long-name-255-bytes", "l" * 251 + ".png", q("PNG"), quadrants=True),
    sent("unicode-name", "Фото 写真 é\u0301 🖼.png", q("PNG"), quadrants=True),
    Kind("non-utf8-name", raw_name(b"caf\xe9 \xff.png", q("PNG")), "sent", quadrants=True),
]
