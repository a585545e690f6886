"""What a clipboard (or a drop) holds that can become an attachment: images, files, image links.

:func:`clipboard_payload` reads one :class:`~PySide6.QtCore.QMimeData` and sorts what it finds:

* an image (a screenshot tool, "Copy image" in a browser or viewer, a browser's drag) becomes a
  :class:`ClipboardImage` (:func:`clipboard_image`, the one reader of an image in a mime);
* ``file://`` URLs of image files (a file manager's "Copy") become local paths;
* http(s) links that point at an image, from ``text/uri-list`` or from plain text (the person
  copied an image's address), become links the window *offers* to attach: a link in text may just
  as well be text the person wants to paste into the question.

An image that arrives *encoded* (``image/png``, ``image/jpeg``…, or ``application/octet-stream``
whose bytes are one of those) is handed to the image pipeline as those bytes: the pipeline
decodes it once (applying EXIF orientation, refusing what it cannot read with a sentence) and
encodes it once for the request. Only pixel-only content (a screenshot another program put on
the clipboard as a bitmap, an image set in this process) is encoded here, once, as lossless PNG.

:func:`drop_sources` applies the same rules to what is put *on the image pane* — a drop, the
pane's Paste button — where links are attached rather than offered, since the person pointed them
at the images. Paste (Ctrl+V anywhere, :mod:`.paste`) and drop thus share one reader.

Nothing here touches the network or the file system; the image pipeline validates everything
when it becomes an attachment.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage, QImageReader, QPixmap

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.images.data_uri import parse_data_uri
from qwenvl_desktop.core.video.probe import VIDEO_EXTENSIONS
from qwenvl_desktop.platform.clipboard.dedup import rgba_digest

__all__ = [
    "IMAGE_SUFFIXES",
    "ClipboardImage",
    "ClipboardPayload",
    "clipboard_image",
    "clipboard_payload",
    "drop_sources",
    "image_digest",
    "image_to_png",
    "looks_like_image_url",
]

#: File name endings taken for images. The pipeline decides for real; this only keeps a copied
#: ``report.pdf`` from being offered as an image.
IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".jpe", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".heif"}
    | {".avif", ".jfif", ".ico"}
)
# CDNs that serve images from extension-less paths often name the format in the query
# (``…/media/abc?format=jpg&name=large``).
_FORMAT_PARAMS = ("format", "fm", "ext", "type")
_URL_SCHEMES = ("http", "https")
#: Encoded formats (as Qt names them from the bytes' header) passed to the pipeline as they are.
#: Self-describing formats the pipeline reads exactly as Qt does; a clipboard BMP (often 32-bit
#: with an undefined alpha byte) or TIFF is decoded by Qt and handed over as PNG instead.
_PASS_THROUGH = frozenset({"png", "jpeg", "webp", "gif"})
#: Where a drop or a clipboard may carry encoded image bytes: image/* types, and the untyped
#: bytes some browsers drag an image as.
_UNTYPED = "application/octet-stream"


class ClipboardImage:
    """One image from the clipboard or a drop: its encoded bytes as they came, or its pixels.

    :attr:`data` is what the image pipeline gets. What else can be asked (:attr:`pixels`,
    :attr:`digest`, :attr:`png`) is worked out when first asked and kept: a drop or a paste asks
    for nothing else, so encoded bytes reach the pipeline undecoded; watch mode asks for the
    pixel hash, which costs the one decode it needs.

    ``size`` is in device pixels (for encoded bytes, from their header). ``device_pixel_ratio``
    is what the copying process said about them: a capture on a 2× screen is twice the size of
    what was seen, which matters for a preview, not for the model. Encoded bytes arrive at 1.0
    (PNG has no field for it).
    """

    def __init__(
        self,
        size: tuple[int, int],
        device_pixel_ratio: float = 1.0,
        *,
        encoded: tuple[bytes, str] | None = None,
        pixels: QImage | None = None,
    ) -> None:
        if (encoded is None) == (pixels is None):
            raise ValueError("a ClipboardImage holds encoded bytes or pixels, not both or neither")
        self.size = size
        self.device_pixel_ratio = device_pixel_ratio
        self._encoded = encoded
        self._pixels = pixels

    @classmethod
    def of_pixels(cls, image: QImage) -> ClipboardImage:
        """Pixel-only content: encoded as PNG when :attr:`data` is first asked for."""
        return cls((image.width(), image.height()), float(image.devicePixelRatio()), pixels=image)

    @property
    def format(self) -> str:
        """Qt's name of the encoded format (``png``, ``jpeg``…); ``png`` for pixel-only content."""
        return self._encoded[1] if self._encoded is not None else "png"

    @cached_property
    def data(self) -> bytes:
        """The bytes for the image pipeline: as they came, else PNG of the pixels (lossless)."""
        if self._encoded is not None:
            return self._encoded[0]
        return image_to_png(self.pixels)

    @cached_property
    def pixels(self) -> QImage:
        """The pixels (decoded from :attr:`data` if they came encoded); null if they cannot be."""
        if self._pixels is not None:
            return self._pixels
        return QImage.fromData(self.data)

    @cached_property
    def digest(self) -> str | None:
        """:func:`image_digest` of the pixels; None when the bytes do not decode."""
        pixels = self.pixels
        return None if pixels.isNull() else image_digest(pixels)

    @cached_property
    def png(self) -> bytes:
        """The image as PNG: :attr:`data` when it is PNG already, else the pixels encoded."""
        return self.data if self.format == "png" else image_to_png(self.pixels)

    @property
    def logical_size(self) -> tuple[int, int]:
        """The size the image had on screen, in device-independent pixels."""
        w, h = self.size
        ratio = self.device_pixel_ratio or 1.0
        return round(w / ratio), round(h / ratio)

    def __repr__(self) -> str:
        w, h = self.size
        return f"<ClipboardImage {w}×{h} {self.format}{'' if self._encoded else ' pixels'}>"


@dataclass(frozen=True, slots=True)
class ClipboardPayload:
    """Everything attachable that one clipboard read found, in clipboard order.

    ``skipped`` holds a sentence for each thing that looked meant as an attachment but is not an
    image (a copied ``.pdf`` file), so the window can say why nothing happened. ``other_urls`` are
    http(s) links in the URL list whose address does not say "image" (a CDN path without a file
    ending): a paste ignores them, a drop on the image pane passes them on for the service to
    fetch. ``image_name`` is the file name of the link that came with image data (a browser's
    drag or "Copy image"), a better label than "pasted image".
    """

    images: tuple[ClipboardImage, ...] = ()
    image_files: tuple[str, ...] = ()
    image_urls: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    other_urls: tuple[str, ...] = ()
    image_name: str | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing to attach or offer (plain text, nothing at all)."""
        return not (self.images or self.image_files or self.image_urls)

    def attachable(self, image_label: str = "pasted image") -> list[tuple[bytes | str, str]]:
        """``(source, label)`` pairs for :func:`~qwenvl_desktop.core.images.prepare_attachment`.

        Image data wins over files: a browser's "Copy image" also puts the image's address on the
        clipboard, and a file manager that adds a preview image also lists the file, so attaching
        both would send one picture twice. Links are not included: they are only offered. Image
        data is labelled :attr:`image_name`, else ``image_label``.
        """
        if self.images:
            label = self.image_name or image_label
            return [(image.data, label) for image in self.images]
        return [(path, path) for path in self.image_files]


def image_to_png(image: QImage) -> bytes:
    """``image`` as PNG bytes (lossless), written through a :class:`QBuffer`."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # For Qt's PNG writer "quality" only picks the zlib level (80 → 1): the pixels are the same
    # at every level, and level 1 is several times faster on a 4K screenshot than the default.
    # PySide6's stubs type the format as bytes; at run time only str is accepted.
    if not image.save(buffer, "PNG", 80):  # type: ignore[call-overload]
        raise ValueError(f"could not encode a {image.width()}×{image.height()} image as PNG")
    buffer.close()
    return bytes(array.data())


def image_digest(image: QImage) -> str:
    """SHA-256 of the pixels in RGBA8888, whatever format ``image`` is stored in."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return rgba_digest(rgba.width(), rgba.height(), rgba.constBits(), rgba.bytesPerLine())


def clipboard_image(mime: QMimeData | None) -> ClipboardImage | None:
    """The image ``mime`` carries, or None (a clipboard or a drop holds at most one image).

    In order: encoded bytes the pipeline reads (PNG first, as Qt prefers it: a program that
    offers one picture in several encodings makes the others from the same pixels, some lossy),
    then Qt's pixels (``imageData()``), then any other image/* entry Qt can decode (an icon, an
    X pixmap), which Qt decodes and :attr:`ClipboardImage.data` encodes as PNG.
    """
    if mime is None:
        return None
    formats = mime.formats()
    candidates = sorted(
        (f for f in formats if f == _UNTYPED or (f.startswith("image/") and f != "image/svg+xml")),
        key=lambda f: (f != "image/png", f == _UNTYPED),
    )
    for fmt in candidates:
        found = _encoded_image(mime.data(fmt))
        if found is not None:
            return found
    if mime.hasImage():
        data = mime.imageData()
        if isinstance(data, QPixmap):
            data = data.toImage()
        if isinstance(data, QImage) and not data.isNull():
            return ClipboardImage.of_pixels(data)
    # Formats Qt decodes but the pipeline is not handed as they are (BMP, TIFF, ICO, XPM…).
    for fmt in candidates:
        if fmt != _UNTYPED:
            image = QImage.fromData(mime.data(fmt))
            if not image.isNull():
                return ClipboardImage.of_pixels(image)
    return None


def _encoded_image(raw: QByteArray) -> ClipboardImage | None:
    """``raw`` as encoded bytes for the pipeline when its header names a pass-through format.

    Only the header is read (format and size): the pixels are decoded once, by the pipeline.
    """
    buffer = QBuffer(raw)
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    fmt = bytes(reader.format().data()).decode("ascii", "replace")
    size = reader.size()
    # The reader goes before its buffer: a QImageReader that outlives its device crashes.
    del reader
    buffer.close()
    if fmt not in _PASS_THROUGH or size.isEmpty():
        return None
    return ClipboardImage((size.width(), size.height()), encoded=(bytes(raw.data()), fmt))


def looks_like_image_url(url: str) -> bool:
    """An http(s) link whose path ends like an image file, or whose query names an image format;
    or a ``data:image/…`` URI."""
    data_uri = parse_data_uri(url.strip())
    if data_uri is not None:
        return data_uri.mime.lower().startswith("image/")
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in _URL_SCHEMES or not parts.hostname:
        return False
    suffix = posixpath.splitext(urllib.parse.unquote(parts.path))[1].lower()
    if suffix in IMAGE_SUFFIXES:
        return True
    for key, value in urllib.parse.parse_qsl(parts.query):
        if key.lower() in _FORMAT_PARAMS and f".{value.lower()}" in IMAGE_SUFFIXES:
            return True
    return False


def clipboard_payload(mime: QMimeData | None) -> ClipboardPayload:
    """Sort what ``mime`` holds into images, image files and image links (see the module doc)."""
    if mime is None:
        return ClipboardPayload()
    image = clipboard_image(mime)
    files: list[str] = []
    links: list[str] = []
    others: list[str] = []
    skipped: list[str] = []
    name: str | None = None
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                path = url.toLocalFile()
                # Video files go the same way in: the draft tells them from images (issue 14).
                if posixpath.splitext(path)[1].lower() in IMAGE_SUFFIXES | VIDEO_EXTENSIONS:
                    files.append(path)
                else:
                    skipped.append(
                        translate("ClipboardReading", "%1 is not an image file.").replace(
                            "%1", posixpath.basename(path) or path
                        )
                    )
                continue
            address = url.toString()
            if name is None and url.scheme() in _URL_SCHEMES:
                name = url.fileName() or url.host() or None
            if looks_like_image_url(address):
                links.append(address)
            elif url.scheme() in _URL_SCHEMES:
                others.append(address)
            else:
                skipped.append(
                    translate(
                        "ClipboardReading",
                        "%1: only image files and http(s) image links can be used.",
                    ).replace("%1", address[:80])
                )
    if mime.hasText():
        links.extend(_text_links(mime.text()))
    return ClipboardPayload(
        images=() if image is None else (image,),
        image_files=_unique(files),
        image_urls=_unique(links),
        skipped=tuple(skipped),
        other_urls=_unique(u for u in others if u not in links),
        image_name=name if image is not None else None,
    )


#: the label of image data without a link, by where it came from (the same words the draft uses)
_ORIGIN_LABELS = {
    "dropped": translatable("DraftAttachments", "dropped image"),
    "pasted": translatable("DraftAttachments", "pasted image"),
}


def drop_sources(
    mime: QMimeData | None, origin: str = "dropped"
) -> tuple[list[tuple[bytes | str, str | None]], list[str]]:
    """What a drop on the image pane (or its Paste button) attaches, and sentences for the rest.

    The rules are :func:`clipboard_payload`'s, with one difference: links are attached, not
    offered — image links first, else any other http(s) link in the URL list (a browser drag of
    an image without its bytes), passed on for the service to fetch. ``origin`` names image data
    that came without a link ("dropped image", "pasted image").
    """
    payload = clipboard_payload(mime)
    label = _ORIGIN_LABELS.get(origin)
    sources: list[tuple[bytes | str, str | None]] = list(
        payload.attachable(translate("DraftAttachments", label) if label else f"{origin} image")
    )
    if not sources:
        sources = [(url, None) for url in (*payload.image_urls, *payload.other_urls)]
    problems = list(payload.skipped)
    if not sources and not problems:
        text = mime.text().strip() if mime is not None and mime.hasText() else ""
        if text:
            problems.append(
                translate("ClipboardReading", "That was text, not an image or a link to one.")
            )
        else:
            formats = mime.formats() if mime is not None else []
            kinds = ", ".join(formats[:4]) or translate("ClipboardReading", "nothing")
            problems.append(
                translate(
                    "ClipboardReading", "Nothing in that was an image (it carried %1)."
                ).replace("%1", kinds)
            )
    return sources, problems


def _text_links(text: str) -> list[str]:
    # Only a text that *is* links (one a line) counts: a sentence that mentions a link is text
    # the person wants to paste, not an attachment.
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or any(" " in line for line in lines):
        return []
    return [line for line in lines if looks_like_image_url(line) or _looks_like_video_url(line)]


def _looks_like_video_url(url: str) -> bool:
    """An http(s) link whose path ends like a video file (``…/clip.mp4``): attached as a video."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in _URL_SCHEMES or not parts.hostname:
        return False
    return posixpath.splitext(urllib.parse.unquote(parts.path))[1].lower() in VIDEO_EXTENSIONS


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
