"""Video sources in, video attachments and their filmstrips out, off the GUI thread.

The image intake's counterpart for a clip, an animated GIF/APNG/WebP or a video link: the draft
(:mod:`.draft`, the one way in for everything attached) hands a video source here, and
:class:`VideoIntake` runs the Qt-free pipeline (:mod:`qwenvl_desktop.core.video`) in the
executor:

An animation's bytes (dragged from a browser, pasted as image data) are a source too: the probe
keeps them as a file in the cache folder first (:mod:`qwenvl_desktop.core.video.pasted`).

1. ``probe_and_plan`` reads the header (nothing decoded) → :attr:`VideoIntake.planned`, so the
   card shows duration, frames, fps and tokens at once;
2. ``extract_video`` decodes the planned frames → :attr:`VideoIntake.progressed` after each
   frame (from the worker thread, handed to the loop), then :attr:`VideoIntake.prepared` with
   the attachment and a few frames for the card's strip.

:meth:`VideoIntake.cancel` sets the worker's cancel event (checked between frames and while
decoding towards the next one): the extraction stops within a frame and
:attr:`VideoIntake.cancelled` follows. A new fps re-plans from the probe already made
(:meth:`VideoIntake.prepare` with ``info``) and extracts again. Every failure is a
:class:`~qwenvl_desktop.core.video.VideoError` sentence on :attr:`VideoIntake.failed` — never a
traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from qwenvl_desktop.core.i18n import translate

if TYPE_CHECKING:
    from qwenvl_desktop.core.protocol import ModelInfo
    from qwenvl_desktop.core.video import ExtractionProgress, VideoAttachment, VideoInfo

__all__ = [
    "STRIP_FRAMES",
    "PreparedVideo",
    "VideoIntake",
    "frame_picture",
    "is_video_source",
    "spread_indices",
    "strip_of",
]

log = logging.getLogger(__name__)

#: Frames of a clip the card's strip shows (spread over the whole clip).
STRIP_FRAMES = 5


@dataclass(frozen=True, slots=True)
class PreparedVideo:
    """A video ready to send and the frames its card shows (none for a link)."""

    attachment: VideoAttachment
    #: a few of the frames sent, spread over the clip, scaled for the card
    strip: tuple[QImage, ...]


def is_video_source(source: object) -> bool:
    """Whether the draft takes ``source`` for a video by its name: a video file's path or
    ``file://`` URL, or an http(s) link whose path ends like a video file.

    Animated GIF/APNG/WebP files are told apart by their content, later
    (:attr:`~.image_intake.ImageIntake.animated`).
    """
    import os
    import posixpath
    import urllib.parse

    from qwenvl_desktop.core.video.probe import VIDEO_EXTENSIONS

    if isinstance(source, os.PathLike):
        source = os.fspath(source)
    if not isinstance(source, str) or source.startswith("data:"):
        return False
    text = source.strip()
    scheme = text.split(":", 1)[0].lower() if "://" in text else ""
    if scheme in ("http", "https", "file"):
        path = urllib.parse.unquote(urllib.parse.urlsplit(text).path)
    else:
        path = text
    return posixpath.splitext(path.replace("\\", "/"))[1].lower() in VIDEO_EXTENSIONS


def spread_indices(count: int, most: int) -> list[int]:
    """``most`` indices spread evenly over ``count`` items, first and last included."""
    if count <= most:
        return list(range(count))
    if most <= 1:
        return [0][:most]
    return [round(i * (count - 1) / (most - 1)) for i in range(most)]


def frame_picture(url: str, side: int) -> QImage:
    """One frame sent (its ``data:`` URI) as a picture at most ``side`` pixels on each side;
    null when it cannot be decoded. Safe in a worker thread (a QImage is not a QObject)."""
    from qwenvl_desktop.core.images.data_uri import split_data_uri

    sent = split_data_uri(url)
    if sent is None:
        return QImage()
    image = QImage.fromData(sent.data)
    if image.isNull() or side <= 0:
        return image
    keep, smooth = Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    return image.scaled(side, side, keep, smooth)


@dataclass(eq=False, slots=True)
class _Run:
    task: asyncio.Task[None]
    stop: threading.Event


class VideoIntake(QObject):
    """Prepares video sources for a model, off the GUI thread, with progress and cancel."""

    #: item id, PlannedVideo: the header was read; what will be extracted
    planned = Signal(str, object)
    #: item id, frames done, frames planned
    progressed = Signal(str, int, int)
    #: item id, PreparedVideo
    prepared = Signal(str, object)
    #: item id, a sentence saying why the source cannot be used as a video
    failed = Signal(str, str)
    #: item id: the extraction was cancelled (:meth:`cancel`); nothing is attached
    cancelled = Signal(str)

    def __init__(self, *, executor: Executor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._runs: dict[str, _Run] = {}

    @property
    def busy(self) -> bool:
        return bool(self._runs)

    def prepare(
        self,
        item_id: str,
        source: str | bytes,
        *,
        label: str | None,
        model: ModelInfo,
        fps: float,
        strip_side: int,
        info: VideoInfo | None = None,
    ) -> None:
        """Start preparing (again); ``planned``, ``progressed``… then ``prepared``, ``failed``
        or ``cancelled`` follow with the same ``item_id``.

        ``info``: the probe made the first time (a new fps or model re-plans from it without
        reading the header again).
        """
        self.forget(item_id)
        stop = threading.Event()
        work = self._prepare(item_id, source, label, model, fps, strip_side, info, stop)
        task = asyncio.get_event_loop().create_task(work)
        self._runs[item_id] = _Run(task, stop)

    def cancel(self, item_id: str) -> bool:
        """Stop extracting (the Cancel button): ``cancelled`` follows once the worker has
        stopped, within a frame. False when nothing was running."""
        run = self._runs.get(item_id)
        if run is None:
            return False
        run.stop.set()
        return True

    def forget(self, item_id: str) -> None:
        """Stop and say nothing more about ``item_id`` (it left the draft, or starts again)."""
        run = self._runs.pop(item_id, None)
        if run is not None:
            run.stop.set()  # the worker thread stops too, not only the await
            run.task.cancel()

    def _current(self, item_id: str, stop: threading.Event) -> bool:
        run = self._runs.get(item_id)
        return run is not None and run.stop is stop

    async def _prepare(
        self,
        item_id: str,
        source: str | bytes,
        label: str | None,
        model: ModelInfo,
        fps: float,
        strip_side: int,
        info: VideoInfo | None,
        stop: threading.Event,
    ) -> None:
        from qwenvl_desktop.core.video import ExtractionCancelled, VideoError

        try:
            prepared = await self._work(item_id, source, label, model, fps, strip_side, info, stop)
        except asyncio.CancelledError:
            raise
        except ExtractionCancelled:
            if self._current(item_id, stop):
                del self._runs[item_id]
                self.cancelled.emit(item_id)
            return
        except (VideoError, ValueError) as error:
            sentence = str(error)
        except Exception as exc:  # never a crash for a bad file: say what happened
            log.exception("preparing a video failed")
            name = label or (
                source
                if isinstance(source, str)
                else translate("VideoIntake", "the pasted animation")
            )
            sentence = (
                translate("VideoIntake", "%1: could not be read (%2)")
                .replace("%2", f"{type(exc).__name__}: {exc}")
                .replace("%1", name)
            )
        else:
            if self._current(item_id, stop):
                del self._runs[item_id]
                self.prepared.emit(item_id, prepared)
            return
        if self._current(item_id, stop):
            del self._runs[item_id]
            self.failed.emit(item_id, _sentence(sentence))

    async def _work(
        self,
        item_id: str,
        source: str | bytes,
        label: str | None,
        model: ModelInfo,
        fps: float,
        strip_side: int,
        info: VideoInfo | None,
        stop: threading.Event,
    ) -> PreparedVideo:
        from qwenvl_desktop.core.video import is_video_url, plan_video
        from qwenvl_desktop.core.video.prepare import (
            PlannedVideo,
            extract_video,
            probe_and_plan,
            video_link,
        )

        loop = asyncio.get_running_loop()
        if isinstance(source, str) and is_video_url(source):
            return PreparedVideo(video_link(source, fps=fps, label=label), ())
        if info is None:
            probe = functools.partial(probe_and_plan, source, model=model, fps=fps, label=label)
            planned = await loop.run_in_executor(self._executor, probe)
        else:
            # A new fps or model: only the plan changes (cheap; no file is read).
            plan = plan_video(
                info.duration,
                info.width,
                info.height,
                model=model,
                fps=fps,
                frame_count=info.frame_count,
                source=info.source,
            )
            planned = PlannedVideo(info, plan)
        if self._current(item_id, stop):
            self.planned.emit(item_id, planned)

        def progress(done: int, total: int) -> None:
            if self._current(item_id, stop):
                self.progressed.emit(item_id, done, total)

        def from_worker(report: ExtractionProgress) -> None:
            # Called in the worker thread: the signal is emitted on the loop's (GUI) thread.
            loop.call_soon_threadsafe(progress, report.done, report.total)

        def extract() -> PreparedVideo:
            attachment = extract_video(planned, model=model, progress=from_worker, cancel=stop)
            return PreparedVideo(attachment, strip_of(attachment.frames, strip_side))

        return await loop.run_in_executor(self._executor, extract)

    async def aclose(self) -> None:
        runs = list(self._runs.values())
        self._runs.clear()
        for run in runs:
            run.stop.set()
            run.task.cancel()
        for run in runs:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await run.task


def strip_of(frames: Sequence[object], side: int) -> tuple[QImage, ...]:
    """A few frames spread over the clip for the card (decoded in the worker, or on the GUI
    thread for a video sent before: a handful of small JPEGs)."""
    pictures = []
    for index in spread_indices(len(frames), STRIP_FRAMES):
        url = getattr(frames[index], "url", "")
        picture = frame_picture(url, side)
        if not picture.isNull():
            pictures.append(picture)
    return tuple(pictures)


def _sentence(text: str) -> str:
    text = text.strip() or translate("VideoIntake", "The video cannot be used.")
    return text if text.endswith((".", "!", "?", "…")) else text + "."
