"""Images from the clipboard: reading what a paste holds, and watch mode.

``reading`` sorts a :class:`~PySide6.QtCore.QMimeData` into images (PNG bytes), image files and
image links; ``paste`` turns Ctrl+V anywhere in a window into those; ``watcher`` emits each new
clipboard image once while watch mode is on; ``dedup`` is the Qt-free pixel hash and memory they
rely on. Qt's clipboard works on every platform the app
runs on (see ``watcher`` for what differs), so there is one handler, not a list of them.
"""

from .dedup import RecentDigests, rgba_digest
from .paste import PasteCatcher
from .reading import (
    IMAGE_SUFFIXES,
    ClipboardImage,
    ClipboardPayload,
    clipboard_image,
    clipboard_payload,
    clipboard_qimage,
    image_digest,
    image_to_png,
    looks_like_image_url,
)
from .watcher import ClipboardWatcher

__all__ = [
    "IMAGE_SUFFIXES",
    "ClipboardImage",
    "ClipboardPayload",
    "ClipboardWatcher",
    "PasteCatcher",
    "RecentDigests",
    "clipboard_image",
    "clipboard_payload",
    "clipboard_qimage",
    "image_digest",
    "image_to_png",
    "looks_like_image_url",
    "rgba_digest",
]
