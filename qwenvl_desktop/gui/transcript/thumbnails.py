"""A question's images in the transcript: thumbnails (kept sharp on HiDPI screens) and captions.

A question just sent shows the thumbnails the image pane made; a conversation opened from the
history has only the bytes that were sent, so its thumbnails are made here from those. Each
thumbnail is a ``qwenvl:image`` link (a click opens the image viewer) and a named resource of the
document, so that an answer's boxes can be drawn on it later (:class:`InsertedThumbnail`).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextDocument, QTextImageFormat

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.core.images.data_uri import is_data_uri, split_data_uri
from qwenvl_desktop.gui import locale_format
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


class InsertedThumbnail:
    """A thumbnail in the document: its resource name, which image of the question it shows,
    and its pixels as inserted (device pixels, the whole image scaled).

    A stored conversation's thumbnail is decoded when first needed (``make``): the transcript
    asks for it when it paints it (:meth:`.view.TranscriptView.loadResource`), so opening a long
    conversation does not decode every image in it.
    """

    __slots__ = ("_image", "_make", "index", "name")

    def __init__(
        self,
        name: str,
        index: int,
        image: QImage | None = None,
        *,
        make: Callable[[], QImage] | None = None,
    ) -> None:
        self.name = name
        self.index = index
        self._image = image
        self._make = make

    @property
    def image(self) -> QImage:
        if self._image is None:
            self._image = self._make() if self._make is not None else QImage()
            self._make = None
        return self._image

    @property
    def decoded(self) -> bool:
        """Whether the pixels exist yet (a stored image waits until it is first painted)."""
        return self._image is not None


def insert_thumbnails(
    cursor: QTextCursor, exchange: Exchange, thumbs: list[QImage], device_pixel_ratio: float
) -> list[InsertedThumbnail]:
    """The images of ``exchange`` as inline pictures at ``cursor``, two spaces apart."""
    document = cursor.document()
    inserted = []
    dpr = max(device_pixel_ratio, 1.0)
    for index, attachment in enumerate(exchange.attachments):
        side = round(STORED_THUMB_SIDE * dpr)
        make: Callable[[], QImage] | None = None
        thumb: QImage | None
        if index < len(thumbs):
            thumb = thumbs[index]
            size = thumb.size()
        elif attachment.sent_size is not None and is_data_uri(attachment.url):
            # A stored conversation: the size is known from the record, the pixels are decoded
            # when the thumbnail is first painted.
            thumb = None
            size = QSize(*attachment.sent_size).scaled(
                side, side, Qt.AspectRatioMode.KeepAspectRatio
            )
            make = functools.partial(_thumbnail_of, attachment, side)
        else:  # a stored conversation without the size on record: decoded now
            thumb = _thumbnail_of(attachment, side)
            size = thumb.size()
        if size.isEmpty() or (thumb is not None and thumb.isNull()):
            continue
        name = f"qwenvl-thumb:{exchange.id}/{next(_serials)}"
        if thumb is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), thumb)
        image = QTextImageFormat()
        image.setName(name)
        image.setAnchor(True)
        image.setAnchorHref(f"{link_href('image', exchange.id)}/{index}")
        image.setToolTip(QCoreApplication.translate("TranscriptImages", "Open in the image viewer"))
        # Logical size; the bitmap has dpr times the pixels, so it stays sharp on HiDPI. Both
        # set: the layout then never needs the pixels.
        height = min(THUMB_HEIGHT, size.height() / dpr)
        image.setHeight(height)
        image.setWidth(size.width() * height / max(size.height(), 1))
        cursor.insertImage(image)
        cursor.insertText("  ", QTextCharFormat())
        inserted.append(InsertedThumbnail(name, index, thumb, make=make))
    return inserted


def image_captions(exchange: Exchange) -> str:
    """``Images: photo.jpg (640×480, ≈1,234 tokens); …``."""
    translate = QCoreApplication.translate
    caption = translate("TranscriptImages", "%1 (%2, ≈%3 tokens)")
    captions = []
    for attachment in exchange.attachments:
        size = (
            f"{attachment.original_size[0]}×{attachment.original_size[1]}"
            if attachment.original_size
            else translate("TranscriptImages", "link")
        )
        tokens = locale_format.number(attachment.estimated_tokens)
        # the name last: a file name may hold "%2"
        captions.append(
            caption.replace("%3", tokens)
            .replace("%2", size)
            .replace("%1", _short(attachment.source))
        )
    separator = translate("TranscriptImages", "; ")
    return translate("TranscriptImages", "Images: %1").replace("%1", separator.join(captions))


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
