"""A question's images in the transcript: thumbnails (kept sharp on HiDPI screens) and captions.

A question just sent shows the thumbnails the image pane made; a conversation opened from the
history has only the bytes that were sent, so its thumbnails are made here from those. Each
thumbnail is a ``qwenvl:image`` link (a click opens the image viewer) and a named resource of the
document, so that an answer's boxes can be drawn on it later (:class:`InsertedThumbnail`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextDocument, QTextImageFormat

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.core.images.data_uri import is_data_uri, split_data_uri
from qwenvl_desktop.gui.transcript.links import link_href

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment

__all__ = [
    "STORED_THUMB_SIDE",
    "THUMB_HEIGHT",
    "InsertedThumbnail",
    "image_captions",
    "insert_thumbnails",
]

#: Height of a question's image thumbnails, in device-independent pixels.
THUMB_HEIGHT = 72
#: Largest side of a thumbnail made here from a stored image (a conversation opened from the
#: history), in device-independent pixels, like the image pane's.
STORED_THUMB_SIDE = 96

#: numbers the thumbnails' resource names, unique in the process
_serials = itertools.count(1)


@dataclass(frozen=True, slots=True)
class InsertedThumbnail:
    """A thumbnail in the document: its resource name, which image of the question it shows,
    and its pixels as inserted (device pixels, the whole image scaled)."""

    name: str
    index: int
    image: QImage


def insert_thumbnails(
    cursor: QTextCursor, exchange: Exchange, thumbs: list[QImage], device_pixel_ratio: float
) -> list[InsertedThumbnail]:
    """The images of ``exchange`` as inline pictures at ``cursor``, two spaces apart."""
    document = cursor.document()
    inserted = []
    dpr = max(device_pixel_ratio, 1.0)
    for index, attachment in enumerate(exchange.attachments):
        if index < len(thumbs):
            thumb = thumbs[index]
        else:  # a stored conversation: made from the bytes that were sent
            thumb = _thumbnail_of(attachment, round(STORED_THUMB_SIDE * dpr))
        if thumb.isNull():
            continue
        name = f"qwenvl-thumb:{exchange.id}/{next(_serials)}"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), thumb)
        image = QTextImageFormat()
        image.setName(name)
        image.setAnchor(True)
        image.setAnchorHref(f"{link_href('image', exchange.id)}/{index}")
        image.setToolTip("Open in the image viewer")
        # Logical size; the bitmap has dpr times the pixels, so it stays sharp on HiDPI.
        height = min(THUMB_HEIGHT, thumb.height() / dpr)
        image.setHeight(height)
        image.setWidth(thumb.width() * height / max(thumb.height(), 1))
        cursor.insertImage(image)
        cursor.insertText("  ", QTextCharFormat())
        inserted.append(InsertedThumbnail(name, index, thumb))
    return inserted


def image_captions(exchange: Exchange) -> str:
    """``Images: photo.jpg (640×480, ≈1,234 tokens); …``."""
    captions = []
    for attachment in exchange.attachments:
        size = (
            f"{attachment.original_size[0]}×{attachment.original_size[1]}"
            if attachment.original_size
            else "link"
        )
        captions.append(
            f"{_short(attachment.source)} ({size}, ≈{attachment.estimated_tokens:,} tokens)"
        )
    return "Images: " + "; ".join(captions)


def _thumbnail_of(attachment: Attachment, side: int) -> QImage:
    """A thumbnail from the image bytes that were sent (a ``data:`` URI); null for a link."""
    sent = split_data_uri(attachment.url)
    if sent is None:
        return QImage()
    image = QImage.fromData(sent.data)
    if image.isNull():
        return image
    keep, smooth = Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    return image.scaled(side, side, keep, smooth)


def _short(name: str, limit: int = 40) -> str:
    name = name.rsplit("/", 1)[-1] if "/" in name and not is_data_uri(name) else name
    return name if len(name) <= limit else name[: limit - 1] + "…"
