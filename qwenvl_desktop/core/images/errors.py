"""Why an image could not be attached, one class per cause.

Every failure of the pipeline is an :class:`ImageError` (kind ``"image"``, so the command line
exits 2 with the sentence, and the window shows it beside the attachment while the turn's other
images still go). The subclass and its :attr:`ImageError.reason` say which cause it was, for tests
and for the UI's choice of icon; ``str(error)`` is the sentence for the user, naming the source.

::

    AttachmentError             (also the base of core.video's VideoError)
    ImageError                  (kind "image")
    ├── SourceError             the source cannot be read as bytes at all
    │   ├── ImageNotFoundError      no such file                              reason "not-found"
    │   ├── BrokenLinkError         a symbolic link to nothing                "broken-link"
    │   ├── NotAFileError           a folder, device, pipe or socket          "not-a-file"
    │   ├── UnreadableFileError     permission denied, I/O error              "unreadable"
    │   ├── BadPathError            too long, NUL character, empty            "bad-path"
    │   └── UnsupportedSourceError  an ftp:// link, a malformed URL…          "unsupported-source"
    ├── EmptyImageError         zero bytes, or a 0×0 image                    "empty"
    ├── NotAnImageError         text, a PDF, a video… whatever the name says  "not-an-image"
    ├── UnsupportedFormatError  an image format with no decoder here (HEIC…)  "unsupported-format"
    ├── CorruptImageError       truncated or damaged image data               "corrupt"
    ├── ImageTooLargeError      past Pillow's decompression-bomb limit        "too-large"
    └── AspectRatioError        longer than 200:1                             "aspect-ratio"
"""

from __future__ import annotations

from typing import Any

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.protocol.errors import QwenVLError

__all__ = [
    "AspectRatioError",
    "AttachmentError",
    "BadPathError",
    "BrokenLinkError",
    "CorruptImageError",
    "EmptyImageError",
    "ImageError",
    "ImageNotFoundError",
    "ImageTooLargeError",
    "NotAFileError",
    "NotAnImageError",
    "SourceError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "UnsupportedSourceError",
]


class AttachmentError(QwenVLError):
    """Something given to attach (an image here, a video in :mod:`qwenvl_desktop.core.video`)
    that cannot be used. ``source`` is the human-readable name it was given; :attr:`reason`
    names the cause (a subclass sets it)."""

    reason = "unusable"

    def __init__(
        self, message: str | None = None, *, source: str | None = None, detail: str | None = None
    ) -> None:
        super().__init__(message, detail=detail)
        self.source = source

    def details(self) -> dict[str, Any]:
        return {**super().details(), "reason": self.reason, "source": self.source}

    def one_line(self) -> str:
        # One sentence, naming the file: the decoder's own words (FFmpeg's "[Errno 1094995529]
        # Invalid data…", Pillow's) help no one at a prompt; they stay in details() (--json).
        return f"{self.kind}: {self.user_message}"


class ImageError(AttachmentError):
    """An image that cannot be attached."""

    kind = "image"
    user_message = translatable("Errors", "This image cannot be used.")


class SourceError(ImageError):
    reason = "source"
    user_message = translatable("Errors", "The image source cannot be read.")


class ImageNotFoundError(SourceError):
    reason = "not-found"
    user_message = translatable("Errors", "The image file does not exist.")


class BrokenLinkError(SourceError):
    reason = "broken-link"
    user_message = translatable(
        "Errors", "The image is a symbolic link to a file that does not exist."
    )


class NotAFileError(SourceError):
    reason = "not-a-file"
    user_message = translatable("Errors", "The path is not a regular file.")


class UnreadableFileError(SourceError):
    reason = "unreadable"
    user_message = translatable("Errors", "The image file cannot be read.")


class BadPathError(SourceError):
    reason = "bad-path"
    user_message = translatable("Errors", "The path cannot be used.")


class UnsupportedSourceError(SourceError):
    reason = "unsupported-source"
    user_message = translatable("Errors", "Only local files and http(s) links can be attached.")


class EmptyImageError(ImageError):
    reason = "empty"
    user_message = translatable("Errors", "The image is empty.")


class NotAnImageError(ImageError):
    reason = "not-an-image"
    user_message = translatable("Errors", "This is not an image.")


class UnsupportedFormatError(ImageError):
    reason = "unsupported-format"
    user_message = translatable("Errors", "This image format cannot be read here.")


class CorruptImageError(ImageError):
    reason = "corrupt"
    user_message = translatable("Errors", "The image data is damaged or incomplete.")


class ImageTooLargeError(ImageError):
    reason = "too-large"
    user_message = translatable("Errors", "The image is too large to process.")


class AspectRatioError(ImageError):
    reason = "aspect-ratio"
    user_message = translatable(
        "Errors", "The image is too long and thin: the service accepts at most 200:1."
    )
