"""Image sources in, prepared attachments and their pictures out, off the GUI thread.

:class:`ImageIntake` runs the Qt-free pipeline
(:func:`~qwenvl_desktop.core.images.prepare_attachment_with_pixels`) in the executor, several
images at once, and makes the thumbnail and the preview from the pixels the pipeline has just
encoded: each image is decoded once and encoded once, never decoded again from its data URI.
Callers (the draft of the question, :mod:`.draft`) get one signal per item.

An animated GIF, APNG or WebP (four frames or more) — a file, or its bytes dragged from a browser
or pasted as image data — is not prepared as an image: it is a frame set, and
:attr:`ImageIntake.animated` tells the draft to take it as a video (:mod:`.video_intake`) — the
content decides, not the name, and only off the GUI thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from qwenvl_desktop.core.i18n import translate

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from qwenvl_desktop.core.images import Attachment, Detail, ImageSource
    from qwenvl_desktop.core.protocol import ModelInfo

__all__ = ["PREVIEW_SIDE", "ImageIntake", "PreparedImage"]

log = logging.getLogger(__name__)

#: The largest side of the preview image kept for the "larger preview" dialog.
PREVIEW_SIDE = 1600


@dataclass(frozen=True, slots=True)
class PreparedImage:
    """An attachment and the pictures the window shows of it (null images for a URL)."""

    attachment: Attachment
    thumbnail: QImage
    preview: QImage


class ImageIntake(QObject):
    """Prepares image sources for a model, several at once, off the GUI thread."""

    #: item id, PreparedImage
    prepared = Signal(str, object)
    #: item id, a sentence saying why the source cannot be used
    failed = Signal(str, str)
    #: item id: the file is an animation (a frame set), to be prepared as a video instead
    animated = Signal(str)

    def __init__(self, *, executor: Executor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._tasks: dict[str, asyncio.Task[None]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def prepare(
        self,
        item_id: str,
        source: ImageSource,
        *,
        label: str | None,
        model: ModelInfo,
        detail: Detail,
        thumb_side: int,
        economy_tokens: int | None = None,
    ) -> None:
        """Start preparing (again); ``prepared`` or ``failed`` follows with the same ``item_id``.

        ``economy_tokens``: the cap of the Economy detail (None: the pipeline's default).
        """
        self.cancel(item_id)
        task = asyncio.get_event_loop().create_task(
            self._prepare(item_id, source, label, model, (detail, economy_tokens), thumb_side)
        )
        self._tasks[item_id] = task

    def cancel(self, item_id: str) -> None:
        task = self._tasks.pop(item_id, None)
        if task is not None:
            task.cancel()

    async def _prepare(
        self,
        item_id: str,
        source: ImageSource,
        label: str | None,
        model: ModelInfo,
        detail_and_cap: tuple[Detail, int | None],
        thumb_side: int,
    ) -> None:
        from qwenvl_desktop.core.images import (
            ECONOMY_TOKENS,
            ImageError,
            prepare_attachment_with_pixels,
        )

        detail, cap = detail_and_cap

        def work() -> PreparedImage | None:
            if _is_animation(source):
                return None
            done = prepare_attachment_with_pixels(
                source,
                model=model,
                detail=detail,
                label=label,
                economy_tokens=ECONOMY_TOKENS if cap is None else cap,
            )
            thumb, preview = _pictures_of(done.pixels, thumb_side)
            return PreparedImage(done.attachment, thumb, preview)

        try:
            result = await asyncio.get_running_loop().run_in_executor(self._executor, work)
        except asyncio.CancelledError:
            raise
        except ImageError as error:
            self._tasks.pop(item_id, None)
            self.failed.emit(item_id, str(error))
            return
        except Exception as exc:  # never a crash for a bad file: say what happened
            log.exception("preparing an image failed")
            self._tasks.pop(item_id, None)
            name = label or (
                source if isinstance(source, str) else translate("ImageIntake", "the image")
            )
            self.failed.emit(
                item_id,
                translate("ImageIntake", "%1: could not be read (%2)")
                .replace("%2", f"{type(exc).__name__}: {exc}")
                .replace("%1", name),
            )
            return
        self._tasks.pop(item_id, None)
        if result is None:
            self.animated.emit(item_id)
        else:
            self.prepared.emit(item_id, result)

    async def aclose(self) -> None:
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


#: File endings whose content may be an animation (GIF, APNG, animated WebP).
_ANIMATION_SUFFIXES = (".gif", ".png", ".apng", ".webp")
#: Pillow's names of the formats that animate (core.video.probe.ANIMATION_FORMATS).
_ANIMATION_FORMATS = frozenset({"GIF", "PNG", "WEBP"})
#: Fewer frames than this stay an image (the first frame), as a video needs at least 4.
_MIN_ANIMATION_FRAMES = 4


def _is_animation(source: ImageSource) -> bool:
    """A local GIF/APNG/WebP file, or such an image's bytes (dragged from a browser, pasted),
    with at least four frames (read in the executor: Pillow reads the headers and skips through
    the frames' data without decoding them)."""
    import io
    import os

    from PIL import Image

    if isinstance(source, os.PathLike):
        source = os.fspath(source)
    opened: str | io.BytesIO
    if isinstance(source, bytes):
        from qwenvl_desktop.core.video.pasted import may_be_animation

        if not may_be_animation(source):  # a still image is not opened here, only by the pipeline
            return False
        opened = io.BytesIO(source)
    elif isinstance(source, str) and source.lower().endswith(_ANIMATION_SUFFIXES):
        if "://" in source or source.startswith("data:"):
            return False
        opened = source
    else:
        return False
    try:
        with Image.open(opened) as image:
            if image.format not in _ANIMATION_FORMATS:
                return False
            frames = int(getattr(image, "n_frames", 1) or 1)
    except Exception:  # the image pipeline says what is wrong with it
        return False
    return frames >= _MIN_ANIMATION_FRAMES


def _pictures_of(pixels: PILImage | None, thumb_side: int) -> tuple[QImage, QImage]:
    """Thumbnail and preview of the pixels that will be sent: what the model will see.

    Runs in the executor: QImage is not a QObject, so nothing gets affinity to the worker thread.
    """
    if pixels is None:  # a link: the service downloads it
        return QImage(), QImage()
    image = _qimage(pixels)
    mode = Qt.TransformationMode.SmoothTransformation
    keep = Qt.AspectRatioMode.KeepAspectRatio
    thumb = image.scaled(thumb_side, thumb_side, keep, mode)
    preview = image
    if max(image.width(), image.height()) > PREVIEW_SIDE:
        preview = image.scaled(PREVIEW_SIDE, PREVIEW_SIDE, keep, mode)
    return thumb, preview


def _qimage(pixels: PILImage) -> QImage:
    """A QImage owning a copy of ``pixels`` (the pipeline's modes: L, LA, RGB, RGBA)."""
    alpha = "A" in pixels.getbands()
    if pixels.mode not in ("RGB", "RGBA"):
        pixels = pixels.convert("RGBA" if alpha else "RGB")
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    data = pixels.tobytes()
    width, height = pixels.size
    line = width * (4 if alpha else 3)
    # copy(): the QImage must not point into ``data``, which Python frees after this call.
    return QImage(data, width, height, line, fmt).copy()
