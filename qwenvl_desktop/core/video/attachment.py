"""What a video attachment is: its frames as sent (or its link), their times, and what it costs.

Plain data and no heavy imports (no PyAV, no Pillow): the conversation model, the history and
the window's cards all hold these, and :mod:`.prepare` is the one place that makes them.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Literal

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol.request import VideoInput

__all__ = ["VideoAttachment", "VideoFrame", "VideoKind", "format_timestamp"]

#: file: a local clip, sent as frames · animation: an animated GIF/APNG/WebP, sent as frames ·
#: url: an http(s) link the service downloads and samples itself
VideoKind = Literal["file", "animation", "url"]


def format_timestamp(seconds: float) -> str:
    """``0:07``, ``12:34``, ``1:02:03``: a time in a clip as people write it (whole seconds)."""
    whole = max(0, int(seconds + 0.5))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True, slots=True)
class VideoFrame:
    """One frame as sent: its time in the clip and its ``data:`` URI (a JPEG)."""

    #: seconds from the start of the clip
    timestamp: float
    url: str
    #: SHA-256 of the encoded image bytes (the history stores each distinct frame once)
    sha256: str = ""

    @classmethod
    def from_bytes(cls, timestamp: float, data: bytes, mime: str = "image/jpeg") -> VideoFrame:
        from qwenvl_desktop.core.images.data_uri import build_data_uri

        return cls(timestamp, build_data_uri(mime, data), hashlib.sha256(data).hexdigest())

    @classmethod
    def from_url(cls, timestamp: float, url: str) -> VideoFrame:
        """A frame read back from text (an export): its hash from the URI's bytes."""
        from qwenvl_desktop.core.images.data_uri import split_data_uri

        image = split_data_uri(url)
        return cls(timestamp, url, image.sha256 if image is not None else "")


@dataclass(frozen=True, slots=True)
class VideoAttachment:
    """One video ready to send, and what the UI shows about it.

    A local clip or an animation carries :attr:`frames`; a link carries :attr:`url` and no
    frames. :attr:`fps` is the value of the request's ``fps`` field: for frames, their real
    spacing (``len(frames) / duration``), which the model reads as time.
    """

    source: str
    kind: VideoKind
    fps: float
    frames: tuple[VideoFrame, ...] = ()
    url: str | None = None
    #: seconds (None for a link: not downloaded here)
    duration: float | None = None
    original_size: tuple[int, int] | None = None
    #: the size every frame is sent at
    sent_size: tuple[int, int] | None = None
    #: e.g. "h264", "gif"
    codec: str | None = None
    estimated_tokens: int = 0
    #: characters of the request the video takes (its data URIs, or the link)
    upload_bytes: int = 0
    #: what was changed to fit the limits (lower fps, smaller frames…), said before sending
    notes: tuple[str, ...] = field(default=())

    def to_video_input(self) -> VideoInput:
        if self.kind == "url" or not self.frames:
            return VideoInput(self.fps, url=self.url or "")
        return VideoInput(self.fps, frames=tuple(f.url for f in self.frames))

    @property
    def frame_count(self) -> int:
        return len(self.frames)

    @property
    def timestamps(self) -> tuple[float, ...]:
        return tuple(f.timestamp for f in self.frames)

    def index_at(self, seconds: float) -> int | None:
        """The index in :attr:`frames` of the frame sent nearest to ``seconds`` (None: a link)."""
        if not self.frames:
            return None
        times = self.timestamps
        i = bisect.bisect_left(times, seconds)
        candidates = [c for c in (i - 1, i) if 0 <= c < len(times)]
        return min(candidates, key=lambda c: abs(times[c] - seconds))

    def frame_at(self, seconds: float) -> VideoFrame | None:
        """The frame sent nearest to ``seconds`` into the clip (None for a link)."""
        index = self.index_at(seconds)
        return None if index is None else self.frames[index]

    def summary(self) -> str:
        """One line for a tooltip or a note: what goes out and what it costs."""
        if self.kind == "url":
            return (
                translate("AttachmentNotes", "%1 — link, sampled by the service at %2 fps")
                .replace("%1", self.source)
                .replace("%2", f"{self.fps:g}")
            )
        length = format_timestamp(self.duration or 0.0)
        size = "×".join(str(n) for n in self.sent_size) if self.sent_size else "?"
        return (
            translate("AttachmentNotes", "%1 — %2, %3 frames at %4 fps, %5 px, %6 MiB, ≈%7 tokens")
            .replace("%1", self.source)
            .replace("%2", length)
            .replace("%3", str(self.frame_count))
            .replace("%4", f"{self.fps:g}")
            .replace("%5", size)
            .replace("%6", f"{self.upload_bytes / 2**20:.1f}")
            .replace("%7", f"{self.estimated_tokens:,}")
        )
