"""Which frames of a clip are sent, how large, and what the request's ``fps`` field says.

The service takes a video as a list of frames plus ``fps``, which the model reads as time: frame
``i`` is at ``i / fps`` seconds. So the frames are spread evenly — the middle of each of ``n``
equal slots of the clip — and ``fps`` is their real rate, ``n / duration``, whatever was asked:
when the family's frame limit or ``--max-frames`` keeps fewer frames than the asked rate would,
the field goes down with them, and the model still reads the right times.

Limits (``shared/API.md``): 4 to 512 frames for Qwen3-VL and the Qwen2.5-VL models (the
commercial qwen-vl-max/plus and qwen2.5-vl-*), 4 to 80 for other families; ``fps`` 0.1 to 10.

Each frame's pixels follow the budget Qwen's own video processing uses: between
:data:`MIN_FRAME_TOKENS` and :data:`MAX_FRAME_TOKENS` per frame, fewer as there are more frames
(:data:`TOTAL_VIDEO_TOKENS` over the clip), on the model's grid by the same ``smart_resize`` as
images. The 10 MB per video is then kept by :mod:`.frames`, which may make frames smaller still.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images.budget import PixelBudget
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.video.errors import VideoTooShortError

__all__ = [
    "DEFAULT_FPS",
    "MAX_FPS",
    "MAX_FRAME_TOKENS",
    "MIN_FPS",
    "MIN_FRAMES",
    "MIN_FRAME_TOKENS",
    "TOTAL_VIDEO_TOKENS",
    "FrameLimits",
    "VideoPlan",
    "check_fps",
    "frame_budget",
    "frame_limits",
    "plan_timestamps",
    "plan_video",
    "video_tokens",
]

DEFAULT_FPS = 2.0
MIN_FPS = 0.1
MAX_FPS = 10.0
MIN_FRAMES = 4
#: Per-frame token bounds and the clip's total, as in Qwen's video preprocessing (qwen-vl-utils:
#: 128–768 tokens a frame; a pair of frames shares one grid of tokens).
MIN_FRAME_TOKENS = 128
MAX_FRAME_TOKENS = 768
TOTAL_VIDEO_TOKENS = 24576


@dataclass(frozen=True, slots=True)
class FrameLimits:
    min_frames: int
    max_frames: int


def frame_limits(model: ModelInfo) -> FrameLimits:
    """4–512 frames for Qwen3-VL and Qwen2.5-VL models, 4–80 for the others."""
    name = model.name.lower()
    qwen25 = model.group == "Qwen-VL" and not name.startswith("qwen2-vl")
    if model.group == "Qwen3-VL" or qwen25 or name.startswith(("qwen3-vl", "qwen2.5-vl")):
        return FrameLimits(MIN_FRAMES, 512)
    return FrameLimits(MIN_FRAMES, 80)


def check_fps(fps: float) -> float:
    """``fps`` if within 0.1–10, else :class:`ValueError` with a sentence."""
    if not (MIN_FPS <= fps <= MAX_FPS) or math.isnan(fps):
        raise ValueError(f"fps must be from {MIN_FPS:g} to {MAX_FPS:g}, not {fps:g}")
    return fps


def frame_budget(model: ModelInfo, frame_count: int) -> PixelBudget:
    """The pixel budget of each frame when ``frame_count`` frames are sent to ``model``."""
    share = (2 * TOTAL_VIDEO_TOKENS) // max(1, frame_count)
    tokens = max(MIN_FRAME_TOKENS, min(MAX_FRAME_TOKENS, share))
    return PixelBudget(model.grid, tokens)


def video_tokens(frame_count: int, width: int, height: int, grid: int) -> int:
    """Tokens of ``frame_count`` frames of ``width``×``height``: one grid per pair of frames."""
    return math.ceil(frame_count / 2) * ((width * height) // (grid * grid)) + 2


def plan_timestamps(duration: float, count: int) -> tuple[float, ...]:
    """The middle of each of ``count`` equal slots of ``duration`` seconds."""
    step = duration / count
    return tuple(round((i + 0.5) * step, 6) for i in range(count))


@dataclass(frozen=True, slots=True)
class VideoPlan:
    """What will be sent of a clip, known before decoding anything (a card shows it)."""

    timestamps: tuple[float, ...]
    #: the request's ``fps`` field: the frames' real rate
    fps: float
    requested_fps: float
    #: the size each frame is planned at (the 10 MB limit may make it smaller)
    frame_size: tuple[int, int]
    budget: PixelBudget
    estimated_tokens: int
    limits: FrameLimits
    notes: tuple[str, ...] = ()

    @property
    def frame_count(self) -> int:
        return len(self.timestamps)


def plan_video(
    duration: float,
    width: int,
    height: int,
    *,
    model: ModelInfo,
    fps: float = DEFAULT_FPS,
    max_frames: int | None = None,
    frame_count: int | None = None,
    source: str = "The video",
) -> VideoPlan:
    """The frames to send of a ``duration``-second ``width``×``height`` clip.

    ``frame_count``: frames the clip has (an animation's, a clip's estimate), so no frame is
    sent twice. ``max_frames``: at most this many (the family's limit applies too). Raises
    :class:`ValueError` for an fps outside 0.1–10 or ``max_frames`` under 4, and
    :class:`~.errors.VideoTooShortError` for a clip too short for 4 frames.
    """
    check_fps(fps)
    if max_frames is not None and max_frames < MIN_FRAMES:
        raise ValueError(f"at least {MIN_FRAMES} frames are sent, so max-frames cannot be lower")
    limits = frame_limits(model)
    notes: list[str] = []
    wanted = max(1, math.floor(duration * fps + 1e-9))
    count = max(limits.min_frames, wanted)
    cap = limits.max_frames
    if max_frames is not None and max_frames < cap:
        cap = max_frames
    elif max_frames is not None and max_frames > cap:
        notes.append(
            translate("AttachmentNotes", "%1 takes at most %2 frames of a video; %2 are sent")
            .replace("%1", str(model.name))
            .replace("%2", str(cap))
        )
    if count > cap:
        count = cap
    if frame_count is not None and 0 < frame_count < count:
        count = max(frame_count, limits.min_frames)
    if frame_count is not None and 0 < frame_count < limits.min_frames:
        raise VideoTooShortError(
            translate("Errors", "%1 has only %2 frames; at least %3 are needed.")
            .replace("%1", str(source))
            .replace("%2", str(frame_count))
            .replace("%3", str(MIN_FRAMES)),
            source=source,
        )
    if duration < limits.min_frames / MAX_FPS:
        raise VideoTooShortError(
            translate("Errors", "%1 lasts %2 s: too short for %3 frames at most %4 per second.")
            .replace("%1", str(source))
            .replace("%2", f"{duration:.2f}")
            .replace("%3", str(MIN_FRAMES))
            .replace("%4", f"{MAX_FPS:g}"),
            source=source,
        )
    real_fps = count / duration
    if real_fps < MIN_FPS:
        notes.append(
            translate(
                "AttachmentNotes",
                "%1 frames over %2 minutes are %3 s apart, more than the %4 s the fps "
                "field can say: times in the answer are approximate",
            )
            .replace("%1", str(count))
            .replace("%2", f"{duration / 60:.0f}")
            .replace("%3", f"{duration / count:.0f}")
            .replace("%4", f"{1 / MIN_FPS:g}")
        )
    field_fps = round(min(MAX_FPS, max(MIN_FPS, real_fps)), 4)
    if count < wanted:
        notes.append(
            translate(
                "AttachmentNotes",
                "%1 frames spread over the whole clip instead of %2 (%3 fps): sent as %4 "
                "fps, their real spacing",
            )
            .replace("%1", str(count))
            .replace("%2", str(wanted))
            .replace("%3", f"{fps:g}")
            .replace("%4", f"{field_fps:g}")
        )
    budget = frame_budget(model, count)
    size = budget.target_size(width, height)
    tokens = video_tokens(count, *size, model.grid)
    return VideoPlan(
        timestamps=plan_timestamps(duration, count),
        fps=field_fps,
        requested_fps=fps,
        frame_size=size,
        budget=budget,
        estimated_tokens=tokens,
        limits=limits,
        notes=tuple(notes),
    )
