"""Replacing a file all at once: readers see the old file or the new one, never half of it.

Settings, quick prompts and exports are rewritten whole; a crash or a full disk mid-write must
not leave a truncated file that the next start refuses to read (or an export that looks
complete and is not). This is the app's one writer of such files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Any

__all__ = ["write_bytes_atomically", "write_text_atomically"]


def write_text_atomically(path: Path, text: str, *, prefix: str | None = None) -> None:
    """Write ``text`` (UTF-8) to a temporary file beside ``path``, then rename it over ``path``.

    The folder is created if needed. ``prefix`` names the temporary file (default
    ``.<name>.``), so a leftover from a killed process says what it was.
    """
    _replace(path, text, prefix)


def write_bytes_atomically(path: Path, data: bytes, *, prefix: str | None = None) -> None:
    """:func:`write_text_atomically` for bytes (images, pre-encoded text)."""
    _replace(path, data, prefix)


def _replace(path: Path, content: str | bytes, prefix: str | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}." if prefix is None else prefix, suffix=".tmp", dir=path.parent
    )
    try:
        # Text mode for text keeps the platform's line ends, as the settings file always had.
        handle: IO[Any] = (
            os.fdopen(fd, "w", encoding="utf-8")
            if isinstance(content, str)
            else os.fdopen(fd, "wb")
        )
        with handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
