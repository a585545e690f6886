"""The video pipeline: a clip, an animated image or a link in, what the service takes out. No Qt.

:func:`prepare_video` (or :func:`prepare_video_async`) turns a local video file (mp4, mov, webm,
mkv, avi…), an animated GIF/APNG/WebP or an http(s) link into a :class:`VideoAttachment`: for a
file, frames decoded with PyAV (FFmpeg inside its wheel) at the chosen fps within the model
family's frame limits, each sized to the per-frame pixel budget and encoded through the image
pipeline, the whole kept under the service's 10 MB per video; a link passes through. Unusable
input raises a :class:`VideoError` subclass whose ``str()`` is a sentence for the user.

Modules: ``probe`` (what a file is: duration, size, fps, codec), ``plan`` (which frames, how
large, at what fps; the family's limits), ``frames`` (decoding and encoding the planned frames,
progress and cancel), ``prepare`` (the one way in), ``attachment`` (the data the conversation,
history and window hold), ``times`` (times written in an answer), ``errors``.
"""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports
from qwenvl_desktop.core.video.attachment import (
    VideoAttachment,
    VideoFrame,
    VideoKind,
    format_timestamp,
)
from qwenvl_desktop.core.video.errors import *  # noqa: F403  (the hierarchy is the module's __all__)
from qwenvl_desktop.core.video.errors import __all__ as _errors_all

# Lazy: PyAV and Pillow load only when a video is probed or prepared.
if TYPE_CHECKING:
    from qwenvl_desktop.core.video.plan import (
        DEFAULT_FPS,
        MAX_FPS,
        MIN_FPS,
        FrameLimits,
        VideoPlan,
        check_fps,
        frame_limits,
        plan_video,
    )
    from qwenvl_desktop.core.video.prepare import (
        ExtractionProgress,
        PlannedVideo,
        extract_video,
        prepare_video,
        prepare_video_async,
        probe_and_plan,
        video_link,
    )
    from qwenvl_desktop.core.video.probe import (
        VIDEO_EXTENSIONS,
        VideoInfo,
        is_video_url,
        looks_like_video_file,
        probe_video,
    )
    from qwenvl_desktop.core.video.times import TimeMention, find_time_mentions

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "DEFAULT_FPS": "plan",
        "MAX_FPS": "plan",
        "MIN_FPS": "plan",
        "FrameLimits": "plan",
        "VideoPlan": "plan",
        "check_fps": "plan",
        "frame_limits": "plan",
        "plan_video": "plan",
        "ExtractionProgress": "prepare",
        "PlannedVideo": "prepare",
        "extract_video": "prepare",
        "video_link": "prepare",
        "prepare_video": "prepare",
        "prepare_video_async": "prepare",
        "probe_and_plan": "prepare",
        "VIDEO_EXTENSIONS": "probe",
        "VideoInfo": "probe",
        "is_video_url": "probe",
        "looks_like_video_file": "probe",
        "probe_video": "probe",
        "TimeMention": "times",
        "find_time_mentions": "times",
    },
)

__all__ = [
    "DEFAULT_FPS",
    "MAX_FPS",
    "MIN_FPS",
    "VIDEO_EXTENSIONS",
    "ExtractionProgress",
    "FrameLimits",
    "PlannedVideo",
    "TimeMention",
    "VideoAttachment",
    "VideoFrame",
    "VideoInfo",
    "VideoKind",
    "VideoPlan",
    "check_fps",
    "extract_video",
    "find_time_mentions",
    "format_timestamp",
    "frame_limits",
    "is_video_url",
    "looks_like_video_file",
    "plan_video",
    "prepare_video",
    "prepare_video_async",
    "probe_and_plan",
    "probe_video",
    "video_link",
    *_errors_all,
]
