"""Decoding the planned frames and encoding them for the request, within the 10 MB per video.

Decoding (PyAV) touches as little of the clip as it can. The container's index says where the
keyframes are; for each planned time the decoder goes on from where it is when no keyframe lies
between (decoding forward is then the cheapest way there), and seeks to the keyframe before the
time otherwise. Without an index it learns the keyframe spacing as it goes. Frames a second or
more apart take a keyframe within a quarter of their spacing when there is one
(:func:`_snap_tolerance`), and each frame keeps its real time. A long clip is decoded in two
parts side by side (PyAV decodes without holding the GIL). Only the chosen frames
are converted: FFmpeg's scaler takes each straight from the decoder's YUV to RGB at the size sent
(area averaging), so a 1080p frame never exists in RGB at full size. Each decoder holds one
decoded frame at a time, the output is the JPEG bytes, and the decoder's freed buffers are handed
back to the system as it goes (:func:`_release_freed_memory`), so memory does not grow with the
clip's length.

Encoding goes through the image pipeline's JPEG encoder (:func:`~qwenvl_desktop.core.images.encode.
encode_jpeg`, photo chroma subsampling). The 10 MB limit is kept in three steps, each noted:

1. the first frame measures how many bytes a pixel of this clip takes; when the planned size would
   not fit, every frame is made smaller (on the model's grid) before the rest are decoded;
2. while decoding, JPEG quality steps down when the total so far is heading over;
3. if the total still exceeds the limit, every other frame is left out (the ``fps`` field halves
   with them, so times stay right) until it fits — the clip must keep at least 4 frames.

Progress is reported after each frame; cancelling is checked between frames and while decoding
towards the next one (:class:`~.errors.ExtractionCancelled`).
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import itertools
import math
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images.budget import MAX_DATA_URI_BYTES, smart_resize
from qwenvl_desktop.core.images.data_uri import data_uri_length
from qwenvl_desktop.core.video.attachment import VideoFrame
from qwenvl_desktop.core.video.errors import (
    CorruptVideoError,
    ExtractionCancelled,
    UnsupportedCodecError,
    VideoTooLargeError,
)
from qwenvl_desktop.core.video.plan import MIN_FRAMES, VideoPlan
from qwenvl_desktop.core.video.probe import (
    PROBE_TIMEOUT_SECONDS,
    VideoInfo,
    is_attached_picture,
    open_container,
    open_video_file,
)

if TYPE_CHECKING:
    from PIL import Image

__all__ = [
    "VIDEO_LIMIT_BYTES",
    "CancelCheck",
    "ExtractedFrames",
    "ExtractionProgress",
    "ProgressCallback",
    "extract_frames",
]

#: The request characters one video may take: its data URIs together.
VIDEO_LIMIT_BYTES = MAX_DATA_URI_BYTES
#: JPEG quality of video frames; lowered in steps of 10 down to the floor when the total is
#: heading over the limit. (No SSIM search per frame: hundreds of frames would cost seconds.)
FRAME_JPEG_QUALITY = 80
FRAME_JPEG_QUALITY_FLOOR = 40
#: The first frame's share of the per-frame budget it may use; the rest is room for busier frames.
_PILOT_SHARE = 0.6
#: Frames are never made smaller than this many grid cells.
_MIN_FRAME_CELLS = 16
_MIME = "image/jpeg"
#: A clip is decoded in parts side by side from this many frames and seconds on.
_PARALLEL_MIN_FRAMES = 32
_PARALLEL_MIN_SECONDS = 60.0
_MAX_WORKERS = 2
#: Sparse frames (this many seconds apart or more) may be taken at a keyframe this close.
_SNAP_MIN_SPACING = 1.0
_SNAP_SHARE = 0.25
_SNAP_MAX_SECONDS = 0.5
#: Freed memory is handed back to the system every this many frames (a few microseconds each).
_TRIM_EVERY = 8
#: Sizes measured on the first frame before one fits
_SIZE_TRIALS = 5
#: Damaged packets skipped (by seeking past them) before the clip is called damaged.
_MAX_DECODE_ERRORS = 8


@dataclass(frozen=True, slots=True)
class ExtractionProgress:
    """Reported after each frame, from the thread that extracts."""

    done: int
    total: int
    #: seconds into the clip reached
    position: float


ProgressCallback = Callable[[ExtractionProgress], None]
#: A ``threading.Event`` (set: cancel) or a function answering "cancel now?"
CancelCheck = threading.Event | Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ExtractedFrames:
    frames: tuple[VideoFrame, ...]
    #: the request's fps field (halved when frames had to be left out)
    fps: float
    sent_size: tuple[int, int]
    upload_bytes: int
    notes: tuple[str, ...]


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``; None where the C library has none (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def _release_freed_memory() -> None:
    """Give the decoder's freed frame buffers back to the system.

    Every seek flushes the decoder, which frees its 1080p frames (3 MB each) and allocates new
    ones; glibc keeps the freed ones in its heap, raising its own trim threshold as it goes, so
    without this the peak memory grew with the number of seeks — 10 minutes took 30 MB more
    than 1 minute (bench/bench_video.py), where PyAV alone took 50 MB more.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _mib(size: int) -> str:
    return f"{size / 2**20:.3g} MiB"


def _cancelled(cancel: CancelCheck | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


class _FrameSink:
    """Encodes frames at one size for the whole clip, keeping the total under the limit."""

    def __init__(
        self,
        plan: VideoPlan,
        frame_count: int,
        limit: float,
        size: tuple[int, int] | None = None,
    ) -> None:
        self.plan = plan
        #: the frames this sink encodes (its part of the clip) and their share of the limit
        self.frame_count = frame_count
        self.limit = limit
        self.size = size
        self.quality = FRAME_JPEG_QUALITY
        self.frames: list[tuple[float, bytes]] = []
        self.total = 0
        self.notes: list[str] = []
        self._quality_noted = False

    @property
    def per_frame(self) -> float:
        return self.limit / self.frame_count

    def choose_size(self, image: Image.Image) -> tuple[int, int]:
        """Measure the first frame at the planned size; shrink the size until it would fit.

        JPEG bytes do not fall in proportion to pixels (headers, tables, flat areas), so each
        smaller size is measured again: a few encodes of one small image.
        """
        from PIL import Image as PILImage

        from qwenvl_desktop.core.images.encode import encode_jpeg

        planned = image.size
        allowed = _PILOT_SHARE * self.per_frame
        grid = self.plan.budget.grid
        min_pixels = _MIN_FRAME_CELLS * grid * grid
        trial = image
        for _ in range(_SIZE_TRIALS):
            w, h = trial.size
            used = data_uri_length(len(encode_jpeg(trial, self.quality, photo=True).data), _MIME)
            if used <= allowed or w * h <= min_pixels:
                break
            max_pixels = max(min_pixels, int(w * h * 0.9 * allowed / used))
            th, tw = smart_resize(planned[1], planned[0], grid, min_pixels, max_pixels)
            if (tw, th) == trial.size:
                break
            trial = image.resize((tw, th), PILImage.Resampling.BICUBIC, reducing_gap=3.0)
        if trial.size != planned:
            (pw, ph), (tw, th) = planned, trial.size
            self.notes.append(
                translate(
                    "AttachmentNotes",
                    "frames reduced from %1×%2 to %3×%4 px to keep the video under %5",
                )
                .replace("%1", str(pw))
                .replace("%2", str(ph))
                .replace("%3", str(tw))
                .replace("%4", str(th))
                .replace(
                    "%5", str(_mib(int(self.limit * self.plan.frame_count / self.frame_count)))
                )
            )
        return trial.size

    def add(self, timestamp: float, image: Image.Image) -> None:
        from PIL import Image as PILImage

        from qwenvl_desktop.core.images.encode import encode_jpeg

        if self.size is None:
            self.size = self.choose_size(image)
        if image.size != self.size:
            image = image.resize(self.size, PILImage.Resampling.BICUBIC, reducing_gap=3.0)
        data = encode_jpeg(image, self.quality, photo=True).data
        self.frames.append((timestamp, data))
        self.total += data_uri_length(len(data), _MIME)
        remaining = self.frame_count - len(self.frames)
        projected = self.total + remaining * self.total / len(self.frames)
        if projected > 0.97 * self.limit and self.quality > FRAME_JPEG_QUALITY_FLOOR:
            self.quality = max(FRAME_JPEG_QUALITY_FLOOR, self.quality - 10)
            if not self._quality_noted:
                self._quality_noted = True
                self.notes.append(
                    translate(
                        "AttachmentNotes",
                        "JPEG quality of the frames lowered to keep the video under the limit",
                    )
                )


def _finish(
    frames: list[tuple[float, bytes]],
    fps: float,
    size: tuple[int, int],
    limit: int,
    notes: list[str],
    source: str,
) -> ExtractedFrames:
    """The frames as sent: every other one left out (the fps halved) until they fit ``limit``."""
    total = sum(data_uri_length(len(d), _MIME) for _, d in frames)
    while total >= limit:
        if len(frames) // 2 < MIN_FRAMES:
            raise VideoTooLargeError(
                translate(
                    "Errors", "%1 cannot be made small enough for the service's %2 per video."
                )
                .replace("%1", str(source))
                .replace("%2", str(_mib(limit))),
                source=source,
            )
        before = len(frames)
        frames = frames[::2]
        fps = round(fps / 2, 4)
        total = sum(data_uri_length(len(d), _MIME) for _, d in frames)
        notes.append(
            translate(
                "AttachmentNotes", "%1 of %2 frames left out to stay under %3: sent as %4 fps"
            )
            .replace("%1", str(before - len(frames)))
            .replace("%2", str(before))
            .replace("%3", str(_mib(limit)))
            .replace("%4", f"{fps:g}")
        )
    return ExtractedFrames(
        frames=tuple(VideoFrame.from_bytes(t, d, _MIME) for t, d in frames),
        fps=fps,
        sent_size=size,
        upload_bytes=total,
        notes=tuple(dict.fromkeys(notes)),  # each said once, in order
    )


class _Progress:
    """Counts frames done across workers and reports each, from the worker that did it."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0
        self.reached = 0.0
        self._lock = threading.Lock()

    def step(self, timestamp: float) -> None:
        with self._lock:
            self.done += 1
            self.reached = max(self.reached, timestamp)
            report = ExtractionProgress(self.done, self.total, timestamp)
            if self.callback is not None:
                self.callback(report)


def extract_frames(
    info: VideoInfo,
    plan: VideoPlan,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    limit: int = VIDEO_LIMIT_BYTES,
    timeout: float = PROBE_TIMEOUT_SECONDS,
    workers: int | None = None,
) -> ExtractedFrames:
    """Decode and encode the frames of ``plan``. Blocking: run it off the GUI thread.

    ``workers``: decoders run side by side on parts of a clip (None: two for a long clip on a
    machine with two cores or more). ``progress`` is then called from several threads, in turn.

    Raises :class:`~.errors.ExtractionCancelled` when ``cancel`` says so, and another
    :class:`~.errors.VideoError` when the clip turns out unusable while decoding (fewer than 4
    frames could be read, a decoder that fails).
    """
    counter = _Progress(progress, plan.frame_count)
    if info.kind == "animation":
        sink = _FrameSink(plan, plan.frame_count, limit)
        for timestamp, image in _animation_frames(info, plan, sink, cancel):
            sink.add(timestamp, image)
            counter.step(timestamp)
        sinks = [sink]
    else:
        sinks = _extract_clip(info, plan, counter, cancel, limit, timeout, workers)
    frames = [frame for sink in sinks for frame in sink.frames]
    notes = [note for sink in sinks for note in sink.notes]
    done = len(frames)
    if done < MIN_FRAMES:
        raise CorruptVideoError(
            translate("Errors", "%1 is damaged: only %2 of its frames could be read.")
            .replace("%1", str(info.source))
            .replace("%2", str(done)),
            source=info.source,
        )
    if done < plan.frame_count:
        notes.append(
            translate(
                "AttachmentNotes",
                "the clip ends at %1 s, before its stated length of %2 s: %3 frames sent",
            )
            .replace("%1", f"{counter.reached:.1f}")
            .replace("%2", f"{info.duration:.1f}")
            .replace("%3", str(done))
        )
    size = sinks[0].size
    assert size is not None
    return _finish(frames, plan.fps, size, limit, notes, info.source)


def _workers_for(info: VideoInfo, plan: VideoPlan) -> int:
    """Two decoders for a long clip where there are two cores (PyAV decodes without the GIL);
    one for short clips, where opening a second decoder costs more than it saves."""
    if plan.frame_count < _PARALLEL_MIN_FRAMES or info.duration < _PARALLEL_MIN_SECONDS:
        return 1
    return max(1, min(_MAX_WORKERS, os.cpu_count() or 1))


def _extract_clip(
    info: VideoInfo,
    plan: VideoPlan,
    counter: _Progress,
    cancel: CancelCheck | None,
    limit: int,
    timeout: float,
    workers: int | None,
) -> list[_FrameSink]:
    """The clip's frames, in contiguous parts decoded side by side; a sink per part."""
    targets = plan.timestamps
    count = workers if workers is not None else _workers_for(info, plan)
    count = max(1, min(count, len(targets) // MIN_FRAMES))
    if count == 1:
        sink = _FrameSink(plan, len(targets), limit)
        for timestamp, image in _clip_frames(info, plan, targets, sink, cancel, timeout):
            sink.add(timestamp, image)
            counter.step(timestamp)
        return [sink]
    # The first frame settles the size for every part, so all frames are sent alike.
    pilot = _FrameSink(plan, len(targets), limit)
    for _timestamp, image in _clip_frames(info, plan, targets[:1], pilot, cancel, timeout):
        pilot.size = pilot.choose_size(image)
    if pilot.size is None:
        return [pilot]  # not even one frame: reported as damaged by the caller
    bounds = [round(i * len(targets) / count) for i in range(count + 1)]
    parts = [targets[a:b] for a, b in itertools.pairwise(bounds)]
    sinks = [
        _FrameSink(plan, len(part), limit * len(part) / len(targets), pilot.size) for part in parts
    ]
    sinks[0].notes.extend(pilot.notes)
    stop = threading.Event()

    def stopping() -> bool:
        return stop.is_set() or _cancelled(cancel)

    def run(part: tuple[float, ...], sink: _FrameSink) -> None:
        try:
            for timestamp, image in _clip_frames(info, plan, part, sink, stopping, timeout):
                sink.add(timestamp, image)
                counter.step(timestamp)
        except BaseException:
            stop.set()  # the other parts stop too
            raise

    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="video-frames") as pool:
        futures = [pool.submit(run, part, sink) for part, sink in zip(parts, sinks, strict=True)]
        errors: list[BaseException] = []
        for future in futures:
            error = future.exception()
            if error is not None:
                errors.append(error)
    if errors:
        # The cause, not the "cancelled" the other parts saw because of it.
        raise next((e for e in errors if not isinstance(e, ExtractionCancelled)), errors[0])
    return sinks


# ---- animated images -------------------------------------------------------------------------


def _animation_frames(
    info: VideoInfo, plan: VideoPlan, sink: _FrameSink, cancel: CancelCheck | None
) -> Iterator[tuple[float, Image.Image]]:
    from PIL import Image

    with open_video_file(info.path, info.source) as fp, Image.open(fp) as im:
        for target in plan.timestamps:
            if _cancelled(cancel):
                raise ExtractionCancelled(source=info.source)
            index = max(0, bisect.bisect_right(info.frame_times, target) - 1)
            try:
                im.seek(index)
                frame = im.convert("RGBA" if im.mode in ("RGBA", "LA", "P", "PA") else "RGB")
            except (EOFError, OSError, ValueError) as exc:
                raise CorruptVideoError(
                    translate("Errors", "%1 is a damaged animation (frame %2).")
                    .replace("%1", str(info.source))
                    .replace("%2", str(index + 1)),
                    source=info.source,
                    detail=str(exc),
                ) from None
            w, h = sink.size or plan.budget.target_size(*frame.size)
            if (w, h) != frame.size:
                frame = frame.resize((w, h), Image.Resampling.BICUBIC, reducing_gap=3.0)
            yield info.frame_times[index], frame


# ---- clips -----------------------------------------------------------------------------------


class _ClipReader:
    """Walks a clip's video stream forward to each asked time, seeking only when it pays."""

    def __init__(self, container: Any, info: VideoInfo, cancel: CancelCheck | None) -> None:
        self.container = container
        self.info = info
        self.cancel = cancel
        self.stream = next(s for s in container.streams.video if not is_attached_picture(s))
        # Slice threads only: frame threading delays every frame by the thread count and must
        # be flushed at each seek, which costs more than it gains when we seek.
        self.stream.thread_type = "SLICE"
        self.time_base = self.stream.time_base
        self.start = (
            float(self.stream.start_time * self.time_base) if self.stream.start_time else 0.0
        )
        self.keyframes = self._keyframe_times()
        #: the longest keyframe spacing seen (without an index)
        self.keyframe_gap = 0.0
        self.decoder: Iterator[Any] | None = None
        self.position = -math.inf
        rate = info.fps or 30.0
        self.half_frame = 0.5 / rate
        self.ended = False
        self.errors = 0

    def _keyframe_times(self) -> list[float]:
        try:
            entries = self.stream.index_entries
            times = [
                float(e.timestamp * self.time_base) - self.start for e in entries if e.is_keyframe
            ]
        except (AttributeError, TypeError):  # PyAV without index_entries
            return []
        return sorted(times)

    def _should_seek(self, target: float) -> bool:
        if self.decoder is None:
            return True
        if target <= self.position:
            return False  # already past it: take the next frame
        if self.keyframes:
            i = bisect.bisect_right(self.keyframes, target) - 1
            return i >= 0 and self.keyframes[i] > self.position + self.half_frame
        return self.keyframe_gap > 0 and target - self.position > self.keyframe_gap

    def _seek(self, target: float) -> None:
        ts = int((target + self.start) / self.time_base)
        self.container.seek(ts, stream=self.stream, backward=True, any_frame=False)
        self.decoder = self.container.decode(self.stream)

    def _recover(self, exc: Exception, target: float) -> None:
        """After a decoding error: go on from the next keyframe, or say what is wrong."""
        import av

        if isinstance(exc, av.error.DecoderNotFoundError | av.error.PatchWelcomeError):
            raise UnsupportedCodecError(
                translate("Errors", "%1 uses a video format this app cannot decode.").replace(
                    "%1", str(self.info.source)
                ),
                source=self.info.source,
                detail=str(exc),
            ) from None
        self.errors += 1
        if self.errors > _MAX_DECODE_ERRORS:
            raise exc
        # A damaged packet: go on from the next keyframe after it.
        self.position = target
        self._seek(target + max(self.keyframe_gap, 1.0))

    def aim(self, target: float, tolerance: float) -> float:
        """Where to decode to for ``target``: a keyframe within ``tolerance`` of it, when one lies
        ahead (a seek and one decoded frame, instead of up to a keyframe interval's worth of
        frames), else ``target`` itself."""
        if tolerance <= 0 or not self.keyframes:
            return target
        i = bisect.bisect_left(self.keyframes, target - tolerance)
        if i < len(self.keyframes):
            key = self.keyframes[i]
            if key <= target + tolerance and key > self.position + self.half_frame:
                return key
        return target

    def frame_at(self, target: float, tolerance: float = 0.0) -> Any | None:
        """The first frame at or after ``target`` (within half a frame), or a keyframe within
        ``tolerance`` of it; None past the end."""
        import av

        if self.ended:
            return None
        target = self.aim(target, tolerance)
        if self._should_seek(target):
            self._seek(max(0.0, target))
        last_key: float | None = None
        steps = 0
        while True:
            steps += 1
            if steps % 16 == 0 and _cancelled(self.cancel):
                raise ExtractionCancelled(source=self.info.source)
            decoder = self.decoder
            assert decoder is not None
            try:
                frame = next(decoder)
            except StopIteration:
                self.ended = True
                return None
            except av.error.FFmpegError as exc:
                self._recover(exc, target)
                continue
            if frame.pts is None:
                continue
            time = float(frame.pts * self.time_base) - self.start
            if frame.key_frame:
                if last_key is not None:
                    self.keyframe_gap = max(self.keyframe_gap, time - last_key)
                last_key = time
            self.position = time
            if time + self.half_frame >= target:
                return frame


_TRANSPOSE = {90: "ROTATE_90", -90: "ROTATE_270", 270: "ROTATE_270", 180: "ROTATE_180",
              -180: "ROTATE_180"}  # fmt: skip


def _to_image(frame: Any, plan: VideoPlan, size: tuple[int, int] | None) -> Image.Image:
    """The frame in RGB at the size sent, turned upright (a phone clip's display matrix)."""
    from PIL import Image

    rotation = round(float(getattr(frame, "rotation", 0) or 0))
    turned = _TRANSPOSE.get(rotation)
    upright = (
        (frame.height, frame.width) if rotation in (90, -90, 270) else (frame.width, frame.height)
    )
    w, h = size or plan.budget.target_size(*upright)
    sw, sh = (h, w) if rotation in (90, -90, 270) else (w, h)
    rgb = frame.reformat(width=sw, height=sh, format="rgb24", interpolation="AREA")
    image: Image.Image = rgb.to_image()
    if turned is not None:
        image = image.transpose(getattr(Image.Transpose, turned))
    return image


def _snap_tolerance(plan: VideoPlan) -> float:
    """How far from its planned time a frame may be taken when a keyframe is there.

    Frames a second or more apart (a long clip at 1 fps or less) take a keyframe within a quarter
    of their spacing (at most half a second) instead of decoding up to a keyframe interval of
    frames to reach the exact time: about half as much decoding for a clip with a keyframe a
    second, while each frame's time, kept with it, is still off the even spacing by less than
    the spacing itself resolves. Denser sampling takes the exact frames.
    """
    count = plan.frame_count
    spacing = (plan.timestamps[-1] - plan.timestamps[0]) / (count - 1) if count > 1 else 0.0
    if spacing < _SNAP_MIN_SPACING:
        return 0.0
    return min(_SNAP_SHARE * spacing, _SNAP_MAX_SECONDS)


def _clip_frames(
    info: VideoInfo,
    plan: VideoPlan,
    targets: tuple[float, ...],
    sink: _FrameSink,
    cancel: CancelCheck | None,
    timeout: float,
) -> Iterator[tuple[float, Image.Image]]:
    import av

    with (
        open_video_file(info.path, info.source) as fp,
        open_container(fp, info.source, timeout=timeout) as container,
    ):
        reader = _ClipReader(container, info, cancel)
        tolerance = _snap_tolerance(plan)
        for number, target in enumerate(targets, start=1):
            if number % _TRIM_EVERY == 0:
                _release_freed_memory()
            if _cancelled(cancel):
                raise ExtractionCancelled(source=info.source)
            try:
                frame = reader.frame_at(target, tolerance)
            except av.error.FFmpegError as exc:
                raise CorruptVideoError(
                    translate("Errors", "%1 is damaged: its frames cannot be decoded.").replace(
                        "%1", str(info.source)
                    ),
                    source=info.source,
                    detail=str(exc),
                ) from None
            if frame is None:
                return
            # Straight to the size sent once the first frame has settled it.
            yield reader.position, _to_image(frame, plan, sink.size)
