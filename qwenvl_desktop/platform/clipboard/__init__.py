"""Images from the clipboard: reading what a paste holds, and watch mode.

``reading`` sorts a :class:`~PySide6.QtCore.QMimeData` into images (encoded bytes as they came,
or PNG of pixel-only content), image files and image links — the one reader of pastes and drops
(:func:`drop_sources` applies it to a drop on the image pane); ``paste`` turns Ctrl+V anywhere in
a window into those; ``watcher`` emits each new clipboard image once while watch mode is on;
``dedup`` is the Qt-free pixel hash and memory they rely on. Qt's clipboard works on every
platform the app runs on (see ``watcher`` for what differs), so there is one handler, not a
list of them.

In a window (the app's is wired in :mod:`qwenvl_desktop.gui.capture_actions`)::

    paste = PasteCatcher(window)                      # Ctrl+V anywhere in ``window``
    paste.pasted.connect(lambda payload: draft.add_sources(payload.attachable()))
    paste.linksOffered.connect(link_offer_bar.offer)  # "Attach this link as an image?"
    watcher = ClipboardWatcher(parent=window)         # watch mode, off until toggled
    watch_action.toggled.connect(watcher.set_enabled)
    watcher.imageCaptured.connect(lambda png: draft.add_sources([(png, "copied image")]))
"""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

# Lazy: importing the Qt-free ``dedup`` must not load Qt through this package.
if TYPE_CHECKING:
    from qwenvl_desktop.platform.clipboard.dedup import RecentDigests, rgba_digest
    from qwenvl_desktop.platform.clipboard.paste import PasteCatcher
    from qwenvl_desktop.platform.clipboard.reading import (
        IMAGE_SUFFIXES,
        ClipboardImage,
        ClipboardPayload,
        clipboard_image,
        clipboard_payload,
        drop_sources,
        image_digest,
        image_to_png,
        looks_like_image_url,
    )
    from qwenvl_desktop.platform.clipboard.watcher import ClipboardWatcher

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "RecentDigests": "dedup",
        "rgba_digest": "dedup",
        "PasteCatcher": "paste",
        "IMAGE_SUFFIXES": "reading",
        "ClipboardImage": "reading",
        "ClipboardPayload": "reading",
        "clipboard_image": "reading",
        "clipboard_payload": "reading",
        "drop_sources": "reading",
        "image_digest": "reading",
        "image_to_png": "reading",
        "looks_like_image_url": "reading",
        "ClipboardWatcher": "watcher",
    },
)

__all__ = [
    "IMAGE_SUFFIXES",
    "ClipboardImage",
    "ClipboardPayload",
    "ClipboardWatcher",
    "PasteCatcher",
    "RecentDigests",
    "clipboard_image",
    "clipboard_payload",
    "drop_sources",
    "image_digest",
    "image_to_png",
    "looks_like_image_url",
    "rgba_digest",
]
