"""Why a video could not be attached, one class per cause.

Every failure of the video pipeline is a :class:`VideoError` (kind ``"video"``: the command line
exits 2 with the sentence, the window shows it on the video's card while the turn's other
attachments still go). ``str(error)`` is one sentence for the user, naming the source;
:attr:`VideoError.reason` says which cause it was, for tests and the card's icon.

::

    VideoError                   (kind "video")
    ├── VideoSourceError         the source cannot be read at all
    │   ├── VideoNotFoundError       no such file                              reason "not-found"
    │   └── VideoUnreadableError     a folder, device, permission, bad path    "unreadable"
    ├── NotAVideoError           text, a PDF, a still image…                   "not-a-video"
    ├── CorruptVideoError        a damaged or truncated container              "corrupt"
    ├── NoVideoStreamError       audio only, subtitles only                    "no-video-stream"
    ├── UnsupportedCodecError    a codec this build of FFmpeg cannot decode    "unsupported-codec"
    ├── VideoTooShortError       fewer than 4 frames                           "too-short"
    ├── VideoTooLargeError       cannot fit the 10 MB limit even when reduced  "too-large"
    ├── ProbeTimeoutError        reading the file took over 2 minutes          "timeout"
    └── ExtractionCancelled      the person cancelled (not shown as an error)  "cancelled"
"""

from __future__ import annotations

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.images.errors import AttachmentError

__all__ = [
    "CorruptVideoError",
    "ExtractionCancelled",
    "NoVideoStreamError",
    "NotAVideoError",
    "ProbeTimeoutError",
    "UnsupportedCodecError",
    "VideoError",
    "VideoNotFoundError",
    "VideoSourceError",
    "VideoTooLargeError",
    "VideoTooShortError",
    "VideoUnreadableError",
]


class VideoError(AttachmentError):
    """A video that cannot be attached."""

    kind = "video"
    user_message = translatable("Errors", "This video cannot be used.")


class VideoSourceError(VideoError):
    reason = "source"
    user_message = translatable("Errors", "The video source cannot be read.")


class VideoNotFoundError(VideoSourceError):
    reason = "not-found"
    user_message = translatable("Errors", "The video file does not exist.")


class VideoUnreadableError(VideoSourceError):
    reason = "unreadable"
    user_message = translatable("Errors", "The video file cannot be read.")


class NotAVideoError(VideoError):
    reason = "not-a-video"
    user_message = translatable("Errors", "This is not a video.")


class CorruptVideoError(VideoError):
    reason = "corrupt"
    user_message = translatable("Errors", "The video file is damaged or incomplete.")


class NoVideoStreamError(VideoError):
    reason = "no-video-stream"
    user_message = translatable("Errors", "The file has no video in it.")


class UnsupportedCodecError(VideoError):
    reason = "unsupported-codec"
    user_message = translatable("Errors", "The video is in a format this app cannot decode.")


class VideoTooShortError(VideoError):
    reason = "too-short"
    user_message = translatable("Errors", "The video is too short: at least 4 frames are needed.")


class VideoTooLargeError(VideoError):
    reason = "too-large"
    user_message = translatable(
        "Errors", "The video cannot be made small enough for the service's 10 MB limit."
    )


class ProbeTimeoutError(VideoError):
    reason = "timeout"
    user_message = translatable("Errors", "Reading the video took too long (over 2 minutes).")


class ExtractionCancelled(VideoError):
    """The person cancelled the extraction; nothing is attached and nothing needs saying."""

    reason = "cancelled"
    user_message = translatable("Errors", "Frame extraction was cancelled.")
