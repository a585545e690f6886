"""Where an image comes from: telling URLs from paths, and opening local files safely.

A path typed, dropped or given on the command line can name anything: a folder, a FIFO that would
block a read forever, ``/dev/zero`` that never ends, a dangling link, a name the file system
cannot even hold. Each is recognised *before* any byte is decoded and reported with its own
sentence, and the file is opened so that nothing can block (``O_NONBLOCK``) and checked on the open
descriptor (``fstat``), so a file swapped between check and open cannot slip through.
"""

from __future__ import annotations

import binascii
import errno
import os
import re
import stat
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import BinaryIO, Literal

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images.data_uri import parse_data_uri
from qwenvl_desktop.core.images.errors import (
    BadPathError,
    BrokenLinkError,
    EmptyImageError,
    ImageNotFoundError,
    NotAFileError,
    NotAnImageError,
    UnreadableFileError,
    UnsupportedSourceError,
)

__all__ = ["TextSource", "classify_text_source", "display_path", "open_image_file", "short_name"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):")

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the open
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def display_path(path: str) -> str:
    """``path`` as printable text: bytes that are not UTF-8 appear as ``\\xNN`` escapes.

    File names on Linux are bytes; Python hands undecodable ones over as lone surrogates, which
    cannot be printed, written as JSON or shown by Qt. The escape keeps them recognisable.
    """
    try:
        raw = os.fsencode(path)
    except UnicodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def short_name(name: str, limit: int = 160) -> str:
    """``name`` cut in the middle, so that a 4,000-character path still reads as a message."""
    if len(name) <= limit:
        return name
    head = limit // 3
    return f"{name[:head]}…{name[-(limit - head - 1) :]}"


@dataclass(frozen=True, slots=True)
class TextSource:
    """What a string source is: an http(s) URL to pass through, a file path, or inline data."""

    kind: Literal["url", "path", "data"]
    url: str | None = None
    path: str | None = None
    data: bytes | None = None


def classify_text_source(text: str) -> TextSource:
    """Tell an http(s) URL (passed through), a ``data:`` URI, a ``file://`` URL and a path apart."""
    match = _SCHEME.match(text.strip())
    if match is None:
        return TextSource("path", path=text)
    scheme = match.group(1).lower()
    stripped = text.strip()
    if scheme in ("http", "https"):
        parts = urllib.parse.urlsplit(stripped)
        if not parts.hostname:
            raise UnsupportedSourceError(
                translate("Errors", "%1 is not a usable link: it names no host.").replace(
                    "%1", str(short_name(stripped))
                ),
                source=stripped,
            )
        return TextSource("url", url=stripped)
    if scheme == "data":
        return TextSource("data", data=_decode_data_uri(stripped))
    if scheme == "file":
        parts = urllib.parse.urlsplit(stripped)
        if parts.netloc not in ("", "localhost"):
            raise UnsupportedSourceError(
                translate(
                    "Errors",
                    "%1 is a file on another computer (%2); only local files can be attached.",
                )
                .replace("%1", str(short_name(stripped)))
                .replace("%2", str(parts.netloc)),
                source=stripped,
            )
        if os.name == "posix":
            # File names are bytes: %E9 is the byte 0xE9, not a character to guess an encoding for.
            return TextSource("path", path=os.fsdecode(urllib.parse.unquote_to_bytes(parts.path)))
        return TextSource("path", path=urllib.request.url2pathname(parts.path))
    if "://" in stripped:
        raise UnsupportedSourceError(
            translate(
                "Errors", "%1:// links cannot be attached; use an http(s) link or a local file."
            ).replace("%1", str(scheme)),
            source=stripped,
        )
    # "C:\photo.jpg" and "name:with:colons.png" are paths.
    return TextSource("path", path=text)


def _decode_data_uri(uri: str) -> bytes:
    parsed = parse_data_uri(uri)
    label = short_name(uri, 60)
    if parsed is None:
        raise NotAnImageError(
            translate("Errors", "%1 is not a well-formed data URI.").replace("%1", str(label)),
            source=label,
        )
    if not parsed.is_base64:
        raise NotAnImageError(
            translate(
                "Errors",
                "%1 is a data URI without base64 image data; only base64 images can be read.",
            ).replace("%1", str(label)),
            source=label,
        )
    try:
        return parsed.decode()
    except (binascii.Error, ValueError) as exc:
        raise NotAnImageError(
            translate("Errors", "%1 is a data URI whose base64 data is damaged.").replace(
                "%1", str(label)
            ),
            source=label,
            detail=str(exc),
        ) from None


def open_image_file(path: str, name: str) -> BinaryIO:
    """Open ``path`` for reading, or raise the :class:`SourceError` that says why it cannot be.

    ``name`` is the display form used in messages. The caller closes the returned file.
    """
    if not path.strip():
        raise BadPathError(translate("Errors", "No file name was given."), source=name)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError, UnicodeError) as exc:
        raise _open_error(exc, path, name) from None
    try:
        _check_regular_file(os.fstat(fd), name)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_regular_file(info: os.stat_result, name: str) -> None:
    """Refuse what is not a non-empty regular file, judged on the open descriptor."""
    shown = short_name(name)
    if stat.S_ISDIR(info.st_mode):
        raise NotAFileError(
            translate("Errors", "%1 is a folder, not an image file.").replace("%1", str(shown)),
            source=name,
        )
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(
            translate(
                "Errors",
                "%1 is not a regular file (a device, pipe or socket); only image files "
                "can be attached.",
            ).replace("%1", str(shown)),
            source=name,
        )
    if info.st_size == 0:
        raise EmptyImageError(
            translate("Errors", "%1 is empty (0 bytes).").replace("%1", str(shown)), source=name
        )


def _open_error(exc: Exception, path: str, name: str) -> Exception:
    """The sentence for a path that ``os.open`` refused."""
    shown = short_name(name)
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            target = display_path(os.readlink(path))
            return BrokenLinkError(
                translate("Errors", "%1 is a symbolic link to %2, which does not exist.")
                .replace("%1", str(shown))
                .replace("%2", str(short_name(target))),
                source=name,
            )
        return ImageNotFoundError(
            translate("Errors", "%1: no such file.").replace("%1", str(shown)), source=name
        )
    if isinstance(exc, NotADirectoryError):
        return ImageNotFoundError(
            translate(
                "Errors", "%1: no such file (a part of the path is a file, not a folder)."
            ).replace("%1", str(shown)),
            source=name,
        )
    # Windows refuses to open folders with "permission denied".
    if isinstance(exc, IsADirectoryError) or (
        isinstance(exc, PermissionError) and os.path.isdir(path)
    ):
        return NotAFileError(
            translate("Errors", "%1 is a folder, not an image file.").replace("%1", str(shown)),
            source=name,
        )
    if isinstance(exc, PermissionError):
        return UnreadableFileError(
            translate("Errors", "%1 cannot be read: permission denied.").replace("%1", str(shown)),
            source=name,
        )
    if isinstance(exc, UnicodeError):
        return BadPathError(
            translate(
                "Errors", "%1 contains characters this system cannot use in a file name."
            ).replace("%1", str(shown)),
            source=name,
        )
    if isinstance(exc, ValueError):  # an embedded NUL character
        return BadPathError(
            translate("Errors", "%1 contains a NUL character.").replace("%1", str(shown)),
            source=name,
        )
    assert isinstance(exc, OSError)
    return _os_error(exc, path, name)


def _os_error(exc: OSError, path: str, name: str) -> Exception:
    shown = short_name(name)
    if exc.errno == errno.ENAMETOOLONG:
        longest = max((len(os.fsencode(p)) for p in path.split(os.sep)), default=0)
        return BadPathError(
            translate(
                "Errors",
                "%1: the path is too long for this system (%2 bytes; its longest name has "
                "%3, where most systems allow 255).",
            )
            .replace("%1", str(shown))
            .replace("%2", f"{len(os.fsencode(path)):,}")
            .replace("%3", f"{longest:,}"),
            source=name,
        )
    if exc.errno == errno.ELOOP:
        return BrokenLinkError(
            translate("Errors", "%1 is a loop of symbolic links.").replace("%1", str(shown)),
            source=name,
        )
    reason = exc.strerror or type(exc).__name__
    return UnreadableFileError(
        translate("Errors", "%1 cannot be opened: %2.")
        .replace("%1", str(shown))
        .replace("%2", str(reason)),
        source=name,
    )
