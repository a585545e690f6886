"""Splitting a prepared image's ``data:`` URI into its bytes and MIME type, and back.

The store keeps the bytes as a BLOB (a third smaller than base64 text, and deduplicated by hash)
and rebuilds the URI on load. Only URIs that rebuild to exactly the same string are split, so a
round trip through the store is byte-for-byte even for URIs this module does not expect.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

__all__ = ["ImageBytes", "build_data_uri", "split_data_uri"]


@dataclass(frozen=True, slots=True)
class ImageBytes:
    mime: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def split_data_uri(url: str) -> ImageBytes | None:
    """The bytes of ``data:<mime>;base64,<payload>``; ``None`` for anything else.

    ``None`` also for a data URI whose form is not the canonical one (extra parameters,
    percent-encoding, line breaks or padding quirks in the base64): the caller then keeps the URI
    as text.
    """
    if not url.startswith("data:"):
        return None
    header, sep, payload = url.partition(",")
    if not sep or not header.endswith(";base64"):
        return None
    mime = header[len("data:") : -len(";base64")]
    if not mime or ";" in mime or "," in mime:
        return None
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None
    if base64.b64encode(data).decode("ascii") != payload:
        return None
    return ImageBytes(mime, data)


def build_data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
