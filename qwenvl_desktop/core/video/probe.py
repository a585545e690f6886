"""What a video source is: a link to pass through, an animated image, or a clip PyAV can read.

:func:`probe_video` reads only the header (and, when the container does not say how long the
clip is, the packet timestamps — no decoding), so a card can show the duration, frames and cost
at once. Every failure is a :class:`~.errors.VideoError` with a sentence naming the source:

- the path itself (missing, a folder, a device, a FIFO that would block, permission) is judged
  on an open descriptor, before any byte is parsed;
- files are handed to FFmpeg as a Python file object, never as a name, so a file called
  ``concat:…`` or ``http:…`` is read as the file it is and not as an FFmpeg protocol;
- a still image is told apart from an animation (Pillow reads GIF, APNG and WebP animations
  with their frame durations, which FFmpeg does not all handle), and from text or a PDF;
- opening is bounded by :data:`PROBE_TIMEOUT_SECONDS` (FFmpeg's interrupt callback), so a file
  that makes the demuxer crawl cannot hang the window or the command line.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import IO, Any, Literal

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.images.sources import display_path, short_name
from qwenvl_desktop.core.video.errors import (
    CorruptVideoError,
    NotAVideoError,
    NoVideoStreamError,
    ProbeTimeoutError,
    UnsupportedCodecError,
    VideoError,
    VideoNotFoundError,
    VideoTooShortError,
    VideoUnreadableError,
)

__all__ = [
    "ANIMATION_FORMATS",
    "PROBE_TIMEOUT_SECONDS",
    "VIDEO_EXTENSIONS",
    "VideoInfo",
    "is_attached_picture",
    "is_video_url",
    "looks_like_video_file",
    "open_container",
    "open_video_file",
    "probe_video",
]

#: Probing (opening the container, reading its header) gives up after this long.
PROBE_TIMEOUT_SECONDS = 120.0
#: File names offered as videos (the window's open dialog and drop routing; content decides).
VIDEO_EXTENSIONS = frozenset(
    {".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".mpg", ".mpeg", ".ts", ".m2ts", ".3gp",
     ".ogv", ".flv", ".wmv"}
)  # fmt: skip
#: Pillow formats whose animations are read as frame sets
ANIMATION_FORMATS = frozenset({"GIF", "PNG", "WEBP"})
#: Browsers show GIF frames that ask for less than this as 100 ms; so do we.
_MIN_FRAME_MS = 20
#: Bytes FFmpeg asks of the Python file at a time
_IO_BUFFER = 256 * 1024
_DEFAULT_FRAME_MS = 100

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the open
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
#: Leading bytes of containers: a file starting so that FFmpeg refuses is damaged, not "not a
#: video". (ISO BMFF's "ftyp" is at offset 4, checked apart.)
_CONTAINER_MAGIC = (
    b"\x1a\x45\xdf\xa3",  # Matroska / WebM (EBML)
    b"RIFF",  # AVI (RIFF....AVI )
    b"OggS",
    b"FLV",
    b"\x00\x00\x01\xba",  # MPEG program stream
    b"\x00\x00\x01\xb3",  # MPEG-1/2 video
    b"\x30\x26\xb2\x75",  # ASF / WMV
)


@dataclass(frozen=True, slots=True)
class VideoInfo:
    """What :func:`probe_video` found. Sizes are as stored (a clip shot upright on a phone is
    turned when its frames are decoded)."""

    source: str
    path: str
    kind: Literal["file", "animation"]
    #: seconds
    duration: float
    width: int
    height: int
    #: the clip's own frame rate (average), None when the container does not say
    fps: float | None
    #: frames in the clip (counted for an animation, from the header or duration·fps for a
    #: clip: an estimate)
    frame_count: int
    codec: str
    container: str
    #: start times (s) of an animation's frames; empty for a clip
    frame_times: tuple[float, ...] = ()


#: the streams a file can hold other than video, as said in "has no video in it (only …)"
_STREAM_KINDS = {
    "audio": translatable("Errors", "audio"),
    "subtitle": translatable("Errors", "subtitle"),
    "data": translatable("Errors", "data"),
    "attachment": translatable("Errors", "attachment"),
}


def is_video_url(text: str) -> bool:
    """An http(s) link with a host: passed through for the service to download."""
    parts = urllib.parse.urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def looks_like_video_file(path: str | os.PathLike[str]) -> bool:
    """Whether the name says video (for routing a drop or an open dialog's filter)."""
    return os.path.splitext(os.fspath(path))[1].lower() in VIDEO_EXTENSIONS


def _path_of(source: str | os.PathLike[str]) -> str:
    raw = os.fspath(source)
    text = raw if isinstance(raw, str) else os.fsdecode(raw)
    if text.lower().startswith("file://"):
        parts = urllib.parse.urlsplit(text)
        if parts.netloc not in ("", "localhost"):
            raise VideoUnreadableError(
                translate(
                    "Errors", "%1 is a file on another computer; only local files can be used."
                ).replace("%1", str(short_name(text))),
                source=text,
            )
        return os.fsdecode(urllib.parse.unquote_to_bytes(parts.path))
    return text


def open_video_file(path: str, name: str) -> IO[bytes]:
    """``path`` opened for reading, or the :class:`VideoSourceError` that says why not."""
    shown = short_name(name)
    if not path.strip():
        raise VideoUnreadableError(translate("Errors", "No file name was given."), source=name)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError, UnicodeError) as exc:
        raise _open_error(exc, path, name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise VideoUnreadableError(
                translate("Errors", "%1 is a folder, not a video file.").replace("%1", str(shown)),
                source=name,
            )
        if not stat.S_ISREG(info.st_mode):
            raise VideoUnreadableError(
                translate("Errors", "%1 is not a regular file (a device, pipe or socket).").replace(
                    "%1", str(shown)
                ),
                source=name,
            )
        if info.st_size == 0:
            raise NotAVideoError(
                translate("Errors", "%1 is empty (0 bytes).").replace("%1", str(shown)), source=name
            )
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _open_error(exc: Exception, path: str, name: str) -> VideoError:
    """The sentence for a path ``os.open`` refused."""
    shown = short_name(name)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        if os.path.islink(path):
            return VideoNotFoundError(
                translate("Errors", "%1 is a symbolic link to a file that does not exist.").replace(
                    "%1", str(shown)
                ),
                source=name,
            )
        return VideoNotFoundError(
            translate("Errors", "%1: no such file.").replace("%1", str(shown)), source=name
        )
    if isinstance(exc, IsADirectoryError) or (
        isinstance(exc, PermissionError) and os.path.isdir(path)
    ):
        return VideoUnreadableError(
            translate("Errors", "%1 is a folder, not a video file.").replace("%1", str(shown)),
            source=name,
        )
    if isinstance(exc, PermissionError):
        return VideoUnreadableError(
            translate("Errors", "%1 cannot be read: permission denied.").replace("%1", str(shown)),
            source=name,
        )
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        why = "the path is too long for this system"
    elif isinstance(exc, OSError):
        why = exc.strerror or type(exc).__name__
    else:
        why = "the name holds characters no file name can"
    return VideoUnreadableError(
        translate("Errors", "%1 cannot be opened: %2.")
        .replace("%1", str(shown))
        .replace("%2", str(why)),
        source=name,
    )


def probe_video(
    source: str | os.PathLike[str],
    *,
    label: str | None = None,
    timeout: float = PROBE_TIMEOUT_SECONDS,
) -> VideoInfo:
    """Read what ``source`` (a local path or ``file://`` URL) is, without decoding frames.

    Raises a :class:`~.errors.VideoError` subclass for anything that cannot be sent as a video
    (fewer than 4 frames included). Blocking, at most ``timeout`` seconds in FFmpeg's open.
    """
    path = _path_of(source)
    name = label or display_path(path)
    with open_video_file(path, name) as fp:
        head = fp.read(256)
        fp.seek(0)
        animation = _probe_animation(fp, path, name)
        if animation is not None:
            return animation
        fp.seek(0)
        with open_container(fp, name, head, timeout=timeout, probing=True) as container:
            return _probe_container(container, path, name)


# ---- animated images (Pillow) ----------------------------------------------------------------


def _probe_animation(fp: IO[bytes], path: str, name: str) -> VideoInfo | None:
    """An animated GIF/APNG/WebP as a frame set; None when Pillow does not read it as an image.

    A still image is refused here: it goes in as an image, not as a one-frame video.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        im = Image.open(fp)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None
    except Image.DecompressionBombError:
        raise NotAVideoError(
            translate("Errors", "%1 is an image too large to read.").replace(
                "%1", str(short_name(name))
            ),
            source=name,
        ) from None
    with im:
        if im.format == "MPEG":  # Pillow "identifies" MPEG video but cannot decode it
            return None
        frames = int(getattr(im, "n_frames", 1) or 1)
        if im.format not in ANIMATION_FORMATS or frames < 2:
            raise NotAVideoError(
                translate("Errors", "%1 is a still image (%2), not a video; attach it as an image.")
                .replace("%1", str(short_name(name)))
                .replace("%2", str(im.format or "image")),
                source=name,
            )
        starts: list[float] = []
        elapsed = 0
        try:
            for index in range(frames):
                im.seek(index)
                starts.append(elapsed / 1000)
                ms = im.info.get("duration") or 0
                elapsed += int(ms) if int(ms) >= _MIN_FRAME_MS else _DEFAULT_FRAME_MS
        except (EOFError, OSError, ValueError, SyntaxError) as exc:
            if len(starts) < 2:
                raise CorruptVideoError(
                    translate("Errors", "%1 is a damaged %2 animation.")
                    .replace("%1", str(short_name(name)))
                    .replace("%2", str(im.format)),
                    source=name,
                    detail=str(exc),
                ) from None
        if len(starts) < 4:
            raise VideoTooShortError(
                translate("Errors", "%1 has only %2 frames; at least 4 are needed.")
                .replace("%1", str(short_name(name)))
                .replace("%2", str(len(starts))),
                source=name,
            )
        width, height = im.size
        return VideoInfo(
            source=name,
            path=path,
            kind="animation",
            duration=elapsed / 1000,
            width=width,
            height=height,
            fps=len(starts) / (elapsed / 1000) if elapsed else None,
            frame_count=len(starts),
            codec=str(im.format).lower(),
            container=str(im.format).lower(),
            frame_times=tuple(starts),
        )


# ---- clips (PyAV) ----------------------------------------------------------------------------


def _looks_like_container(head: bytes) -> bool:
    """Whether the first bytes are a video container's: if FFmpeg then refuses the file, it is
    damaged; otherwise it is something else (text, a PDF…), whatever its name says."""
    if len(head) >= 8 and head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip"):
        return True
    if head.startswith(_CONTAINER_MAGIC):
        return True
    # MPEG-TS: a sync byte every 188 bytes
    return len(head) >= 1 and head[0] == 0x47 and head[188:189] in (b"", b"\x47")


class _TimedReader(io.RawIOBase):
    """The file as FFmpeg reads it, ending (EOF) once the probing time is over.

    FFmpeg's own interrupt callback does not cover reads through Python, and an exception raised
    in a read callback would be printed by PyAV; an early end of file makes FFmpeg stop cleanly,
    and :attr:`expired` says why it stopped.
    """

    def __init__(self, fp: IO[bytes], seconds: float) -> None:
        super().__init__()
        self._fp = fp
        self._deadline: float | None = time.monotonic() + seconds
        self.expired = False

    def disarm(self) -> None:
        """No limit from now on (decoding a long clip may take longer than probing may)."""
        self._deadline = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._fp.seek(offset, whence)

    def tell(self) -> int:
        return self._fp.tell()

    def readinto(self, buffer: Any) -> int:
        if self._deadline is not None and time.monotonic() > self._deadline:
            self.expired = True
            return 0
        data = self._fp.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


@contextlib.contextmanager
def open_container(
    fp: IO[bytes],
    name: str,
    head: bytes = b"",
    *,
    timeout: float = PROBE_TIMEOUT_SECONDS,
    probing: bool = False,
) -> Iterator[Any]:
    """``av.open`` on ``fp`` within ``timeout`` seconds; PyAV's errors become sentences.

    ``probing``: the limit covers the whole ``with`` block (reading the header, and scanning
    packets for a length), not only the open.
    """
    import av

    shown = short_name(name)
    reader = _TimedReader(fp, timeout)
    too_long = ProbeTimeoutError(
        translate("Errors", "Reading %1 took over %2 seconds; it was given up.")
        .replace("%1", str(shown))
        .replace("%2", f"{timeout:g}"),
        source=name,
    )
    try:
        container = av.open(reader, "r", timeout=(timeout, None), buffer_size=_IO_BUFFER)
    except (av.error.ExitError, av.error.TimeoutError):  # FFmpeg's own interrupt callback
        raise too_long from None
    except (av.error.InvalidDataError, av.error.EOFError, av.error.DemuxerNotFoundError) as exc:
        if reader.expired:
            raise too_long from None
        if _looks_like_container(head):
            raise CorruptVideoError(
                translate(
                    "Errors", "%1 is damaged or incomplete: its container cannot be read."
                ).replace("%1", str(shown)),
                source=name,
                detail=str(exc),
            ) from None
        raise NotAVideoError(
            translate("Errors", "%1 is not a video (no known video container).").replace(
                "%1", str(shown)
            ),
            source=name,
            detail=str(exc),
        ) from None
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        if reader.expired:
            raise too_long from None
        raise CorruptVideoError(
            translate("Errors", "%1 cannot be read as a video.").replace("%1", str(shown)),
            source=name,
            detail=str(exc),
        ) from None
    if not probing:
        reader.disarm()
    try:
        yield container
        if reader.expired:
            raise too_long
    except VideoError:
        raise
    except Exception:
        if reader.expired:
            raise too_long from None
        raise
    finally:
        container.close()


def _probe_container(container: Any, path: str, name: str) -> VideoInfo:

    shown = short_name(name)
    if not container.streams:
        raise CorruptVideoError(
            translate("Errors", "%1 is damaged: no streams can be read in it.").replace(
                "%1", str(shown)
            ),
            source=name,
        )
    streams = list(container.streams.video)
    if not streams:
        kinds = translate("Errors", ", ", "between the items of a list").join(
            translate("Errors", _STREAM_KINDS.get(kind, kind))
            for kind in sorted({s.type for s in container.streams})
        )
        raise NoVideoStreamError(
            translate("Errors", "%1 has no video in it (only %2).")
            .replace("%1", str(shown))
            .replace("%2", str(kinds)),
            source=name,
        )
    # Cover art in an audio file is a one-frame "video" stream flagged attached_pic.
    moving = [s for s in streams if not is_attached_picture(s)]
    if not moving:
        raise NoVideoStreamError(
            translate("Errors", "%1 has no video in it (only a still cover picture).").replace(
                "%1", str(shown)
            ),
            source=name,
        )
    stream = moving[0]
    codec = stream.codec_context
    codec_name = getattr(codec, "name", None) if codec is not None else None
    if codec is None or not codec_name or codec_name == "none" or not _can_decode(codec_name):
        tag = getattr(codec, "codec_tag", "") if codec is not None else ""
        # Without a decoder PyAV gives no codec context, so often there is no name to give.
        what = codec_name if codec_name and codec_name != "none" else tag
        sentence = (
            translate("Errors", "%1 uses a video format (%2) this app cannot decode.")
            if what
            else translate("Errors", "%1 uses a video format this app cannot decode.")
        )
        raise UnsupportedCodecError(
            sentence.replace("%1", str(shown)).replace("%2", str(what)), source=name
        )
    width, height = int(codec.width or 0), int(codec.height or 0)
    if width <= 0 or height <= 0:
        raise CorruptVideoError(
            translate("Errors", "%1 is damaged: its video has no picture size.").replace(
                "%1", str(shown)
            ),
            source=name,
        )
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    fps = float(rate) if rate else None
    duration = _duration(container, stream, fps)
    if duration is None or duration <= 0:
        raise CorruptVideoError(
            translate("Errors", "%1 is damaged: its length cannot be read.").replace(
                "%1", str(shown)
            ),
            source=name,
        )
    count = int(stream.frames or 0) or (round(duration * fps) if fps else 0)
    if 0 < count < 4:
        raise VideoTooShortError(
            (
                translate("Errors", "%1 has only 1 frame; at least 4 are needed.")
                if count == 1
                else translate("Errors", "%1 has only %2 frames; at least 4 are needed.")
            )
            .replace("%1", str(shown))
            .replace("%2", str(count)),
            source=name,
        )
    return VideoInfo(
        source=name,
        path=path,
        kind="file",
        duration=duration,
        width=width,
        height=height,
        fps=fps,
        frame_count=count,
        codec=codec_name,
        container=str(getattr(container.format, "name", "") or ""),
    )


def is_attached_picture(stream: Any) -> bool:
    """Cover art: a one-picture "video" stream of an audio file (disposition ``attached_pic``)."""
    disposition = getattr(stream, "disposition", None)
    flag = getattr(type(disposition), "attached_pic", None)
    try:
        return bool(disposition is not None and flag is not None and disposition & flag)
    except TypeError:
        return False


def _can_decode(codec_name: str) -> bool:
    import av

    try:
        av.codec.Codec(codec_name, "r")
    except (av.error.FFmpegError, ValueError, av.codec.codec.UnknownCodecError):
        return False
    return True


def _duration(container: Any, stream: Any, fps: float | None) -> float | None:
    """Seconds: the stream's own, else the container's, else the last packet's time."""
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return float(container.duration) / 1_000_000
    if stream.frames and fps:
        return float(stream.frames) / fps
    return _scan_duration(container, stream)


def _scan_duration(container: Any, stream: Any) -> float | None:
    """Demux (not decode) every packet to find the end: for containers without a length."""
    import av

    last: Fraction | None = None
    first: Fraction | None = None
    try:
        for packet in container.demux(stream):
            if packet.pts is None or packet.time_base is None:
                continue
            end = (packet.pts + (packet.duration or 0)) * packet.time_base
            start = packet.pts * packet.time_base
            first = start if first is None else min(first, start)
            last = end if last is None else max(last, end)
    except av.error.FFmpegError:
        pass
    if last is None or first is None:
        return None
    container.seek(0)
    return float(last - first)
