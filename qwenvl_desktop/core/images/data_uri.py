"""The one reader and writer of ``data:`` URIs (RFC 2397) in the app.

Three readers, because three callers want different things from the same text:

- :func:`split_data_uri` (strict): the history store keeps an image's bytes as a BLOB (a third
  smaller than base64 text, and deduplicated by hash) and rebuilds the URI on load. Only URIs
  that rebuild to exactly the same string are split, so a round trip through the store is
  byte-for-byte even for URIs this module does not expect.
- :func:`parse_data_uri` (lenient): an image source typed, dropped or pasted is read the way a
  browser would read it (any case, extra parameters, sloppy base64), and a URI in an unexpected
  form that reached the history is still exported with its bytes.
- :func:`is_data_uri`: a quick look, for deciding which of the two paths a source takes.

:func:`build_data_uri` is the one writer: the image pipeline's attachments and the store's
rebuilt URIs have the same form, so a prepared image is stored and sent identically.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

__all__ = [
    "DataUri",
    "ImageBytes",
    "build_data_uri",
    "data_uri_length",
    "is_data_uri",
    "parse_data_uri",
    "split_data_uri",
]

_PREFIX = "data:"
_BASE64_MARK = ";base64"
#: ``data:<mime>[;param]*,`` in any case; the payload is what follows the first comma.
_HEADER = re.compile(r"^data:([^,;]*)((?:;[^,;]*)*),", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class ImageBytes:
    mime: str
    data: bytes

    @property
    def sha256(self) -> str:
        import hashlib  # here: it loads OpenSSL (~10 ms), which a window's start need not wait for

        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class DataUri:
    """A ``data:`` URI taken apart, not yet decoded."""

    #: as written, possibly empty (RFC 2397 then means text/plain)
    mime: str
    #: the parameters as written, each with its leading ``;`` (``;charset=utf-8;base64``)
    parameters: str
    payload: str

    @property
    def is_base64(self) -> bool:
        return _BASE64_MARK in self.parameters.lower()

    def decode(self) -> bytes:
        """The base64 payload's bytes, tolerating stray characters as browsers do.

        Raises :class:`binascii.Error` (a :class:`ValueError`) when even that fails.
        """
        return base64.b64decode(self.payload, validate=False)


def is_data_uri(text: str) -> bool:
    """Whether ``text`` is a ``data:`` URI (as the app writes them: lower-case scheme)."""
    return text.startswith(_PREFIX)


def parse_data_uri(text: str) -> DataUri | None:
    """``text`` taken apart when it is shaped like a data URI (any case); else ``None``."""
    match = _HEADER.match(text)
    if match is None:
        return None
    return DataUri(match.group(1), match.group(2), text[match.end() :])


def split_data_uri(url: str) -> ImageBytes | None:
    """The bytes of ``data:<mime>;base64,<payload>``; ``None`` for anything else.

    ``None`` also for a data URI whose form is not the canonical one (extra parameters,
    percent-encoding, line breaks or padding quirks in the base64): the caller then keeps the URI
    as text.
    """
    if not url.startswith(_PREFIX):
        return None
    header, sep, payload = url.partition(",")
    if not sep or not header.endswith(_BASE64_MARK):
        return None
    mime = header[len(_PREFIX) : -len(_BASE64_MARK)]
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
    """``data:<mime>;base64,<payload>``: the form the service accepts and the store rebuilds."""
    return f"{_PREFIX}{mime}{_BASE64_MARK},{base64.b64encode(data).decode('ascii')}"


def data_uri_length(size: int, mime: str) -> int:
    """Length of :func:`build_data_uri` of ``size`` bytes, without building it."""
    return len(_PREFIX) + len(mime) + len(_BASE64_MARK) + 1 + 4 * ((size + 2) // 3)
