"""``ask --video``: videos and images prepared in command-line order, and what is said about them.

A video is a local clip (frames extracted here, at ``--fps`` within the model's frame limits and
``--max-frames``), an animated GIF/APNG/WebP (a frame set), or an http(s) link passed through.
``--fps`` and ``--max-frames`` given after a ``--video`` are that video's own; given before
every ``--video``, each video's (:func:`video_settings`).
What had to be lowered to fit the service's limits is said on stderr before anything is sent.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from qwenvl_desktop.cli.exit_codes import UsageProblem
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.protocol.request import MediaInput
from qwenvl_desktop.core.video.attachment import VideoAttachment

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.images.budget import Detail
    from qwenvl_desktop.core.video.frames import ExtractionProgress

__all__ = [
    "images_of",
    "media_input",
    "media_sources",
    "prepare_media",
    "video_settings",
    "videos_of",
]


def media_sources(args: argparse.Namespace) -> list[tuple[str, str]]:
    """``("image" | "video", source)`` pairs in command-line order."""
    media = getattr(args, "media", None)
    if media:
        return [(kind, source) for kind, source in media]
    return [("image", source) for source in getattr(args, "image", None) or []]


def video_settings(args: argparse.Namespace, place: int) -> tuple[float, int | None]:
    """``(fps, max_frames)`` of the video at ``place`` in :func:`media_sources`: its own
    ``--fps``/``--max-frames`` (given after it), else those given before every ``--video``."""
    own = (getattr(args, "video_settings", None) or {}).get(place, {})
    fps = own.get("fps", getattr(args, "fps", None))
    max_frames = own.get("max_frames", getattr(args, "max_frames", None))
    return (2.0 if fps is None else float(fps)), max_frames


def media_input(item: Attachment | VideoAttachment) -> MediaInput:
    """The request part of an image or a video."""
    if isinstance(item, VideoAttachment):
        return item.to_video_input()
    return item.to_image_input()


def images_of(media: Sequence[Attachment | VideoAttachment]) -> list[Attachment]:
    return [m for m in media if not isinstance(m, VideoAttachment)]


def videos_of(media: Sequence[Attachment | VideoAttachment]) -> list[VideoAttachment]:
    return [m for m in media if isinstance(m, VideoAttachment)]


async def prepare_media(
    args: argparse.Namespace, info: ModelInfo, detail: Detail, economy_tokens: int
) -> list[Attachment | VideoAttachment]:
    """Every ``--image`` and ``--video`` prepared, in the order given; the first unusable one
    ends the command with its sentence (exit 2)."""
    sources = media_sources(args)
    if not sources:
        return []
    if any(kind == "video" for kind, _ in sources):
        _check_model_takes_video(info)
    out: list[Attachment | VideoAttachment] = []
    for place, (kind, source) in enumerate(sources):
        if kind == "video":
            fps, max_frames = video_settings(args, place)
            video = await _prepare_video(source, info, fps, max_frames)
            for note in video.notes:
                line = translate("CliVideo", "note: %1: %2").replace("%1", video.source)
                print(line.replace("%2", note), file=sys.stderr)
            out.append(video)
        else:
            # The pipeline pulls in Pillow: loaded only when there is an image.
            from qwenvl_desktop.core.images import prepare_attachment_async

            out.append(
                await prepare_attachment_async(
                    source, model=info, detail=detail, economy_tokens=economy_tokens
                )
            )
    return out


def _check_model_takes_video(info: ModelInfo) -> None:
    if info.video:
        return
    if info.known and not info.like:
        sentence = translate(
            "CliVideo", "%1 does not take video; choose a model that does (e.g. qwen3-vl-plus)."
        )
        raise UsageProblem(sentence.replace("%1", info.name))
    note = translate("CliVideo", "note: %1 is not known to take video; sending the frames anyway.")
    print(note.replace("%1", info.name), file=sys.stderr)


async def _prepare_video(
    source: str, info: ModelInfo, fps: float, max_frames: int | None
) -> VideoAttachment:
    from qwenvl_desktop.core.video.prepare import prepare_video_async

    cancel = threading.Event()
    progress = _TerminalProgress(source) if sys.stderr.isatty() else None
    try:
        return await prepare_video_async(
            source, model=info, fps=fps, max_frames=max_frames, progress=progress, cancel=cancel
        )
    except asyncio.CancelledError:
        # Ctrl+C: stop the worker too, or the loop's shutdown would wait for the whole clip.
        cancel.set()
        raise
    finally:
        if progress is not None:
            progress.clear()


class _TerminalProgress:
    """``frames 12/60`` on stderr, rewritten in place (a terminal only)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.shown = False

    def __call__(self, progress: ExtractionProgress) -> None:
        line = translate("CliVideo", "frames of %1: %2/%3").replace("%1", self.source)
        line = line.replace("%2", str(progress.done)).replace("%3", str(progress.total))
        sys.stderr.write(f"\r{line}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
