"""The one way in: a video file, an animated image or a link becomes a :class:`VideoAttachment`.

The window shows a card as soon as :func:`probe_and_plan` has read the header (duration, frames,
fps, estimated tokens), then runs :func:`extract_video` in a worker thread with progress and
cancel; the command line calls :func:`prepare_video`, which does both.
"""

from __future__ import annotations

import asyncio
import functools
import os
from concurrent.futures import Executor
from dataclasses import dataclass

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.video.attachment import VideoAttachment
from qwenvl_desktop.core.video.errors import NotAVideoError, VideoUnreadableError
from qwenvl_desktop.core.video.frames import (
    VIDEO_LIMIT_BYTES,
    CancelCheck,
    ExtractionProgress,
    ProgressCallback,
    extract_frames,
)
from qwenvl_desktop.core.video.plan import (
    DEFAULT_FPS,
    VideoPlan,
    check_fps,
    plan_video,
    video_tokens,
)
from qwenvl_desktop.core.video.probe import (
    PROBE_TIMEOUT_SECONDS,
    VideoInfo,
    is_video_url,
    probe_video,
)

__all__ = [
    "PASTED_LABEL",
    "CancelCheck",
    "ExtractionProgress",
    "PlannedVideo",
    "ProgressCallback",
    "VideoSource",
    "extract_video",
    "prepare_video",
    "prepare_video_async",
    "probe_and_plan",
    "video_link",
]

#: A path (``str`` or path-like), a ``file://`` URL, an http(s) link, or an animation's bytes
#: (a GIF/APNG/WebP dragged from a browser or pasted as image data: kept as a file first,
#: :mod:`.pasted`).
VideoSource = str | os.PathLike[str] | bytes

#: What a pasted animation is called when it comes without a label. Stored as it is (the
#: attachment's source, kept in the history); messages translate it where they show it.
PASTED_LABEL = translatable("Errors", "pasted animation")


@dataclass(frozen=True, slots=True)
class PlannedVideo:
    """A probed local video and its plan: everything a card shows before extraction."""

    info: VideoInfo
    plan: VideoPlan


def video_link(url: str, *, fps: float = DEFAULT_FPS, label: str | None = None) -> VideoAttachment:
    """An http(s) video link, passed through: the service downloads and samples it at ``fps``."""
    check_fps(fps)
    url = url.strip()
    return VideoAttachment(
        source=label or url,
        kind="url",
        fps=fps,
        url=url,
        upload_bytes=len(url),
        notes=("downloaded and sampled by the service; its token cost is known after the answer",),
    )


def probe_and_plan(
    source: VideoSource,
    *,
    model: ModelInfo,
    fps: float = DEFAULT_FPS,
    max_frames: int | None = None,
    label: str | None = None,
    timeout: float = PROBE_TIMEOUT_SECONDS,
) -> PlannedVideo:
    """Read a local video's header and plan its frames (fast: nothing is decoded). ``bytes``
    are an animation's content (pasted): written to the cache folder first, then read as a file.

    Raises a :class:`~.errors.VideoError` for an unusable file, :class:`ValueError` for an fps
    outside 0.1–10 or ``max_frames`` under 4. Call again with another ``fps`` to re-plan (the
    card's fps control): only the plan changes, so :func:`plan_video` on ``info`` is enough.
    """
    check_fps(fps)
    if isinstance(source, bytes):
        source, label = _stored(source, label), label or PASTED_LABEL
    info = probe_video(source, label=label, timeout=timeout)
    plan = plan_video(
        info.duration,
        info.width,
        info.height,
        model=model,
        fps=fps,
        max_frames=max_frames,
        frame_count=info.frame_count,
        source=info.source,
    )
    return PlannedVideo(info, plan)


def _stored(data: bytes, label: str | None) -> str:
    """Pasted bytes as a file in the cache folder (probing and extraction read a file)."""
    from qwenvl_desktop.core.video.pasted import store_pasted_animation

    if not data:
        raise NotAVideoError(
            translate("Errors", "The %1 is empty (0 bytes).").replace(
                "%1", label or translate("Errors", PASTED_LABEL)
            ),
            source=label,
        )
    try:
        return os.fspath(store_pasted_animation(data))
    except OSError as exc:
        raise VideoUnreadableError(
            translate("Errors", "The %1 could not be kept for reading: %2.")
            .replace("%1", label or translate("Errors", PASTED_LABEL))
            .replace("%2", str(exc.strerror or type(exc).__name__)),
            source=label or PASTED_LABEL,
        ) from None


def extract_video(
    planned: PlannedVideo,
    *,
    model: ModelInfo,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    limit: int = VIDEO_LIMIT_BYTES,
    workers: int | None = None,
) -> VideoAttachment:
    """Decode and encode the planned frames: the attachment to send. Blocking (a worker thread).

    ``progress`` is called after each frame from the thread that did it (a long clip is decoded
    in two parts side by side: ``workers``); ``cancel`` (an Event or a function) is checked
    between frames and raises :class:`~.errors.ExtractionCancelled`.
    """
    info, plan = planned.info, planned.plan
    extracted = extract_frames(
        info, plan, progress=progress, cancel=cancel, limit=limit, workers=workers
    )
    width, height = extracted.sent_size
    return VideoAttachment(
        source=info.source,
        kind=info.kind,
        fps=extracted.fps,
        frames=extracted.frames,
        duration=info.duration,
        original_size=(info.width, info.height),
        sent_size=extracted.sent_size,
        codec=info.codec,
        estimated_tokens=video_tokens(len(extracted.frames), width, height, model.grid),
        upload_bytes=extracted.upload_bytes,
        notes=(*plan.notes, *extracted.notes),
    )


def prepare_video(
    source: VideoSource,
    *,
    model: ModelInfo,
    fps: float = DEFAULT_FPS,
    max_frames: int | None = None,
    label: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    timeout: float = PROBE_TIMEOUT_SECONDS,
) -> VideoAttachment:
    """Any video source to an attachment: a link passes through, a file (or an animation's
    bytes) is probed and extracted.

    Blocking; raises a :class:`~.errors.VideoError` subclass with a sentence for anything
    unusable, :class:`ValueError` for an fps outside 0.1–10 or ``max_frames`` under 4.
    """
    text = source if isinstance(source, bytes) else os.fspath(source)
    if isinstance(text, str):
        stripped = text.strip()
        if is_video_url(stripped):
            return video_link(stripped, fps=fps, label=label)
        scheme = stripped.split(":", 1)[0].lower() if "://" in stripped else ""
        if scheme and scheme != "file":
            raise VideoUnreadableError(
                translate(
                    "Errors", "%1:// links cannot be used; give an http(s) link or a local file."
                ).replace("%1", str(scheme)),
                source=stripped,
            )
    planned = probe_and_plan(
        source, model=model, fps=fps, max_frames=max_frames, label=label, timeout=timeout
    )
    return extract_video(planned, model=model, progress=progress, cancel=cancel)


async def prepare_video_async(
    source: VideoSource,
    *,
    model: ModelInfo,
    fps: float = DEFAULT_FPS,
    max_frames: int | None = None,
    label: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    executor: Executor | None = None,
) -> VideoAttachment:
    """:func:`prepare_video` in ``executor`` (the loop's default when None).

    ``progress`` is called from the worker thread: hand it to the loop (``call_soon_threadsafe``)
    or emit a queued Qt signal. Cancelling the await does not stop the work: set ``cancel``.
    """
    loop = asyncio.get_running_loop()
    work = functools.partial(
        prepare_video,
        source,
        model=model,
        fps=fps,
        max_frames=max_frames,
        label=label,
        progress=progress,
        cancel=cancel,
    )
    return await loop.run_in_executor(executor, work)
