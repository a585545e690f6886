"""An animation that arrives as bytes (dragged from a browser, pasted image data) kept as a file.

Probing and extraction read a file (:func:`~.probe.open_video_file`: PyAV and Pillow seek in it,
and a new fps re-extracts from it later), so the bytes are written once to the cache folder,
named by their SHA-256 (the same animation pasted twice is one file), and from then on it is a
video file like any other. Files there older than :data:`KEEP_SECONDS` are removed when another
is written: the frames sent are kept by the history, the file only serves the draft.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from pathlib import Path

__all__ = [
    "KEEP_SECONDS",
    "animation_suffix",
    "may_be_animation",
    "pasted_folder",
    "store_pasted_animation",
]

#: Pasted animations are kept this long (a draft rarely lives longer than a day).
KEEP_SECONDS = 2 * 24 * 3600


def pasted_folder() -> Path:
    """Where pasted animations are kept: the user cache folder's ``pasted-video``
    (``$XDG_CACHE_HOME/qwenvl-desktop`` on Linux)."""
    import platformdirs

    from qwenvl_desktop import APP_ID

    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)) / "pasted-video"


def animation_suffix(data: bytes) -> str:
    """The file ending that the bytes' signature names (``.gif``, ``.png``, ``.webp``); ``.bin``
    otherwise (the probe tells by content, not by name)."""
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return ".gif"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return ".png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return ".bin"


def may_be_animation(data: bytes) -> bool:
    """Whether the bytes' header allows an animation: any GIF, a PNG with an animation chunk
    (``acTL`` before the first ``IDAT``: APNG), a WebP of the extended format with its animation
    flag. Only the signature and chunk names are looked at — a still JPEG, PNG or WebP is told
    apart without opening it as an image (the image pipeline then decodes it once)."""
    suffix = animation_suffix(data)
    if suffix == ".gif":
        return True
    if suffix == ".png":
        first_image = data.find(b"IDAT")
        return data.find(b"acTL", 8, first_image if first_image >= 0 else len(data)) >= 0
    if suffix == ".webp":
        return data[12:16] == b"VP8X" and len(data) > 20 and bool(data[20] & 0x02)
    return False


def store_pasted_animation(data: bytes, *, folder: Path | None = None) -> Path:
    """``data`` as a file in ``folder`` (:func:`pasted_folder` by default): its path.

    Written to a temporary name and renamed, so a half-written file is never probed. Raises
    :class:`OSError` when the folder cannot be written.
    """
    folder = pasted_folder() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:32]}{animation_suffix(data)}"
    if path.is_file() and path.stat().st_size == len(data):
        os.utime(path)  # in use again: not pruned
        return path
    _prune(folder)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def _prune(folder: Path) -> None:
    """Remove animations (and abandoned partial writes) older than :data:`KEEP_SECONDS`."""
    oldest = time.time() - KEEP_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < oldest:
                    os.unlink(entry.path)
