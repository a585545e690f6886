"""The file names of images the pipeline decodes: one set, Pillow-free, so that listing a folder
(``batch``) does not load Pillow and says the same as the decoder's messages."""

from __future__ import annotations

__all__ = ["IMAGE_EXTENSIONS"]

IMAGE_EXTENSIONS = frozenset(
    {
        ".jpg",
        ".jpeg",
        ".jpe",
        ".jfif",
        ".png",
        ".webp",
        ".bmp",
        ".tif",
        ".tiff",
        ".gif",
        ".heic",
        ".heif",
        ".avif",
    }
)
