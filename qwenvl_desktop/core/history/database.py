"""The history file: where it lives, opening it, and setting a damaged one aside.

Opening is cheap (a few milliseconds) after a clean close. The file carries a mark while a
session has it open; when a start finds the mark (the last session crashed, or saw damage) it
runs SQLite's quick check over the whole file first, and a damaged file is set aside
(``history.db.corrupt-<timestamp>``, with its WAL under the matching name) so that a new, empty
history can start and the old one can still be recovered by hand.

Why it survives a ``SIGKILL``: each save is one short transaction committed to the write-ahead
log (WAL). With ``synchronous=NORMAL`` a commit reaches the operating system before the save
returns, so a killed process loses nothing it saved; only a power cut can lose the last commits,
never the file's consistency.

Failures that mean "no history this session" (the folder cannot be created, the file is in use
or read-only, or it comes from a newer version — such a file is left untouched) raise
:class:`~.errors.HistoryUnavailableError`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.history.errors import (
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    HistoryUnavailableError,
    translate_sqlite_error,
)
from qwenvl_desktop.core.history.schema import (
    NewerSchemaError,
    ensure_search_index,
    fts5_available,
    migrate,
)
from qwenvl_desktop.core.i18n import translate

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "HISTORY_FILENAME",
    "OpenedDatabase",
    "default_path",
    "end_session",
    "is_damage",
    "open_database",
]

log = logging.getLogger(__name__)

HISTORY_FILENAME = "history.db"
#: How long a write waits for another connection's lock before giving up (GUI thread: short).
BUSY_TIMEOUT_SECONDS = 2.0
_SQLITE_HEADER = b"SQLite format 3\x00"
#: Set in the file while a session has it open; a clean close removes it.
_SESSION_KEY = "session_open"


def default_path() -> Path:
    """``history.db`` in the platform's user data directory.

    Linux ``$XDG_DATA_HOME/qwenvl-desktop`` (``~/.local/share/…``), macOS
    ``~/Library/Application Support/…``, Windows ``%LOCALAPPDATA%\\qwenvl-desktop``.
    """
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / HISTORY_FILENAME


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """An open, migrated history database, and what opening it had to do."""

    db: sqlite3.Connection
    path: Path
    #: whether search uses the FTS5 index (else LIKE over the table)
    uses_fts: bool
    #: what happened to an unreadable file, for the window to show once; None when nothing did
    recovery_message: str | None


class _Damaged(Exception):
    """The file is not a usable database: set it aside."""


def open_database(path: Path | None = None, *, use_fts: bool | None = None) -> OpenedDatabase:
    """Open (creating or upgrading) the history at ``path`` (default :func:`default_path`).

    A file that is not a readable database is renamed to ``history.db.corrupt-<timestamp>`` and
    a new, empty history starts; ``recovery_message`` then says so. ``use_fts``: ``None`` uses
    FTS5 when this SQLite has it; ``False`` forces ``LIKE``.

    Raises :class:`~.errors.HistoryUnavailableError` when no history can be used this session.
    """
    path = default_path() if path is None else Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HistoryUnavailableError(
            translate(
                "Errors", "history is off for this session: its folder %1 cannot be created"
            ).replace("%1", str(path.parent)),
            detail=str(exc),
        ) from exc
    try:
        db, fts = _connect(path, use_fts)
    except _Damaged as exc:
        moved = _set_aside(path, exc)
    else:
        return OpenedDatabase(db, path, fts, None)
    try:
        db, fts = _connect(path, use_fts)
    except _Damaged as again:
        raise HistoryUnavailableError(
            translate(
                "Errors", "history is off for this session: a new history file cannot be created"
            ),
            detail=str(again),
        ) from again
    recovery = (
        f"The history file could not be read and was moved aside to {moved.name}; "
        "starting with an empty history."
    )
    return OpenedDatabase(db, path, fts, recovery)


def end_session(db: sqlite3.Connection, *, damaged: bool) -> None:
    """Remove the session mark (unless damage was seen), fold the WAL into the file.

    Best effort: the connection is closed by the caller whatever happens here. A file that
    showed damage keeps its mark, so the next start checks the whole file and sets it aside.
    """
    with contextlib.suppress(sqlite3.Error):
        if not damaged:
            db.execute("DELETE FROM meta WHERE key = ?", (_SESSION_KEY,))
        db.execute("PRAGMA optimize")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged (rather than busy, full or read-only)."""
    return _primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def _set_aside(path: Path, damage: _Damaged) -> Path:
    try:
        moved = _move_aside(path)
    except OSError as move_error:
        raise HistoryUnavailableError(
            translate(
                "Errors",
                "history is off for this session: the history file is damaged and could "
                "not be moved aside",
            ),
            detail=f"{damage}; {move_error}",
        ) from move_error
    log.warning("history file %s is damaged (%s); moved to %s", path, damage, moved)
    return moved


def _check_header(path: Path) -> None:
    # Judge the header before SQLite opens the file: closing a connection to a file it cannot
    # read may delete the WAL beside it, which belongs with the damaged file.
    if not path.is_file():
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise _Damaged(f"cannot read the file: {exc}") from exc
    if header and header != _SQLITE_HEADER:
        raise _Damaged("not an SQLite database (wrong header)")


def _connect(path: Path, use_fts: bool | None) -> tuple[sqlite3.Connection, bool]:
    existed = path.exists()
    _check_header(path)
    db: sqlite3.Connection | None = None
    try:
        _create_private_file(path)
        # isolation_level=None: no implicit transactions; every write says BEGIN IMMEDIATE
        # itself, so a transaction takes the write lock up front and stays short.
        # check_same_thread=False: a long reply is written by a worker thread, while the GUI
        # thread waits to use the store again (services/history.py); the store itself enforces
        # one thread at a time (HistoryStore._check_thread).
        db = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        return db, _prepare(db, path, existed=existed, use_fts=use_fts)
    except BaseException as exc:
        if db is not None:
            db.close()
        translated = _opening_error(exc, path)
        if translated is exc:
            raise
        raise translated from exc


def _prepare(db: sqlite3.Connection, path: Path, *, existed: bool, use_fts: bool | None) -> bool:
    """Set the connection up, check and migrate the file, mark the session; whether FTS is used."""
    if db.execute("PRAGMA page_count").fetchone()[0] == 0:
        # Must precede WAL mode and the first table; lets purge return freed pages.
        db.execute("PRAGMA auto_vacuum = INCREMENTAL")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        log.warning("history: WAL mode unavailable (%s); using %s", path, mode)
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    # Deleted conversations are overwritten, not just unlinked: they held private images.
    db.execute("PRAGMA secure_delete = ON")
    # The full check reads the whole file (about 1 ms per MB): only after a session that did
    # not close cleanly (a crash, a kill, or damage seen while running).
    if existed and _previous_session_unfinished(db):
        problems = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise _Damaged("quick_check: " + "; ".join(map(str, problems)))
    upgraded = migrate(db)
    fts = fts5_available(db) if use_fts is None else use_fts and fts5_available(db)
    ensure_search_index(db, use_fts=fts)
    if upgraded:
        # The new schema's pages (every table, for a new file) go into the file now rather
        # than at the session's end: the session starts with an empty WAL, not a few hundred KB.
        with contextlib.suppress(sqlite3.Error):
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (_SESSION_KEY, f"pid {os.getpid()} since {time.time():.0f}"),
    )
    return fts


def _opening_error(exc: BaseException, path: Path) -> BaseException:
    """What a failure while opening means: damage (set the file aside), or no history now."""
    if isinstance(exc, NewerSchemaError):
        return HistoryUnavailableError(
            translate(
                "Errors",
                "history is off for this session: the history file was written by a newer "
                "version of Qwen-VL Desktop and is left as it is",
            ),
            detail=str(exc),
        )
    if isinstance(exc, sqlite3.Error):
        if is_damage(exc) or (_primary_code(exc) == SQLITE_CANTOPEN and path.exists()):
            return _Damaged(f"{type(exc).__name__}: {exc}")
        return translate_sqlite_error(exc, "open")
    if isinstance(exc, OSError):
        return HistoryUnavailableError(
            translate(
                "Errors", "history is off for this session: the history file cannot be created"
            ),
            detail=str(exc),
        )
    return exc  # _Damaged, and anything unexpected, stay what they are


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (it holds the user's images).

    SQLite gives its ``-wal`` and ``-shm`` files the database file's permissions.
    """
    if os.name != "posix" or path.exists():
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _move_aside(path: Path) -> Path:
    """Rename the damaged file (and its WAL) to ``history.db.corrupt-<timestamp>``.

    The WAL keeps the matching name (``…corrupt-<timestamp>-wal``), so a recovery tool that opens
    the moved file still sees the last commits.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _previous_session_unfinished(db: sqlite3.Connection) -> bool:
    """Whether the last session left its mark (or the file predates the mark, schema < 2)."""
    has_meta = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return True
    return db.execute("SELECT 1 FROM meta WHERE key = ?", (_SESSION_KEY,)).fetchone() is not None


def _primary_code(exc: sqlite3.Error) -> int | None:
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF
