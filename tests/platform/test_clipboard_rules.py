"""The Qt-free rules of the clipboard reader: the pixel hash and the memory of seen images
(:mod:`~qwenvl_desktop.platform.clipboard.dedup`), and which addresses are image links."""

from __future__ import annotations

import pytest

from qwenvl_desktop.platform.clipboard.dedup import RecentDigests, rgba_digest
from qwenvl_desktop.platform.clipboard.reading import looks_like_image_url


def test_digest_ignores_row_padding_but_not_size() -> None:
    pixels = bytes(range(24))  # 3×2 RGBA
    padded = pixels[:12] + b"\xff\xff\xff\xff" + pixels[12:] + b"\x00\x00\x00\x00"
    assert rgba_digest(3, 2, pixels, 12) == rgba_digest(3, 2, padded, 16)
    assert rgba_digest(3, 2, pixels, 12) != rgba_digest(2, 3, pixels, 8)
    assert rgba_digest(3, 2, pixels, 12) != rgba_digest(3, 2, bytes(24), 12)
    with pytest.raises(ValueError):
        rgba_digest(3, 2, pixels[:20], 12)


def test_recent_digests_forget_the_oldest() -> None:
    seen = RecentDigests(limit=2)
    assert seen.add("a") and seen.add("b")
    assert not seen.add("a")  # seen, and now the most recent
    assert seen.add("c")  # "b" was the oldest
    assert "a" in seen and "c" in seen and "b" not in seen


def test_image_url_recognition() -> None:
    assert looks_like_image_url("http://example.com/a/b%20c.webp")
    assert looks_like_image_url("https://cdn.example.com/x?fm=png")
    assert not looks_like_image_url("https:///nohost.png")
    assert not looks_like_image_url("file:///tmp/a.png")
    assert not looks_like_image_url("https://example.com/a.png.html")
    assert looks_like_image_url("data:image/png;base64,iVBORw0KGgo=")
    assert looks_like_image_url("  DATA:Image/PNG;base64,iVBORw0KGgo=\n")
    assert not looks_like_image_url("data:text/plain,hello")
