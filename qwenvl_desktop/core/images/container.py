"""Whether an original file holds its pixels and nothing else, so that it may be sent unchanged.

Pillow's ``info`` lists the metadata Pillow understands (EXIF, XMP, comments, text chunks), and an
original carrying any of it is re-encoded. What Pillow skips is listed nowhere: a PNG chunk of a
private type, a JPEG APPn segment of a kind it does not know, bytes after the end marker (a motion
photo's video, an appended archive) — and a PNG chunk whose checksum is wrong, which Pillow does
not check for image data but a strict decoder refuses. :func:`holds_only_pixels` walks the file's
own structure and says yes only when every part carries pixels or how to show them; anything it
does not recognise means "re-encode", which is always safe.
"""

from __future__ import annotations

import re
import struct
import zlib

__all__ = ["holds_only_pixels"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: image header, palette, data, end; transparency, gamma, chromaticities, sRGB intent,
#: significant bits, pixel size, background colour
_PNG_PIXEL_CHUNKS = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"pHYs"}
    | {b"bKGD"}
)
#: frame headers (baseline, extended, progressive, lossless, arithmetic), Huffman and
#: quantisation tables, arithmetic conditioning, restart interval, start of scan
_JPEG_PIXEL_MARKERS = frozenset(
    {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
    | {0xC4, 0xDB, 0xCC, 0xDD, 0xDA}
)
_JPEG_APP0, _JPEG_APP14, _JPEG_SOS, _JPEG_EOI = 0xE0, 0xEE, 0xDA, 0xD9
#: in entropy-coded data, 0xFF starts a marker unless it is stuffed (0x00), a restart marker
#: (0xD0–0xD7) or a fill byte (another 0xFF)
_JPEG_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_WEBP_PIXEL_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH"})


def holds_only_pixels(data: bytes, fmt: str) -> bool:
    """True when ``data``, a ``fmt`` file (PNG, JPEG or WEBP), is pixels and nothing else."""
    try:
        if fmt == "PNG":
            return _png(data)
        if fmt == "JPEG":
            return _jpeg(data)
        return fmt == "WEBP" and _webp(data)
    except (IndexError, struct.error, ValueError):  # cut short or malformed: not for us to send
        return False


def _png(data: bytes) -> bool:
    if not data.startswith(_PNG_SIGNATURE):
        return False
    pos = len(_PNG_SIGNATURE)
    while True:
        length, kind = struct.unpack_from(">I4s", data, pos)
        end: int = pos + 12 + length
        if end > len(data) or kind not in _PNG_PIXEL_CHUNKS:
            return False
        (crc,) = struct.unpack_from(">I", data, end - 4)
        if zlib.crc32(data[pos + 4 : end - 4]) != crc:
            return False
        if kind == b"IEND":
            return end == len(data)
        pos = end


def _jpeg(data: bytes) -> bool:
    if not data.startswith(b"\xff\xd8"):
        return False
    pos = 2
    while True:
        if data[pos] != 0xFF:
            return False
        while data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        marker = data[pos]
        pos += 1
        if marker == _JPEG_EOI:
            return pos == len(data)
        length = int.from_bytes(data[pos : pos + 2], "big")
        segment = data[pos + 2 : pos + length]
        if length < 2 or pos + length > len(data) or not _pixel_segment(marker, segment):
            return False
        pos += length
        if marker == _JPEG_SOS:
            found = _JPEG_NEXT_MARKER.search(data, pos)
            if found is None:
                return False
            pos = found.start()


def _pixel_segment(marker: int, segment: bytes) -> bool:
    if marker == _JPEG_APP0:  # JFIF without a thumbnail: density only
        return segment.startswith(b"JFIF\0") and segment[12:14] == b"\0\0"
    if marker == _JPEG_APP14:  # Adobe's colour transform flag
        return segment.startswith(b"Adobe")
    return marker in _JPEG_PIXEL_MARKERS


def _webp(data: bytes) -> bool:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return False
    riff_size: int = struct.unpack_from("<I", data, 4)[0]
    if riff_size + 8 != len(data):
        return False
    pos = 12
    while pos < len(data):
        kind = data[pos : pos + 4]
        size: int = struct.unpack_from("<I", data, pos + 4)[0]
        if kind not in _WEBP_PIXEL_CHUNKS:
            return False
        pos += 8 + size + (size & 1)
    return pos == len(data)
