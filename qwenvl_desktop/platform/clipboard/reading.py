"""What a clipboard (or a drop) holds that can become an attachment: images, files, image links.

:func:`clipboard_payload` reads one :class:`~PySide6.QtCore.QMimeData` and sorts what it finds:

* image data (a screenshot tool, "Copy image" in a browser or viewer) becomes PNG bytes — lossless,
  so the image pipeline sees exactly the copied pixels — with its size, device pixel ratio and
  pixel hash kept beside it;
* ``file://`` URLs of image files (a file manager's "Copy") become local paths;
* http(s) links that point at an image, from ``text/uri-list`` or from plain text (the person
  copied an image's address), become links the window *offers* to attach: a link in text may just
  as well be text the person wants to paste into the question.

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

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage, QPixmap

from qwenvl_desktop.platform.clipboard.dedup import rgba_digest

__all__ = [
    "IMAGE_SUFFIXES",
    "ClipboardImage",
    "ClipboardPayload",
    "clipboard_image",
    "clipboard_payload",
    "clipboard_qimage",
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


@dataclass(frozen=True, slots=True)
class ClipboardImage:
    """One image from the clipboard, encoded as PNG.

    ``size`` is in device pixels (what the PNG holds). ``device_pixel_ratio`` is what the copying
    process said about them: a capture on a 2× screen is twice the size of what was seen, which
    matters for a preview, not for the model. Images from another process arrive at 1.0 — PNG has
    no field for it. ``digest`` is :func:`image_digest` of the pixels.
    """

    png: bytes
    size: tuple[int, int]
    device_pixel_ratio: float
    digest: str

    @property
    def logical_size(self) -> tuple[int, int]:
        """The size the image had on screen, in device-independent pixels."""
        w, h = self.size
        ratio = self.device_pixel_ratio or 1.0
        return round(w / ratio), round(h / ratio)


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
            return [(image.png, label) for image in self.images]
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


def clipboard_image(image: QImage) -> ClipboardImage:
    """Encode one clipboard image and note its size, pixel ratio and pixel hash."""
    return ClipboardImage(
        png=image_to_png(image),
        size=(image.width(), image.height()),
        device_pixel_ratio=float(image.devicePixelRatio()),
        digest=image_digest(image),
    )


def looks_like_image_url(url: str) -> bool:
    """An http(s) link whose path ends like an image file, or whose query names an image format;
    or a ``data:image/…`` URI."""
    if url.strip()[:11].lower() == "data:image/":
        return True
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
    images = _images(mime)
    files: list[str] = []
    links: list[str] = []
    others: list[str] = []
    skipped: list[str] = []
    name: str | None = None
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                path = url.toLocalFile()
                if posixpath.splitext(path)[1].lower() in IMAGE_SUFFIXES:
                    files.append(path)
                else:
                    skipped.append(f"{posixpath.basename(path) or path} is not an image file.")
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
                    f"{address[:80]}: only image files and http(s) image links can be used."
                )
    if mime.hasText():
        links.extend(_text_links(mime.text()))
    return ClipboardPayload(
        images=tuple(images),
        image_files=_unique(files),
        image_urls=_unique(links),
        skipped=tuple(skipped),
        other_urls=_unique(u for u in others if u not in links),
        image_name=name if images else None,
    )


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
    sources: list[tuple[bytes | str, str | None]] = list(payload.attachable(f"{origin} image"))
    if not sources:
        sources = [(url, None) for url in (*payload.image_urls, *payload.other_urls)]
    problems = list(payload.skipped)
    if not sources and not problems:
        text = mime.text().strip() if mime is not None and mime.hasText() else ""
        if text:
            problems.append("That was text, not an image or a link to one.")
        else:
            formats = mime.formats() if mime is not None else []
            kinds = ", ".join(formats[:4]) or "nothing"
            problems.append(f"Nothing in that was an image (it carried {kinds}).")
    return sources, problems


def clipboard_qimage(mime: QMimeData | None) -> QImage | None:
    """The image ``mime`` carries, decoded, or None (a clipboard holds at most one image)."""
    if mime is None:
        return None
    if mime.hasImage():
        data = mime.imageData()
        if isinstance(data, QPixmap):
            data = data.toImage()
        if isinstance(data, QImage) and not data.isNull():
            return data
    # Some programs offer only an encoded format Qt does not map to an image (image/webp from a
    # browser, image/avif): try each image/* entry Qt can decode.
    for fmt in mime.formats():
        if fmt.startswith("image/") and fmt != "image/svg+xml":
            image = QImage.fromData(mime.data(fmt))
            if not image.isNull():
                return image
    return None


def _images(mime: QMimeData) -> list[ClipboardImage]:
    image = clipboard_qimage(mime)
    return [] if image is None else [clipboard_image(image)]


def _text_links(text: str) -> list[str]:
    # Only a text that *is* links (one a line) counts: a sentence that mentions a link is text
    # the person wants to paste, not an attachment.
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or any(" " in line for line in lines):
        return []
    return [line for line in lines if looks_like_image_url(line)]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
