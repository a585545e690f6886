"""What a batch asks about: files, folders, globs and list files become :class:`BatchItem`\\ s.

An argument is, in this order of checks:

* an ``http(s)://`` URL — passed on as it is (the service fetches it);
* a ``.csv`` or ``.jsonl`` file — a list: one input per row, its ``path`` column (a path, relative
  to the list's folder, or a URL) and an optional ``prompt`` column that replaces the batch's
  prompt for that row;
* a folder — every image below it (recursively; hidden files and folders skipped), by name;
* a file — taken whatever its name: if it is not an image, its row says so;
* a glob (``scans/**/*.png``) — whatever it matches, as above (a list file matched by a glob
  is an input, not a list).

Local paths are made absolute, so that a rerun from another folder finds the rows already done.
The order is stable (arguments in their order, a folder's images sorted by path) and an input
asked twice with the same prompt is asked once.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images.extensions import IMAGE_EXTENSIONS

__all__ = [
    "IMAGE_EXTENSIONS",
    "LIST_SUFFIXES",
    "BatchInputError",
    "BatchItem",
    "collect_inputs",
    "content_sha256",
    "is_url",
]

#: list files: one input per row
LIST_SUFFIXES = frozenset({".csv", ".jsonl"})
_GLOB_CHARACTERS = frozenset("*?[")


class BatchInputError(ValueError):
    """The inputs cannot be used as given (a usage error); ``str()`` is one sentence."""


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One request of a batch: an image (an absolute path or a URL) and the question about it."""

    source: str
    prompt: str


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def content_sha256(source: str) -> str:
    """The SHA-256 of a local file's bytes (hex); ``""`` for a URL or a file that cannot be read
    (its row then carries the image pipeline's sentence for it)."""
    if is_url(source):
        return ""
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except (OSError, ValueError):  # missing, a folder, no permission, a NUL in the name
        return ""
    return digest.hexdigest()


def collect_inputs(paths: Sequence[str], prompt: str) -> list[BatchItem]:
    """The items ``paths`` name, each asked ``prompt`` unless its list row has its own.

    Raises :class:`BatchInputError` when nothing is found, a named path does not exist, or a list
    file cannot be read or has no ``path`` column.
    """
    items: list[BatchItem] = []
    seen: set[BatchItem] = set()
    for argument in paths:
        for item in _items_of(argument, prompt):
            if item not in seen:
                seen.add(item)
                items.append(item)
    if not items:
        named = ", ".join(paths) if paths else "nothing"
        raise BatchInputError(
            translate("Errors", "No images found in %1.").replace("%1", str(named))
        )
    return items


def _items_of(argument: str, prompt: str) -> Iterator[BatchItem]:
    if is_url(argument):
        yield BatchItem(argument, prompt)
        return
    path = Path(argument).expanduser()
    if path.suffix.lower() in LIST_SUFFIXES and path.is_file():
        yield from _list_items(path, prompt)
    elif path.is_dir():
        yield from (BatchItem(image, prompt) for image in _images_below(path))
    elif path.exists() or path.is_symlink():
        yield BatchItem(os.path.abspath(path), prompt)
    elif _GLOB_CHARACTERS & set(argument):
        for match in sorted(glob.glob(os.path.expanduser(argument), recursive=True)):
            if os.path.isdir(match):
                yield from (BatchItem(image, prompt) for image in _images_below(Path(match)))
            else:
                yield BatchItem(os.path.abspath(match), prompt)
    else:
        raise BatchInputError(
            translate("Errors", "%1: no such file or folder.").replace("%1", str(argument))
        )


def _images_below(folder: Path) -> list[str]:
    found: list[str] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += (
            os.path.abspath(os.path.join(root, name))
            for name in files
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS
        )
    return sorted(found)


def _list_items(path: Path, prompt: str) -> Iterator[BatchItem]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise BatchInputError(
            translate("Errors", "Cannot read the list %1: %2.")
            .replace("%1", str(path))
            .replace("%2", str(reason))
        ) from None
    rows = _csv_rows(path, text) if path.suffix.lower() == ".csv" else _jsonl_rows(path, text)
    for number, row in rows:
        source = str(row.get("path") or "").strip()
        if not source:
            raise BatchInputError(
                translate("Errors", "%1, row %2: the path is empty.")
                .replace("%1", str(path))
                .replace("%2", str(number))
            )
        if not is_url(source):
            source = os.path.abspath(path.parent / Path(source).expanduser())
        own_prompt = row.get("prompt")
        if isinstance(own_prompt, str) and own_prompt.strip():
            yield BatchItem(source, own_prompt.strip())
        else:
            yield BatchItem(source, prompt)


def _csv_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(text.splitlines(keepends=True))
    try:
        columns = [name.strip().lower() for name in reader.fieldnames or ()]
    except csv.Error as error:
        raise BatchInputError(
            translate("Errors", "Cannot read the list %1: %2.")
            .replace("%1", str(path))
            .replace("%2", str(error))
        ) from None
    if "path" not in columns:
        raise BatchInputError(
            translate(
                "Errors", "The list %1 has no 'path' column (its first row names them)."
            ).replace("%1", str(path))
        )
    reader.fieldnames = columns
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as error:
        where = f"{path}, line {reader.line_num}"
        raise BatchInputError(
            translate("Errors", "Cannot read the list %1: %2.")
            .replace("%1", str(where))
            .replace("%2", str(error))
        ) from None


def _jsonl_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise BatchInputError(
                translate("Errors", "The list %1, line %2, is not JSON.")
                .replace("%1", str(path))
                .replace("%2", str(number))
            ) from None
        if not isinstance(row, dict) or "path" not in row:
            raise BatchInputError(
                translate("Errors", "The list %1, line %2, has no 'path' field.")
                .replace("%1", str(path))
                .replace("%2", str(number))
            )
        yield number, row
