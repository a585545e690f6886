"""Content hashes of pixels, and the memory of which images watch mode has already taken. No Qt.

The same screenshot reaches the clipboard in different encodings: as a 32-bit ARGB image in the
process that copied it, as PNG bytes another process decodes into RGB32, as RGBA from Pillow. A
hash of the encoded bytes would call those different; a hash of the pixels, in one fixed layout,
calls them equal. Callers therefore hand over rows of RGBA, 8 bits a channel, not premultiplied.
"""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["RecentDigests", "rgba_digest"]

_BYTES_PER_PIXEL = 4


def rgba_digest(
    width: int, height: int, data: bytes | bytearray | memoryview, bytes_per_line: int
) -> str:
    """SHA-256 (hex) of an RGBA8888 image's pixels, independent of row padding.

    The size is part of the hash so that a 2×8 and a 4×4 image with the same bytes differ.
    ``bytes_per_line`` may exceed ``width * 4`` (Qt pads rows to 32 bits; other libraries to
    more): the padding is skipped because its content is undefined.
    """
    row = width * _BYTES_PER_PIXEL
    if width < 0 or height < 0 or bytes_per_line < row:
        raise ValueError(f"bad image layout: {width}×{height}, {bytes_per_line} bytes a line")
    view = memoryview(data).cast("B")
    needed = bytes_per_line * (height - 1) + row if height else 0
    if len(view) < needed:
        raise ValueError(f"{len(view)} bytes is too short for {width}×{height} RGBA")
    import hashlib  # here: it loads OpenSSL (~10 ms), which a window's start need not wait for

    digest = hashlib.sha256(f"rgba8888 {width}x{height}\n".encode())
    if bytes_per_line == row:
        digest.update(view[: row * height])
    else:
        for y in range(height):
            start = y * bytes_per_line
            digest.update(view[start : start + row])
    return digest.hexdigest()


class RecentDigests:
    """The last ``limit`` digests seen, oldest forgotten first.

    Bounded so that a day of watch mode does not grow without end; 64 is far more than the
    images a person copies between two questions, so "the same image twice is ignored" holds in
    practice while memory stays constant.
    """

    def __init__(self, limit: int = 64) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._limit = limit
        self._seen: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, digest: object) -> bool:
        return digest in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def add(self, digest: str) -> bool:
        """Remember ``digest``; True when it was new (the caller should act on the image)."""
        if digest in self._seen:
            self._seen.move_to_end(digest)
            return False
        self._seen[digest] = None
        if len(self._seen) > self._limit:
            self._seen.popitem(last=False)
        return True

    def clear(self) -> None:
        self._seen.clear()
